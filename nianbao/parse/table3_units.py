"""Cutting table 3's lines into row units: a (possibly wrapped) label and its numbers.

A unit starts at a numbered label ("1.", "(三)", "一、") or where a new label carries
numbers; a label line without numbering continues the open unit. In pdftotext -layout
text, label text left of the open unit's column belongs to the category column
("(三)不予公开" printed two characters a line beside its rows) and is kept aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import Row
from .numbers import Cell
from .vocabulary import MARKER, clean_label, t3_category, t3_key

WIDTH = 7
#: How far left of a unit's label column text may start and still continue that label.
_INDENT = 2

Placed = tuple[Cell, int, "int | None"]  # the cell, its line, its column (space text)


@dataclass(slots=True)
class Unit:
    """One row label (possibly wrapped) and the value cells printed for it."""

    text: str
    line: int
    x: int | None = None
    """Column where the label starts (space text), else None."""
    cells: list[Placed] | None = None
    tabbed: bool = False
    span: int = 0
    side: str = ""
    """Category-column text printed beside this unit (pdftotext -layout)."""
    label_lines: list[int] = field(default_factory=list)


def segment(rows: list[Row]) -> tuple[list[Unit], list[Row]]:
    """Units in print order, and the value rows that belong to none."""
    units: list[Unit] = []
    stray: list[Row] = []
    cur: Unit | None = None
    for row in rows:
        if _is_prose(row) or _is_header(row):
            continue
        lead = Row(row.line, [], row.lead, row.tabbed, value_x=[])
        if row.lead and cur is not None and cur.cells is None:
            _attach(cur, lead)  # "0 0 0 … 禁止公开": numbers printed before the label's tail
            lead.values = []
        cur, side = _take_labels(row, cur, units, bool(row.values or lead.values))
        if cur is not None and side:
            cur.side += side
        for part in (lead, row):
            if part.values and not _attach(cur, part):
                stray.append(part)
    return units, stray


def _take_labels(row: Row, cur: Unit | None, units: list[Unit], carries: bool) -> tuple[Unit | None, str]:
    """Give the line's label cells to units; returns the open unit and side-column text."""
    xs = row.label_x or [None] * len(row.labels)
    side = ""
    last = len(row.labels) - 1
    for i, (frag, x) in enumerate(zip(row.labels, xs, strict=True)):
        marked = bool(MARKER.match(clean_label(frag)))
        if x is not None and i < last:
            side += frag  # beside the row label on the same line: the category column
        elif x is not None and cur is not None and cur.x is not None and x < cur.x - _INDENT and not marked:
            side += frag  # left of the open label's column
        elif cur is None or _starts_new(frag, cur, carries and i == last):
            cur = Unit(frag, row.line, x=x, label_lines=[row.line])
            units.append(cur)
        else:
            cur.text += frag
            cur.label_lines.append(row.line)
    return cur, side


def _is_prose(row: Row) -> bool:
    """A sentence inside the table's section ("本年度共收到申请 5 件。") is not a row."""
    label = row.label
    return "。" in label and len(label) > 15


_GENERIC_HEAD = re.compile(r"^(?:项目|(?:数据|列|栏)\d{1,2}|[(（]?续表\s*\d*[)）]?|表\s*\d+)$")


def _is_header(row: Row) -> bool:
    """A header an OCR or LLM transcription put over a piece of the table ("项目 | 数据1 |
    …", "（续表3）"), or one copied from another table: not a row label."""
    return not row.values and not row.lead and bool(row.labels) and bool(_GENERIC_HEAD.match(clean_label(row.labels[0])))


def _starts_new(frag: str, cur: Unit, carries_values: bool) -> bool:
    text = clean_label(frag)
    if MARKER.match(text):
        return True
    if cur.cells is None:
        return False
    if carries_values:
        return True
    key = t3_key(text)
    return key is not None and key != t3_key(cur.text)


def _attach(cur: Unit | None, row: Row) -> bool:
    """Give a line's numbers to the open unit; False when they belong to none."""
    if cur is None:
        return False
    xs = row.value_x or [None] * len(row.values)
    cells = [(c, row.line, x) for c, x in zip(row.values, xs, strict=True)]
    if cur.cells is None:
        cur.cells = cells
        cur.tabbed, cur.span = row.tabbed, row.span
        return True
    printed = len(cur.cells)
    if not row.labels and printed < WIDTH and printed + len(cells) <= WIDTH:
        cur.cells.extend(cells)  # one row's numbers split across two lines
        return True
    return False


def is_category_header(unit: Unit, following: list[Unit]) -> bool:
    """"(六)其他处理" followed by "1.…" heads its sub-rows (2021), it is not a row itself."""
    return bool(t3_category(unit.text) and following and re.match(r"\d", clean_label(following[0].text)))


def place_by_column(units: list[Unit]) -> None:
    """Space text: put a short row's numbers under the columns they are printed in.

    pdftotext -layout keeps each number in its column, so the columns of the nearest
    complete rows (the same page) say where a blank cell was; without positions a short
    row stays left-aligned.
    """
    full = [u for u in units if u.cells and len(u.cells) == WIDTH and _positioned(u)]
    for u in units:
        if not u.cells or len(u.cells) >= WIDTH or not _positioned(u) or len(full) < 2:
            continue
        near = sorted(full, key=lambda f: abs(f.line - u.line))[:3]
        anchors = [sorted(f.cells[i][2] for f in near)[len(near) // 2] for i in range(WIDTH)]
        if any(b - a < 2 for a, b in zip(anchors, anchors[1:], strict=False)):
            continue
        slots = _nearest_slots([x for _c, _l, x in u.cells], anchors)
        if slots is not None:
            grid: list[Placed] = [(Cell(None, ""), u.line, None)] * (max(slots) + 1)
            for slot, cell in zip(slots, u.cells, strict=True):
                grid[slot] = cell
            u.cells = grid


def _positioned(unit: Unit) -> bool:
    return all(x is not None for _c, _l, x in unit.cells or [])


def _nearest_slots(xs: list[int], anchors: list[int]) -> list[int] | None:
    slots = [min(range(len(anchors)), key=lambda i: abs(anchors[i] - x)) for x in xs]
    if slots != sorted(set(slots)):
        return None  # two numbers under one column: positions are not to be trusted
    return slots
