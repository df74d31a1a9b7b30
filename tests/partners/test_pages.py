"""The public partner pages: what each shows, what it never shows, and its metadata."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from partners.templatetags.partner_tags import feed_urls, json_for_script, tel_href
from tests.factories import (
    country,
    make_area,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_png,
    make_position,
    make_press_release,
    tomorrow,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def json_ld(page):
    blocks = re.findall(
        r'<script type="application/ld\+json" nonce="[^"]*">(.*?)</script>', page, re.S
    )
    return [json.loads(block) for block in blocks]


def of_type(blocks, schema_type):
    return [block for block in blocks if block["@type"] == schema_type]


def press_releases_of_every_status(**links):
    """One press release per state; only the first may appear on public pages."""
    return {
        "published": make_press_release(title="Published news", **links),
        "draft": make_press_release(title="Draft news", status="draft", **links),
        "review": make_press_release(title="News in review", status="review", **links),
        "scheduled": make_press_release(title="Scheduled news", published_at=tomorrow(), **links),
        "withdrawn": make_press_release(title="Withdrawn news", status="withdrawn", **links),
    }


def assert_only_published_news(page):
    assert "Published news" in page
    for hidden in ("Draft news", "News in review", "Scheduled news", "Withdrawn news"):
        assert hidden not in page


@pytest.fixture
def embassy():
    embassy = make_embassy(
        "Embassy in Belgium",
        slug="embassy-in-belgium",
        kind="embassy",
        address="Avenue Van Bever 30\n1180 Brussels",
        phone="+32 2 374 95 62",
        email="brussels@mfa.kz",
        website="https://example.org/brussels",
    )
    embassy.accredited_countries.set([country("LU"), country("NL")])
    return embassy


# Missions


def test_embassy_list_shows_kind_country_city_and_current_head(client, embassy):
    make_position(make_person("Current Envoy", honorific="H.E."), "Ambassador", embassy=embassy,
                  start_date=D(2024, 3, 1))  # fmt: skip
    make_position(make_person("Former Envoy"), "Ambassador", embassy=embassy,
                  start_date=D(2019, 1, 1), end_date=D(2024, 2, 1))  # fmt: skip
    make_embassy("Consulate in Almaty", host_country="KZ", kind="consulate", city="Almaty")

    page = html(client.get(reverse("partners:embassy-list")))

    assert "Embassy in Belgium" in page
    assert "Belgium" in page and "Brussels" in page
    assert "H.E. Current Envoy" in page
    assert "Former Envoy" not in page
    assert "Consulate in Almaty" in page and "Consulate" in page and "Kazakhstan" in page
    assert "Vacant" in page  # the consulate has no head


def test_embassy_detail_shows_kind_accreditations_and_contacts(client, embassy):
    page = html(client.get(embassy.get_absolute_url()))

    assert "<h1>Embassy in Belgium</h1>" in page
    assert "Luxembourg" in page and "Netherlands" in page
    assert 'href="tel:+3223749562"' in page
    assert 'href="mailto:brussels@mfa.kz"' in page
    assert 'href="https://example.org/brussels"' in page
    assert "Avenue Van Bever 30<br>1180 Brussels" in page


def test_embassy_detail_shows_head_of_mission_now_and_before_with_dates(client, embassy):
    make_position(make_person("Current Envoy"), "Ambassador Extraordinary and Plenipotentiary",
                  embassy=embassy, start_date=D(2024, 3, 1))  # fmt: skip
    make_position(make_person("Former Envoy"), "Ambassador", embassy=embassy,
                  start_date=D(2019, 1, 10), end_date=D(2024, 2, 1))  # fmt: skip
    make_position(make_person("Counsellor Person"), "Counsellor", embassy=embassy,
                  start_date=D(2020, 1, 1))  # fmt: skip

    page = html(client.get(embassy.get_absolute_url()))

    head_section = page.split('id="head-heading"')[1].split("</section>")[0]
    current, previous = head_section.split("Previous heads of mission", 1)
    assert "Current Envoy" in current and "Former Envoy" not in current
    assert '<time datetime="2024-03-01">' in current
    assert "Former Envoy" in previous
    assert '<time datetime="2019-01-10">' in previous and '<time datetime="2024-02-01">' in previous
    assert "Counsellor Person" not in page  # not a head of mission


def test_head_of_mission_is_whoever_holds_the_post_today(client, embassy):
    soon = timezone.localdate() + datetime.timedelta(days=30)
    make_position(make_person("Leaving Envoy"), "Ambassador", embassy=embassy,
                  start_date=D(2020, 1, 1), end_date=soon)  # fmt: skip
    make_position(make_person("Incoming Envoy"), "Ambassador", embassy=embassy,
                  start_date=soon + datetime.timedelta(days=1))  # fmt: skip

    page = html(client.get(embassy.get_absolute_url()))

    head_section = page.split('id="head-heading"')[1].split("</section>")[0]
    assert "Leaving Envoy" in head_section  # still in post until the end date
    assert "Previous heads of mission" not in head_section
    assert "Incoming Envoy" not in page  # not in post yet


def test_embassy_without_ambassador_says_the_post_is_vacant(client, embassy):
    page = html(client.get(embassy.get_absolute_url()))
    assert "The post of head of mission is vacant." in page
    assert "Previous heads of mission" not in page


def test_embassy_detail_lists_partnerships_it_facilitates(client, embassy):
    make_partnership("Facilitated MBA", embassy=embassy)
    make_partnership("Unrelated programme")
    page = html(client.get(embassy.get_absolute_url()))
    assert "Facilitated MBA" in page
    assert "Unrelated programme" not in page


def test_embassy_detail_shows_only_published_news(client, embassy):
    press_releases_of_every_status(embassies=[embassy])
    assert_only_published_news(html(client.get(embassy.get_absolute_url())))


def test_unknown_embassy_is_404(client):
    assert client.get(reverse("partners:embassy-detail", args=["nowhere"])).status_code == 404


def test_embassy_detail_has_government_organization_json_ld(client, embassy):
    blocks = json_ld(html(client.get(embassy.get_absolute_url())))
    (organisation,) = of_type(blocks, "GovernmentOrganization")
    assert organisation["name"] == "Embassy in Belgium"
    assert organisation["telephone"] == "+32 2 374 95 62"
    assert organisation["email"] == "brussels@mfa.kz"
    assert organisation["url"] == "http://testserver/en/embassies/embassy-in-belgium/"
    assert organisation["address"]["addressLocality"] == "Brussels"
    assert organisation["address"]["addressCountry"] == "BE"


def test_json_ld_cannot_close_its_script_tag(client):
    embassy = make_embassy("Evil </script><script>alert(1)</script> & Co", slug="evil")
    page = html(client.get(embassy.get_absolute_url()))
    assert "<script>alert(1)" not in page
    (organisation,) = of_type(json_ld(page), "GovernmentOrganization")
    assert organisation["name"] == "Evil </script><script>alert(1)</script> & Co"


def test_json_for_script_escapes_markup_characters():
    assert json_for_script({"a": "<b>&</b>"}) == '{"a": "\\u003Cb\\u003E\\u0026\\u003C/b\\u003E"}'


@pytest.mark.parametrize(
    ("phone", "href"),
    [("+32 2 374 95 62", "tel:+3223749562"), ("(0) 2-374", "tel:02374"), ("n/a", ""), ("", "")],
)
def test_tel_href_keeps_digits_and_plus(phone, href):
    assert tel_href(phone) == href


# Institutions


def test_institution_detail_shows_everything_about_it(client):
    university = make_institution(
        "University of Antwerp",
        slug="university-of-antwerp",
        short_name="UA",
        aliases="UAntwerp\nUniversiteit Antwerpen",
        city="Antwerp",
        website="https://www.uantwerpen.be",
        description="A university in Flanders.",
        logo=make_png("ua.png", size=(60, 30)),
    )
    unit = make_institution("C-MAT", kind="research_centre", parent=university)
    partner = make_institution("Almaty Management University", country_code="KZ")
    make_partnership("Academic mobility", institutions=[university, partner])
    make_position(make_person("Rector Now", honorific="Prof."), "Rector", institution=university,
                  start_date=D(2016, 10, 1))  # fmt: skip
    make_position(make_person("Rector Before"), "Rector", institution=university,
                  start_date=D(2008, 10, 1), end_date=D(2016, 9, 30))  # fmt: skip
    make_figure(institution=university, label="Kazakh students", value=42, as_of=D(2025, 9, 1))

    page = html(client.get(university.get_absolute_url()))

    assert "University of Antwerp" in page and "(UA)" in page
    assert "UAntwerp, Universiteit Antwerpen" in page
    assert "University" in page and "Belgium" in page and "Antwerp" in page
    assert 'href="https://www.uantwerpen.be"' in page
    assert "A university in Flanders." in page
    logo = re.search(r'<img [^>]*alt="Logo of University of Antwerp"[^>]*>', page).group(0)
    assert 'width="60"' in logo and 'height="30"' in logo
    assert f'href="{unit.get_absolute_url()}"' in page
    assert "Academic mobility" in page and "Almaty Management University" in page
    people = page.split('id="people-heading"')[1].split("</section>")[0]
    now, before = people.split("Formerly")
    assert "Prof. Rector Now" in now and "Rector Before" not in now
    assert "Rector Before" in before
    assert "Kazakh students" in page and "42" in page


def test_unit_shows_its_parent(client):
    university = make_institution("University of Antwerp", slug="university-of-antwerp")
    unit = make_institution("C-MAT", slug="c-mat", parent=university)
    page = html(client.get(unit.get_absolute_url()))
    assert f'Part of <a href="{university.get_absolute_url()}">University of Antwerp</a>' in page
    (breadcrumbs,) = of_type(json_ld(page), "BreadcrumbList")
    names = [item["name"] for item in breadcrumbs["itemListElement"]]
    assert names == ["Home", "Institutions", "University of Antwerp", "C-MAT"]


def test_institution_without_logo_renders_no_image(client):
    page = html(client.get(make_institution().get_absolute_url()))
    assert "<img" not in page.split("<main", 1)[1]


def test_institution_detail_shows_only_published_news(client):
    institution = make_institution()
    press_releases_of_every_status(institutions=[institution])
    assert_only_published_news(html(client.get(institution.get_absolute_url())))


def test_unknown_institution_is_404(client):
    response = client.get(reverse("partners:institution-detail", args=["nobody"]))
    assert response.status_code == 404


# Partnerships


def test_partnership_detail_shows_members_embassy_areas_dates_description(client, embassy):
    university = make_institution("University of Antwerp")
    unit = make_institution("C-MAT", parent=university)
    partner = make_institution("Almaty Management University", country_code="KZ")
    area = make_area("Higher education", slug="higher-education")
    partnership = make_partnership(
        "Academic mobility",
        institutions=[unit, partner],
        areas=[area],
        embassy=embassy,
        start_date=D(2022, 1, 1),
        end_date=D(2027, 12, 31),
        description="Students and researchers travel both ways.",
    )

    page = html(client.get(partnership.get_absolute_url()))

    assert "<h1>Academic mobility</h1>" in page
    assert "Academic mobility" in page and "Status: Active" in page
    assert f'C-MAT</a>, part of <a href="{university.get_absolute_url()}">' in page
    assert "Almaty Management University" in page and "Kazakhstan" in page
    assert f'href="{embassy.get_absolute_url()}"' in page
    assert 'href="/en/partnerships/?area=higher-education"' in page
    assert '<time datetime="2022-01-01">' in page and '<time datetime="2027-12-31">' in page
    assert "Students and researchers travel both ways." in page


def test_partnership_detail_draws_figures_as_chart_and_table(client):
    partnership = make_partnership()
    make_figure(partnership, label="Kazakh students", value=4, as_of=D(2022, 1, 15))
    make_figure(partnership, label="Kazakh students", value=11, as_of=D(2025, 1, 15))
    make_figure(partnership, label="researchers", value=5, as_of=D(2025, 1, 15))

    page = html(client.get(partnership.get_absolute_url()))

    svg = page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg
    assert '<title id="chart-title">' in svg and '<desc id="chart-desc">' in svg
    assert svg.count("<polyline") == 2
    assert "Kazakh students: from 4 on" in svg and "to 11 on" in svg
    table = page.split('<table class="data-table figures-table">', 1)[1].split("</table>", 1)[0]
    assert "<caption>Figures by date</caption>" in table
    assert '<th scope="col" class="num">Kazakh students</th>' in table
    assert '<th scope="col" class="num">researchers</th>' in table
    assert table.count('<th scope="row">') == 2
    assert '<td class="num">11</td><td class="num">5</td>' in table
    assert "not counted" in table  # no researchers counted in 2022


def test_partnership_without_figures_has_no_chart(client):
    page = html(client.get(make_partnership().get_absolute_url()))
    assert "<svg" not in page and "Figures by date" not in page


def test_partnership_news_timeline_is_published_only_newest_first(client):
    partnership = make_partnership()
    press_releases_of_every_status(partnerships=[partnership])
    make_press_release(
        title="Older news",
        partnerships=[partnership],
        published_at=datetime.datetime(2024, 5, 1, 9, 0, tzinfo=datetime.UTC),
    )

    page = html(client.get(partnership.get_absolute_url()))

    assert_only_published_news(page)
    assert page.index("Published news") < page.index("Older news")
    assert '<time class="timeline__date" datetime="2024-05-01T' in page


def test_unknown_partnership_is_404(client):
    response = client.get(reverse("partners:partnership-detail", args=["nothing"]))
    assert response.status_code == 404


# People


def test_person_detail_shows_honorific_photo_bio_positions_and_news(client, embassy):
    person = make_person(
        "Roman Envoy",
        honorific="H.E.",
        bio="Career diplomat.",
        photo=make_png("roman.png", size=(30, 40)),
    )
    make_position(person, "Ambassador", embassy=embassy, start_date=D(2024, 3, 1))
    ministry = make_institution("Ministry", country_code="KZ")
    make_position(person, "Deputy Minister", institution=ministry,
                  start_date=D(2020, 1, 1), end_date=D(2024, 2, 1))  # fmt: skip
    press_releases_of_every_status(people=[person])

    page = html(client.get(person.get_absolute_url()))

    assert "H.E.</span> Roman Envoy</h1>" in page
    assert "Career diplomat." in page
    photo = re.search(r'<img [^>]*alt="Photo of Roman Envoy"[^>]*>', page).group(0)
    assert 'width="30"' in photo and 'height="40"' in photo
    assert page.index("Ambassador") < page.index("Deputy Minister")  # newest post first
    assert f'href="{embassy.get_absolute_url()}"' in page
    assert '<time datetime="2020-01-01">' in page and '<time datetime="2024-02-01">' in page
    assert_only_published_news(page)


def test_unknown_person_is_404(client):
    assert client.get(reverse("partners:person-detail", args=["nobody"])).status_code == 404


@pytest.mark.parametrize("prefix", ["embassies", "institutions", "partnerships", "people"])
@pytest.mark.parametrize("slug", ["%00", "x" * 10_000, "%C0%AF", "a%20b"])
def test_malformed_slugs_are_404(client, prefix, slug):
    assert client.get(f"/en/{prefix}/{slug}/").status_code == 404


# Metadata on every page


def every_page():
    embassy = make_embassy(slug="meta-embassy")
    institution = make_institution(slug="meta-institution", description="About it.")
    partnership = make_partnership(slug="meta-partnership", description="About the partnership.")
    person = make_person(slug="meta-person", bio="About the person.")
    return {
        "embassy-list": reverse("partners:embassy-list"),
        "embassy-detail": embassy.get_absolute_url(),
        "institution-list": reverse("partners:institution-list"),
        "institution-detail": institution.get_absolute_url(),
        "partnership-list": reverse("partners:partnership-list"),
        "partnership-detail": partnership.get_absolute_url(),
        "person-detail": person.get_absolute_url(),
    }


def test_every_page_has_title_description_canonical_and_open_graph(client):
    for name, url in every_page().items():
        page = html(client.get(url))
        assert re.search(r"<title>\s*\S", page), name
        assert '<meta name="description" content="' in page, name
        assert f'<link rel="canonical" href="http://testserver{url}">' in page, name
        assert f'<meta property="og:url" content="http://testserver{url}">' in page, name
        assert '<meta property="og:title" content="' in page, name
        assert page.count("<h1") == 1, name


def test_canonical_url_of_a_later_list_page_keeps_the_page_number_only(client):
    for _ in range(25):
        make_institution()
    response = client.get(reverse("partners:institution-list"), {"page": "2", "kind": "university"})
    page = html(response)
    assert '<link rel="canonical" href="http://testserver/en/institutions/?page=2">' in page


def test_every_detail_page_has_a_breadcrumb_list_ending_at_itself(client):
    for name, url in every_page().items():
        if not name.endswith("detail"):
            continue
        (breadcrumbs,) = of_type(json_ld(html(client.get(url))), "BreadcrumbList")
        items = breadcrumbs["itemListElement"]
        assert items[0]["name"] == "Home", name
        assert items[-1]["item"] == f"http://testserver{url}", name
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))


def test_detail_description_comes_from_the_description(client):
    institution = make_institution(description="  A research   university\nin Flanders. ")
    page = html(client.get(institution.get_absolute_url()))
    assert '<meta name="description" content="A research university in Flanders.">' in page


def test_og_image_is_the_logo(client):
    institution = make_institution(logo=make_png("logo.png"))
    page = html(client.get(institution.get_absolute_url()))
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/logos/[^"]*\.png">', page
    )


def test_feed_urls_are_none_where_the_feed_does_not_exist():
    assert feed_urls("no-such-kind", "x") is None


@pytest.mark.urls("tests.partners.urls_with_feeds")
@pytest.mark.parametrize("kind", ["embassy", "institution", "partnership"])
def test_detail_pages_announce_their_news_feeds(client, kind):
    subject = {"embassy": make_embassy, "institution": make_institution,
               "partnership": make_partnership}[kind]()  # fmt: skip
    page = html(client.get(subject.get_absolute_url()))
    rss = reverse(f"news:feed-{kind}", args=[subject.slug])
    atom = reverse(f"news:feed-{kind}-atom", args=[subject.slug])
    assert f'<link rel="alternate" type="application/rss+xml" title="News about {subject}' in page
    assert f'href="{rss}"' in page and f'href="{atom}"' in page
    assert 'type="application/atom+xml"' in page
    assert client.get(rss).status_code == 200


@pytest.mark.urls("tests.partners.urls_with_feeds")
def test_person_page_announces_no_feed(client):
    page = html(client.get(make_person().get_absolute_url()))
    assert "application/rss+xml" not in page and "application/atom+xml" not in page


def test_pages_have_no_inline_styles_or_scripts(client):
    partnership = make_partnership(slug="styled")
    make_figure(partnership, value=3)
    urls = [*every_page().values(), partnership.get_absolute_url()]
    for url in urls:
        page = html(client.get(url))
        assert " style=" not in page, url
        scripts = re.findall(r"<script[^>]*>", page)
        assert all('type="application/ld+json"' in tag and "nonce=" in tag for tag in scripts), url
