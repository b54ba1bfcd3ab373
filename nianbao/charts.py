"""Charts: Altair specs rendered at build time to inline SVG with vl-convert.

The SVG needs no JavaScript and loads nothing. Colours are mid-tone so they read on a
light and a dark page; text, axes and grid take their colours from the site CSS (CSS
beats SVG presentation attributes), and the font comes from the CSS font stack. Every
chart also carries its numbers as a plain table for screen readers and print.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

#: CJK-capable system fonts first; no font is bundled or fetched.
FONT = '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif'
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"]
WIDTH = 560

_CACHE: dict[str, str] = {}
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
        _CACHE[digest] = _from_disk(digest) or _to_disk(digest, vlc.vegalite_to_svg(spec))
    return _CACHE[digest]


def _disk_path(digest: str) -> Path | None:
    folder = derived_cache_dir("charts")
    return None if folder is None else folder / f"{digest}-{getattr(vlc, '__version__', '0')}.svg"


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
    chart = chart.configure_range(category=PALETTE).configure_axis(labelLimit=220, titleFontWeight="normal")
    # validate=False: the specs are built here from fixed code, and jsonschema validation
    # cost more than a third of each chart (benchmarks/RESULTS.md, profile 2).
    return chart.configure_legend(orient="bottom", columns=3, labelLimit=240, titleFontWeight="normal").to_dict(validate=False)


def make_chart(key: str, title: str, description: str, chart: alt.TopLevelMixin, table: DataTable) -> Chart:
    spec = _configure(chart)
    svg = inline_svg(render_svg(spec), key, title)
    return Chart(key, title, description, svg, spec_hash(spec), table)


def count_axis(frame: pd.DataFrame, field: str, stacked_by: str | None = None) -> alt.Axis:
    """Whole-number ticks: counts of applications are never 0.5."""
    values = frame.groupby(stacked_by)[field].sum() if stacked_by else frame[field]
    top = int(max(values.max(), 1)) if len(values) else 1
    step = max(1, -(-top // 6))
    return alt.Axis(values=list(range(0, top + step, step)), format="d")


def grouped_bars(frame: pd.DataFrame, x: str, y: str, color: str, y_title: str) -> alt.Chart:
    """Vertical bars, one group per ``x`` value, one bar per ``color`` value."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset(f"{color}:N"),
            y=alt.Y(f"{y}:Q", title=y_title, axis=count_axis(frame, y)),
            color=alt.Color(f"{color}:N", title=None, sort=sorted(frame[color].unique().tolist())),
        )
        .properties(width=WIDTH, height=240)
    )


def stacked_bars(frame: pd.DataFrame, y: str, x: str, color: str, order: list[str], x_title: str) -> alt.Chart:
    """Horizontal stacked bars: one bar per ``y`` value, segments by ``color`` in ``order``."""
    frame = frame.assign(_order=frame[color].map({c: i for i, c in enumerate(order)}))
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(f"{y}:N", title=None, sort=None),
            x=alt.X(f"{x}:Q", title=x_title, stack="zero", axis=count_axis(frame, x, y)),
            color=alt.Color(f"{color}:N", title=None, sort=order, scale=alt.Scale(domain=order, range=PALETTE[: len(order)])),
            order=alt.Order("_order:Q"),
        )
        .properties(width=WIDTH - 160, height=max(60, 28 * frame[y].nunique()))
    )


def plain_bars(frame: pd.DataFrame, y: str, x: str, color: str, x_title: str) -> alt.Chart:
    """Horizontal bars in the frame's row order, coloured by group."""
    order = list(dict.fromkeys(frame[color]))
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y(f"{y}:N", title=None, sort=list(frame[y])),
            x=alt.X(f"{x}:Q", title=x_title, axis=count_axis(frame, x)),
            color=alt.Color(f"{color}:N", title=None, sort=order, scale=alt.Scale(domain=order, range=PALETTE[: len(order)])),
        )
        .properties(width=WIDTH - 200, height=max(60, 20 * len(frame)))
    )


def line_chart(frame: pd.DataFrame, x: str, y: str, color: str, y_title: str) -> alt.Chart:
    """A trend line with points, one line per ``color`` value."""
    base = alt.Chart(frame).encode(
        x=alt.X(f"{x}:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y(f"{y}:Q", title=y_title, axis=count_axis(frame, y)),
        color=alt.Color(f"{color}:N", title=None),
    )
    return (base.mark_line() + base.mark_point(filled=True, size=60)).properties(width=WIDTH, height=220)
