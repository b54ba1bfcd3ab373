"""Markdown made from PDFs: spacer cells wider than the header, and a value torn out of
its row onto a line of its own (nianbao/parse/normalize.py, nianbao/parse/table3.py)."""

from __future__ import annotations

from pathlib import Path

from nianbao.ingest import Document
from nianbao.parse import parse_document
from nianbao.serialize import to_json

HEAD = ["# 某某县人民政府2024年政府信息公开工作年度报告", "", "**三、收到和处理政府信息公开申请情况**", ""]
HEADER = [
    "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  |  | 申请人情况 |  |  |  |  |  |  |  |  |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
    "|  |  |  | 自然人 | 法人或其他组织 |  |  |  |  |  | 总计 |  |",
    "|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |  |  |",
]


def _row(label: str, values: list[str]) -> str:
    # 15 cells over the header's 12: spacers after 自然人 and before 总计, two at the end
    cells = [label, "", "", "", values[0], "", *values[1:6], "", values[6], "", ""]
    return "| " + " | ".join(cells) + " |"


def _parse(lines: list[str]) -> dict:
    return to_json(parse_document(Document(path=Path("t.md"), kind="text", lines=lines)))


def test_spacer_columns_wider_than_the_header_are_dropped():
    lines = HEAD + HEADER + [
        _row("一、本年新收政府信息公开申请数量", ["4", "1", "0", "2", "0", "0", "7"]),
        _row("二、上年结转政府信息公开申请数量", ["0", "0", "0", "0", "0", "0", "0"]),
    ]  # fmt: skip
    rows = _parse(lines)["table3"]["rows"]
    assert rows["new_received"] == [4, 1, 0, 2, 0, 0, 7]
    assert rows["carried_over"] == [0] * 7


def test_a_column_blank_in_every_row_is_a_blank_not_a_spacer_when_widths_agree():
    row = "| 一、本年新收政府信息公开申请数量 |  |  | 3 | 0 | 0 | 0 | 0 |  | 3 |  |  |"  # 其他 left blank
    rows = _parse(HEAD + HEADER + [row])["table3"]["rows"]
    assert rows["new_received"] == [3, 0, 0, 0, 0, None, 3]


PAGE_1 = HEADER + [_row("一、本年新收政府信息公开申请数量", ["4", "1", "0", "0", "0", "0", "5"]), "", "- 2 -", ""]


def test_a_value_torn_out_of_its_row_goes_back_where_the_row_adds_up():
    lines = HEAD + PAGE_1 + HEADER + [
        _row("二、上年结转政府信息公开申请数量", ["1", "1", "0", "0", "0", "0", ""]),
        "2",
        _row("三、本年度办理结果 （一）予以公开", ["0", "0", "0", "0", "0", "0", "0"]),
    ]  # fmt: skip
    got = _parse(lines)
    assert got["table3"]["rows"]["new_received"] == [4, 1, 0, 0, 0, 0, 5]
    assert got["table3"]["rows"]["carried_over"] == [1, 1, 0, 0, 0, 0, 2]
    assert any(f["rule"] == "parse.table3_torn_value" for f in got["findings"])


def test_a_lone_number_that_fits_no_row_stays_out():
    lines = HEAD + PAGE_1 + HEADER + [_row("二、上年结转政府信息公开申请数量", ["1", "1", "0", "0", "0", "0", ""]), "9"]
    assert _parse(lines)["table3"]["rows"]["carried_over"] == [1, 1, 0, 0, 0, 0, None]
