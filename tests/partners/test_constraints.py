"""Every database constraint of the domain model, checked against the database itself."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from news.models import PressRelease, PressReleaseTopic
from partners.models import (
    CooperationArea,
    Country,
    Embassy,
    Figure,
    Institution,
    Partnership,
    Person,
    Position,
)
from tests.factories import (
    country,
    make_area,
    make_embassy,
    make_figure,
    make_institution,
    make_partnership,
    make_person,
    make_position,
    make_press_release,
    make_topic,
)

pytestmark = pytest.mark.django_db

JAN = datetime.date(2026, 1, 1)
DEC = datetime.date(2025, 12, 1)


def assert_rejected(action):
    """The database refuses the write (own savepoint, so PostgreSQL's transaction survives)."""
    with pytest.raises(IntegrityError), transaction.atomic():
        action()


@pytest.mark.parametrize(
    "factory",
    [
        make_embassy,
        make_person,
        make_institution,
        make_area,
        make_partnership,
        make_topic,
        make_press_release,
    ],
    ids=lambda f: f.__name__,
)
def test_slugs_are_unique(factory):
    factory(slug="same-slug")
    assert_rejected(lambda: factory(slug="same-slug"))


def test_country_code_is_unique():
    assert Country.objects.filter(code="BE").count() == 1
    assert_rejected(lambda: Country.objects.create(name="Belgium again", code="BE"))


def test_every_iso_country_is_loaded():
    assert Country.objects.count() >= 249
    assert country("KZ").name == "Kazakhstan"


def test_figure_value_cannot_be_negative():
    figure = make_figure(value=3)
    assert_rejected(lambda: Figure.objects.filter(pk=figure.pk).update(value=-1))
    figure.value = -1
    with pytest.raises(ValidationError) as excinfo:
        figure.full_clean()
    assert "value" in excinfo.value.message_dict


def test_figure_check_constraint_reports_negative_value():
    figure = make_figure(value=3)
    figure.value = -1
    with pytest.raises(ValidationError, match="cannot be negative"):
        figure.validate_constraints()


def test_figure_zero_is_allowed():
    assert make_figure(value=0).value == 0


def test_figure_needs_exactly_one_subject():
    partnership = make_partnership()
    institution = make_institution()
    assert_rejected(lambda: make_figure(partnership=partnership, institution=institution))
    assert_rejected(lambda: Figure.objects.create(label="students", value=1, as_of=JAN))
    assert make_figure(institution=institution).subject == institution


def test_position_needs_exactly_one_organisation():
    embassy = make_embassy()
    institution = make_institution()
    assert_rejected(lambda: make_position(embassy=embassy, institution=institution))
    assert_rejected(lambda: Position.objects.create(person=make_person(), title="Adviser"))
    assert make_position(institution=institution, title="Rector").organisation == institution


def test_position_end_cannot_be_before_start():
    assert_rejected(lambda: make_position(start_date=JAN, end_date=DEC))
    assert make_position(start_date=JAN, end_date=JAN).end_date == JAN
    assert make_position(start_date=None, end_date=DEC).end_date == DEC


def test_partnership_end_cannot_be_before_start():
    assert_rejected(lambda: make_partnership(start_date=JAN, end_date=DEC))
    assert make_partnership(start_date=DEC, end_date=JAN).end_date == JAN


def test_end_before_start_message_for_editors():
    position = make_position(start_date=JAN)
    position.end_date = DEC
    with pytest.raises(ValidationError, match="cannot be before the start date"):
        position.validate_constraints()


@pytest.mark.parametrize("status", [PressRelease.Status.PUBLISHED, PressRelease.Status.WITHDRAWN])
def test_published_or_withdrawn_needs_a_publication_time(status):
    assert_rejected(lambda: make_press_release(status=status, published_at=None))


def test_draft_needs_no_publication_time():
    draft = make_press_release(status=PressRelease.Status.DRAFT)
    assert draft.published_at is None


def test_withdrawn_needs_a_reason():
    assert_rejected(
        lambda: make_press_release(status=PressRelease.Status.WITHDRAWN, withdrawn_reason="")
    )
    press_release = make_press_release()
    assert_rejected(
        lambda: PressRelease.objects.filter(pk=press_release.pk).update(
            status=PressRelease.Status.WITHDRAWN
        )
    )


def test_a_press_release_links_a_topic_once():
    topic = make_topic()
    press_release = make_press_release(topics=[topic])
    assert_rejected(
        lambda: PressReleaseTopic.objects.create(press_release=press_release, target=topic)
    )


def _linked(name, target):
    make_press_release(**{name: [target]})
    return target


@pytest.mark.parametrize(
    ("link", "factory"),
    [
        ("embassies", make_embassy),
        ("institutions", make_institution),
        ("people", make_person),
        ("partnerships", make_partnership),
        ("figures", make_figure),
        ("topics", make_topic),
        ("countries", lambda: country("KZ")),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_what_a_press_release_refers_to_cannot_be_deleted(link, factory):
    target = _linked(link, factory())
    with pytest.raises(ProtectedError), transaction.atomic():
        target.delete()
    assert type(target).objects.filter(pk=target.pk).exists()


def test_partnership_whose_figure_is_reported_cannot_be_deleted():
    figure = _linked("figures", make_figure())
    with pytest.raises(ProtectedError), transaction.atomic():
        figure.partnership.delete()


def test_unreferenced_things_can_be_deleted():
    for obj in [make_embassy(), make_person(), make_partnership(), make_topic(), make_area()]:
        obj.delete()
    assert not Embassy.objects.exists()
    assert not Person.objects.exists()
    assert not Partnership.objects.exists()
    assert not CooperationArea.objects.exists()


def test_deleting_a_press_release_keeps_what_it_linked():
    embassy = make_embassy()
    make_press_release(embassies=[embassy]).delete()
    assert Embassy.objects.filter(pk=embassy.pk).exists()


def test_institution_with_units_cannot_be_deleted():
    university = make_institution()
    make_institution(parent=university, kind=Institution.Kind.RESEARCH_CENTRE)
    with pytest.raises(ProtectedError), transaction.atomic():
        university.delete()
