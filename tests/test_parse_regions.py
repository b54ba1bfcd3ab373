"""parse/regions.py: where each table's rows are, and a table-2 column printed past table 3's heading."""

from __future__ import annotations

from nianbao.parse.cells import split_row
from nianbao.parse.regions import reclaim_table2_columns, reclaim_table4_fragments


def _rows(lines: list[str], first: int) -> list:
    return [split_row(text, first + i) for i, text in enumerate(lines) if text.strip()]


TABLE2 = ["第二十条第（一）项", "信息内容", "规章", "行政规范性文件", "", "本年制发件数", "0", "3", "", "本年废止件数", "0", "1"]


def test_a_table2_column_printed_after_table3_heading_goes_back_to_table2():
    # pdftotext's default mode: 现行有效件数 and its two numbers, one a line, come out below
    # the heading of section 三, before table 3's own header.
    table3 = ["（本列数据的勾稽关系为：第一项加第二项之和，", "", "现行有效件数", "0", "19", "", "申请人情况", "0", "0"]
    rows2, rows3 = _rows(TABLE2, 10), _rows(table3, 40)
    new2, new3, notes = reclaim_table2_columns(rows2, rows3)
    assert [r.line for r in new2[len(rows2) :]] == [42, 43, 44]
    assert [c.value for r in new2[len(rows2) :] for c in r.values] == [0, 19]
    assert [r.line for r in new3] == [40, 46, 47, 48]
    assert [n.rule for n in notes] == ["parse.table2_column_moved"]
    assert notes[0].lines == [42, 43, 44]


def test_table3_rows_are_left_alone_without_a_table2_column_among_them():
    table3 = ["申请人情况", "", "0", "0", "", "本年新收政府信息公开申请数量", "3"]
    rows2, rows3 = _rows(TABLE2, 10), _rows(table3, 40)
    assert reclaim_table2_columns(rows2, rows3) == (rows2, rows3, [])


def test_a_table2_column_name_without_numbers_under_it_stays():
    table3 = ["现行有效件数", "", "申请人情况", "0"]
    rows2, rows3 = _rows(TABLE2, 10), _rows(table3, 40)
    assert reclaim_table2_columns(rows2, rows3) == (rows2, rows3, [])


TABLE3_END = ["（七）总计", "四、结转下年度继续办理", "", "0", "0", "0"]


def test_table4_header_and_numbers_printed_before_its_heading_go_to_table4():
    # pdftotext's default mode read the top of table 4's last block with table 3's last page
    fragment = ["复议后起诉", "结果 其他 尚未", "纠正 结果 审结", "0", "1", "0", "", "总计"]
    rows3, rows4 = _rows(TABLE3_END + fragment, 80), _rows(["行政复议", "结果", "维持", "0"], 100)
    new3, new4, notes = reclaim_table4_fragments(rows3, rows4)
    assert [r.line for r in new3] == [80, 81, 83, 84, 85]
    assert [r.line for r in new4[:7]] == [86, 87, 88, 89, 90, 91, 93]
    assert new4[7:] == rows4
    assert [n.rule for n in notes] == ["parse.table4_moved"]


def test_table4_words_followed_by_a_table3_row_are_not_moved():
    # "复议" inside a table-3 region that goes on with table 3's rows is not table 4's start
    lines = ["复议后起诉", "0", "1.本机关不掌握相关政府信息", "0"]
    rows3, rows4 = _rows(lines, 80), _rows(["行政复议", "0"], 100)
    assert reclaim_table4_fragments(rows3, rows4) == (rows3, rows4, [])
