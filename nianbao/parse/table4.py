"""Table 4: 行政复议、行政诉讼 — three blocks of 维持/纠正/其他/尚未审结/总计.

Most reports print the 15 values on one line in block order; some print one block per
labelled line, or one value per line. A value row is read in print order either way.
"""

from __future__ import annotations

import re
from itertools import permutations

from ..model import T4_BLOCKS, T4_FIELDS, Finding, Table4
from .cells import Row
from .numbers import Cell

_BLOCK_LABELS = (
    ("litigation_after_review", re.compile(r"复议后起诉|复议后")),
    ("litigation_direct", re.compile(r"直接起诉|未经复议")),
    ("review", re.compile(r"^行政复议$|^复议$")),
)
SIZE = len(T4_BLOCKS) * len(T4_FIELDS)
_NAMES = {"review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}


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
    findings = []
    vertical = _vertical_header(rows)
    for i, block in enumerate(T4_BLOCKS):
        part = cells[i * 5 : i * 5 + 5]
        _fill(table, block, part)
        if vertical and len({line for _c, line in part}) == len(part) == 5:
            findings += _reordered(table, block, part)
        elif len(cells) > SIZE and len({line for _c, line in part}) > 1:
            findings += _unvouched(table, block, part)
    return table, findings


def _unvouched(table: Table4, block: str, part: list[tuple[Cell, int]]) -> list[Finding]:
    """A block read in print order from more numbers than the table has cells, over several
    lines (another table's numbers printed among them): kept only if it adds up."""
    values = [c.value for c, _l in part]
    if len(values) == 5 and None not in values and sum(values[:4]) == values[4]:
        return []
    for name in T4_FIELDS:
        table.blocks[block][name] = table.lines[block][name] = None
    message = f"表4的数字比表头的列多，按印刷顺序读出的“{_NAMES[block]}”各数不能相加，无法确定哪些属于表4，这些单元格留空。"
    cells = [f"table4.{block}.{name}" for name in T4_FIELDS]
    return [Finding("parse.ambiguous", "warning", message, "表4", cells=cells, lines=[part[0][1]] if part else [])]


def _vertical_header(rows: list[Row]) -> bool:
    """A header printed one character a line (结/果/维/持): columns so narrow that a text
    extractor's reading order among their values is not to be trusted."""
    return sum(1 for r in rows if not r.values and len(r.label.strip()) == 1) >= 6


def _reordered(table: Table4, block: str, part: list[tuple[Cell, int]]) -> list[Finding]:
    """A block printed one value a line under a vertical header that does not add up
    (维持 + 纠正 + 其他 + 尚未审结 = 总计) in print order, but does in some other order:
    only what every adding-up order agrees on is kept, the rest is left null."""
    values = [c.value for c, _l in part]
    if None in values or sum(values[:4]) == values[4]:
        return []
    orders = {p for p in permutations(values) if sum(p[:4]) == p[4]}
    if not orders:
        return []  # no order adds up: the report's own numbers, kept as printed
    unsure = []
    for j, name in enumerate(T4_FIELDS):
        options = {p[j] for p in orders}
        if len(options) == 1:
            value = options.pop()
            table.blocks[block][name] = value
            table.lines[block][name] = next(line for c, line in part if c.value == value)
        else:
            table.blocks[block][name] = table.lines[block][name] = None
            unsure.append(name)
    cells = [f"table4.{block}.{name}" for name in unsure]
    message = f"表4“{_NAMES[block]}”的数字在原文中的顺序与各列不符（按原顺序不能相加），几种顺序都相符，这些单元格留空。"
    return [Finding("parse.ambiguous", "warning", message, "表4", cells=cells, lines=[part[0][1]])]


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
