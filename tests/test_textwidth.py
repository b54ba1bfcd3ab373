"""Chart text is measured the same way on every build machine, never narrower than drawn.

The browser-side proof (no text overlaps or leaves its SVG) is in test_browser.py; these
tests pin the measure itself: the shipped measuring font, vl-convert laying text out with
it, and labels shortened with their full text kept in a <title>.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from nianbao import charts, minicharts
from nianbao.textwidth import ELLIPSIS, FONT_FILE, abbreviate, fit, text_width


def test_the_shipped_measuring_font_is_what_fontgen_makes():
    pytest.importorskip("fontTools")
    from nianbao.fontgen import build

    assert build() == FONT_FILE.read_bytes(), "run python -m nianbao.fontgen and commit nianbao/fonts/"


def test_cjk_is_one_em_and_ascii_is_at_least_as_wide_as_common_fonts():
    assert text_width("予以公开", 10) == 40
    assert text_width("“三安全一稳定”", 10) == 80  # full-width punctuation too
    assert text_width("2025", 10) >= 4 * 6.36  # DejaVu Sans digits, the widest of the usual sans fonts
    assert text_width("W", 100) >= 98.9


@pytest.mark.parametrize("label", ["予以公开予以公开", "WWW 伊春市 2025 年", "𠀀a·b"])
def test_vl_convert_lays_text_out_with_the_measuring_font(label):
    """The y-axis label column is exactly as wide as text_width says, whatever fonts the
    machine has (Latin letters tell the measuring font from any system font)."""
    frame = pd.DataFrame({"组": [label], "类": ["甲"], "件数": [1]})
    spec = charts._configure(charts.plain_bars(frame, "组", "件数", "类", "件").chart)
    svg = charts.render_svg(spec)
    offset = float(re.search(r'<g fill="none"[^>]*transform="translate\(([\d.]+),', svg)[1])
    # The SVG's padding 5, the label, then the axis' label padding 2 and its tick 5.
    assert offset == pytest.approx(5 + text_width(label, charts.LABEL_SIZE) + 7, abs=1)


def test_fit_and_abbreviate_keep_labels_within_room_and_distinct():
    assert fit("短", 50, 10) == "短"
    assert fit("一二三四五六七八九十", 50, 10) == "一二三四" + ELLIPSIS
    names = ["伊春市金林区人民政府办公室", "伊春市金林区人民政府法制办公室", "伊春市金林区人民政府办公室机关", "伊美区民政局"]
    short = abbreviate(names, 80, 10)
    assert short["伊美区民政局"] == "伊美区民政局"
    assert len(set(short.values())) == len(names)
    assert all(text_width(v, 10) <= 80 for v in short.values()), short


def test_a_shortened_label_keeps_its_full_text_in_a_title():
    long = "黑龙江省伊春市金林区人民政府办公室政府信息公开工作领导小组办公室"
    frame = pd.DataFrame({"机关": [long, "乙局"], "件数": [3, 1], "层级": ["未列入名录的机关", "未列入名录的机关"]})
    chart = charts.make_chart("k", "t", "d", charts.plain_bars(frame, "机关", "件数", "层级", "件"), charts.DataTable(("a",), ()))
    shown = re.search(r"<text[^>]*><title>" + long + r"</title>([^<]*)</text>", chart.svg)
    assert shown and ELLIPSIS in shown[1], chart.svg
    assert text_width(shown[1], charts.LABEL_SIZE) <= charts.LABEL_ROOM


def test_mini_chart_labels_and_legend_are_sized_from_their_text():
    long = "很长很长很长很长很长很长很长很长很长很长的一个类别名称"
    svg = minicharts.stacked_svg([("2025 年", (1, 2)), (long, (3, None))], ["予以公开", long], "件")
    assert f"<title>{long}</title>" in svg
    width = float(re.match(r'<svg width="([\d.]+)"', svg)[1])
    for x, anchor, text in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="(\w+)"[^>]*>(?:<title>[^<]*</title>)?([^<]*)</text>', svg):
        w = text_width(text, 11)
        left = float(x) - {"start": 0, "middle": w / 2, "end": w}[anchor]
        assert 0 <= left and left + w <= width, (text, left, w, width)
