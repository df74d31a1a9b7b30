"""Photos of people and missions, institution logos: same checks as press-release images."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template

from partners.models import Embassy, Institution, Person
from tests.factories import image_bytes, image_upload, make_embassy, make_institution

pytestmark = pytest.mark.django_db


def add_person(admin_client, **extra):
    data = {
        "name_en": "Herman Van Goethem",
        "slug": "herman-van-goethem",
        "honorific_en": "Prof.",
        "bio_en": "",
        "positions-TOTAL_FORMS": "0",
        "positions-INITIAL_FORMS": "0",
        **extra,
    }
    return admin_client.post("/admin/partners/person/add/", data)


def test_person_photo_upload_through_the_admin(admin_client):
    response = add_person(
        admin_client, photo=image_upload("rector.jpg", size=(600, 800)), photo_alt="The rector"
    )
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.photo.name.startswith("people/") and "rector" not in person.photo.name
    assert (person.photo_width, person.photo_height) == (600, 800)


def test_person_photo_needs_alt_text_or_the_decorative_flag(admin_client):
    response = add_person(admin_client, photo=image_upload("rector.jpg"))
    assert response.status_code == 200
    assert "or mark it as decorative" in response.content.decode()
    assert not Person.objects.exists()
    response = add_person(admin_client, photo=image_upload("rector.jpg"), photo_decorative="on")
    assert response.status_code == 302


def test_person_photo_hostile_file_is_refused(admin_client):
    response = add_person(
        admin_client,
        photo=SimpleUploadedFile("rector.jpg", image_bytes("TIFF")),
        photo_alt="The rector",
    )
    assert response.status_code == 200
    assert "TIFF files are not accepted" in response.content.decode()
    assert not Person.objects.exists()


def test_embassy_photo_and_institution_logo_are_processed_on_save():
    embassy = make_embassy(photo=image_upload("embassy.webp", image_bytes("WEBP")))
    embassy.photo_alt = "The embassy building in Brussels"
    embassy.save()
    assert Embassy.objects.get().photo.name.endswith(".webp")
    logo = image_bytes("PNG", size=(300, 100), mode="RGBA", color=(0, 0, 0, 0))
    institution = make_institution(logo=image_upload("logo.png", logo), logo_alt="UAntwerp")
    assert Institution.objects.get(pk=institution.pk).logo_width == 300


def test_logo_renders_through_the_image_include():
    institution = make_institution(
        logo=image_upload("logo.png", image_bytes("PNG", size=(300, 100))),
        logo_alt="University of Antwerp",
    )
    html = Template(
        '{% include "includes/image.html" with image=i.logo alt=i.logo_alt sizes="10em" %}'
    ).render(Context({"i": institution}))
    assert 'alt="University of Antwerp"' in html
    assert 'sizes="10em"' in html
    assert "300w" in html


def test_missing_person_photo_does_not_break_loading_or_rendering():
    person = Person.objects.create(name="A", slug="a", photo="people/gone.jpg", photo_alt="A")
    loaded = Person.objects.get(pk=person.pk)
    assert loaded.photo_width is None
    html = Template('{% load images %}{% responsive_image p.photo alt="A" %}').render(
        Context({"p": loaded})
    )
    assert html == ""


@pytest.mark.parametrize(
    "path",
    [
        "partners/models.py",
        "mfa_site/images.py",
        "mfa_site/media_fields.py",
        "mfa_site/attachments.py",
        "mfa_site/uploads.py",
        "mfa_site/templatetags/images.py",
    ],
)
def test_partners_and_the_media_code_do_not_import_news(path):
    source = (Path(__file__).resolve().parents[2] / path).read_text()
    assert "from news" not in source and "import news" not in source
