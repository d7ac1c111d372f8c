"""Small bar charts as plain geometry, drawn as SVG by templates/charts.html.

Drawn on the server so the reports work offline with no charting library; every label
is data that Jinja escapes. Each function returns a `Chart`: bars with x, y, width,
height in SVG units, axis ticks and a legend.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from policygraph.text import fold


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # the tooltip (<title>): what the bar counts
    value: int


@dataclass
class Tick:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass
class Chart:
    width: float
    height: float
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, name)
    empty: bool = False


def stacked_columns(columns: list[tuple[str, list[tuple[str, int, str]]]], width: float = 560,
                    height: float = 200) -> Chart:
    """One column per x label, stacked segments (series name, value, colour), bottom up.

    Used for implementing documents per level and year.
    """
    top = max((sum(v for _, v, _ in stack) for _, stack in columns), default=0)
    chart = Chart(width, height + 40, empty=top == 0)
    if chart.empty:
        return chart
    left, plot_h = 30.0, height - 10
    step = (width - left) / max(1, len(columns))
    bar_w = max(4.0, min(36.0, step * 0.7))
    for index, (name, stack) in enumerate(columns):
        x = left + index * step + (step - bar_w) / 2
        y = height
        for series, value, colour in stack:
            if value <= 0:
                continue
            h = plot_h * value / top
            y -= h
            chart.bars.append(Bar(round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1), colour,
                                  f"{name}: {value}" if series == name else f"{name} · {series}: {value}", value))
        if len(columns) <= 16 or index % max(1, len(columns) // 12) == 0:
            chart.ticks.append(Tick(round(x + bar_w / 2, 1), height + 16, name))
    chart.ticks.append(Tick(left - 6, 10 + 4, str(top), "end"))
    chart.ticks.append(Tick(left - 6, height, "0", "end"))
    return chart


def columns(values: list[tuple[str, int]], colour: str, width: float = 560, height: float = 180) -> Chart:
    """A plain column chart (the lag distribution)."""
    return stacked_columns([(name, [(name, value, colour)]) for name, value in values], width, height)


def sorted_bars(values: list[tuple[str, int]], colour: str, empty_colour: str, width: float = 560,
                row: float = 15) -> Chart:
    """Horizontal bars, largest first, one row per label (provinces with a programme);
    a zero is drawn as a short grey stub so that the province still shows."""
    ordered = sorted(values, key=lambda kv: (-kv[1], fold(kv[0])))  # Đà Nẵng among the D
    top = max((v for _, v in ordered), default=0)
    chart = Chart(width, row * len(ordered) + 10, empty=not ordered)
    left = 170.0
    for index, (name, value) in enumerate(ordered):
        y = 5 + index * row
        length = (width - left - 40) * value / top if top else 0
        chart.bars.append(Bar(left, y + 2, round(max(length, 3), 1), row - 4, colour if value else empty_colour,
                              f"{name}: {value}", value))
        chart.ticks.append(Tick(left - 6, y + row - 4, name, "end"))
        chart.ticks.append(Tick(round(left + max(length, 3) + 4, 1), y + row - 4, str(value), "start"))
    return chart
