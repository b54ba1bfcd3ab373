"""parse/table4.py: three blocks of 维持/纠正/其他/尚未审结/总计, read in print order."""

from __future__ import annotations

from nianbao.parse.cells import split_row
from nianbao.parse.table4 import parse_table4


def _rows(lines: list[str]) -> list:
    return [split_row(text, 100 + i) for i, text in enumerate(lines) if text.strip()]


HEADER = ["行政复议", "结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计"]


def test_fifteen_numbers_one_a_line_are_read_in_print_order():
    table, findings = parse_table4(_rows(HEADER + ["1", "0", "0", "0", "1"] + ["0"] * 10))
    assert table.blocks["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert not findings


def test_with_another_tables_numbers_among_them_a_block_that_does_not_add_up_is_left_null():
    # pdftotext default mode (c000013-r000013): table 3's last columns printed after table
    # 4's heading, among its numbers; print order cannot say which are table 4's
    numbers = ["1", "", "0", "", "0", "", "0", "", "1", "0", "0", "0", "0", "0", "0", "0", "0", "2", "0"]
    numbers += ["0", "0", "0", "0", "1", "0", "41", "1", "0", "0"]
    table, findings = parse_table4(_rows(HEADER + numbers))
    assert table.blocks["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert set(table.blocks["litigation_after_review"].values()) == {None}
    assert [f.rule for f in findings] == ["parse.ambiguous"]
