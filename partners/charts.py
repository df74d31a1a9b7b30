"""Figures over time as a chart drawn on the server: the geometry here, the SVG in a template.

`figure_chart()` turns figures into lines (one per label) with axis ticks, markers and a
legend, all positions computed in Python, so the page needs no JavaScript and the template
only writes numbers into SVG attributes. `figure_table()` gives the same numbers as a table.
Series differ by marker shape and dash pattern as well as colour.
"""

import math
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MARKERS = ("circle", "square", "triangle", "diamond")
DASHES = ("", "8 4", "2 4", "12 4 2 4")
MARKER_SIZE = 5
LEGEND_ROW = 26


@dataclass
class Marker:
    shape: str
    x: float
    y: float
    value: int
    as_of: date
    points: str = ""  # polygon corners for shapes other than circle
    size: float = MARKER_SIZE

    @property
    def label(self):
        return f"{number_format(self.value)}, {date_format(self.as_of)}"


@dataclass
class Series:
    label: str
    index: int
    markers: list[Marker]
    legend_y: float = 0
    dash: str = ""
    shape: str = "circle"
    legend_marker: Marker | None = None

    @property
    def css_class(self):
        return f"chart-series chart-series-{self.index % len(MARKERS)}"

    @property
    def path(self):
        return " ".join(f"{m.x:.1f},{m.y:.1f}" for m in self.markers)


@dataclass
class Tick:
    position: float
    label: str
    anchor: str = "middle"  # text-anchor: "end" keeps the last date label inside the canvas


@dataclass
class Chart:
    width: int
    height: int
    left: float
    top: float
    right: float
    bottom: float
    title: str
    description: str
    series: list[Series] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_axis_label: str = ""
    y_axis_label: str = ""

    @property
    def view_box(self):
        return f"0 0 {self.width} {self.height}"

    @property
    def plot_middle_x(self):
        return (self.left + self.right) / 2

    @property
    def plot_middle_y(self):
        return (self.top + self.bottom) / 2

    @property
    def y_tick_label_x(self):
        return self.left - 8

    @property
    def x_tick_label_y(self):
        return self.bottom + 22

    @property
    def x_axis_label_y(self):
        return self.bottom + 50

    @property
    def legend_line_end(self):
        return self.left + 28

    @property
    def legend_text_x(self):
        return self.left + 36


@dataclass
class FigureTable:
    labels: list[str]
    rows: list[tuple[date, list[int | None]]]
    # Per date, the published press releases that reported a figure of that date.
    sources: dict = field(default_factory=dict)

    @property
    def rows_with_sources(self):
        """(as_of, values, press releases) per row, for a table with a source column."""
        return [(as_of, values, self.sources.get(as_of, [])) for as_of, values in self.rows]

    @property
    def has_sources(self):
        return any(self.sources.values())

    @property
    def single_date(self):
        """(as_of, [(label, value)], sources) when every figure is of one date: a line needs
        two points, so the page shows these numbers instead of a chart."""
        if len(self.rows) != 1:
            return None
        as_of, values = self.rows[0]
        return as_of, list(zip(self.labels, values, strict=True)), self.sources.get(as_of, [])


def group_by_label(figures):
    """{label: [(as_of, value), ...]} in first-seen label order, each list by date."""
    series = {}
    for figure in figures:
        series.setdefault(figure.label, []).append((figure.as_of, figure.value))
    return {label: sorted(values) for label, values in series.items()}


def nice_step(maximum, ticks=4):
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` intervals."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        step = multiple * magnitude
        if step >= raw:
            return max(1, int(step))
    return max(1, int(10 * magnitude))  # pragma: no cover - the loop always returns


def marker_points(shape, x, y, size=MARKER_SIZE):
    """Corners of a square, triangle or diamond marker; circles need none."""
    d = size * 1.3
    corners = {
        "square": [
            (x - size, y - size),
            (x + size, y - size),
            (x + size, y + size),
            (x - size, y + size),
        ],
        "triangle": [(x, y - d), (x + d, y + size), (x - d, y + size)],
        "diamond": [(x, y - d), (x + d, y), (x, y + d), (x - d, y)],
    }.get(shape)
    if corners is None:
        return ""
    return " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners)


def _make_marker(shape, x, y, value, as_of):
    return Marker(shape, x, y, value, as_of, points=marker_points(shape, x, y))


def _x_ticks(dates, scale_x, most=5):
    if len(dates) <= most:
        chosen = dates
    else:
        step = (len(dates) - 1) / (most - 1)
        chosen = [dates[round(i * step)] for i in range(most)]
    ticks = [Tick(scale_x(d), date_format(d, "M Y")) for d in chosen]
    if len(ticks) > 1:
        ticks[-1].anchor = "end"
    return ticks


def describe(grouped, first, last):
    parts = [
        ngettext(
            "Line chart of %(count)d series from %(first)s to %(last)s.",
            "Line chart of %(count)d series from %(first)s to %(last)s.",
            len(grouped),
        )
        % {"count": len(grouped), "first": date_format(first), "last": date_format(last)}
    ]
    for label, values in grouped.items():
        (start_date, start), (end_date, end) = values[0], values[-1]
        if len(values) == 1:
            parts.append(
                _("%(label)s: %(value)s on %(date)s.")
                % {"label": label, "value": number_format(end), "date": date_format(end_date)}
            )
        else:
            parts.append(
                _("%(label)s: from %(start)s on %(start_date)s to %(end)s on %(end_date)s.")
                % {
                    "label": label,
                    "start": number_format(start),
                    "start_date": date_format(start_date),
                    "end": number_format(end),
                    "end_date": date_format(end_date),
                }
            )
    parts.append(_("The same numbers are in the table below."))
    return " ".join(parts)


def figure_chart(figures, *, title=None, width=480, plot_height=220):
    """The chart of `figures` (any iterable of objects with label, value, as_of), or None."""
    grouped = group_by_label(figures)
    if not grouped:
        return None
    left, right, top = 64.0, width - 36.0, 16.0
    bottom = top + plot_height
    height = int(bottom + 76 + LEGEND_ROW * len(grouped))

    dates = sorted({as_of for values in grouped.values() for as_of, _value in values})
    first, last = dates[0], dates[-1]
    span = (last - first).days

    def scale_x(as_of):
        if span == 0:
            return (left + right) / 2
        return round(left + (as_of - first).days / span * (right - left), 1)

    maximum = max(value for values in grouped.values() for _as_of, value in values)
    step = nice_step(maximum)
    top_value = max(step, math.ceil(maximum / step) * step)

    def scale_y(value):
        return round(bottom - value / top_value * (bottom - top), 1)

    chart = Chart(
        width=width,
        height=height,
        left=left,
        top=top,
        right=right,
        bottom=bottom,
        title=str(title or _("Figures over time")),
        description=describe(grouped, first, last),
        x_ticks=_x_ticks(dates, scale_x),
        y_ticks=[
            Tick(scale_y(value), number_format(value)) for value in range(0, top_value + 1, step)
        ],
        x_axis_label=_("Date"),
        y_axis_label=_("Number"),
    )
    legend_top = bottom + 76
    for index, (label, values) in enumerate(grouped.items()):
        shape = MARKERS[index % len(MARKERS)]
        legend_y = legend_top + index * LEGEND_ROW
        chart.series.append(
            Series(
                label=label,
                index=index,
                shape=shape,
                dash=DASHES[index % len(DASHES)],
                markers=[
                    _make_marker(shape, scale_x(as_of), scale_y(value), value, as_of)
                    for as_of, value in values
                ],
                legend_y=legend_y,
                legend_marker=_make_marker(shape, left + 14, legend_y, 0, first),
            )
        )
    return chart


def figure_table(figures):
    """The figures as rows by date with one column per label (None where not counted).

    A figure carrying `published_sources` (press releases, prefetched by the view) adds
    them to the sources of its date, each once.
    """
    grouped = group_by_label(figures)
    labels = list(grouped)
    by_date = {}
    for column, values in enumerate(grouped.values()):
        for as_of, value in values:
            by_date.setdefault(as_of, [None] * len(labels))[column] = value
    sources = {}
    for figure in figures:
        for press_release in getattr(figure, "published_sources", ()):
            listed = sources.setdefault(figure.as_of, [])
            if press_release not in listed:
                listed.append(press_release)
    return FigureTable(labels=labels, rows=sorted(by_date.items()), sources=sources)
