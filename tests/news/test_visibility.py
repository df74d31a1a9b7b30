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


def test_listed_and_public_from_the_kept_filters_follow_the_clock_and_the_language(db):
    """`PressRelease.objects.listed()` and `public()` start from filters built once per
    process: the time is still read on every call, each language keeps its own, and the
    kept querysets are never evaluated (they would hold their rows)."""
    from news import models

    start = datetime.datetime(2026, 2, 10, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as traveller:
        scheduled = make_press_release(
            title="Scheduled", published_at=start + datetime.timedelta(hours=1)
        )
        russian = make_press_release(
            title="English too",
            title_ru="По-русски",
            lead_ru="Вводка.",
            body_ru="<p>Текст.</p>",
            published_at=start - datetime.timedelta(hours=1),
        )
        withdrawn = make_press_release(
            status=Status.WITHDRAWN, published_at=start - datetime.timedelta(hours=2)
        )
        for _ in range(2):  # the second time from what the first one kept
            assert list(PressRelease.objects.listed("en")) == [russian]
            assert list(PressRelease.objects.listed("ru")) == [russian]
            assert not PressRelease.objects.listed("kk").exists()
            assert set(PressRelease.objects.public()) == {russian, withdrawn}
        traveller.shift(datetime.timedelta(hours=1))
        assert list(PressRelease.objects.listed("en")) == [scheduled, russian]
        assert list(PressRelease.objects.listed("ru")) == [russian]
        assert set(PressRelease.objects.public()) == {scheduled, russian, withdrawn}
    assert {"listed:en", "listed:ru", "listed:kk", "public"} <= models._KEPT_QUERYSETS.keys()
    assert all(kept._result_cache is None for kept in models._KEPT_QUERYSETS.values())


def test_a_related_manager_lists_only_its_own_press_releases(db):
    """`institution.press_releases.listed()` filters by the institution: never kept."""
    from tests.factories import make_institution

    antwerp, ghent = make_institution(name="Antwerp"), make_institution(name="Ghent")
    on_antwerp = make_press_release(title="Antwerp news", institutions=[antwerp])
    on_ghent = make_press_release(title="Ghent news", institutions=[ghent])
    for _ in range(2):
        assert list(antwerp.press_releases.listed()) == [on_antwerp]
        assert list(ghent.press_releases.listed()) == [on_ghent]
        assert list(antwerp.press_releases.public()) == [on_antwerp]
