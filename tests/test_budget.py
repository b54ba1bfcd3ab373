"""Bounded cost per input (#13): each bound has a fast test.

The readers are linear whatever the structure (HTML nesting, zip members, PDF pages), and
whatever still runs too long or takes too much memory is stopped by the per-input budget
(`nianbao/budget.py`) and becomes an ``input.too_costly`` finding, the build going on.
"""

from __future__ import annotations

import time
from pathlib import Path

from nianbao.ingest import html
from nianbao.ingest.html import read_html, table_lines

TITLE = "<h1>某某区人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>"


def nested(depth: int, inner: str = TITLE, tag: str = "div") -> bytes:
    return ("<html><body>" + f"<{tag}>" * depth + inner + f"</{tag}>" * depth + "</body></html>").encode()


def timed(fn, *args):
    start = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - start


# --- HTML: depth capped, walks linear ------------------------------------------------------


def test_deep_html_is_read_in_linear_time_with_a_finding():
    small, t_small = timed(read_html, Path("a.html"), nested(2_000))
    big, t_big = timed(read_html, Path("b.html"), nested(20_000))
    for doc in (small, big):
        assert doc.lines == ["某某区人民政府2024年政府信息公开工作年度报告", "一、总体情况"]
        (finding,) = doc.findings
        assert finding.rule == "input.too_deep" and finding.severity == "warning"
    assert "20003 层" in big.findings[0].message and f"{html.MAX_DEPTH} 层" in big.findings[0].message
    assert t_big < 5 and t_big < 25 * max(t_small, 0.01)  # 10x the input, not 100x the time


def test_shallow_html_gets_no_depth_finding_and_keeps_its_lines():
    doc = read_html(Path("a.html"), nested(html.MAX_DEPTH - 3))
    assert doc.findings == [] and doc.lines[0].startswith("某某区")


def test_text_beyond_the_depth_limit_keeps_its_line_breaks_and_drops_scripts():
    inner = "<p>第一段</p><script>alert(1)</script><style>p{}</style><p>第二段</p>"
    doc = read_html(Path("a.html"), nested(html.MAX_DEPTH + 50, inner))
    assert doc.lines == ["第一段", "第二段"]


def test_deep_markup_inside_a_markdown_table_cell_does_not_recurse():
    cell = "<div>" * 20_000 + "甲" + "</div>" * 20_000
    lines, took = timed(table_lines, f"<table><tr><td>{cell}</td><td>1</td></tr></table>")
    assert lines == ["甲\t1"] and took < 5
