"""The interface in Kazakh and Russian: complete catalogs, in step with the code, in use.

Every .po file under locale/ must be fully translated (no empty, no fuzzy entry) and hold
exactly the messages that makemessages finds in the code today, so a new string marked for
translation fails here until someone translates it. Dates and numbers follow each language.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format, number_format

from news.models import PressRelease
from tests.factories import (
    make_embassy,
    make_institution,
    make_person,
    make_position,
    make_press_release,
)

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
CATALOGS = sorted(LOCALE_DIR.rglob("*.po"))
PLURAL_FORMS = {"kk": 2, "ru": 3}
# Letters of Kazakh that Russian does not have: a Russian page showing one has fallen back to
# Kazakh (the default language) for a message missing from the Russian catalogs.
KAZAKH_ONLY_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")


def kazakh_letters_in(html):
    return sorted(KAZAKH_ONLY_LETTERS & set(html))


def catalog(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def keys(po):
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


def test_kazakh_and_russian_catalogs_exist():
    assert {catalog_id(path) for path in CATALOGS} >= {
        "kk/LC_MESSAGES/django",
        "ru/LC_MESSAGES/django",
        "django/kk/LC_MESSAGES/django",
        "django/kk/LC_MESSAGES/djangojs",
        "django/ru/LC_MESSAGES/django",
        "django/ru/LC_MESSAGES/djangojs",
    }


def catalog_id(path):
    return str(path.relative_to(LOCALE_DIR).with_suffix(""))


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalog_has_no_untranslated_or_fuzzy_entry(path):
    po = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{path}: untranslated: {untranslated}"
    assert not fuzzy, f"{path}: fuzzy: {fuzzy}"
    assert not po.metadata_is_fuzzy
    assert len(po) > 0


@pytest.mark.parametrize("path", CATALOGS, ids=catalog_id)
def test_catalog_compiles_cleanly_and_msgfmt_counts_only_translated(path):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt is missing: install GNU gettext (apt-get install gettext)"
    result = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    assert "translated messages" in result.stderr


@pytest.mark.parametrize(("language", "forms"), PLURAL_FORMS.items())
def test_plural_entries_have_every_form_of_the_language(language, forms):
    po = catalog(language)
    assert po.metadata["Plural-Forms"].startswith(f"nplurals={forms};")
    plural_entries = [entry for entry in po if entry.msgid_plural]
    assert plural_entries
    for entry in plural_entries:
        assert len(entry.msgstr_plural) == forms, entry.msgid
        assert all(entry.msgstr_plural.values()), entry.msgid


def test_catalogs_hold_exactly_the_messages_of_the_code(tmp_path):
    """makemessages over a copy of the code finds the same messages as the committed catalogs."""
    for name in ("manage.py", "mfa_site", "news", "partners", "templates"):
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale").mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "kk", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        env={**os.environ, "DJANGO_DEBUG": "1", "DJANGO_VAR_DIR": str(tmp_path / "var")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    in_code = keys(polib.pofile(str(tmp_path / "locale/kk/LC_MESSAGES/django.po")))
    for language in PLURAL_FORMS:
        committed = keys(catalog(language))
        missing = sorted(in_code - committed, key=str)
        stale = sorted(committed - in_code, key=str)
        assert not missing, (
            f"{language}: messages in the code but not in locale/ (run `make messages` "
            f"and translate them): {missing}"
        )
        assert not stale, f"{language}: messages no longer in the code: {stale}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("kk", "2026 жылғы 15 наурыз"),
        ("ru", "15 марта 2026 года"),
        ("en", "15 March 2026"),
    ],
)
def test_dates_read_as_each_language_writes_them(language, expected):
    with translation.override(language):
        assert date_format(datetime.date(2026, 3, 15)) == expected


@pytest.mark.parametrize(
    ("language", "date_time", "year_month", "short"),
    [
        ("kk", "2026 жылғы 1 мамыр, 09:05", "2026 жылғы мамыр", "01.05.2026"),
        ("ru", "1 мая 2026 года, 09:05", "май 2026 года", "01.05.2026"),
        ("en", "1 May 2026, 09:05", "May 2026", "1 May 2026"),
    ],
)
def test_date_time_month_and_short_formats(language, date_time, year_month, short):
    moment = datetime.datetime(2026, 5, 1, 9, 5)
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == date_time
        assert date_format(moment, "YEAR_MONTH_FORMAT") == year_month
        assert date_format(moment, "SHORT_DATE_FORMAT") == short


def test_russian_months_in_dates_are_genitive_for_every_month():
    genitive = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
    with translation.override("ru"):
        months = [date_format(datetime.date(2026, m, 1), "E") for m in range(1, 13)]
    assert months == genitive.split()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("kk", "12\xa0345,5"), ("ru", "12\xa0345,5"), ("en", "12,345.5")],
)
def test_numbers_use_the_language_separators(language, expected):
    with translation.override(language):
        assert number_format(12345.5, decimal_pos=1, force_grouping=True) == expected


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Найден 1 пресс-релиз"),
        (3, "Найдено 3 пресс-релиза"),
        (5, "Найдено 5 пресс-релизов"),
        (11, "Найдено 11 пресс-релизов"),
        (21, "Найден 21 пресс-релиз"),
        (22, "Найдено 22 пресс-релиза"),
    ],
)
def test_russian_counts_take_the_right_plural_form(count, expected):
    with translation.override("ru"):
        text = translation.ngettext(
            "%(counter)s press release found", "%(counter)s press releases found", count
        ) % {"counter": count}
    assert text == expected


def get_in(client, language, url_name, *args):
    """GET a page in `language`: the URL reversed in it and the language cookie set."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        url = reverse(url_name, args=args)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            "kk",
            [
                '<html lang="kk">',
                "Қазақстан Республикасының Сыртқы істер министрлігі",
                "Жаңалықтарды сүзу",
                "0 баспасөз релизі табылды",
                "Шетелдегі мекемелер",
            ],
        ),
        (
            "ru",
            [
                '<html lang="ru">',
                "Министерство иностранных дел Республики Казахстан",
                "Фильтр новостей",
                "Найдено 0 пресс-релизов",
                "Загранучреждения",
            ],
        ),
    ],
)
def test_public_news_page_is_in_the_language(client, language, phrases):
    html = get_in(client, language, "news:list")
    for phrase in phrases:
        assert phrase in html
    assert "Filter news" not in html
    if language == "ru":
        assert not kazakh_letters_in(html.replace(">Қазақша<", "><"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "kind", "in_post"),
    [
        (
            "kk",
            "<dd>Елшілік</dd>",
            # partners/includes/dates.html: "since <date>" (main changed it from "<date> – present")
            'қызметке кіріскен күні: <time datetime="2026-03-15">2026 жылғы 15 наурыз</time>',
        ),
        (
            "ru",
            "<dd>Посольство</dd>",
            'с <time datetime="2026-03-15">15 марта 2026 года</time>',
        ),
    ],
)
def test_directory_pages_terms_and_dates_in_the_language(client, language, kind, in_post):
    embassy = make_embassy()
    person = make_person()
    make_position(person=person, embassy=embassy, start_date=datetime.date(2026, 3, 15))
    assert kind in get_in(client, language, "partners:embassy-detail", embassy.slug)
    assert in_post in get_in(client, language, "partners:person-detail", person.slug)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        ("kk", ["Баспасөз релиздері", "Таңдалғандарды қарауға жіберу", "Тіл", "Тілді ауыстыру"]),
        ("ru", ["Пресс-релизы", "Отправить выбранные на рассмотрение", "Язык", "Сменить язык"]),
    ],
)
def test_admin_follows_the_editors_language(admin_client, language, phrases):
    make_press_release(status=PressRelease.Status.DRAFT)
    html = get_in(admin_client, language, "admin:news_pressrelease_changelist")
    for phrase in phrases:
        assert phrase in html
    assert f'<option value="{language}" lang="{language}" selected>' in html
    assert f'action="{reverse("set_language")}"' in html
    if language == "ru":  # only the language choice names Kazakh in Kazakh
        assert not kazakh_letters_in(html.replace(">Қазақша<", "><"))


@pytest.mark.django_db
def test_kazakh_admin_has_django_admin_messages_django_lacks(admin_client):
    """locale/django/kk fills the Django admin messages that Django's Kazakh catalog lacks."""
    html = get_in(admin_client, "kk", "admin:index")
    assert "Сайтты ашу" in html and "View site" not in html
    assert "Соңғы әрекеттер" in html and "Recent actions" not in html
    assert "Toggle theme" not in html


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_every_model_is_named_in_the_language(language):
    """The names of models, the tables of many-to-many fields included, show on the admin's
    delete pages ("Press release embassys: 1" did, in every language)."""
    from django.apps import apps

    for app in ("news", "partners"):
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            options = model._meta
            with translation.override("en"):
                english = (str(options.verbose_name), str(options.verbose_name_plural))
            with translation.override(language):
                named = (str(options.verbose_name), str(options.verbose_name_plural))
            for name, in_english in zip(named, english, strict=True):
                assert name != in_english and any("а" <= c <= "я" for c in name.lower()), (
                    f"{model.__name__}: {name!r} in {language}"
                )
            if language == "ru":
                assert not kazakh_letters_in("".join(named)), (model.__name__, named)


@pytest.mark.django_db
def test_kazakh_admin_says_django_messages_django_misspells(admin_client):
    """locale/django/kk writes again the admin messages Django's Kazakh catalog misspells
    ("үщін", "кос") or turns ("Delete selected ..." as "... were deleted")."""
    institution = make_institution()
    changelist = get_in(admin_client, "kk", "admin:partners_institution_changelist")
    assert "Өзгерту үшін таңдаңыз: ұйым" in changelist and "үщін" not in changelist
    assert "Таңдалғандарды жою (ұйымдар)" in changelist and "өшірілді" not in changelist
    change = get_in(admin_client, "kk", "admin:partners_institution_change", institution.pk)
    assert "Сақтау және өңдеуді жалғастыру" in change and "Сақтау және жаңасын қосу" in change
    assert "Сақта және" not in change
    response = admin_client.post(
        reverse("admin:partners_institution_changelist"),
        {"action": "delete_selected", "_selected_action": [institution.pk]},
        HTTP_ACCEPT_LANGUAGE="kk",
    )
    confirm = response.content.decode()
    assert "Бірнеше нысанды жою" in confirm and "объекттерді" not in confirm
    assert "Таңдалған нысандарды (ұйым) жойғыңыз келетініне сенімдісіз бе?" in confirm


@pytest.mark.django_db
def test_kazakh_admin_calendar_and_clock_are_in_kazakh(admin_client):
    script = get_in(admin_client, "kk", "admin:jsi18n")
    for phrase in ("Уақытты таңдаңыз", "Күнді таңдаңыз", "Жексенбі", "Наурыз", "Ертең"):
        assert json.dumps(phrase)[1:-1] in script  # the catalog is JSON with \\u escapes


@pytest.mark.django_db
def test_language_choice_in_the_admin_header_switches_and_comes_back(admin_client):
    make_press_release(status=PressRelease.Status.DRAFT)
    changelist = reverse("admin:news_pressrelease_changelist")
    response = admin_client.post(reverse("set_language"), {"language": "ru", "next": changelist})
    assert response.status_code == 302
    assert response.url == changelist
    assert admin_client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"
    assert "Отправить выбранные на рассмотрение" in admin_client.get(changelist).content.decode()

    admin_client.post(reverse("set_language"), {"language": "kk", "next": changelist})
    assert "Таңдалғандарды қарауға жіберу" in admin_client.get(changelist).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title"), [("kk", "Бет табылмады"), ("ru", "Страница не найдена")]
)
def test_not_found_page_in_the_language(client, language, title):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with translation.override(language):
        url = reverse("partners:embassy-detail", args=["no-such-mission"])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404
    assert title in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "first_columns"),
    [
        ("kk", "Атауы,Қысқаша атауы,Ел,Қала,Түрі"),
        ("ru", "Наименование,Краткое наименование,Страна"),
    ],
)
def test_staff_csv_export_header_in_the_staff_members_language(
    admin_client, language, first_columns
):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = admin_client.get(reverse("staff:export"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    header = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert header.startswith(first_columns)
