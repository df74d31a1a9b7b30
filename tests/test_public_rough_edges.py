"""Rough edges a new visitor hit on the public site (issue 13, point 6)."""

import datetime

import pytest
from django.urls import reverse

from partners.charts import figure_table
from tests.factories import (
    image_upload,
    make_figure,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_news_search_matches_every_word_in_any_order(client):
    seed = make_press_release(
        "Ambassador meets Rector of the University of Antwerp", lead="About Antwerp."
    )
    make_press_release("University news from elsewhere")
    for query in ["University Antwerp", "antwerp university", "rector antwerp"]:
        response = client.get(reverse("news:list"), {"q": query})
        assert list(response.context["object_list"]) == [seed], query


def test_favicon_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.ico")


def test_partnership_page_states_its_status_once(client):
    partnership = make_partnership("Academic mobility")
    page = client.get(partnership.get_absolute_url()).content.decode()
    assert page.count("Status:") == 1
    assert page.count(">Status<") == 0


def test_people_in_post_read_alike_with_and_without_a_start_date(client):
    embassy_person, unit_person = make_person("With Start"), make_person("Without Start")
    position = make_position(embassy_person, "Ambassador", start_date=D(2025, 6, 1))
    make_position(unit_person, "Counsellor", embassy=position.embassy)
    with_start = client.get(embassy_person.get_absolute_url()).content.decode()
    without_start = client.get(unit_person.get_absolute_url()).content.decode()
    assert "since <time" in with_start
    assert "since a date not recorded" in without_start
    for page in (with_start, without_start):
        assert "present" not in page and ">current<" not in page


def test_a_single_date_of_figures_shows_numbers_not_an_empty_chart(client):
    partnership = make_partnership()
    make_figure(partnership, label="Kazakh students", value=11, as_of=D(2026, 2, 10))
    make_figure(partnership, label="researchers", value=5, as_of=D(2026, 2, 10))

    page = client.get(partnership.get_absolute_url()).content.decode()

    assert "<svg" not in page
    assert 'class="figure-facts__value">11<' in page
    assert "As of <time" in page


def test_figures_of_several_dates_still_draw_a_chart(client):
    partnership = make_partnership()
    make_figure(partnership, label="students", value=4, as_of=D(2025, 1, 1))
    make_figure(partnership, label="students", value=8, as_of=D(2026, 1, 1))
    assert "<svg" in client.get(partnership.get_absolute_url()).content.decode()
    assert figure_table(partnership.figures.all()).single_date is None


def test_news_list_shows_the_featured_image_small(client):
    make_press_release("With a picture", image=image_upload(), image_alt="A signing")
    make_press_release("Without a picture")
    page = client.get(reverse("news:list")).content.decode()
    assert page.count('class="card card--with-image"') == 1
    assert page.count("<picture>") == 1


def test_feed_links_lead_to_a_page_that_explains_feeds(client):
    home = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("news:feeds")}"' in home
    page = client.get(reverse("news:feeds"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "feed reader" in html
    assert f"http://testserver{reverse('news:feed')}" in html


def test_sitemap_lists_the_list_pages(client):
    xml = client.get(reverse("sitemap")).content.decode()
    for name in ["news:list", "partners:embassy-list", "partners:institution-list"]:
        assert f"http://testserver{reverse(name)}</loc>" in xml, name
    assert f"http://testserver{reverse('partners:partnership-list')}</loc>" in xml


def test_readme_carries_no_test_counts():
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    # A count of tests ("969 passed", "4 skipped") goes stale with the next test.
    assert not re.search(r"\d[\d,]* (passed|failed|skipped)", readme)
