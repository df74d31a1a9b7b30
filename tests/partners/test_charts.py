"""The server-drawn figures chart: geometry in Python, accessible SVG in the page."""

import datetime
import re
from types import SimpleNamespace

import pytest

from partners.charts import figure_chart, figure_table, nice_step
from tests.factories import make_figure, make_institution, make_partnership

D = datetime.date


def fig(label, value, as_of):
    return SimpleNamespace(label=label, value=value, as_of=as_of)


STUDENTS_AND_RESEARCHERS = [
    fig("students", 4, D(2022, 1, 1)),
    fig("students", 11, D(2024, 1, 1)),
    fig("researchers", 5, D(2024, 1, 1)),
    fig("students", 8, D(2023, 1, 1)),  # out of order on purpose
]


def test_no_figures_no_chart():
    assert figure_chart([]) is None


def test_one_series_per_label_with_points_in_date_order():
    chart = figure_chart(STUDENTS_AND_RESEARCHERS)
    assert [series.label for series in chart.series] == ["students", "researchers"]
    students = chart.series[0]
    assert [m.value for m in students.markers] == [4, 8, 11]
    xs = [m.x for m in students.markers]
    assert xs == sorted(xs)


def test_points_are_scaled_into_the_plot_area():
    chart = figure_chart(STUDENTS_AND_RESEARCHERS)
    markers = [m for series in chart.series for m in series.markers]
    assert min(m.x for m in markers) == chart.left  # the first date
    assert max(m.x for m in markers) == chart.right  # the last date
    for m in markers:
        assert chart.top <= m.y <= chart.bottom
    # 2023-01-01 is 365 of 730 days in: half way
    middle = chart.series[0].markers[1]
    assert middle.x == pytest.approx((chart.left + chart.right) / 2, abs=0.2)


def test_y_axis_starts_at_zero_and_ends_at_a_round_number_above_the_maximum():
    chart = figure_chart(STUDENTS_AND_RESEARCHERS)
    labels = [tick.label for tick in chart.y_ticks]
    assert labels[0] == "0"
    assert labels == ["0", "5", "10", "15"]
    assert chart.y_ticks[0].position == chart.bottom
    assert chart.y_ticks[-1].position == chart.top
    eleven = chart.series[0].markers[-1]
    assert eleven.y == pytest.approx(chart.bottom - 11 / 15 * (chart.bottom - chart.top), abs=0.1)


def test_series_differ_by_marker_shape_and_dash_not_only_colour():
    chart = figure_chart(STUDENTS_AND_RESEARCHERS)
    first, second = chart.series
    assert first.shape != second.shape
    assert first.dash != second.dash
    assert second.markers[0].points  # a polygon for the non-circle marker


def test_single_date_and_zero_values_do_not_divide_by_zero():
    chart = figure_chart([fig("students", 0, D(2025, 1, 1))])
    (marker,) = chart.series[0].markers
    assert marker.x == (chart.left + chart.right) / 2
    assert marker.y == chart.bottom
    assert [tick.label for tick in chart.y_ticks] == ["0", "1"]


def test_x_ticks_are_at_most_five():
    figures = [fig("n", i, D(2000 + i, 1, 1)) for i in range(20)]
    chart = figure_chart(figures)
    assert len(chart.x_ticks) == 5
    assert chart.x_ticks[0].label == "Jan 2000" and chart.x_ticks[-1].label == "Jan 2019"
    # the last label ends at the right edge instead of overflowing the canvas
    assert [tick.anchor for tick in chart.x_ticks] == ["middle"] * 4 + ["end"]


def test_legend_grows_the_chart_per_series():
    one = figure_chart([fig("a", 1, D(2025, 1, 1))])
    three = figure_chart([fig(label, 1, D(2025, 1, 1)) for label in "abc"])
    assert three.height > one.height
    legend_rows = [series.legend_y for series in three.series]
    assert legend_rows == sorted(legend_rows) and len(set(legend_rows)) == 3
    assert all(y < three.height for y in legend_rows)


def test_description_says_the_numbers_in_words():
    chart = figure_chart(STUDENTS_AND_RESEARCHERS, title="Figures of Mobility")
    assert chart.title == "Figures of Mobility"
    assert "2 series" in chart.description
    assert "students: from 4 on" in chart.description and "to 11 on" in chart.description
    assert "researchers: 5 on" in chart.description


@pytest.mark.parametrize(
    ("maximum", "step"), [(0, 1), (1, 1), (4, 1), (11, 5), (40, 10), (95, 50), (1234, 500)]
)
def test_nice_step(maximum, step):
    assert nice_step(maximum) == step


def test_figure_table_has_one_row_per_date_and_gaps_as_none():
    table = figure_table(STUDENTS_AND_RESEARCHERS)
    assert table.labels == ["students", "researchers"]
    assert table.rows == [
        (D(2022, 1, 1), [4, None]),
        (D(2023, 1, 1), [8, None]),
        (D(2024, 1, 1), [11, 5]),
    ]


@pytest.mark.django_db
def test_chart_svg_in_the_page_is_accessible_and_static(client):
    partnership = make_partnership()
    for year, value in [(2022, 4), (2023, 6), (2024, 9)]:
        make_figure(partnership, label="students", value=value, as_of=D(year, 1, 15))
    make_figure(partnership, label="researchers", value=2, as_of=D(2024, 1, 15))

    page = client.get(partnership.get_absolute_url()).content.decode()

    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="chart-title chart-desc"' in svg
    assert re.search(r'<title id="chart-title">Figures of .+</title>', svg)
    assert re.search(r'<desc id="chart-desc">Line chart of 2 series', svg)
    assert "style=" not in svg and "<script" not in svg and "onclick" not in svg
    assert svg.count('class="chart-series ') == 2
    # Figures come ordered by label: researchers get circles, students squares.
    assert len(re.findall(r"<circle ", svg)) == 1 + 1  # one point and the legend
    assert len(re.findall(r"<polygon ", svg)) == 3 + 1  # three points and the legend
    assert ">Date</text>" in svg and ">Number</text>" in svg
    assert ">students</text>" in svg and ">researchers</text>" in svg


@pytest.mark.django_db
def test_chart_coordinates_are_not_localised(client):
    """Russian and Kazakh write decimal commas; SVG numbers must keep their points."""
    partnership = make_partnership()
    make_figure(partnership, label="students", value=7, as_of=D(2022, 3, 1))
    make_figure(partnership, label="students", value=3, as_of=D(2023, 8, 17))

    page = client.get(partnership.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    for name in ("cx", "cy", "x", "y", "x1", "x2", "y1", "y2"):
        for value in re.findall(rf' {name}="([^"]*)"', svg):
            assert re.fullmatch(r"-?\d+(\.\d+)?", value), (name, value)
    assert re.search(r'cy="\d+\.\d"', svg)  # some coordinates are fractional


@pytest.mark.django_db
def test_institution_figures_are_drawn_too(client):
    institution = make_institution()
    make_figure(institution=institution, label="Kazakh students", value=42, as_of=D(2025, 1, 1))
    make_figure(institution=institution, label="Kazakh students", value=50, as_of=D(2026, 1, 1))
    page = client.get(institution.get_absolute_url()).content.decode()
    assert 'role="img"' in page and "<caption>Figures by date</caption>" in page


@pytest.mark.django_db
def test_institution_figures_of_one_date_are_shown_as_numbers(client):
    institution = make_institution()
    make_figure(institution=institution, label="Kazakh students", value=42)
    page = client.get(institution.get_absolute_url()).content.decode()
    assert 'class="figure-facts__value">42<' in page and 'role="img"' not in page
