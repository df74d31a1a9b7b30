"""A figure that came from a press release links to it on the partnership page (issue 7.5)."""

import datetime

import pytest
from django.utils import timezone

from news.models import PressRelease
from tests.factories import make_figure, make_institution, make_partnership, make_press_release

pytestmark = pytest.mark.django_db

D = datetime.date


def test_partnership_figures_table_links_each_figure_to_its_published_press_release(client):
    partnership = make_partnership()
    reported = make_figure(partnership, label="master's students", value=8, as_of=D(2025, 9, 1))
    make_figure(partnership, label="master's students", value=4, as_of=D(2024, 9, 1))
    source = make_press_release("Eight master's students begin the MBA", figures=[reported])

    response = client.get(partnership.get_absolute_url())

    html = response.content.decode()
    table = html[html.index("figures-table") :]
    assert f'href="{source.get_absolute_url()}"' in table
    assert "Eight master&#x27;s students begin the MBA" in table
    assert response.context["figure_table"].sources == {D(2025, 9, 1): [source]}


@pytest.mark.parametrize(
    "status",
    [PressRelease.Status.DRAFT, PressRelease.Status.REVIEW, PressRelease.Status.WITHDRAWN],
)
def test_figures_table_never_links_a_press_release_the_public_may_not_see(client, status):
    partnership = make_partnership()
    figure = make_figure(partnership, value=8)
    hidden = make_press_release("Not for the public", status=status, figures=[figure])

    response = client.get(partnership.get_absolute_url())

    assert hidden.get_absolute_url() not in response.content.decode()
    assert response.context["figure_table"].has_sources is False


def test_figures_table_does_not_link_a_scheduled_press_release(client):
    partnership = make_partnership()
    figure = make_figure(partnership, value=8)
    scheduled = make_press_release(
        "Embargoed", published_at=timezone.now() + datetime.timedelta(days=1), figures=[figure]
    )

    response = client.get(partnership.get_absolute_url())

    assert scheduled.get_absolute_url() not in response.content.decode()


def test_institution_figures_table_links_its_source_too(client):
    institution = make_institution()
    figure = make_figure(institution=institution, label="researchers", value=5)
    source = make_press_release("Five researchers visit", figures=[figure])

    response = client.get(institution.get_absolute_url())

    assert f'href="{source.get_absolute_url()}"' in response.content.decode()
