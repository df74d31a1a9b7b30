"""A readable admin: the ministry's name, the site's dates, formatted text, one message."""

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import make_editor, make_press_release, make_publisher

from .test_merge_on_conflict import form_data
from .workflow_helpers import change_url, messages_of

pytestmark = pytest.mark.django_db
Status = PressRelease.Status


def test_header_is_in_the_ministrys_name(client):
    client.force_login(make_editor())
    page = client.get(reverse("admin:index")).content.decode()
    assert "Ministry of Foreign Affairs of the Republic of Kazakhstan" in page
    assert "Django administration" not in page


def test_dates_are_in_the_sites_format(client):
    client.force_login(make_publisher())
    make_press_release(title_en="Dated")
    page = client.get(reverse("admin:news_pressrelease_changelist")).content.decode()
    assert " a.m." not in page and " p.m." not in page
    from django.utils import timezone
    from django.utils.formats import date_format

    assert date_format(timezone.localdate(), "j M Y") in page


def test_a_body_the_editor_cannot_change_is_shown_formatted(client):
    published = make_press_release(body="<p>First <strong>bold</strong> paragraph.</p>")
    client.force_login(make_editor())
    page = client.get(change_url(published)).content.decode()
    assert '<div class="readonly-body"><p>First <strong>bold</strong> paragraph.</p></div>' in page
    assert "&lt;p&gt;" not in page


def test_the_publication_time_is_explained_to_editors(client):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(make_editor())
    page = client.get(change_url(draft)).content.decode()
    assert "A publisher sets it when publishing" in page
    assert 'name="published_at_0"' not in page


def test_workflow_buttons_sit_beside_save_and_give_one_message(client):
    draft = make_press_release(status=Status.DRAFT)
    client.force_login(make_editor())
    page = client.get(change_url(draft))
    html = page.content.decode()
    row = html[html.index('<div class="submit-row">') :]
    row = row[: row.index("</div>")]
    assert 'value="submit"' in row and 'name="_save"' in row

    response = client.post(
        change_url(draft), {**form_data(page), "_transition": "submit"}, follow=True
    )

    assert messages_of(response) == [f"“{draft.title_en}” is now in review."]
