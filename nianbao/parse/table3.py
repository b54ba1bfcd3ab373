"""Table 3: 收到和处理政府信息公开申请情况.

Lines are first cut into row units (a label that may wrap over several lines, and the
numbers that belong to it), then each unit is named by what its label says. A missing or
garbled row therefore never shifts the rows after it.
"""

from __future__ import annotations

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
    findings: list[Finding] = []
    cur: Unit | None = None
    for row in rows:
        for i, frag in enumerate(row.labels):
            carries = i == len(row.labels) - 1 and bool(row.values)
            if cur is None or _starts_new(frag, cur, carries):
                cur = Unit(frag, row.line, label_lines=[row.line])
                units.append(cur)
            else:
                cur.text += frag
                cur.label_lines.append(row.line)
        if row.values:
            if not _attach(cur, row):
                numbers = " ".join(c.raw for c in row.values)
                findings.append(
                    Finding("parse.table3_stray_numbers", "info", f"表3中第 {row.line} 行的数字“{numbers}”不属于任何行，未计入。", "表3", lines=[row.line])
                )
    return units, findings


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
        cur.tabbed = row.tabbed
        return True
    printed = len(cur.cells)
    if not row.labels and printed < WIDTH and printed + len(cells) <= WIDTH:
        cur.cells.extend(cells)  # one row's numbers split across two lines
        return True
    if not row.labels and len(cells) == 1:
        return True  # a lone page number between rows
    return False


def _store(table: Table3, key: str, unit: Unit, width: int) -> None:
    cells = list(unit.cells or [])
    if unit.tabbed:
        # Empty cells between a label and its numbers pad the label column, unless the
        # row would then be short of the header's columns.
        while len(cells) > width and cells and cells[0][0].raw == "":
            cells.pop(0)
    table.found.append(key)
    table.printed[key] = len(cells)
    for col, (cell, line) in enumerate(cells[:WIDTH]):
        table.rows[key][col] = cell.value
        table.lines[key][col] = line


def _finding(rule: str, message: str, unit: Unit) -> Finding:
    lines = sorted(set(unit.label_lines + [line for _c, line in unit.cells or []]))
    return Finding(rule, "warning", message, "表3", lines=lines)
