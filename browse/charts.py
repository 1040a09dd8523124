"""Bar charts as plain geometry for an SVG template: no JavaScript, no chart library.

A chart is drawn from (label, count, url) rows the view has already counted in the database;
this module only lays them out, so a chart costs no query of its own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str
    x: float
    y: float
    width: float
    height: float
    # Where the category label and the count are written, worked out with the bar.
    label_x: float = 0.0
    label_y: float = 0.0
    value_x: float = 0.0
    value_y: float = 0.0


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    orientation: str
    category: str = "Value"

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)

    def __bool__(self) -> bool:
        return bool(self.bars)


def column_chart(
    title: str, rows, *, category: str = "Year", width: int = 360, height: int = 200
) -> BarChart:
    """Vertical bars in the given order, for a sequence such as years.

    >>> column_chart("Events per year", [("2021", 3, "/e/?year=2021")]).bars[0].height
    150.0
    """
    rows = list(rows)
    top, bottom = 20.0, 30.0  # room for the count above and the label below each bar
    plot = height - top - bottom
    most = max((count for _, count, _ in rows), default=0) or 1
    slot = width / max(len(rows), 1)
    bars = []
    for index, (label, count, url) in enumerate(rows):
        bar_height = round(plot * count / most, 1)
        x = round(index * slot + slot * 0.15, 1)
        y = round(top + plot - bar_height, 1)
        centre = round(index * slot + slot / 2, 1)
        bars.append(
            Bar(
                str(label),
                count,
                url,
                x=x,
                y=y,
                width=round(slot * 0.7, 1),
                height=bar_height,
                label_x=centre,
                label_y=height - 10.0,
                value_x=centre,
                value_y=round(y - 4, 1),
            )
        )
    return BarChart(title, tuple(bars), width, height, "columns", category)


ROW_PAD = 6  # room above the first bar and below the last


def row_chart(
    title: str, rows, *, category: str = "Name", width: int = 360, row_height: int = 22
) -> BarChart:
    """Horizontal bars, longest first as given, for named categories (topics, cities).

    >>> row_chart("Events per topic", [("energy", 4, "/t/energy/")]).bars[0].width
    174.0
    """
    rows = list(rows)
    label_room, count_room = 150.0, 36.0
    plot = width - label_room - count_room
    most = max((count for _, count, _ in rows), default=0) or 1
    bars = []
    for index, (label, count, url) in enumerate(rows):
        y = float(index * row_height + ROW_PAD)
        bar_width = round(plot * count / most, 1)
        bars.append(
            Bar(
                str(label),
                count,
                url,
                x=label_room,
                y=y,
                width=bar_width,
                height=round(row_height * 0.7, 1),
                label_x=label_room - 8,
                label_y=y + 12,
                value_x=round(label_room + bar_width + 6, 1),
                value_y=y + 12,
            )
        )
    height = len(rows) * row_height + 2 * ROW_PAD
    return BarChart(title, tuple(bars), width, height, "rows", category)
