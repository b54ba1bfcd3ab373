"""Charts: vl-convert SVG is deterministic, safe to inline and carries no URL."""

from __future__ import annotations

import pandas as pd
import pytest

from nianbao import charts


@pytest.fixture
def frame():
    return pd.DataFrame({"年度": ["2024", "2025", "2025"], "机关": ["甲<局>&", "甲<局>&", "乙局"], "件数": [1, 5, 0]})


def test_two_renders_are_byte_identical(frame):
    spec = charts._configure(charts.grouped_bars(frame, "年度", "件数", "机关", "件").chart)
    charts._CACHE.clear()
    first = charts.render_svg(spec)
    charts._CACHE.clear()
    assert charts.render_svg(spec) == first


def test_inline_svg_is_labelled_escaped_and_has_no_urls(frame):
    chart = charts.make_chart(
        "k", '标题"<x>', "说明", charts.grouped_bars(frame, "年度", "件数", "机关", "件"), charts.DataTable(("a",), ())
    )
    assert chart.svg.startswith('<svg role="img" aria-label="标题&quot;&lt;x>"')
    assert "://" not in chart.svg and "<script" not in chart.svg
    assert "甲&lt;局&gt;&amp;" in chart.svg


def test_ids_are_prefixed_per_chart():
    svg = '<svg ><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>'
    out = charts.inline_svg(svg, "ch-a", "t")
    assert 'id="ch-a-clip1"' in out and "url(#ch-a-clip1)" in out


def test_script_in_svg_is_refused():
    with pytest.raises(ValueError):
        charts.inline_svg("<svg ><script>alert(1)</script></svg>", "k", "t")


def test_counts_have_whole_number_ticks(frame):
    axis = charts.count_axis(frame, "件数")
    assert axis.to_dict()["values"] == [0, 1, 2, 3, 4, 5]
