"""Web-page text that lost its line breaks is cut back into lines (nianbao/parse/reline.py)."""

from __future__ import annotations

import pytest

from nianbao.parse.reline import reline

T4_LABELS = (
    "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉"
    "结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
)


def test_a_short_line_of_heading_table4_header_and_digits_is_cut():
    line = "四、因政府信息公开工作被申请行政复议、行政诉讼情况" + T4_LABELS + "000110000000000"
    assert len(line) < 120  # shorter than a run-together page, still a glued table
    lines, changed = reline([line])
    assert changed
    assert lines == ["四、因政府信息公开工作被申请行政复议、行政诉讼情况", T4_LABELS, "000110000000000"]


def test_the_total_row_of_table3_keeps_its_digits():
    text = (
        "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "三、本年度办理结果(六)其他处理3.其他216 0 22 031三、本年度办理结果(七)总计96113310133729 1183"
        "四、结转下年度继续办理0000112"
    )
    lines, _changed = reline([text])
    assert "三、本年度办理结果(七)总计96113310133729 1183" in lines
    assert "四、结转下年度继续办理0000112" in lines


def test_prose_and_short_lines_are_left_alone():
    lines = ["一、总体情况", "2024 年，我局共发布信息 1234567890 条。"]
    assert reline(lines) == (lines, False)


def test_invisible_characters_do_not_break_a_run_of_digits():
    # Web pages carry zero-width spaces and soft hyphens; a browser shows nothing there,
    # so "6.属于四类过程性信息1120000\u200b 13" is the run 1120000 13, not 1120000 and "13…".
    text = (
        "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        "三、本年度办理结果(三)不予公开6.属于四类过程性信息1120000\u200b 13"
        "三、本年度办理结果(三)不予公开7.属于行政执法案卷5\u00ad00"
        "四、结转下年度继续办理0000112"
    )
    lines, _changed = reline([text])
    assert any(line.endswith("三、本年度办理结果(三)不予公开6.属于四类过程性信息1120000 13") for line in lines)
    assert "三、本年度办理结果(三)不予公开7.属于行政执法案卷500" in lines


@pytest.mark.parametrize("mark", ["{n}.", "{n}、", "({n})", "（{n}）", "CIRCLED"])
def test_each_spelling_of_sub_row_numbering_starts_a_row(mark):
    def num(n: int) -> str:
        return "①②"[n - 1] if mark == "CIRCLED" else mark.format(n=n)

    text = (
        "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
        f"三、本年度办理结果(三)不予公开{num(1)}属于国家秘密1000001{num(2)}其他法律行政法规禁止公开0000000"
        "四、结转下年度继续办理0000112"
    )
    lines, _changed = reline([text])
    rows = [line for line in lines if "属于国家秘密" in line or "禁止公开" in line]
    assert [row[-7:] for row in rows] == ["1000001", "0000000"], lines
