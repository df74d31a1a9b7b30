"""The demo in three languages: the seed press release and its directory in kk, ru and en."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from news import demo, parity
from news.models import PressRelease, PressReleaseTranslation
from partners.models import Embassy, Institution, Person

LANGUAGES = ("kk", "ru", "en")


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
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


def file_paragraphs(language):
    text = demo.SEED_FILES[language].read_text(encoding="utf-8")
    return [part.strip() for part in text.split("\n\n") if part.strip()]


def page_text(client, name, language, *args):
    with translation.override(language):
        url = reverse(name, args=args)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_each_seed_file_has_the_seven_paragraphs_and_the_attribution():
    for language in LANGUAGES:
        paragraphs = file_paragraphs(language)
        assert len(paragraphs) == 7, language
        assert paragraphs[0].rstrip(".").endswith(demo.SEED_ATTRIBUTIONS[language]), language


def test_translations_keep_every_number_and_name():
    """The figures and names of the English original, read in the files themselves."""
    kept = {
        "ru": ["11 студентов", "пять", "восемь магистрантов", "15 марта 2026", "UAntwerp",
               "Антверпенск", "Хервиг", "Лейрс", "Натали Денс", "Роман Василенко",
               "Алматы Менеджмент Университет", "Antwerp Management School", "C-MAT"],
        "kk": ["11 студент", "бес", "сегіз магистрант", "2026 жылғы 15 наурыз", "UAntwerp",
               "Антверпен университет", "Хервиг Лейрс", "Натали Денс", "Роман Василенко",
               "Алматы Менеджмент Университеті", "Antwerp Management School", "C-MAT"],
    }  # fmt: skip
    for language, words in kept.items():
        text = "\n".join(file_paragraphs(language))
        for word in words:
            assert word in text, (language, word)


def test_seed_is_stored_in_three_languages(seed):
    assert seed.original_language == "en"
    for language in LANGUAGES:
        lead, paragraphs = demo.read_seed(
            demo.SEED_FILES[language], demo.SEED_ATTRIBUTIONS[language]
        )
        assert seed.localized("title", language) == demo.SEED_TITLES[language]
        assert seed.localized("lead", language) == lead
        assert re.findall(r"<p>(.*?)</p>", seed.localized("body", language)) == [
            html.escape(p, quote=False) for p in paragraphs
        ]
        assert seed.localized("dateline", language) == demo.SEED_DATELINES[language]
        assert seed.localized("source", language) == demo.SEED_SOURCES[language]
    assert seed.localized("dateline", "ru") == "Брюссель"
    assert seed.localized("source", "kk") == "Қазақстан Республикасының Сыртқы істер министрлігі"
    assert seed.localized("lead", "ru").endswith("науки и инноваций.")
    assert not seed.localized("lead", "kk").endswith("министрлігі.")
    assert seed.languages() == ["en", "kk", "ru"]


def test_every_demo_translation_is_current_and_has_parity(seed):
    assert seed.translation_states() == {"en": "original", "kk": "current", "ru": "current"}
    for press_release in PressRelease.objects.all():
        states = press_release.translation_states()
        assert sorted(states.values()) == ["current", "current", "original"], press_release.slug
        assert parity.differences(press_release) == [], press_release.slug
    assert PressReleaseTranslation.objects.count() == 2 * PressRelease.objects.count()


def test_kazakh_home_shows_the_seed_in_kazakh(seed, client):
    page = page_text(client, "home", "kk")
    assert demo.SEED_TITLES["kk"] in page
    assert demo.SEED_TITLE not in page
    assert demo.SEED_TITLES["ru"] not in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_seed_page_in_each_language(seed, client, language):
    page = page_text(client, "news:detail", language, demo.SEED_SLUG)
    assert f'lang="{language}"' in page
    assert demo.SEED_TITLES[language] in page
    assert seed.localized("lead", language) in page
    for paragraph in file_paragraphs(language)[1:]:
        assert paragraph in page
    assert demo.SEED_SOURCES[language] in page
    for other in set(LANGUAGES) - {language}:
        assert demo.SEED_TITLES[other] not in page
        assert file_paragraphs(other)[1] not in page


def test_english_page_has_the_seed_file_paragraphs_exactly(seed, client):
    page = page_text(client, "news:detail", "en", demo.SEED_SLUG)
    paragraphs = [p.strip() for p in demo.SEED_FILE.read_text().split("\n\n") if p.strip()]
    for paragraph in paragraphs[1:]:
        assert f"<p>{paragraph}</p>" in page


@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "kk",
            ["Антверпен университеті", "Хервиг Лейрс", "Ректор", "Натали Денс", "Проректор"],
        ),
        (
            "ru",
            ["Антверпенский университет", "Хервиг Лейрс", "Ректор", "Натали Денс", "Проректор"],
        ),
        (
            "en",
            ["University of Antwerp", "Herwig Leirs", "Rector", "Nathalie Dens", "Vice-Rector"],
        ),
    ],
)
def test_university_page_in_each_language(seed, client, language, names):
    page = page_text(client, "partners:institution-detail", language, demo.UANTWERP_SLUG)
    for name in names:
        assert name in page, name
    if language != "en":
        assert "University of Antwerp" not in page
        assert "Herwig Leirs" not in page


@pytest.mark.parametrize(
    ("language", "names"),
    [
        (
            "kk",
            [
                "Қазақстан Республикасының Бельгия Корольдігіндегі Елшілігі",
                "Брюссель",
                "Роман Василенко",
                "Елші",
            ],
        ),
        (
            "ru",
            [
                "Посольство Республики Казахстан в Королевстве Бельгия",
                "Брюссель",
                "Роман Василенко",
                "Посол",
            ],
        ),
    ],
)
def test_embassy_page_in_kazakh_and_russian(seed, client, language, names):
    page = page_text(client, "partners:embassy-detail", language, demo.EMBASSY_SLUG)
    for name in names:
        assert name in page, name
    assert "Embassy of the Republic of Kazakhstan" not in page
    assert "Roman Vassilenko" not in page
    assert "H.E." not in page


def test_directory_columns_in_three_languages(seed):
    embassy = Embassy.objects.get(slug=demo.EMBASSY_SLUG)
    assert (embassy.name_kk, embassy.name_ru, embassy.name_en) == (
        "Қазақстан Республикасының Бельгия Корольдігіндегі Елшілігі",
        "Посольство Республики Казахстан в Королевстве Бельгия",
        "Embassy of the Republic of Kazakhstan in the Kingdom of Belgium",
    )
    uantwerp = Institution.objects.get(slug=demo.UANTWERP_SLUG)
    assert (uantwerp.short_name_kk, uantwerp.short_name_ru) == ("UAntwerp", "UAntwerp")
    assert "Университет Антверпена" in uantwerp.aliases_ru.splitlines()
    assert (uantwerp.city_kk, uantwerp.city_ru) == ("Антверпен", "Антверпен")
    vassilenko = Person.objects.get(slug="roman-vassilenko")
    assert (vassilenko.name_kk, vassilenko.name_ru) == ("Роман Василенко", "Роман Василенко")
    position = vassilenko.positions.get()
    assert (position.title_kk, position.title_ru, position.title_en) == (
        "Елші",
        "Посол",
        "Ambassador",
    )
    # Every translated column of the seed's world is filled in every language.
    for model, fields in [
        (Institution, ("name", "short_name", "city")),
        (Embassy, ("name", "city")),
        (Person, ("name",)),
    ]:
        for obj in model.objects.all():
            for field in fields:
                for language in LANGUAGES:
                    assert getattr(obj, f"{field}_{language}"), (obj, field, language)


def test_second_run_changes_nothing_in_any_language(seed):
    columns = PressRelease.objects.values().get(pk=seed.pk)
    records = list(PressReleaseTranslation.objects.values())
    institution = Institution.objects.values().get(slug=demo.UANTWERP_SLUG)

    output = run_load_demo()

    assert "0 created," in output
    assert PressRelease.objects.values().get(pk=seed.pk) == columns
    assert list(PressReleaseTranslation.objects.values()) == records
    assert Institution.objects.values().get(slug=demo.UANTWERP_SLUG) == institution
