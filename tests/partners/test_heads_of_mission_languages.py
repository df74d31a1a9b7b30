"""A head of mission is found whichever language the post's title is written in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Position
from tests.factories import make_embassy, make_person, make_position

pytestmark = pytest.mark.django_db

SINCE = datetime.date(2024, 1, 1)


def post(embassy, **titles):
    """A post with only the given title columns written (title_en=..., title_ru=...)."""
    columns = {"title_kk": "", "title_ru": "", "title_en": ""} | titles
    return make_position(
        person=make_person(), title="", embassy=embassy, start_date=SINCE, **columns
    )


@pytest.mark.parametrize(
    "titles",
    [
        {"title_en": "Ambassador"},
        {"title_en": "Ambassador Extraordinary and Plenipotentiary"},
        {"title_ru": "Посол"},
        {"title_ru": "Чрезвычайный и Полномочный Посол"},
        {"title_kk": "Елші"},
        {"title_kk": "Төтенше және өкілетті елші"},
    ],
)
@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_ambassador_is_head_in_every_language(titles, language):
    embassy = make_embassy()
    position = post(embassy, **titles)
    with translation.override(language):
        assert list(Position.objects.heads()) == [position]
        assert embassy.head_of_mission() == position.person


@pytest.mark.parametrize(
    "titles",
    [
        {"title_en": "Counsellor", "title_ru": "Советник посольства"},
        {"title_en": "Consul General", "title_ru": "Генеральный консул", "title_kk": "Бас консул"},
        {"title_kk": "Елшіліктің бірінші хатшысы"},
    ],
)
def test_other_posts_are_not_heads(titles):
    embassy = make_embassy()
    post(embassy, **titles)
    with translation.override("ru"):
        assert not Position.objects.heads().exists()
        assert embassy.head_of_mission() is None


def test_russian_embassy_page_names_the_ambassador(client):
    embassy = make_embassy()
    person = make_person(name_ru="Роман Василенко", name_en="Roman Vassilenko")
    make_position(
        person=person,
        title="",
        title_en="Ambassador",
        title_ru="Посол",
        title_kk="Елші",
        embassy=embassy,
        start_date=SINCE,
    )
    with translation.override("ru"):
        url = reverse("partners:embassy-detail", args=[embassy.slug])
    page = client.get(url).content.decode()
    assert "Роман Василенко</a>, Посол" in page


@pytest.mark.parametrize(
    "titles",
    [
        {"title_en": "Ambassador"},
        {"title_en": "", "title_kk": "Елші"},
        {"title_en": "", "title_ru": "Чрезвычайный и Полномочный Посол"},
        {"title_en": "Consul", "title_ru": "Консул", "title_kk": "Консул"},
        {"title_en": "", "title_ru": "Посольство"},
    ],
)
def test_loaded_titles_follow_the_same_rule_as_the_query(titles):
    """Mention detection judges loaded posts with is_head_of_mission_title: same answers."""
    from partners.models import Position, is_head_of_mission_title
    from tests.factories import make_embassy, make_position

    position = make_position(embassy=make_embassy(), title="x")
    Position.objects.filter(pk=position.pk).update(**titles)
    in_query = Position.objects.heads().filter(pk=position.pk).exists()
    assert in_query == is_head_of_mission_title(titles)
