"""Splitting a line into label cells and value cells, for each table shape."""

from __future__ import annotations

import pytest

from nianbao.parse.cells import split_row
from nianbao.parse.normalize import normalize_line

CASES = [
    # (line, labels, values)
    ("一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", ["一、本年新收政府信息公开申请数量"], [1, 0, 0, 0, 0, 0, 1]),
    ("\t\t3.其他\t0\t\t\t\t\t\t0", ["3.其他"], [0, None, None, None, None, None, 0]),
    ("\t(七)总计\t\t3\t0\t0\t0\t0\t0\t3", ["(七)总计"], [None, 3, 0, 0, 0, 0, 0, 3]),
    ("三、本年度办理结果\t(一) 予以公开\t0\t0\t0\t0\t0\t0\t0\t", ["三、本年度办理结果", "(一) 予以公开"], [0] * 7),
    ("| （七）总计 | | 4 | 1 | 0 | 0 | 0 | 0 | 5 |", ["(七)总计"], [None, 4, 1, 0, 0, 0, 0, 5]),
    ("其他对外管理服务事项 29 增 18 0", ["其他对外管理服务事项"], [29, 18, 0]),
    ("政府集中采购 10 6,239,795.00元", ["政府集中采购"], [10, 6239795.0]),
    ("禁止公开", ["禁止公开"], []),
    ("0 0 0 0 0 0 0", [], [0] * 7),
    ("行政许可\t1 2 3", ["行政许可"], [1, 2, 3]),
    # a tab grid whose first value kept the space that joins it to its label
    ("一、本年新收政府信息公开申请数量 1\t0\t0\t0\t0\t0\t1", ["一、本年新收政府信息公开申请数量"], [1, 0, 0, 0, 0, 0, 1]),
    ("其他对外管理服务事项 29 增 18\t0", ["其他对外管理服务事项"], [29, 18, 0]),
    ("(三)不予公开 1.属于国家秘密\t0\t0", ["(三)不予公开 1.属于国家秘密"], [0, 0]),
]


@pytest.mark.parametrize("line,labels,values", CASES)
def test_row_is_split(line, labels, values):
    row = split_row(normalize_line(line), 7)
    assert [label.replace(" ", "") for label in row.labels] == [label.replace(" ", "") for label in labels]
    assert [c.value for c in row.values] == values
    assert row.line == 7


def test_numbers_before_a_label_tail_are_kept_apart():
    row = split_row("0 0 1 0 0 0 1 禁止公开", 3)
    assert [c.value for c in row.lead] == [0, 0, 1, 0, 0, 0, 1]
    assert row.labels == ["禁止公开"] and row.values == []


def test_a_leading_year_stays_in_the_label():
    row = split_row("2020 年 金林区", 1)
    assert row.lead == [] and row.values == []


def test_markdown_separator_row_is_empty():
    assert normalize_line("|---|:---:|---|") == ""
