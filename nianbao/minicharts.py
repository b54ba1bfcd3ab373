"""Small charts drawn as plain SVG in Python: an agency's trend and its outcomes by year.

Every agency page has two charts of a handful of points or bars. Through Altair and
vl-convert each cost ~0.3 s (benchmarks/RESULTS.md, profile 2), thousands of times per
build; drawn here they cost well under a millisecond. The output is deterministic, has no
script and no style attribute (the CSP allows no inline style), only presentation
attributes, and uses vl-convert's axis classes so the site CSS recolours text, axes and
grid for dark mode exactly as for the Altair charts. Like every chart, each carries a
title, a description and its numbers as a table (charts.Chart).
"""

from __future__ import annotations

from html import escape

from .charts import PALETTE, WIDTH, Chart, DataTable, inline_svg, spec_hash

Value = float | int | None
#: A named series of values, one per category.
Series = tuple[str, tuple[Value, ...]]

_LEFT, _TOP, _LEGEND_ROW = 56, 12, 18


def ticks(values: list[Value]) -> list[int]:
    """Whole-number ticks from 0 past the largest value, about six of them (as charts.count_axis)."""
    top = int(max([v for v in values if v is not None] + [1]))
    step = max(1, -(-top // 6))
    return list(range(0, top + step, step))


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


def _text(x: float, y: float, text: str, anchor: str = "middle", size: int = 11) -> str:
    return f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{size}">{escape(text)}</text>'


def _legend(names: list[str], y: float, colors: list[str]) -> list[str]:
    """Swatches and names, three per row, under the plot."""
    parts = []
    for i, (name, color) in enumerate(zip(names, colors, strict=True)):
        x, row_y = _LEFT + (i % 3) * 180, y + (i // 3) * _LEGEND_ROW
        parts.append(f'<rect x="{x}" y="{_num(row_y - 9)}" width="10" height="10" fill="{color}"/>')
        parts.append(_text(x + 15, row_y, name, "start"))
    return parts


def _value_axis_x(parts: list[str], scale: list[int], x0: float, width: float, y0: float, height: float, title: str) -> None:
    """Vertical grid lines and labels for a horizontal value axis."""
    top = scale[-1]
    for t in scale:
        x = x0 + width * t / top
        parts.append(
            f'<g class="role-axis-grid"><line x1="{_num(x)}" y1="{y0}" x2="{_num(x)}" y2="{_num(y0 + height)}" stroke="#ddd"/></g>'
        )
        parts.append(_text(x, y0 + height + 14, str(t), size=10))
    parts.append(_text(x0 + width / 2, y0 + height + 30, title))


def _value_axis_y(parts: list[str], scale: list[int], x0: float, width: float, y0: float, height: float, title: str) -> None:
    """Horizontal grid lines and labels for a vertical value axis."""
    top = scale[-1]
    for t in scale:
        y = y0 + height - height * t / top
        parts.append(f'<g class="role-axis-grid"><line x1="{x0}" y1="{_num(y)}" x2="{_num(x0 + width)}" y2="{_num(y)}" stroke="#ddd"/></g>')
        parts.append(_text(x0 - 6, y + 4, str(t), "end", 10))
    parts.append(
        f'<text x="14" y="{_num(y0 + height / 2)}" text-anchor="middle" font-size="11" transform="rotate(-90 14 {_num(y0 + height / 2)})">{escape(title)}</text>'
    )


def _svg(width: float, height: float, parts: list[str]) -> str:
    w, h = _num(width), _num(height)
    return f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-size="11">' + "".join(parts) + "</svg>"


def line_svg(categories: list[str], series: list[Series], y_title: str) -> str:
    """One line with points per series over ordinal categories; unprinted values are not drawn."""
    width, height = WIDTH, 220
    scale = ticks([v for _, values in series for v in values])
    parts: list[str] = []
    _value_axis_y(parts, scale, _LEFT, width, _TOP, height, y_title)
    band = width / max(len(categories), 1)
    xs = [_LEFT + band * (i + 0.5) for i in range(len(categories))]
    base = _TOP + height
    parts.append(f'<g class="role-axis-domain"><line x1="{_LEFT}" y1="{base}" x2="{_LEFT + width}" y2="{base}" stroke="#888"/></g>')
    for x, label in zip(xs, categories, strict=True):
        parts.append(_text(x, base + 15, label))
    colors = PALETTE[: len(series)]
    for (_, values), color in zip(series, colors, strict=True):
        points = [(x, base - height * v / scale[-1]) for x, v in zip(xs, values, strict=True) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        parts += [f'<circle cx="{_num(x)}" cy="{_num(y)}" r="4" fill="{color}"/>' for x, y in points]
    legend_y = base + 40
    parts += _legend([name for name, _ in series], legend_y, colors)
    return _svg(_LEFT + width + 16, legend_y + _LEGEND_ROW * ((len(series) + 2) // 3), parts)


def stacked_svg(rows: list[Series], order: list[str], x_title: str) -> str:
    """Horizontal bars, one per row, segments in ``order`` stacked from zero; unprinted values are gaps."""
    label_width, bar, gap = 80, 18, 10
    width = WIDTH - 160
    scale = ticks([sum(v for v in values if v is not None) for _, values in rows])
    height = max(60, (bar + gap) * len(rows))
    parts: list[str] = []
    x0 = _LEFT + label_width
    _value_axis_x(parts, scale, x0, width, _TOP, height, x_title)
    colors = PALETTE[: len(order)]
    for i, (label, values) in enumerate(rows):
        y = _TOP + gap / 2 + i * (bar + gap)
        parts.append(_text(x0 - 6, y + bar / 2 + 4, label, "end"))
        start = 0.0
        for v, color in zip(values, colors, strict=True):
            if not v:
                continue
            w = width * v / scale[-1]
            parts.append(f'<rect x="{_num(x0 + start)}" y="{_num(y)}" width="{_num(w)}" height="{bar}" fill="{color}"/>')
            start += w
    legend_y = _TOP + height + 52
    parts += _legend(order, legend_y, colors)
    return _svg(x0 + width + 16, legend_y + _LEGEND_ROW * ((len(order) + 2) // 3), parts)


def mini_chart(key: str, title: str, description: str, kind: str, svg: str, spec: dict, table: DataTable) -> Chart:
    """A Chart from hand-drawn SVG; ``spec`` (kind and data) stands in for the Vega-Lite spec in data-spec."""
    return Chart(key, title, description, inline_svg(svg, key, title), spec_hash({"mini": kind, **spec}), table)
