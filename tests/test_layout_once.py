"""The layout's parts rendered once per process (`{% once %}` in base.html): each page still
gets the header, the current section and the footer of its own language."""

import re

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from mfa_site.templatetags import site
from tests.factories import make_institution

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="site-nav".*?</nav>', re.S)
FOOTER = re.compile(r'<footer class="site-footer">.*?</footer>', re.S)


def current_links(html):
    return re.findall(r'<a href="([^"]+)" aria-current="page">', NAV.search(html).group())


def in_language(language, name, *args):
    with translation.override(language):
        return reverse(name, args=args)


def test_each_page_marks_its_own_section_in_each_language(client):
    institution = make_institution(
        name="Universiteit Antwerpen", name_ru="Антверпенский университет"
    )
    pages = []
    for language in ("kk", "ru", "en"):
        pages += [
            (in_language(language, "news:list"), in_language(language, "news:list")),
            (
                in_language(language, "partners:institution-detail", institution.slug),
                in_language(language, "partners:institution-list"),
            ),
            (
                in_language(language, "partners:embassy-list"),
                in_language(language, "partners:embassy-list"),
            ),
            (in_language(language, "home"), None),
        ]
    for _round in range(2):  # the second time from what the first one kept
        for url, current in pages:
            html = client.get(url).text
            assert current_links(html) == ([current] if current else []), url


def test_each_language_gets_its_own_header_and_footer(client):
    expected = {
        "kk": ("Жаңалықтар", "Шетелдегі мекемелер"),
        "ru": ("Новости", "Загранучреждения"),
        "en": ("News", "Missions"),
    }
    for _round in range(2):
        for language, words in expected.items():
            html = client.get(in_language(language, "news:list")).text
            nav, footer = NAV.search(html).group(), FOOTER.search(html).group()
            for word in words:
                assert word in nav and word in footer, (language, word)
            assert f'href="{in_language(language, "news:feeds")}"' in footer


def test_a_part_is_kept_per_key_and_forgotten_when_settings_change():
    template = Template('{% load site %}{% once "test-part" key %}{{ shown }}{% endonce %}')
    with translation.override("en"):
        assert template.render(Context({"key": 1, "shown": "first"})) == "first"
        # The same key: what was kept, whatever the rest of the context says.
        assert template.render(Context({"key": 1, "shown": "second"})) == "first"
        assert template.render(Context({"key": 2, "shown": "second"})) == "second"
    with translation.override("ru"):
        assert template.render(Context({"key": 1, "shown": "third"})) == "third"
    with override_settings(STATIC_URL="/elsewhere/"), translation.override("en"):
        assert template.render(Context({"key": 1, "shown": "fourth"})) == "fourth"


def test_kept_parts_are_bounded(monkeypatch):
    monkeypatch.setattr(site, "_ONCE_LIMIT", 3)
    site._ONCE.clear()
    template = Template('{% load site %}{% once "bounded" key %}{{ shown }}{% endonce %}')
    for key in range(10):
        assert template.render(Context({"key": key, "shown": key})) == str(key)
    assert len(site._ONCE) == 3
    # Past the bound a part is rendered each time, never served for another key.
    assert template.render(Context({"key": 9, "shown": "again"})) == "again"
