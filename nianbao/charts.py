"""Charts: Altair specs rendered at build time to inline SVG with vl-convert.

The SVG needs no JavaScript and loads nothing. Colours are mid-tone so they read on a
light and a dark page; text, axes and grid take their colours from the site CSS (CSS
beats SVG presentation attributes), and the font comes from the CSS font stack. Every
chart also carries its numbers as a plain table for screen readers and print.

Text is laid out with the measuring font of textwidth.py (1 em per CJK character, wide
ASCII), the same on every build machine and never narrower than a browser draws it. Labels
longer than their room are shortened here, before the spec, with the full text kept in a
``<title>`` (a tooltip); legends get as many columns as their longest label allows.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

import vl_convert as vlc

# altair and pandas are imported in the functions that draw a chart: importing them costs
# ~1 cpu-s, and a rebuild whose summary pages are all reused draws no chart at all.
if TYPE_CHECKING:
    import altair as alt
    import pandas as pd

from .textwidth import FAMILY, FONT_DIR, FONT_FILE, abbreviate, text_width

#: The measuring font first (vl-convert lays text out with it; browsers do not have it and
#: the site CSS sets the font anyway), then CJK-capable system fonts. Nothing is fetched.
FONT = f'"{FAMILY}", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'
#: Font size of axis and legend labels (px).
LABEL_SIZE = 10
#: Legend geometry (px): swatch, gap to the label, space between columns, between rows.
#: Vega spaces text by its font size, but a browser's box for a line of CJK text is ~1.45 em
#: tall: legend rows 16 px apart and axis titles 8 px below the labels keep boxes apart.
SYMBOL, LABEL_OFFSET, COLUMN_PADDING, ROW_PADDING = 10, 4, 12, 6
#: Room for the category labels left of a horizontal bar chart (px).
LABEL_ROOM = 150
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"]
WIDTH = 560

_CACHE: dict[str, str] = {}
_FONT_REGISTERED = False
_ID = re.compile(r'\bid="([^"]+)"')
_XMLNS = re.compile(r'\s+xmlns(?::xlink)?="[^"]*"')
_UNSAFE = re.compile(r"<script|<foreignObject|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DataTable:
    """A chart's numbers, as display strings."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """One rendered chart, ready for a template."""

    key: str
    """Unique on its page; prefixes the SVG's internal ids."""
    title: str
    description: str
    svg: str
    """Inline SVG from vl-convert (text escaped by it; checked for script by ``render``)."""
    spec_hash: str
    """sha256 of the Vega-Lite spec: equal hashes mean equal charts."""
    table: DataTable


def spec_hash(spec: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def derived_cache_dir(kind: str) -> Path | None:
    """A folder for build products kept between builds, beside the parse cache.

    .cache/nianbao/<kind> by default, <NIANBAO_CACHE>/<kind> when that is set, None when
    caching is off (NIANBAO_CACHE=off, and under pytest unless NIANBAO_CACHE is set)."""
    from .cache import DEFAULT_DIR, cache_dir

    reports = cache_dir()
    if reports is None:
        return None
    return (reports.parent if reports == DEFAULT_DIR else reports) / kind


def render_svg(spec: dict[str, Any]) -> str:
    """vl-convert's SVG for ``spec``, cached by spec in memory and on disk (a render costs ~0.2 s).

    The disk key also covers the vl-convert version: another renderer may draw differently."""
    digest = spec_hash(spec)
    if digest not in _CACHE:
        _CACHE[digest] = _from_disk(digest) or _to_disk(digest, vlc.vegalite_to_svg(_with_font(spec)))
    return _CACHE[digest]


def _with_font(spec: dict[str, Any]) -> dict[str, Any]:
    """Register the measuring font with vl-convert once per process, before its first chart."""
    global _FONT_REGISTERED
    if not _FONT_REGISTERED:
        vlc.register_font_directory(str(FONT_DIR))
        _FONT_REGISTERED = True
    return spec


def _disk_path(digest: str) -> Path | None:
    folder = derived_cache_dir("charts")
    return None if folder is None else folder / f"{digest}-{getattr(vlc, '__version__', '0')}-{_font_digest()}.svg"


@lru_cache(maxsize=1)
def _font_digest() -> str:
    """Another measuring font lays charts out differently: part of the disk cache key."""
    return hashlib.sha256(FONT_FILE.read_bytes()).hexdigest()[:12]


def _from_disk(digest: str) -> str | None:
    path = _disk_path(digest)
    try:
        return path.read_text(encoding="utf-8") if path is not None else None
    except (OSError, UnicodeDecodeError):
        return None  # a broken entry is a miss


def _to_disk(digest: str, svg: str) -> str:
    path = _disk_path(digest)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(svg)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only disk costs speed, not correctness
    return svg


def inline_svg(svg: str, key: str, label: str) -> str:
    """Make vl-convert's SVG safe and unique to inline: no xmlns URLs, prefixed ids, a label."""
    if _UNSAFE.search(svg):
        raise ValueError("chart SVG contains script-like content")
    svg = _XMLNS.sub("", svg, count=2)
    for old in sorted(set(_ID.findall(svg))):
        svg = svg.replace(f'id="{old}"', f'id="{key}-{old}"').replace(f"url(#{old})", f"url(#{key}-{old})")
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)


def _configure(chart: alt.TopLevelMixin) -> dict[str, Any]:
    chart = chart.configure(background="transparent", font=FONT).configure_view(stroke=None)
    chart = chart.configure_range(category=PALETTE).configure_axis(
        labelFontSize=LABEL_SIZE, titleFontSize=11, titlePadding=8, labelLimit=LABEL_ROOM + 1, titleFontWeight="normal"
    )
    # validate=False: the specs are built here from fixed code, and jsonschema validation
    # cost more than a third of each chart (benchmarks/RESULTS.md, profile 2).
    legend = chart.configure_legend(
        orient="bottom",
        labelFontSize=LABEL_SIZE,
        symbolSize=SYMBOL**2,
        labelOffset=LABEL_OFFSET,
        columnPadding=COLUMN_PADDING,
        rowPadding=ROW_PADDING,
        titleFontWeight="normal",
    )
    return legend.to_dict(validate=False)


@dataclass(frozen=True, slots=True)
class Plot:
    """An Altair chart and its labels: full text -> the text shown (shortened when too long)."""

    chart: alt.TopLevelMixin
    titles: dict[str, str] = field(default_factory=dict)


def make_chart(key: str, title: str, description: str, plot: Plot, table: DataTable) -> Chart:
    spec = _configure(plot.chart)
    svg = inline_svg(add_titles(render_svg(spec), plot.titles), key, title)
    return Chart(key, title, description, svg, spec_hash(spec), table)


def add_titles(svg: str, titles: dict[str, str]) -> str:
    """Give every shortened label its full text as a ``<title>`` (shown as a tooltip)."""
    for full, short in sorted(titles.items()):
        if short != full:
            shown, tip = escape(short, quote=False), escape(full, quote=False)
            pattern = re.compile(rf"(<text\b[^>]*>){re.escape(shown)}</text>")
            svg = pattern.sub(lambda m: f"{m[1]}<title>{tip}</title>{shown}</text>", svg)  # noqa: B023 - used at once
    return svg


def _short(labels: list[str], room: float) -> dict[str, str]:
    return abbreviate([str(v) for v in labels], room, LABEL_SIZE)


def legend(labels: list[str], width: float) -> tuple[alt.Legend, dict[str, str]]:
    """A legend under a plot ``width`` px wide: as many columns as the longest label allows
    (at most 3), labels shortened to the width of one column."""
    import altair as alt

    room = width - SYMBOL - LABEL_OFFSET
    short = _short(labels, room)
    widest = max((text_width(v, LABEL_SIZE) for v in short.values()), default=0)
    column = SYMBOL + LABEL_OFFSET + widest + COLUMN_PADDING
    columns = max(1, min(3, len(short), int((width + COLUMN_PADDING) // column)))
    return alt.Legend(columns=columns, labelLimit=room + 1), short


def _relabel(frame: pd.DataFrame, column: str, short: dict[str, str]) -> pd.DataFrame:
    return frame.assign(**{column: frame[column].map(lambda v: short.get(str(v), v))})


def count_axis(frame: pd.DataFrame, field: str, stacked_by: str | None = None) -> alt.Axis:
    """Whole-number ticks: counts of applications are never 0.5."""
    import altair as alt

    values = frame.groupby(stacked_by)[field].sum() if stacked_by else frame[field]
    top = int(max(values.max(), 1)) if len(values) else 1
    step = max(1, -(-top // 6))
    return alt.Axis(values=list(range(0, top + step, step)), format="d")


def grouped_bars(frame: pd.DataFrame, x: str, y: str, color: str, y_title: str) -> Plot:
    """Vertical bars, one group per ``x`` value, one bar per ``color`` value."""
    import altair as alt

    groups = sorted(frame[color].unique().tolist())
    key, names = legend(groups, WIDTH)
    frame = _relabel(frame, color, names)
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset(f"{color}:N"),
            y=alt.Y(f"{y}:Q", title=y_title, axis=count_axis(frame, y)),
            color=alt.Color(f"{color}:N", title=None, sort=[names[g] for g in groups], legend=key),
        )
        .properties(width=WIDTH, height=240)
    )
    return Plot(chart, names)


def stacked_bars(frame: pd.DataFrame, y: str, x: str, color: str, order: list[str], x_title: str) -> Plot:
    """Horizontal stacked bars: one bar per ``y`` value, segments by ``color`` in ``order``."""
    import altair as alt

    width = WIDTH - LABEL_ROOM
    rows = _short(list(dict.fromkeys(frame[y])), LABEL_ROOM)
    key, names = legend(order, width)
    frame = _relabel(_relabel(frame, y, rows), color, names)
    domain = [names[c] for c in order]
    frame = frame.assign(_order=frame[color].map({c: i for i, c in enumerate(domain)}))
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(f"{y}:N", title=None, sort=None),
            x=alt.X(f"{x}:Q", title=x_title, stack="zero", axis=count_axis(frame, x, y)),
            color=alt.Color(f"{color}:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=PALETTE[: len(order)]), legend=key),
            order=alt.Order("_order:Q"),
        )
        .properties(width=width, height=max(60, 28 * frame[y].nunique()))
    )
    return Plot(chart, {**rows, **names})


def plain_bars(frame: pd.DataFrame, y: str, x: str, color: str, x_title: str) -> Plot:
    """Horizontal bars in the frame's row order, coloured by group."""
    import altair as alt

    width = WIDTH - LABEL_ROOM
    rows = _short(list(dict.fromkeys(frame[y])), LABEL_ROOM)
    groups = list(dict.fromkeys(frame[color]))
    key, names = legend(groups, width)
    frame = _relabel(_relabel(frame, y, rows), color, names)
    domain = [names[g] for g in groups]
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(f"{y}:N", title=None, sort=list(frame[y])),
            x=alt.X(f"{x}:Q", title=x_title, axis=count_axis(frame, x)),
            color=alt.Color(
                f"{color}:N", title=None, sort=domain, scale=alt.Scale(domain=domain, range=PALETTE[: len(groups)]), legend=key
            ),
        )
        .properties(width=width, height=max(60, 20 * len(frame)))
    )
    return Plot(chart, {**rows, **names})
