"""Where each table stands: its section, or anchors in the text when a heading is missing."""

from __future__ import annotations

import re

from ..model import Finding
from .cells import Row
from .normalize import compact
from .table2_names import COLUMNS
from .vocabulary import t3_key

_T3_START = re.compile(r"申请人情况|本年新收|本列数据")
_T3_END = re.compile(r"结转下年度|继续办理")
_T4_START = re.compile(r"行政复议")
_T2_START = re.compile(r"第二十条")
#: Words of table 4's header that no table 3 label has.
_T4_WORDS = re.compile(r"复议|诉讼|起诉|维持|审结")


def table_regions(norm: list[str], spans: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Table name -> (start, end) 0-based half-open line span."""
    regions: dict[str, tuple[int, int]] = {}
    if "active_disclosure" in spans:
        regions["table2"] = spans["active_disclosure"]
    if "applications" in spans:
        regions["table3"] = spans["applications"]
    if "review_litigation" in spans:
        regions["table4"] = spans["review_litigation"]
    if "table3" not in regions:
        found = _anchor_span(norm, _T3_START, _T3_END)
        if found:
            regions["table3"] = found
    if "table4" not in regions and "table3" in regions:
        end3 = regions["table3"][1]
        start = _first(norm, _T4_START, end3)
        if start is not None:
            stop = spans.get("problems", (len(norm), len(norm)))[0] - 1
            regions["table4"] = (start, max(stop, start + 1) if stop > start else min(len(norm), start + 60))
    if "table2" not in regions:
        start = _first(norm, _T2_START, 0)
        t3 = regions.get("table3", (len(norm), len(norm)))[0]
        if start is not None and start < t3:
            regions["table2"] = (start, t3)
    return regions


def _first(norm: list[str], pattern: re.Pattern[str], start: int) -> int | None:
    for i in range(start, len(norm)):
        if pattern.search(norm[i]):
            return i
    return None


def _anchor_span(norm: list[str], start_pat: re.Pattern[str], end_pat: re.Pattern[str]) -> tuple[int, int] | None:
    start = _first(norm, start_pat, 0)
    if start is None:
        return None
    end = _first(norm, end_pat, start)
    return (start, (end + 1) if end is not None else len(norm))


def reclaim_table2_columns(rows2: list[Row], rows3: list[Row]) -> tuple[list[Row], list[Row], list[Finding]]:
    """Table 2's and table 3's rows, with any column of table 2 that a PDF extractor
    printed after table 3's heading (pdftotext's default mode reads a page block by
    block: a last column's header and its numbers, one a line, can come out below the
    next heading) moved back to the end of table 2's; and a note of each move."""
    moved: list[Row] = []
    kept: list[Row] = []
    i = 0
    while i < len(rows3):
        row, j = rows3[i], i + 1
        if row.labels and not row.lead and COLUMNS.fullmatch(compact(row.label)):
            while j < len(rows3) and rows3[j].values and not rows3[j].labels and rows3[j].line == rows3[j - 1].line + 1:
                j += 1
        if j > i + 1:
            moved += rows3[i:j]
        else:
            kept.append(row)
        i = j
    if not moved or not rows2:
        return rows2, rows3, []
    lines = [r.line for r in moved]
    names = "、".join(r.label for r in moved if r.labels)
    note = Finding("parse.table2_column_moved", "info", f"表2的“{names}”一列印在表3标题之后，已归回表2。", "表2", lines=lines)
    return rows2 + moved, kept, [note]


def reclaim_table4_fragments(rows3: list[Row], rows4: list[Row]) -> tuple[list[Row], list[Row], list[Finding]]:
    """Table 3's and table 4's rows, with the start of table 4 that a PDF extractor printed
    before table 4's heading (its header cells and a few numbers, read with table 3's
    last page) moved to table 4; and a note of the move. A row naming a table 3 row after
    such words means they were not table 4's."""
    start = next((i for i, r in enumerate(rows3) if r.labels and _T4_WORDS.search(compact(r.label))), None)
    if start is None or any(r.labels and t3_key(r.label) not in (None, "total") for r in rows3[start:]):
        return rows3, rows4, []
    moved = rows3[start:]
    lines = [r.line for r in moved]
    note = Finding(
        "parse.table4_moved", "info", "表4的表头和部分数字印在表4标题之前（与表3的最后一页一起），已归入表4。", "表4", lines=lines
    )
    return rows3[:start], moved + rows4, [note]
