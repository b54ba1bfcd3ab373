"""Small charts drawn as plain SVG in Python: an agency's trend and its outcomes by year.

Every agency page has two charts of a handful of points or bars. Through Altair and
vl-convert each cost ~0.3 s (benchmarks/RESULTS.md, profile 2), thousands of times per
build; drawn here they cost well under a millisecond. The output is deterministic, has no
script and no style attribute (the CSP allows no inline style), only presentation
attributes, and uses vl-convert's axis classes so the site CSS recolours text, axes and
grid for dark mode exactly as for the Altair charts. Like every chart, each carries a
title, a description and its numbers as a table (charts.Chart).

Margins, label columns and legend columns are sized from textwidth.text_width, the same
conservative measure the Altair charts are laid out with, so no text overlaps or leaves
the SVG in a browser; a label longer than its room is shortened and keeps its full text
in a ``<title>``.
"""

from __future__ import annotations

from html import escape

from .charts import PALETTE, WIDTH, Chart, DataTable, inline_svg, spec_hash
from .textwidth import abbreviate, text_width

Value = float | int | None
#: A named series of values, one per category.
Series = tuple[str, tuple[Value, ...]]

_TOP, _LEGEND_ROW, _SIZE, _TICK_SIZE = 12, 18, 11, 10
#: Legend: swatch, gap to its name, gap between columns (px).
_SWATCH, _SWATCH_GAP, _COLUMN_GAP = 10, 5, 16
#: Widest a row label of the stacked chart may be before it is shortened (px).
_LABEL_ROOM = 120
#: Left of a vertical value axis: the rotated title's column, and the gap to the tick labels.
_TITLE_COLUMN, _GAP = 22, 6


def ticks(values: list[Value]) -> list[int]:
    """Whole-number ticks from 0 past the largest value, about six of them (as charts.count_axis)."""
    top = int(max([v for v in values if v is not None] + [1]))
    step = max(1, -(-top // 6))
    return list(range(0, top + step, step))


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = _SIZE, full: str = "") -> str:
    title = f"<title>{escape(full)}</title>" if full and full != text else ""
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{size}">{title}{escape(text)}</text>'


def _legend(names: list[str], x0: float, y: float, width: float, colors: list[str]) -> tuple[list[str], float, float]:
    """Swatches and names under the plot, in as many columns (at most 3) as the longest name
    allows within ``width``; returns the parts, the legend's width and its height."""
    short = abbreviate(names, width - _SWATCH - _SWATCH_GAP, _SIZE)
    column = _SWATCH + _SWATCH_GAP + max(text_width(v, _SIZE) for v in short.values()) + _COLUMN_GAP
    columns = max(1, min(3, len(names), int((width + _COLUMN_GAP) // column)))
    parts = []
    for i, (name, color) in enumerate(zip(names, colors, strict=True)):
        x, row_y = x0 + (i % columns) * column, y + (i // columns) * _LEGEND_ROW
        parts.append(f'<rect x="{_num(x)}" y="{_num(row_y - 9)}" width="{_SWATCH}" height="{_SWATCH}" fill="{color}"/>')
        parts.append(_text(x + _SWATCH + _SWATCH_GAP, row_y, short[name], "start", full=name))
    rows = -(-len(names) // columns)
    return parts, columns * column - _COLUMN_GAP, rows * _LEGEND_ROW


def _value_axis_x(parts: list[str], scale: list[int], x0: float, width: float, y0: float, height: float, title: str) -> None:
    """Vertical grid lines and labels for a horizontal value axis."""
    top = scale[-1]
    for t in scale:
        x = x0 + width * t / top
        parts.append(
            f'<g class="role-axis-grid"><line x1="{_num(x)}" y1="{y0}" x2="{_num(x)}" y2="{_num(y0 + height)}" stroke="#ddd"/></g>'
        )
        parts.append(_text(x, y0 + height + 14, str(t), size=_TICK_SIZE))
    parts.append(_text(x0 + width / 2, y0 + height + 30, title))


def _value_axis_y(parts: list[str], scale: list[int], x0: float, width: float, y0: float, height: float, title: str) -> None:
    """Horizontal grid lines and labels for a vertical value axis."""
    top = scale[-1]
    for t in scale:
        y = y0 + height - height * t / top
        parts.append(f'<g class="role-axis-grid"><line x1="{x0}" y1="{_num(y)}" x2="{_num(x0 + width)}" y2="{_num(y)}" stroke="#ddd"/></g>')
        parts.append(_text(x0 - _GAP, y + 4, str(t), "end", _TICK_SIZE))
    mid = _num(y0 + height / 2)
    parts.append(f'<text x="14" y="{mid}" text-anchor="middle" font-size="{_SIZE}" transform="rotate(-90 14 {mid})">{escape(title)}</text>')


def _tick_width(scale: list[int]) -> float:
    return max(text_width(str(t), _TICK_SIZE) for t in scale)


def _svg(width: float, height: float, parts: list[str]) -> str:
    w, h = _num(width), _num(height)
    return f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-size="{_SIZE}">' + "".join(parts) + "</svg>"


def line_svg(categories: list[str], series: list[Series], y_title: str) -> str:
    """One line with points per series over ordinal categories; unprinted values are not drawn."""
    width, height = WIDTH, 220
    scale = ticks([v for _, values in series for v in values])
    left = _TITLE_COLUMN + _tick_width(scale) + _GAP
    parts: list[str] = []
    _value_axis_y(parts, scale, left, width, _TOP, height, y_title)
    band = width / max(len(categories), 1)
    xs = [left + band * (i + 0.5) for i in range(len(categories))]
    base = _TOP + height
    parts.append(
        f'<g class="role-axis-domain"><line x1="{_num(left)}" y1="{base}" x2="{_num(left + width)}" y2="{base}" stroke="#888"/></g>'
    )
    short = abbreviate(categories, band - 4, _SIZE)
    for x, label in zip(xs, categories, strict=True):
        parts.append(_text(x, base + 15, short[label], full=label))
    colors = PALETTE[: len(series)]
    for (_, values), color in zip(series, colors, strict=True):
        points = [(x, base - height * v / scale[-1]) for x, v in zip(xs, values, strict=True) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        parts += [f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{color}"/>' for x, y in points]
    legend, legend_width, legend_height = _legend([name for name, _ in series], left, base + 40, width, colors)
    return _svg(left + max(width, legend_width) + 16, base + 40 - 12 + legend_height, parts + legend)


def stacked_svg(rows: list[Series], order: list[str], x_title: str) -> str:
    """Horizontal bars, one per row, segments in ``order`` stacked from zero; unprinted values are gaps."""
    bar, gap = 18, 10
    width = WIDTH - 160
    scale = ticks([sum(v for v in values if v is not None) for _, values in rows])
    height = max(60, (bar + gap) * len(rows))
    short = abbreviate([label for label, _ in rows], _LABEL_ROOM, _SIZE)
    x0 = 8 + max(text_width(v, _SIZE) for v in short.values()) + _GAP
    parts: list[str] = []
    _value_axis_x(parts, scale, x0, width, _TOP, height, x_title)
    colors = PALETTE[: len(order)]
    for i, (label, values) in enumerate(rows):
        y = _TOP + gap / 2 + i * (bar + gap)
        parts.append(_text(x0 - _GAP, y + bar / 2 + 4, short[label], "end", full=label))
        start = 0.0
        for v, color in zip(values, colors, strict=True):
            if not v:
                continue
            w = width * v / scale[-1]
            parts.append(f'<rect x="{_num(x0 + start)}" y="{_num(y)}" width="{_num(w)}" height="{bar}" fill="{color}"/>')
            start += w
    legend_y = _TOP + height + 52
    legend, legend_width, legend_height = _legend(order, x0, legend_y, width, colors)
    right = max(width, legend_width, width + _tick_width(scale) / 2)
    return _svg(x0 + right + 16, legend_y - 12 + legend_height, parts + legend)


def mini_chart(key: str, title: str, description: str, kind: str, svg: str, spec: dict, table: DataTable) -> Chart:
    """A Chart from hand-drawn SVG; ``spec`` (kind and data) stands in for the Vega-Lite spec in data-spec."""
    return Chart(key, title, description, inline_svg(svg, key, title), spec_hash({"mini": kind, **spec}), table)
