"""The partner dossier: staff only, complete, a fixed number of queries, bad dates explained."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from news.models import PressRelease
from partners.models import Partnership
from tests.factories import (
    country,
    make_area,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
)

pytestmark = pytest.mark.django_db


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def antwerp(db):
    embassy = make_embassy("Embassy in Belgium", host_country="BE")
    old = make_person("Former Ambassador", honorific="H.E.")
    new = make_person("Roman Vassilenko", honorific="H.E.")
    make_position(
        old,
        embassy=embassy,
        start_date=datetime.date(2018, 1, 1),
        end_date=datetime.date(2022, 12, 31),
    )
    make_position(new, embassy=embassy, start_date=datetime.date(2023, 1, 1))
    accredited = make_embassy("Embassy in the Netherlands", host_country="NL")
    accredited.accredited_countries.set([country("BE")])
    make_embassy("Embassy in France", host_country="FR")

    university = make_institution("University of Antwerp", slug="university-of-antwerp")
    rector = make_person("Herwig Leirs", honorific="Prof.")
    make_position(rector, "Rector", institution=university, start_date=datetime.date(2020, 10, 1))
    former = make_person("Earlier Rector")
    make_position(
        former,
        "Rector",
        institution=university,
        start_date=datetime.date(2012, 1, 1),
        end_date=datetime.date(2020, 9, 30),
    )
    amu = make_institution("Almaty Management University", country_code="KZ")
    mobility = make_partnership(
        "Academic mobility",
        institutions=[university, amu],
        areas=[make_area("Higher education")],
        status=Partnership.Status.ACTIVE,
    )
    proposal = make_partnership(
        "Joint course in logistics",
        institutions=[university, amu],
        areas=[make_area("Transport and logistics")],
        status=Partnership.Status.PROPOSED,
    )
    students = make_figure(
        mobility, label="Kazakh students", value=11, as_of=datetime.date(2026, 2, 10)
    )
    make_figure(mobility, label="Kazakh students", value=7, as_of=datetime.date(2024, 2, 10))
    early = make_press_release(
        "Rector received in 2022", published_at=aware(2022, 5, 1, 10), institutions=[university]
    )
    late = make_press_release(
        "Ambassador meets rector",
        published_at=aware(2026, 2, 10, 11),
        institutions=[university],
        figures=[students],
    )
    make_press_release("Secret draft", status=PressRelease.Status.DRAFT, institutions=[university])
    make_press_release(
        "Secret scheduled", published_at=aware(2099, 1, 1, 10), institutions=[university]
    )
    return {"university": university, "early": early, "late": late, "proposal": proposal}


@pytest.fixture
def staff_client(staff_client):
    """A staff member who reads English (the tests write the directory in English)."""
    staff_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return staff_client


def dossier_url(slug="university-of-antwerp"):
    return reverse("staff:institution-dossier", args=[slug])


def test_anonymous_visitors_are_sent_to_login(client, antwerp):
    for url in [
        dossier_url(),
        reverse("staff:institution-dossier-pdf", args=["university-of-antwerp"]),
        reverse("staff:country-dossier", args=["be"]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert "login" in response["Location"]


def test_logged_in_non_staff_are_refused(client, django_user_model, antwerp):
    client.force_login(django_user_model.objects.create_user("citizen"))
    assert client.get(dossier_url()).status_code == 403


def test_the_institution_dossier_has_everything_for_a_meeting(staff_client, antwerp):
    response = staff_client.get(dossier_url())
    assert response.status_code == 200
    dossier = response.context["dossier"]
    assert [p.person.name for p in dossier.current_posts] == ["Herwig Leirs"]
    assert [p.person.name for p in dossier.past_posts] == ["Earlier Rector"]
    missions = [(m.name, str(head) if head else None) for m, head in dossier.missions]
    assert missions == [
        ("Embassy in Belgium", "Roman Vassilenko"),
        ("Embassy in the Netherlands", None),
    ]
    assert [e.partnership.title for e in dossier.partnerships] == [
        "Academic mobility",
        "Joint course in logistics",
    ]
    assert [a.name for a in dossier.areas] == ["Higher education", "Transport and logistics"]
    assert [p.title for p in dossier.proposals] == ["Joint course in logistics"]
    # Last contacts: published only, newest first, each with the ambassador of its day.
    contacts = [
        (c.press_release.title, [str(person) for _m, person in c.ambassadors])
        for c in dossier.contacts
    ]
    assert contacts == [
        ("Ambassador meets rector", ["Roman Vassilenko"]),
        ("Rector received in 2022", ["Former Ambassador"]),
    ]
    html = response.content.decode()
    assert "Secret" not in html
    assert '<svg class="chart__svg"' in html  # the chart of partners/charts.py
    assert "Kazakh students" in html


def test_changes_since_a_date(staff_client, antwerp):
    response = staff_client.get(dossier_url(), {"since": "2025-01-01"})
    changes = response.context["dossier"].changes
    assert [p.title for p in changes.press_releases] == ["Ambassador meets rector"]
    assert [(f.label, f.value) for f in changes.figures] == [
        ("Kazakh students", 7),  # recorded today, although it counts 2024
        ("Kazakh students", 11),
    ]
    assert changes.posts_started == []
    assert "What changed since 1 January 2025" in response.content.decode()


@pytest.mark.parametrize("since", ["31-12-2025", "2025-13-01", "yesterday", "x" * 10_000, "\x00"])
def test_a_bad_date_gets_a_clear_message(staff_client, antwerp, since):
    response = staff_client.get(dossier_url(), {"since": since})
    assert response.status_code == 200
    assert "Enter a date as YYYY-MM-DD" in response.content.decode()
    assert response.context["dossier"].changes is None


def test_unknown_institution_or_country_is_a_404(staff_client, antwerp):
    assert staff_client.get(dossier_url("nowhere")).status_code == 404
    assert staff_client.get(reverse("staff:country-dossier", args=["zz"])).status_code == 404
    assert staff_client.get(reverse("staff:country-dossier", args=["bel"])).status_code == 404


def test_the_country_dossier_gathers_its_institutions(staff_client, antwerp):
    response = staff_client.get(reverse("staff:country-dossier", args=["be"]))
    assert response.status_code == 200
    dossier = response.context["dossier"]
    assert [i.name for i in dossier.institutions] == ["University of Antwerp"]
    assert [p.person.name for p in dossier.current_posts] == ["Herwig Leirs"]
    assert [c.press_release.title for c in dossier.contacts] == [
        "Ambassador meets rector",
        "Rector received in 2022",
    ]
    assert "Secret" not in response.content.decode()


def test_the_pdf_names_the_institution_in_the_staff_members_language(staff_client, antwerp):
    url = reverse("staff:institution-dossier-pdf", args=["university-of-antwerp"])
    response = staff_client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith('-ru.pdf"')
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "University of Antwerp" in text
    assert "Herwig Leirs" in text
    assert "Secret" not in text


@pytest.mark.parametrize("count", [2, 12])
def test_a_dossier_costs_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries, count
):
    university = make_institution("Big University", slug="big-university")
    for number in range(count):
        embassy = make_embassy(f"Embassy {number}")
        make_position(make_person(f"Ambassador {number}"), embassy=embassy)
        partner = make_institution(f"Partner {number}", country_code="KZ")
        make_position(make_person(f"Dean {number}"), "Dean", institution=university)
        partnership = make_partnership(
            f"Partnership {number}", institutions=[university, partner], areas=[make_area()]
        )
        figure = make_figure(partnership, value=number)
        make_press_release(
            f"News {number}", institutions=[university], figures=[figure], countries=[country("BE")]
        )
    for url in [
        dossier_url("big-university") + "?since=2020-01-01",
        reverse("staff:country-dossier", args=["be"]) + "?since=2020-01-01",
    ]:
        with django_assert_max_num_queries(16):
            assert staff_client.get(url).status_code == 200
