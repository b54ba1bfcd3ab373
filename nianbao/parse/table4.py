"""Table 4: 行政复议、行政诉讼 — three blocks of 维持/纠正/其他/尚未审结/总计.

Most reports print the 15 values on one line in block order; some print one block per
labelled line, or one value per line. A value row is read in print order either way.
"""

from __future__ import annotations

import re

from ..model import T4_BLOCKS, T4_FIELDS, Finding, Table4
from .cells import Row
from .numbers import Cell

_BLOCK_LABELS = (
    ("litigation_after_review", re.compile(r"复议后起诉|复议后")),
    ("litigation_direct", re.compile(r"直接起诉|未经复议")),
    ("review", re.compile(r"^行政复议$|^复议$")),
)
SIZE = len(T4_BLOCKS) * len(T4_FIELDS)


def parse_table4(rows: list[Row]) -> tuple[Table4, list[Finding]]:
    table = Table4(
        blocks={b: dict.fromkeys(T4_FIELDS) for b in T4_BLOCKS},
        lines={b: dict.fromkeys(T4_FIELDS) for b in T4_BLOCKS},
        printed=0,
    )
    labelled = _by_block_label(rows)
    if labelled:
        for block, cells in labelled.items():
            _fill(table, block, cells)
        table.printed = sum(len(c) for c in labelled.values())
        return table, []
    cells = _sequence(rows)
    table.printed = len(cells)
    for i, block in enumerate(T4_BLOCKS):
        _fill(table, block, cells[i * 5 : i * 5 + 5])
    return table, []


def _by_block_label(rows: list[Row]) -> dict[str, list[tuple[Cell, int]]]:
    """Rows like "行政复议 0 0 0 1 1": one block per labelled line."""
    found: dict[str, list[tuple[Cell, int]]] = {}
    for row in rows:
        if not row.values or not row.labels:
            continue
        label = re.sub(r"\s+", "", row.labels[-1])
        values = list(row.values)
        while len(values) > 5 and values[0].raw == "":
            values.pop(0)  # a grid's blanks under a label merged over two columns
        for block, pattern in _BLOCK_LABELS:
            if pattern.search(label) and 4 <= len(values) <= 5:
                found.setdefault(block, [(c, row.line) for c in values])
                break
    return found if len(found) >= 2 else {}


def _sequence(rows: list[Row]) -> list[tuple[Cell, int]]:
    """All value cells in print order; a lone number beside a full row is a page number."""
    groups = [[(c, row.line) for c in row.values] for row in rows if row.values]
    total = sum(len(g) for g in groups)
    if total > SIZE:
        groups = [g for g in groups if len(g) != 1] or groups
    return [cell for group in groups for cell in group]


def _fill(table: Table4, block: str, cells: list[tuple[Cell, int]]) -> None:
    for field_key, (cell, line) in zip(T4_FIELDS, cells, strict=False):  # a short block leaves its last fields null
        table.blocks[block][field_key] = cell.value
        table.lines[block][field_key] = line
