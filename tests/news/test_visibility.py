import datetime

import pytest
import time_machine
from django.utils import timezone

from news.models import PressRelease
from tests.factories import make_press_release, tomorrow, yesterday

Status = PressRelease.Status


@pytest.fixture
def mixed(db):
    return {
        "draft": make_press_release(title="Draft", status=Status.DRAFT),
        "review": make_press_release(title="Review", status=Status.REVIEW),
        "published": make_press_release(title="Published", published_at=yesterday()),
        "scheduled": make_press_release(title="Scheduled", published_at=tomorrow()),
        "withdrawn": make_press_release(title="Withdrawn", status=Status.WITHDRAWN),
    }


def test_published_is_only_the_one_published_yesterday(mixed):
    assert list(PressRelease.objects.published()) == [mixed["published"]]


def test_public_adds_withdrawn_but_not_drafts_or_scheduled(mixed):
    assert set(PressRelease.objects.public()) == {mixed["published"], mixed["withdrawn"]}


def test_is_published_matches_the_queryset(mixed):
    assert {name for name, pr in mixed.items() if pr.is_published()} == {"published"}
    assert mixed["scheduled"].is_scheduled
    assert not mixed["published"].is_scheduled
    assert mixed["withdrawn"].is_withdrawn


def test_published_with_time_exactly_now_is_visible(db):
    with time_machine.travel(datetime.datetime(2026, 2, 10, 5, 0, tzinfo=datetime.UTC), tick=False):
        press_release = make_press_release(published_at=timezone.now())
        assert press_release.is_published()
        assert list(PressRelease.objects.published()) == [press_release]


def test_scheduled_item_appears_by_itself_when_its_time_comes(db):
    start = datetime.datetime(2026, 2, 10, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        scheduled = make_press_release(published_at=start + datetime.timedelta(hours=2))
        assert not PressRelease.objects.published().exists()
        assert not scheduled.is_published()

        traveller.shift(datetime.timedelta(hours=1, minutes=59))
        assert not PressRelease.objects.published().exists()

        traveller.shift(datetime.timedelta(minutes=1))
        assert list(PressRelease.objects.published()) == [scheduled]
        scheduled.refresh_from_db()
        assert scheduled.is_published()
        assert scheduled.status == Status.PUBLISHED


def test_withdrawn_with_future_time_is_not_public(db):
    withdrawn = make_press_release(status=Status.WITHDRAWN, published_at=tomorrow())
    assert withdrawn not in PressRelease.objects.public()


def test_published_lists_newest_first(db):
    older = make_press_release(published_at=yesterday() - datetime.timedelta(days=3))
    newer = make_press_release(published_at=yesterday())
    assert list(PressRelease.objects.published()) == [newer, older]
