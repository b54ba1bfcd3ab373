"""Table 3: 收到和处理政府信息公开申请情况.

Lines are first cut into row units (table3_units.py: a label that may wrap over several
lines, and the numbers that belong to it), then each unit is named by what its label says.
A missing or garbled row therefore never shifts the rows after it.
"""

from __future__ import annotations

from ..model import T3_COLUMNS, T3_ROWS, Finding, Table3
from .cells import Row
from .table3_units import Unit, place_by_column, redistribute_dump, segment
from .vocabulary import t3_category, t3_key, t3_last_category, t3_numbered

WIDTH = len(T3_COLUMNS)


def parse_table3(rows: list[Row]) -> tuple[Table3, list[Finding]]:
    width = _header_width(rows)
    units, stray = segment(rows)
    findings = [] if redistribute_dump(units, stray) else _stray_findings(stray)
    place_by_column(units)
    table = Table3(
        rows={k: [None] * WIDTH for k in T3_ROWS},
        lines={k: [None] * WIDTH for k in T3_ROWS},
    )
    for unit, key in _named(units):
        if key is None:
            findings.append(_finding("parse.table3_unknown_row", f"无法识别表3中的行“{unit.text}”，其数字未计入。", unit))
        elif key in table.found:
            findings.append(_finding("parse.table3_duplicate_row", f"表3中“{unit.text}”重复出现，只采用第一次的数字。", unit))
        else:
            _store(table, key, unit, width)
    return table, findings


def _named(units: list[Unit]):
    """(unit, row key) for every unit that carries numbers, in print order."""
    category = None
    side = ""
    for unit in units:
        side += unit.side
        category = t3_category(unit.text) or t3_last_category(side) or category
        if unit.cells is not None:
            yield unit, t3_key(unit.text) or t3_numbered(unit.text, category)


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


def _stray_findings(stray: list[Row]) -> list[Finding]:
    # A lone number between rows is a page number; anything else is worth a note.
    return [
        Finding("parse.table3_stray_numbers", "info", f"表3中第 {row.line} 行的数字“{' '.join(c.raw for c in row.values)}”不属于任何行，未计入。", "表3", lines=[row.line])
        for row in stray
        if len(row.values) > 1 or row.labels
    ]


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
    for col, (cell, line, _x) in enumerate(cells[:WIDTH]):
        table.rows[key][col] = cell.value
        table.lines[key][col] = line if cell.value is not None else None


def _finding(rule: str, message: str, unit: Unit) -> Finding:
    lines = sorted(set(unit.label_lines + [line for _c, line, _x in unit.cells or []]))
    return Finding(rule, "warning", message, "表3", lines=lines)
