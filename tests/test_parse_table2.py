"""Table 2 (nianbao/parse/table2.py): every cell on a line of its own, as text copied from
a page whose table cells are blocks."""

from __future__ import annotations

from pathlib import Path

from nianbao.ingest import Document
from nianbao.parse import parse_document
from nianbao.serialize import to_json

HEAD = ["某某县人民政府2024年政府信息公开工作年度报告", "一、总体情况", "无。", "二、主动公开政府信息情况"]
T2 = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
TAIL = ["三、收到和处理政府信息公开申请情况"]


def _table2(lines: list[str]) -> dict:
    doc = Document(path=Path("t.txt"), kind="text", lines=HEAD + lines + TAIL)
    return to_json(parse_document(doc))["table2"]


def test_numbers_on_lines_of_their_own_fill_the_item_in_order():
    got = _table2(T2 + ["规章", "0", "1", "2", "行政规范性文件", "7", "3", "40"])
    assert got["regulations"] == {"issued": 0, "repealed": 1, "in_force": 2}
    assert got["normative_documents"] == {"issued": 7, "repealed": 3, "in_force": 40}


def test_a_blank_line_between_them_is_a_blank_cell():
    got = _table2(T2 + ["规章", "5", "", "9", "行政规范性文件", "7", "3", "40"])
    assert got["regulations"] == {"issued": 5, "repealed": None, "in_force": 9}


def test_a_number_after_a_complete_item_is_not_taken():
    got = _table2(T2 + ["规章", "0", "1", "2", "3", "行政规范性文件", "7", "3", "40"])
    assert got["regulations"] == {"issued": 0, "repealed": 1, "in_force": 2}
    assert got["normative_documents"] == {"issued": 7, "repealed": 3, "in_force": 40}


def test_a_column_dump_whose_header_from_across_the_page_sits_between_the_columns():
    # pdftotext default mode (a Word table, s002-wps12): 行政许可's 本年处理决定数量 is
    # printed between 本年废止件数 and 现行有效件数, and its number only after the labels
    # of the next sections.
    lines = ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "第二十条第（五）项", "信息内容", "",
             "本年制发件数", "0", "2", "", "本年废止件数", "0", "1", "本年处理决定数量", "", "第1页共3页", "",
             "现行有效件数", "0", "7", "", "行政许可", "第二十条第（六）项", "信息内容", "行政处罚", "行政强制",
             "第二十条第（八）项", "信息内容", "行政事业性收费", "", "6", "本年处理决定数量", "4", "0",
             "本年收费金额（单位：万元）", "0"]  # fmt: skip
    got = _table2(lines)
    assert got["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert got["normative_documents"] == {"issued": 2, "repealed": 1, "in_force": 7}
    assert (got["licensing"], got["punishment"], got["coercion"], got["fees_10k_yuan"]) == (6, 4, 0, 0)


def test_a_column_dump_with_a_section_labelled_after_a_page_break():
    lines = ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "第二十条第（五）项", "信息内容", "行政许可",
             "第二十条第（六）项", "", "本年制发件数", "0", "3", "", "本年废止件数", "0", "1", "本年处理决定数量", "8", "",
             "-2-", "", "现行有效件数", "0", "7", "", "信息内容", "行政处罚", "行政强制", "", "本年处理决定数量", "5", "0"]  # fmt: skip
    got = _table2(lines)
    assert got["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert got["normative_documents"] == {"issued": 3, "repealed": 1, "in_force": 7}
    assert (got["licensing"], got["punishment"], got["coercion"]) == (8, 5, 0)


def test_a_column_dump_whose_second_row_is_printed_under_the_first():
    # 2019 template: 行政许可's three numbers under their column names, then the next
    # item's three with none
    lines = ["第二十条第（五）项", "信息内容", "行政许可", "其他对外管理服务", "事项", "", "上一年项目数量", "4", "",
             "本年增/减", "41", "", "处理决定数量", "150", "", "192", "", "-77", "", "22"]  # fmt: skip
    items = {i["item"]: i["values"] for i in _table2(lines)["items"]}
    assert items["行政许可"] == {"上一年项目数量": 4, "本年增/减": 41, "处理决定数量": 150}
    assert items["其他对外管理服务事项"] == {"上一年项目数量": 192, "本年增/减": -77, "处理决定数量": 22}


def test_a_column_printed_short_takes_the_number_printed_after_its_last_item():
    # pdftotext default mode (c000005-r000005): 行政处罚's 本年处理决定数量 comes out before
    # 现行有效件数, 行政强制's label and number only after it, below the page footer
    lines = ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "第二十条第（五）项", "信息内容", "行政许可",
             "第二十条第（六）项", "信息内容", "行政处罚", "", "本年制发件数", "0", "23", "", "本年废止件数", "0", "5",
             "本年处理决定数量", "31", "本年处理决定数量", "40", "", "第1页共3页", "", "现行有效件数", "0", "50", "",
             "行政强制", "第二十条第（八）项", "信息内容", "行政事业性收费", "", "5", "本年收费金额（单位：万元）", "0"]  # fmt: skip
    got = _table2(lines)
    assert got["normative_documents"] == {"issued": 23, "repealed": 5, "in_force": 50}
    assert (got["licensing"], got["punishment"], got["coercion"], got["fees_10k_yuan"]) == (31, 40, 5, 0)
