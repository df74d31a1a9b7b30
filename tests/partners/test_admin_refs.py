"""Partner-directory admin: the press releases that refer to an entry, and refused deletes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partners.models import Embassy, Institution, Partnership, Person
from tests.factories import (
    make_editor,
    make_embassy,
    make_institution,
    make_partnership,
    make_person,
    make_press_release,
    make_superuser,
)

pytestmark = pytest.mark.django_db

KINDS = {
    "embassy": (make_embassy, "embassies", Embassy),
    "institution": (make_institution, "institutions", Institution),
    "person": (make_person, "people", Person),
    "partnership": (make_partnership, "partnerships", Partnership),
}


@pytest.mark.parametrize("kind", KINDS)
def test_change_form_lists_referring_press_releases(client, kind):
    factory, link, _model = KINDS[kind]
    entry = factory()
    make_press_release(title="Refers to it", **{link: [entry]})
    make_press_release(title="Unrelated")
    client.force_login(make_editor())
    page = client.get(reverse(f"admin:partners_{kind}_change", args=[entry.pk])).content.decode()
    assert "press releases that refer to this" in page.lower()
    assert "Refers to it" in page
    assert "Unrelated" not in page


def test_referring_list_costs_one_query_whatever_its_length(client):
    institution = make_institution()
    client.force_login(make_editor())
    url = reverse("admin:partners_institution_change", args=[institution.pk])
    make_press_release(institutions=[institution])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(15):
        make_press_release(institutions=[institution])
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count("/admin/news/pressrelease/") >= 16
    assert len(many) == len(few)


@pytest.mark.parametrize("kind", KINDS)
def test_deleting_a_referred_entry_is_refused_with_the_list(client, kind):
    factory, link, model = KINDS[kind]
    entry = factory()
    press_release = make_press_release(title="Keeps it alive", **{link: [entry]})
    client.force_login(make_superuser())
    url = reverse(f"admin:partners_{kind}_delete", args=[entry.pk])
    page = client.get(url).content.decode()
    assert "protected related objects" in page
    assert "Keeps it alive" in page
    client.post(url, {"post": "yes"})
    assert model.objects.filter(pk=entry.pk).exists()
    press_release.refresh_from_db()


def test_unreferenced_entry_can_be_deleted(client):
    institution = make_institution()
    client.force_login(make_superuser())
    url = reverse("admin:partners_institution_delete", args=[institution.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Institution.objects.filter(pk=institution.pk).exists()
