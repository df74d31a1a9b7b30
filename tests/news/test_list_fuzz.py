"""Whatever a visitor puts in the news list's query string, the answer is a page or a 404."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_institution, make_press_release, make_topic

pytestmark = pytest.mark.django_db

PARAMS = ["q", "topic", "embassy", "institution", "partnership", "country", "year", "month", "page"]


@pytest.fixture
def some_news():
    make_press_release(topics=[make_topic("Education")], institutions=[make_institution()])


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.dictionaries(st.sampled_from(PARAMS), st.text(max_size=300), max_size=4))
def test_any_query_string_gives_a_page_or_a_404(client, some_news, query):
    response = client.get(reverse("news:list"), query)
    assert response.status_code in (200, 404)


def test_canonical_of_a_later_page_names_the_page(client):
    for _ in range(21):
        make_press_release()
    response = client.get(reverse("news:list"), {"page": "2"})
    assert '<link rel="canonical" href="http://testserver/en/news/?page=2">' in response.text
