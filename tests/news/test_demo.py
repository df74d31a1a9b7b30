import html
import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from news import demo
from news.models import PressRelease
from partners.models import Embassy, Figure, Institution, Partnership, Person, Position

SEED_TEXT = demo.SEED_FILE.read_text(encoding="utf-8")
SEED_PARAGRAPHS = [p.strip() for p in SEED_TEXT.split("\n\n") if p.strip()]


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """The demo accounts' passwords are hashed on every run; the default hasher is slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def seed(db, settings):
    settings.DEBUG = True
    run_load_demo()
    return PressRelease.objects.get(slug=demo.SEED_SLUG)


def body_paragraphs(body):
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", body, flags=re.S)]


def test_seed_copy_in_repo_has_the_seven_paragraphs():
    assert len(SEED_PARAGRAPHS) == 7
    assert SEED_PARAGRAPHS[0].startswith("Ambassador of Kazakhstan to Belgium Roman Vassilenko")


def test_press_release_text_is_exactly_the_seed(seed):
    assert seed.lead == SEED_PARAGRAPHS[0].removesuffix(demo.SEED_ATTRIBUTION) + "."
    assert seed.lead.endswith("higher education, science, and innovation.")
    assert body_paragraphs(seed.body) == SEED_PARAGRAPHS[1:]
    assert seed.source == "Ministry of Foreign Affairs of the Republic of Kazakhstan"
    assert seed.title == demo.SEED_TITLE
    assert seed.dateline == "Brussels"


def test_press_release_is_published_and_dated(seed):
    assert seed.status == PressRelease.Status.PUBLISHED
    assert seed.is_published()
    assert PressRelease.objects.published().filter(pk=seed.pk).exists()
    assert seed.published_at == demo.SEED_PUBLISHED_AT
    assert seed.published_at.year == 2026


def test_embassy_and_ambassador(seed):
    embassy = Embassy.objects.get(slug=demo.EMBASSY_SLUG)
    assert embassy.name == "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium"
    assert embassy.kind == Embassy.Kind.EMBASSY
    assert embassy.host_country.code == "BE"
    assert embassy.city == "Brussels"
    ambassador = Person.objects.get(name="Roman Vassilenko")
    assert embassy.head_of_mission(on=seed.published_at) == ambassador
    position = Position.objects.get(person=ambassador)
    assert (position.title, position.embassy, position.start_date is not None) == (
        "Ambassador",
        embassy,
        True,
    )
    assert list(seed.embassies.all()) == [embassy]


def test_university_people_and_units(seed):
    uantwerp = Institution.objects.get(slug=demo.UANTWERP_SLUG)
    assert uantwerp.short_name == "UAntwerp"
    assert {"UAntwerp", "Universiteit Antwerpen"} <= set(uantwerp.alias_list)
    assert (uantwerp.country.code, uantwerp.city) == ("BE", "Antwerp")
    titles = {(p.person.name, p.title) for p in uantwerp.positions.select_related("person")}
    assert titles == {("Herwig Leirs", "Rector"), ("Nathalie Dens", "Vice-Rector")}

    cmat = Institution.objects.get(short_name="C-MAT")
    assert cmat.name == "Centre for Maritime & Air Transport Management"
    assert cmat.kind == Institution.Kind.RESEARCH_CENTRE
    assert cmat.parent == uantwerp

    almau = Institution.objects.get(slug=demo.ALMAU_SLUG)
    assert (almau.name, almau.short_name, almau.country.code) == (
        "Almaty Management University",
        "AlmaU",
        "KZ",
    )
    ams = Institution.objects.get(slug=demo.AMS_SLUG)
    assert (ams.name, ams.short_name, ams.parent) == ("Antwerp Management School", "AMS", None)
    assert ams.kind == Institution.Kind.BUSINESS_SCHOOL

    assert set(seed.institutions.all()) == {uantwerp, cmat, almau, ams}
    assert set(seed.people.values_list("name", flat=True)) == {
        "Roman Vassilenko",
        "Herwig Leirs",
        "Nathalie Dens",
    }


def test_partnerships_and_figures(seed):
    mba = Partnership.objects.get(slug=demo.MBA_SLUG)
    assert mba.kind == Partnership.Kind.DOUBLE_DEGREE
    assert set(mba.institutions.values_list("short_name", flat=True)) == {"AlmaU", "AMS"}
    mobility = Partnership.objects.get(slug=demo.MOBILITY_SLUG)
    assert mobility.kind == Partnership.Kind.ACADEMIC_MOBILITY
    assert {"UAntwerp", "AlmaU"} <= set(mobility.institutions.values_list("short_name", flat=True))
    assert set(seed.partnerships.all()) == {mba, mobility}

    figures = {(f.partnership.slug, f.label, f.value, f.as_of) for f in seed.figures.all()}
    day = demo.SEED_PUBLISHED_AT.date()
    assert figures == {
        (demo.MOBILITY_SLUG, "Kazakh students", 11, day),
        (demo.MOBILITY_SLUG, "Kazakh researchers", 5, day),
        (demo.MBA_SLUG, "master's students", 8, day),
    }


def test_areas_countries_and_topics(seed):
    areas = set(
        Partnership.objects.filter(slug__in=[demo.MBA_SLUG, demo.MOBILITY_SLUG]).values_list(
            "areas__name", flat=True
        )
    )
    assert {"Higher education", "Science", "Innovation", "Transport and logistics"} <= areas
    assert set(seed.countries.values_list("code", flat=True)) == {"BE", "KZ"}
    assert "Education and science" in set(seed.topics.values_list("name", flat=True))


def test_lists_have_several_items_and_visibility_examples(seed):
    assert Embassy.objects.count() >= 3
    assert Institution.objects.count() >= 6
    assert PressRelease.objects.published().count() >= 3
    assert PressRelease.objects.filter(status=PressRelease.Status.DRAFT).exists()
    scheduled = [p for p in PressRelease.objects.all() if p.is_scheduled]
    assert len(scheduled) == 1
    assert not PressRelease.objects.published().filter(pk=scheduled[0].pk).exists()


def test_fictional_items_say_so(seed):
    others = PressRelease.objects.exclude(pk=seed.pk)
    assert others.exists()
    for press_release in others:
        assert "fictional" in press_release.body.lower()
        assert "demo" in press_release.title.lower()
    for embassy in Embassy.objects.exclude(slug=demo.EMBASSY_SLUG):
        assert "(fictional)" in embassy.name


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_running_twice_changes_nothing(db, settings):
    settings.DEBUG = True
    run_load_demo()
    counts = row_counts()
    seed_before = PressRelease.objects.values().get(slug=demo.SEED_SLUG)
    passwords = dict(get_user_model().objects.values_list("username", "password"))

    output = run_load_demo()

    assert row_counts() == counts
    assert PressRelease.objects.values().get(slug=demo.SEED_SLUG) == seed_before
    assert dict(get_user_model().objects.values_list("username", "password")) == passwords
    assert "0 created, " in output and "left as they are" in output
    assert "Kept as edited" not in output
    assert Figure.objects.filter(label="Kazakh students").count() == 1


def test_demo_accounts_with_debug(db, settings):
    settings.DEBUG = True
    output = run_load_demo()
    users = {u.username: u for u in get_user_model().objects.prefetch_related("groups")}
    assert users["admin"].is_superuser
    assert users["admin"].check_password("demo-admin-2026")
    assert users["editor"].check_password("demo-editor-2026")
    assert users["publisher"].check_password("demo-publisher-2026")
    assert [g.name for g in users["editor"].groups.all()] == ["Editors"]
    assert [g.name for g in users["publisher"].groups.all()] == ["Publishers"]
    assert users["editor"].is_staff and not users["editor"].is_superuser
    assert "demo-editor-2026" in output


def test_no_accounts_without_debug(db, settings):
    settings.DEBUG = False
    output = run_load_demo()
    assert not get_user_model().objects.exists()
    assert "skipped" in output
    assert PressRelease.objects.filter(slug=demo.SEED_SLUG).exists()


def test_news_list_shows_the_seed_but_not_draft_or_scheduled(seed, client):
    page = client.get("/en/news/").content.decode()
    assert demo.SEED_TITLE in page
    assert "Demo: Example Institute of Technology opens a summer school" in page
    assert "Demo draft" not in page
    assert "Demo scheduled" not in page


def test_seed_detail_page_shows_the_whole_text(seed, client):
    response = client.get(seed.get_absolute_url())
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert seed.lead in page
    for paragraph in SEED_PARAGRAPHS[1:]:
        assert paragraph in page


@pytest.mark.parametrize(
    ("slug", "status_code"),
    [
        ("demo-draft-trade-mission", 404),
        ("demo-scheduled-cultural-week", 404),
        ("demo-withdrawn-scholarship-announcement", 200),
    ],
)
def test_demo_visibility_examples_on_their_pages(seed, client, slug, status_code):
    assert client.get(f"/en/news/{slug}/").status_code == status_code


def test_demo_accounts_pass_the_second_factor_with_the_documented_key(db, client, settings):
    """README: with debug on, the demo accounts' authenticator key is DEMO_TOTP_SECRET and
    `manage.py demo_totp` prints its current code."""
    from django.urls import reverse

    settings.DEBUG = True
    run_load_demo()
    out = StringIO()
    call_command("demo_totp", stdout=out)
    code = re.match(r"(\d{6}) ", out.getvalue()).group(1)
    assert demo.DEMO_TOTP_SECRET in (settings.BASE_DIR / "README.md").read_text()

    settings.MFA_REQUIRED = True
    response = client.post(
        reverse("admin:login"), {"username": "editor", "password": "demo-editor-2026"}
    )
    assert client.get(response["Location"])["Location"].startswith(reverse("two_factor:verify"))
    verified = client.post(reverse("two_factor:verify"), {"token": code})
    assert verified.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_no_second_factor_and_no_demo_code_without_debug(db, settings):
    from django.core.management import CommandError
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.DEBUG = False
    run_load_demo()
    assert not TOTPDevice.objects.exists()
    with pytest.raises(CommandError):
        call_command("demo_totp")


def test_a_second_run_keeps_an_editors_work_and_says_so(db, settings):
    settings.DEBUG = True
    run_load_demo()
    seed = PressRelease.objects.get(slug=demo.SEED_SLUG)
    PressRelease.objects.filter(pk=seed.pk).update(lead="The editor's lead.")
    seed.topics.clear()
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("a password of the editor's own")
    editor.save()
    Embassy.objects.filter(slug=demo.EMBASSY_SLUG).update(phone="+32 2 000 00 00")

    output = run_load_demo()

    seed.refresh_from_db()
    assert seed.lead == "The editor's lead."
    assert not seed.topics.exists()
    editor.refresh_from_db()
    assert editor.check_password("a password of the editor's own")
    assert Embassy.objects.get(slug=demo.EMBASSY_SLUG).phone == "+32 2 000 00 00"
    assert "Kept as edited" in output
    assert f"“{seed.title}” (lead [en])" in output
    assert "(phone)" in output


def test_a_second_run_adds_what_is_missing(db, settings):
    run_load_demo()
    PressRelease.objects.filter(slug="demo-draft-trade-mission").delete()

    output = run_load_demo()

    assert "1 created" in output
    assert PressRelease.objects.get(slug="demo-draft-trade-mission").embassies.exists()


def test_the_demo_embassy_has_an_address_and_contacts(seed):
    embassy = Embassy.objects.get(slug=demo.EMBASSY_SLUG)
    assert embassy.address and embassy.phone and embassy.email and embassy.website
