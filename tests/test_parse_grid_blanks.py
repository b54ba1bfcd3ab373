"""A rectangular grid row keeps its blank last cells: they are columns, not padding.

HTML, Word and PDF tables give table 3 rows like "label<TAB><TAB><TAB>0…0<TAB>" (label
merged over three columns, the total cell blank). The label's padding blanks must go and
the blank total must stay blank, so the first value lands in the first column.
"""

from __future__ import annotations

from nianbao.parse.cells import split_row
from nianbao.parse.normalize import normalize_line
from nianbao.parse.table3 import parse_table3

HEADER = ["\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计", "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"]


def _table(lines: list[str]):
    norm = [normalize_line(line) for line in lines]
    return parse_table3([split_row(t, i + 1) for i, t in enumerate(norm) if t.strip()])[0]


def test_trailing_tab_survives_normalisation():
    assert normalize_line("一、本年新收\t\t\t1\t2\t\t") == "一、本年新收\t\t\t1\t2\t\t"
    assert normalize_line("\t\t \t") == ""
    assert split_row("一、本年新收\t\t\t1\t2\t\t", 1).span == 6


def test_blank_total_cell_is_not_taken_for_label_padding():
    table = _table(HEADER + ["一、本年新收政府信息公开申请数量\t\t\t4\t1\t0\t0\t0\t0\t"])
    assert table.rows["new_received"] == [4, 1, 0, 0, 0, 0, None]


def test_label_padding_still_dropped_when_row_is_complete():
    table = _table(HEADER + ["一、本年新收政府信息公开申请数量\t\t\t4\t1\t0\t0\t0\t0\t5"])
    assert table.rows["new_received"] == [4, 1, 0, 0, 0, 0, 5]


def test_a_spaced_out_header_without_a_total_column_still_counts_six_columns():
    # Word authors space short headers out ("其　他"); the table has no 总计 column, so
    # the blank after the label is label padding and the first value is 自然人's.
    header = ["\t\t自 然 人\t法人或其　他组织\t\t\t\t", "\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其　他"]
    table = _table(header + ["一、本年新收政府信息公开申请数量\t\t0\t3\t0\t0\t0\t1"])
    assert table.rows["new_received"] == [0, 3, 0, 0, 0, 1, None]
