"""Table 3 read from its number stream (parse/table3.py, parse/align.py) when a page's
footer is a bare page number, which then stands among the table's numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

from nianbao.ingest import Document
from nianbao.parse import parse_document
from nianbao.serialize import to_json

from .cellscore import score

PDFDEFAULT = Path(__file__).parent / "fixtures" / "forms" / "pdfdefault"


def _parse(lines: list[str]) -> dict:
    return to_json(parse_document(Document(path=Path("t.txt"), kind="text", lines=lines)))


def test_bare_page_numbers_among_the_numbers_are_left_out():
    lines = (PDFDEFAULT / "s000-narrow.txt").read_text(encoding="utf-8").splitlines()
    bare = [re.sub(r"^-(\d+)-$", r"\1", line) for line in lines]
    assert bare != lines  # the fixture has "-3-" footers; here they print as "3"
    truth = json.loads((PDFDEFAULT / "s000-narrow.truth.json").read_text(encoding="utf-8"))
    with_footer, with_bare = score(_parse(lines), truth), score(_parse(bare), truth)
    assert with_bare.right == with_footer.right > 150
    assert not with_bare.wrong


def _zero_report(labels: list[str], numbers: int) -> list[str]:
    """Table 3's labels, then ``numbers`` zeros in runs of three between blank lines."""
    head = ["金林区民政局2025年政府信息公开工作年度报告", "一、总体情况", "无。", "三、收到和处理政府信息公开申请情况"]
    runs = [line for i in range(0, numbers, 3) for line in [""] + ["0"] * min(3, numbers - i)]
    return (
        head
        + ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"]
        + labels
        + runs
        + ["四、政府信息公开行政复议、行政诉讼情况"]
    )


T3_LABELS = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
             "（三）不予公开", "1.属于国家秘密", "（七）总计", "四、结转下年度继续办理"]  # fmt: skip


def test_a_table_of_zeros_reads_zero_whatever_order_they_were_printed_in():
    # 25 rows of the 2021 template (its labels only partly read), plus three more zeros of
    # another table: every cell is 0 in any reading
    got = _parse(_zero_report(T3_LABELS + ["1.申请人无正当理由逾期不补正"], 178))["table3"]["rows"]
    assert len(got) == 25 and all(row == [0] * 7 for row in got.values())


def test_a_table_of_zeros_short_of_its_cells_is_not_filled():
    # fewer zeros than cells: some cells printed nothing, and which is not known
    got = _parse(_zero_report(T3_LABELS + ["1.申请人无正当理由逾期不补正"], 170))["table3"]["rows"]
    assert sum(v == 0 for row in got.values() for v in row) < 170
