"""Editors and publishers, with the real groups of the migration, do their daily work on
the models added after the workflow: gallery images, attachments, suggested links."""

import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.linking import import_file
from news.models import LinkSuggestion, PressRelease, PressReleaseAttachment, PressReleaseImage
from partners.models import Figure, Institution
from tests.factories import (
    make_editor,
    make_press_release,
    make_publisher,
    pdf_bytes,
    phone_photo,
)

from .conftest import CORPUS
from .test_media_admin import form_data, prefix_of, with_gallery

Status = PressRelease.Status
pytestmark = pytest.mark.django_db

ROLES = {"editor": make_editor, "publisher": make_publisher}


def decide_url(suggestion, decision):
    return reverse(
        "admin:news_pressrelease_suggestion",
        args=[suggestion.press_release_id, suggestion.pk, decision],
    )


@pytest.fixture(params=ROLES)
def staff_client(request, client):
    client.force_login(ROLES[request.param]())
    return client


@pytest.fixture
def imported_seed(corpus_directory, tmp_path):
    shutil.copy(CORPUS / "01-antwerp-seed.txt", tmp_path / "seed.txt")
    return import_file(tmp_path / "seed.txt").press_release


def test_groups_add_a_gallery_image_and_an_attachment(staff_client):
    draft = make_press_release(status=Status.DRAFT)
    url = reverse("admin:news_pressrelease_change", args=[draft.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    data = with_gallery(
        page, form_data(page), SimpleUploadedFile("IMG_1.jpg", phone_photo()), alt_en="A meeting"
    )
    attachments = prefix_of(page, PressReleaseAttachment)
    data[f"{attachments}-TOTAL_FORMS"] = "1"
    data[f"{attachments}-0-title_en"] = "Joint statement"
    data[f"{attachments}-0-file"] = SimpleUploadedFile("statement.pdf", pdf_bytes())
    data[f"{attachments}-0-position"] = "0"

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert PressReleaseImage.objects.get(press_release=draft).alt == "A meeting"
    assert PressReleaseAttachment.objects.get(press_release=draft).title == "Joint statement"


def test_groups_accept_a_figure_and_dismiss_a_suggestion(staff_client, imported_seed):
    page = staff_client.get(reverse("admin:news_pressrelease_change", args=[imported_seed.pk]))
    html = page.content.decode()
    figure = imported_seed.link_suggestions.get(kind="figure", value=11)
    other = imported_seed.link_suggestions.get(kind="figure", value=5)
    assert decide_url(figure, "accept") in html and decide_url(other, "dismiss") in html

    assert staff_client.post(decide_url(figure, "accept")).status_code == 302
    assert staff_client.post(decide_url(other, "dismiss")).status_code == 302

    assert imported_seed.figures.filter(label="Kazakh students", value=11).exists()
    assert Figure.objects.filter(value=5).count() == 0
    other.refresh_from_db()
    assert other.status == LinkSuggestion.Status.DISMISSED


def test_groups_create_a_new_institution_from_a_suggestion(staff_client):
    draft = make_press_release(
        "Delft visit",
        status=Status.DRAFT,
        lead="The Ambassador visited Delft University of Technology in the Netherlands.",
    )
    staff_client.post(reverse("admin:news_pressrelease_detect_mentions", args=[draft.pk]))
    suggestion = draft.link_suggestions.get(kind="new_institution")

    assert staff_client.post(decide_url(suggestion, "accept")).status_code == 302

    assert draft.institutions.get() == Institution.objects.get(
        name="Delft University of Technology"
    )


def test_editor_viewing_a_published_press_release_gets_no_decision_buttons(client, imported_seed):
    imported_seed.status = Status.PUBLISHED
    imported_seed.published_at = imported_seed.created_at
    imported_seed.save()
    figure = imported_seed.link_suggestions.get(kind="figure", value=11)
    client.force_login(make_editor())

    response = client.get(reverse("admin:news_pressrelease_change", args=[imported_seed.pk]))

    assert response.status_code == 200  # read-only for editors
    html = response.content.decode()
    assert decide_url(figure, "accept") not in html
    assert 'class="suggested-links"' not in html and "Accept all" not in html
    assert client.post(decide_url(figure, "accept")).status_code == 403
