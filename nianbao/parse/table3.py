"""Table 3: 收到和处理政府信息公开申请情况.

Lines are first cut into row units (a label that may wrap over several lines, and the
numbers that belong to it), then each unit is named by what its label says. A missing or
garbled row therefore never shifts the rows after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import T3_COLUMNS, T3_ROWS, Finding, Table3
from .cells import Row
from .numbers import Cell
from .vocabulary import MARKER, clean_label, t3_category, t3_key, t3_numbered

WIDTH = len(T3_COLUMNS)


@dataclass(slots=True)
class Unit:
    """One row label (possibly wrapped) and the value cells printed for it."""

    text: str
    line: int
    cells: list[tuple[Cell, int]] | None = None
    tabbed: bool = False
    span: int = 0
    label_lines: list[int] = field(default_factory=list)


def parse_table3(rows: list[Row]) -> tuple[Table3, list[Finding]]:
    width = _header_width(rows)
    units, findings = _segment(rows)
    table = Table3(
        rows={k: [None] * WIDTH for k in T3_ROWS},
        lines={k: [None] * WIDTH for k in T3_ROWS},
    )
    category = None
    for unit in units:
        category = t3_category(unit.text) or category
        if unit.cells is None:
            continue
        key = t3_key(unit.text) or t3_numbered(unit.text, category)
        if key is None:
            findings.append(_finding("parse.table3_unknown_row", f"无法识别表3中的行“{unit.text}”，其数字未计入。", unit))
        elif key in table.found:
            findings.append(_finding("parse.table3_duplicate_row", f"表3中“{unit.text}”重复出现，只采用第一次的数字。", unit))
        else:
            _store(table, key, unit, width)
    return table, findings


def _header_width(rows: list[Row]) -> int:
    """7 when the header names 总计; 6 when the table was cut off before it."""
    header = ""
    for row in rows:
        if row.values:
            break
        header += row.label
    if not header or "总计" in header or "合计" in header:
        return WIDTH
    return WIDTH - 1 if "其他" in header else WIDTH


def _segment(rows: list[Row]) -> tuple[list[Unit], list[Finding]]:
    units: list[Unit] = []
    stray: list[Row] = []
    cur: Unit | None = None
    for row in rows:
        if _is_prose(row):
            continue
        lead = Row(row.line, [], row.lead, row.tabbed)
        if row.lead and cur is not None and cur.cells is None:
            _attach(cur, lead)  # "0 0 0 … 禁止公开": numbers printed before the label's tail
            lead.values = []
        for i, frag in enumerate(row.labels):
            carries = i == len(row.labels) - 1 and bool(row.values or lead.values)
            if cur is None or _starts_new(frag, cur, carries):
                cur = Unit(frag, row.line, label_lines=[row.line])
                units.append(cur)
            else:
                cur.text += frag
                cur.label_lines.append(row.line)
        for part in (lead, row):
            if part.values and not _attach(cur, part):
                stray.append(part)
    return units, _dump_or_report(units, stray)


def _is_prose(row: Row) -> bool:
    """A sentence inside the table's section ("本年度共收到申请 5 件。") is not a row."""
    label = row.label
    return "。" in label and len(label) > 15


def _dump_or_report(units: list[Unit], stray: list[Row]) -> list[Finding]:
    """Numbers that follow no label: a column-by-column dump, or noise to report."""
    if stray and _redistribute_dump(units, stray):
        return []
    # A lone number between rows is a page number; anything else is worth a note.
    return [
        Finding("parse.table3_stray_numbers", "info", f"表3中第 {row.line} 行的数字“{' '.join(c.raw for c in row.values)}”不属于任何行，未计入。", "表3", lines=[row.line])
        for row in stray
        if len(row.values) > 1 or row.labels
    ]


def _redistribute_dump(units: list[Unit], stray: list[Row]) -> bool:
    """All labels first, then all numbers (some PDF extractions): pair them in order."""
    start = next((i for i, u in enumerate(units) if t3_key(u.text) == "new_received"), None)
    if start is None:
        return False
    tail = units[start:]
    keyed = [u for i, u in enumerate(tail) if t3_key(u.text) and not _is_category_header(u, tail[i + 1 : i + 2])]
    if not keyed or any(u.cells is not None for u in keyed[:-1]):
        return False
    cells = list(keyed[-1].cells or []) + [(c, row.line) for row in stray for c in row.values]
    if len(keyed) < 3 or len(cells) != WIDTH * len(keyed):
        return False
    for i, unit in enumerate(keyed):
        unit.cells = cells[i * WIDTH : (i + 1) * WIDTH]
    return True


def _is_category_header(unit: Unit, following: list[Unit]) -> bool:
    """"(六)其他处理" followed by "1.…" heads its sub-rows (2021), it is not a row itself."""
    return bool(t3_category(unit.text) and following and re.match(r"\d", clean_label(following[0].text)))


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
    cells = [(c, row.line) for c in row.values]
    if cur.cells is None:
        cur.cells = cells
        cur.tabbed, cur.span = row.tabbed, row.span
        return True
    printed = len(cur.cells)
    if not row.labels and printed < WIDTH and printed + len(cells) <= WIDTH:
        cur.cells.extend(cells)  # one row's numbers split across two lines
        return True
    return False


def _store(table: Table3, key: str, unit: Unit, width: int) -> None:
    cells = list(unit.cells or [])
    if unit.tabbed:
        # Empty cells between a label and its numbers pad the label column, unless the
        # row would then be short of the header's columns (blank last cells count too).
        span = max(unit.span, len(cells))
        while span > width and cells and cells[0][0].raw == "":
            cells.pop(0)
            span -= 1
    table.found.append(key)
    table.printed[key] = len(cells)
    for col, (cell, line) in enumerate(cells[:WIDTH]):
        table.rows[key][col] = cell.value
        table.lines[key][col] = line


def _finding(rule: str, message: str, unit: Unit) -> Finding:
    lines = sorted(set(unit.label_lines + [line for _c, line in unit.cells or []]))
    return Finding(rule, "warning", message, "表3", lines=lines)
