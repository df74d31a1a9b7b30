"""Translating a press release in the admin: sections per language, outdated, parity."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from news.models import PressRelease
from tests.factories import make_editor, make_institution, make_press_release, make_publisher
from tests.news.workflow_helpers import change_url, form_data

Status = PressRelease.Status
pytestmark = pytest.mark.django_db


def russian_client(user):
    """An editor whose browser, and so whose admin, is in Russian."""
    client = Client(headers={"accept-language": "ru"})
    client.force_login(user)
    return client


def kazakh_url(name, *args):
    with translation.override("kk"):
        return reverse(name, args=args)


def test_kazakh_translation_written_in_the_russian_admin_is_published_in_kazakh():
    draft = make_press_release(
        "Ambassador meets rector",
        status=Status.DRAFT,
        lead="The ambassador met the rector.",
        body="<p>Eleven students study in Antwerp.</p>",
    )
    editor = russian_client(make_editor())
    form = editor.get(change_url(draft)).text
    assert 'name="title_kk"' in form and 'lang="kk"' in form
    data = form_data(
        draft,
        title_kk="Елші ректормен кездесті",
        lead_kk="Елші ректормен кездесті.",
        body_kk="<p>Антверпенде он бір студент оқиды.</p>",
        _transition="submit",
    )
    assert editor.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.status == Status.REVIEW
    assert draft.translation_states()["kk"] == "current"

    publisher = russian_client(make_publisher())
    data = form_data(draft, publisher=True, _transition="publish")
    data["published_at_0"], data["published_at_1"] = "2026-01-10", "10:00:00"
    response = publisher.post(change_url(draft), data)
    assert response.status_code == 302, response.context and response.context["errors"]

    reader = Client()
    assert "Елші ректормен кездесті" in reader.get(kazakh_url("news:list")).text
    assert "Елші ректормен кездесті" in reader.get(kazakh_url("news:feed")).text
    found = reader.get(kazakh_url("news:list"), {"q": "ректормен"}).text
    assert "Елші ректормен кездесті" in found
    page = reader.get(kazakh_url("news:detail", draft.slug))
    assert page.status_code == 200 and "он бір студент" in page.text


def test_an_edit_of_the_original_marks_the_translation_outdated_in_the_admin():
    published = make_press_release(
        "Ambassador meets rector",
        title_ru="Посол встретился с ректором",
        lead_ru="Посол встретился с ректором.",
        body_ru="<p>Текст.</p>",
    )
    published.confirm_translation("ru")
    publisher = russian_client(make_publisher())
    data = form_data(published, publisher=True, lead="The ambassador met the new rector.")
    assert publisher.post(change_url(published), data).status_code == 302
    published.refresh_from_db()
    assert published.translation_states()["ru"] == "outdated"

    listing = reverse("admin:news_pressrelease_changelist")
    # The change list names it in the editor's language where it has a title in it.
    assert published.title_ru in publisher.get(listing, {"translation": "outdated"}).text
    form = publisher.get(change_url(published)).text
    assert "language-state--outdated" in form and 'name="confirm_translations"' in form

    # The translator checks it and confirms: no longer outdated.
    data = form_data(published, publisher=True, confirm_translations="ru")
    assert publisher.post(change_url(published), data).status_code == 302
    published.refresh_from_db()
    assert published.translation_states()["ru"] == "current"
    assert publisher.get(listing, {"translation": "outdated"}).context["cl"].result_count == 0


def test_a_translation_with_another_number_gets_a_parity_warning():
    university = make_institution("University of Antwerp", name_ru="Антверпенский университет")
    draft = make_press_release(
        "Eleven students",
        status=Status.DRAFT,
        lead="Currently, 11 students study at the University of Antwerp.",
        body="<p>Cooperation grows.</p>",
        title_ru="Студенты в Антверпене",
        lead_ru="Сейчас в Антверпенском университете учатся 12 студентов.",
        body_ru="<p>Сотрудничество растёт.</p>",
        institutions=[university],
    )
    editor = russian_client(make_editor())
    form = editor.get(change_url(draft)).text
    warnings = form.split('class="parity-warnings"', 1)[1].split("</ul>", 1)[0]
    assert "parity-warning" in warnings and "12" in warnings and "11" in warnings
    response = editor.post(change_url(draft), form_data(draft, _transition="submit"), follow=True)
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("11" in warning for warning in warnings), warnings
    assert any("12" in warning for warning in warnings), warnings


def test_the_original_language_needs_title_lead_and_body():
    editor = russian_client(make_editor())
    data = form_data(None, original_language="ru")  # the English fields are filled, not Russian
    response = editor.post(reverse("admin:news_pressrelease_add"), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert {"title_ru", "lead_ru", "body_ru"} <= set(errors)
    assert not PressRelease.objects.exists()
