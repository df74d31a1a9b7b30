"""Property test: no public page answers 5xx, whatever its slugs and query parameters.

Every public URL pattern comes from the resolver (tests/public_urls.py), so pages added
by any branch are fuzzed without editing this file. Values mix real slugs with random
text, numbers and unicode that breaks naive code: bidi and zero-width marks, NUL,
emoji, combining marks, huge integers, malformed dates and 10,000-character strings.
"""

import os

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.models import PressRelease
from partners.models import Embassy, Institution, Partnership, Person
from tests.factories import make_representative_site
from tests.public_urls import public_patterns

NASTY = [
    "\u200f", "\u200e", "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff",
    "\x00", "a\x00b", "\x7f", "\n", "\r\n", "\t", " ", "",
    "😀", "🇰🇿", "👩‍👩‍👧", "𝕳𝖊𝖑𝖑𝖔", "ǅ", "İ", "ß", "e\u0301", "قازاقستان", "Қазақстан",
    "%", "%00", "%%", "%zz", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --",
    "\\", "{}", "[]", "null", "None", "true", "NaN", "Infinity", "-0", "1e309", "0x10",
    "٣", "２０２６", "-1", "0", "1.5", "2147483648", "9223372036854775808",
    "-9223372036854775809", "9" * 40, "2026-02-30", "31/12/2026", "2026-13-01",
]  # fmt: skip

KEYS = [
    "q", "page", "topic", "embassy", "institution", "partnership", "country", "year",
    "area", "kind", "status", "person", "o", "ordering", "sort", "format", "per_page",
]  # fmt: skip

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
numbers = st.integers().map(str) | st.floats(allow_nan=True, allow_infinity=True).map(repr)
very_long = st.integers(min_value=1_000, max_value=10_000).map(lambda n: "ж" * n)
values = st.one_of(
    st.sampled_from(NASTY),
    text,
    numbers,
    very_long,
    st.lists(st.sampled_from(NASTY) | text, min_size=2, max_size=4).map("".join),
)
known_key = st.sampled_from(KEYS)
params = st.dictionaries(
    # Mostly the parameters pages read, sometimes anything.
    st.one_of(known_key, known_key, known_key, text.filter(bool)),
    values | st.lists(values, min_size=2, max_size=3),
    max_size=5,
)


def real_slugs():
    slugs = []
    for model in (PressRelease, Embassy, Institution, Partnership, Person):
        slugs += model._default_manager.values_list("slug", flat=True)
    return slugs + ["be", "kz", "embassy", "topic", "institution", "partnership"]


PATTERNS = public_patterns()
# About 1,000 requests in all (well under a minute), at most 40 per URL pattern.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", max(10, min(40, 1000 // max(len(PATTERNS), 1)))))


@pytest.mark.django_db
@pytest.mark.parametrize("pattern", PATTERNS, ids=str)
def test_public_page_never_answers_5xx(pattern):
    make_representative_site()
    client = Client(headers={"accept-language": "en"})
    slug = st.sampled_from(real_slugs()) | values

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(kwargs=st.fixed_dictionaries(dict.fromkeys(pattern.kwargs, slug)), query=params)
    def never_5xx(kwargs, query):
        url = pattern.build(**kwargs)
        response = client.get(url, query)
        assert response.status_code < 500, (url, query, response.status_code)

    never_5xx()


def test_the_fuzzed_patterns_include_the_public_pages():
    names = {pattern.name for pattern in PATTERNS}
    assert {"home", "news:list", "news:detail", "partners:embassy-detail"} <= names
    assert not any(p.route.startswith(("admin/", "staff/")) for p in PATTERNS)
