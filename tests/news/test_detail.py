"""One press release: its text, picture, related section and withdrawal notice."""

import datetime
import re
import zoneinfo

import pytest
from django.urls import reverse

from news.models import PressRelease
from tests.factories import (
    country,
    image_file,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
    make_topic,
    tomorrow,
)

pytestmark = pytest.mark.django_db

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
PUBLISHED = datetime.datetime(2026, 2, 10, 11, 30, tzinfo=ALMATY)


def get(client, press_release):
    return client.get(press_release.get_absolute_url())


def test_shows_title_dateline_time_lead_body_and_source(client):
    press_release = make_press_release(
        "Ambassador meets rector",
        lead="The ambassador met the rector.",
        body="<p>They discussed <strong>science</strong>.</p>",
        dateline="Brussels",
        source="Ministry of Foreign Affairs of the Republic of Kazakhstan",
        published_at=PUBLISHED,
    )
    response = get(client, press_release)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Ambassador meets rector</h1>" in html
    assert "Brussels" in html
    assert '<time datetime="2026-02-10T11:30:00+05:00">10 February 2026, 11:30</time>' in html
    assert "The ambassador met the rector." in html
    assert "<p>They discussed <strong>science</strong>.</p>" in html
    assert "Source: Ministry of Foreign Affairs of the Republic of Kazakhstan" in html


@pytest.mark.parametrize(
    "kwargs",
    [
        {"status": PressRelease.Status.DRAFT},
        {"status": PressRelease.Status.REVIEW},
        {"published_at": "tomorrow"},
    ],
)
def test_draft_review_and_scheduled_are_404_for_the_public(client, kwargs):
    if kwargs.get("published_at") == "tomorrow":
        kwargs["published_at"] = tomorrow()
    press_release = make_press_release(**kwargs)
    assert get(client, press_release).status_code == 404


def test_withdrawn_keeps_its_page_with_the_notice_and_reason_at_the_top(client):
    press_release = make_press_release(
        "Withdrawn news",
        status=PressRelease.Status.WITHDRAWN,
        withdrawn_reason="The figures were wrong.",
    )
    response = get(client, press_release)
    assert response.status_code == 200
    html = response.text
    assert "This press release was withdrawn" in html
    assert "The figures were wrong." in html
    assert html.index("This press release was withdrawn") < html.index("<h1>")
    assert '<meta name="robots" content="noindex">' in html


def test_published_page_has_no_withdrawal_notice(client):
    assert "was withdrawn" not in get(client, make_press_release()).text


def test_featured_image_with_alt_caption_credit_and_size(client):
    press_release = make_press_release(
        image=image_file(size=(640, 360)),
        image_alt="The rector shakes hands with the ambassador",
        image_caption="At the university",
        image_credit="the ministry",
    )
    html = get(client, press_release).text
    image = re.search(
        r'<img [^>]*alt="The rector shakes hands with the ambassador"[^>]*>', html
    ).group(0)
    assert 'width="640"' in image and 'height="360"' in image
    assert re.search(r'src="/media/renditions/news/[^"]*\.jpg"', image)
    assert "At the university" in html
    assert "Photo: the ministry" in html


def test_missing_image_file_renders_the_page_without_the_picture(client):
    press_release = make_press_release(image_alt="Gone")
    PressRelease.objects.filter(pk=press_release.pk).update(image="news/does-not-exist.jpg")
    response = get(client, press_release)
    assert response.status_code == 200
    assert '<img src="/media/news/does-not-exist.jpg' not in response.text
    assert 'property="og:image"' not in response.text


def test_corrupt_image_file_renders_the_page_without_the_picture(client, settings):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from news.models import PressRelease

    # Stored behind the upload checks' back, as a damaged disk or bucket would leave it.
    name = default_storage.save("news/broken.jpg", ContentFile(b"not a picture at all"))
    press_release = make_press_release(image_alt="Broken")
    PressRelease.objects.filter(pk=press_release.pk).update(image=name)
    response = get(client, press_release)
    assert response.status_code == 200
    assert "broken" not in response.text.split("<main", 1)[1].lower()


def test_related_section_shows_everything_linked(client):
    embassy = make_embassy("Embassy in Belgium")
    old_ambassador = make_person("Old Ambassador")
    make_position(
        old_ambassador,
        embassy=embassy,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    ambassador = make_person("Roman Vassilenko", honorific="H.E.")
    make_position(ambassador, embassy=embassy, start_date=datetime.date(2026, 1, 1))
    make_person("Later Ambassador")  # not in post: no position
    university = make_institution("University of Antwerp")
    unit = make_institution("C-MAT", parent=university)
    rector = make_person("Herwig Leirs")
    make_position(
        rector,
        "Vice-Rector",
        institution=university,
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2019, 12, 31),
    )
    make_position(rector, "Rector", institution=university, start_date=datetime.date(2020, 1, 1))
    mba = make_partnership("Double-degree MBA")
    make_figure(mba, label="master's students", value=6, as_of=datetime.date(2025, 2, 1))
    make_figure(mba, label="master's students", value=8, as_of=datetime.date(2026, 2, 1))
    topic = make_topic("Higher education")
    press_release = make_press_release(
        published_at=PUBLISHED,
        embassies=[embassy],
        institutions=[unit, university],
        partnerships=[mba],
        people=[ambassador, rector],
        countries=[country("BE")],
        topics=[topic],
    )
    response = get(client, press_release)
    context = response.context
    assert context["related_embassies"] == [(embassy, ambassador)]
    positions = {person.name: position.title for person, position in context["related_people"]}
    assert positions == {"Herwig Leirs": "Rector", "Roman Vassilenko": "Ambassador"}
    assert [
        figure.value for _p, figures in context["related_partnerships"] for figure in figures
    ] == [8]
    html = response.text
    assert "Head of mission at the time:" in html
    assert "Roman Vassilenko" in html
    assert "Old Ambassador" not in html
    assert "part of University of Antwerp" in html
    assert "Rector, University of Antwerp" in html
    assert "<strong>8</strong> master&#x27;s students" in html
    assert "Belgium" in html and "?country=be" in html
    assert f'href="{topic.get_absolute_url()}"' in html


def test_head_of_mission_is_the_one_in_post_on_the_day_of_the_press_release(client):
    embassy = make_embassy()
    before = make_person("Ambassador Before")
    make_position(
        before,
        embassy=embassy,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    now = make_person("Ambassador Now")
    make_position(now, embassy=embassy, start_date=datetime.date(2026, 1, 1))
    old_news = make_press_release(
        published_at=datetime.datetime(2024, 5, 1, 12, tzinfo=ALMATY), embassies=[embassy]
    )
    new_news = make_press_release(published_at=PUBLISHED, embassies=[embassy])
    assert get(client, old_news).context["related_embassies"] == [(embassy, before)]
    assert get(client, new_news).context["related_embassies"] == [(embassy, now)]


def test_other_news_on_the_same_partnership_or_institution_is_published_only(client):
    partnership = make_partnership()
    institution = make_institution()
    press_release = make_press_release(partnerships=[partnership], institutions=[institution])
    make_press_release("Same partnership", partnerships=[partnership])
    make_press_release("Same institution", institutions=[institution])
    make_press_release("Both", partnerships=[partnership], institutions=[institution])
    make_press_release("Unrelated")
    make_press_release("Draft same", status=PressRelease.Status.DRAFT, partnerships=[partnership])
    make_press_release("Scheduled same", published_at=tomorrow(), institutions=[institution])
    make_press_release(
        "Withdrawn same", status=PressRelease.Status.WITHDRAWN, institutions=[institution]
    )
    response = get(client, press_release)
    cards = "".join(response.context["other_news"])  # rendered cards, kept with the links
    other = sorted(re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', cards))
    assert other == ["Both", "Same institution", "Same partnership"]
    for hidden in ("Unrelated", "Draft same", "Scheduled same", "Withdrawn same"):
        assert hidden not in response.text


def test_unknown_slug_is_404(client):
    assert client.get(reverse("news:detail", args=["no-such-news"])).status_code == 404


def test_media_placeholder_is_included(client):
    from django.template.loader import get_template

    assert get_template("news/_media.html")
    assert get(client, make_press_release()).status_code == 200


def test_page_works_from_a_queryset_without_with_related(rf):
    """The workflow's preview may hand in a plain queryset: same page, just more queries."""
    from news.views import PressReleaseDetailView

    embassy = make_embassy()
    ambassador = make_person()
    make_position(ambassador, embassy=embassy, start_date=datetime.date(2020, 1, 1))
    press_release = make_press_release(
        status=PressRelease.Status.DRAFT, embassies=[embassy], people=[ambassador]
    )

    class PreviewView(PressReleaseDetailView):
        def get_queryset(self):
            return PressRelease.objects.all()

    response = PreviewView.as_view()(rf.get("/"), slug=press_release.slug)
    assert response.status_code == 200
    links = response.context_data["related_html"]  # the links part, rendered by the view
    missions = links.split('id="related-embassies"', 1)[1].split("</section>", 1)[0]
    assert embassy.name in missions and ambassador.name in missions
    people = links.split('id="related-people"', 1)[1].split("</section>", 1)[0]
    assert f'{ambassador.name}</a>, <span class="muted">Ambassador,' in people


def test_what_a_press_release_links_to_is_kept_as_html(client, settings):
    """The links, other news, photos and documents are rendered once per language and
    change and kept as strings: the next request shows the same page without unpickling
    model instances (a rich press release's page cost half its time in them)."""
    from django.core.cache import cache

    settings.PAGE_CACHE = False  # the page itself rendered each time, its parts kept
    embassy = make_embassy()
    ambassador = make_person("Roman Vassilenko")
    make_position(ambassador, embassy=embassy, start_date=datetime.date(2020, 1, 1))
    institution = make_institution()
    press_release = make_press_release(
        embassies=[embassy], institutions=[institution], topics=[make_topic("Education")]
    )
    make_press_release("Same institution", institutions=[institution])
    first = re.sub(r'nonce="[^"]+"', "", get(client, press_release).text)
    kept = cache.get(f"derived:pr-links:{press_release.pk}:en")["value"]
    strings = [value for value in kept.values() if isinstance(value, str)]
    lists = [item for value in kept.values() if isinstance(value, list) for item in value]
    assert len(strings) == 2 and len(lists) == len(kept["topic_names"]) + len(kept["tags"])
    assert all(isinstance(item, str) for item in lists)  # no model instance kept
    assert "Roman Vassilenko" in kept["related_html"] and "Same institution" in kept["related_html"]
    assert (
        f"pr:{press_release.pk}" in kept["tags"] and f"institution:{institution.pk}" in kept["tags"]
    )
    again = re.sub(r'nonce="[^"]+"', "", get(client, press_release).text)
    assert again == first
    assert '<meta property="article:tag" content="Education">' in again
