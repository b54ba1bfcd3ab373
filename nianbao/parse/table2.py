"""Table 2: 主动公开政府信息情况, kept as items so both templates fit.

Column headers are found by their known names in the header text, which PDFs often wrap
("本年新\\n制作数量"); each item row is zipped with the columns of the header above it.
An item label may wrap too, with its numbers on the first or the last of its lines.
"""

from __future__ import annotations

import re

from ..model import Finding, Table2, Table2Item
from .cells import Row
from .table2_dump import read_column_dump
from .table2_names import ITEM, SECTION, column_names

#: A header wrapped over lines is a few dozen characters; past this, lines are not one.
_MAX_HEADER = 200


class _Reader:
    """Feeds rows one by one; keeps the header above and any unfinished item label."""

    def __init__(self) -> None:
        self.table = Table2()
        self.findings: list[Finding] = []
        self.columns: list[str] = []
        self.header = ""
        self.in_header = False
        self.pending: list[str] = []

    def feed(self, row: Row) -> None:
        label = re.sub(r"\s+", "", row.label)
        if not row.values:
            self._label_only(label)
            return
        if not label and not self.pending and self._continues(row):
            return  # one more number of the item above, printed on a line of its own
        if label and ITEM.match(label):
            self._flush()
            name = label
        else:
            name = "".join(self.pending) + label  # numbers on a wrapped label's last line
            self.pending = []
        if name:
            self._add(name, row)
        self.in_header = False

    def _label_only(self, label: str) -> None:
        if SECTION.search(label):
            self._flush()
            # the column names may follow on the same line ("第二十条第(一)项信息内容本年制发件数…")
            self.header, self.in_header = label[SECTION.search(label).end() :], True
            self.columns = column_names(self.header)
        elif "信息内容" in label or (self.in_header and not ITEM.match(label) and len(self.header) < _MAX_HEADER):
            self._flush()
            self.header = label if "信息内容" in label else self.header + label
            self.columns = column_names(self.header) or self.columns
            self.in_header = True
        elif label:
            self.pending.append(label)
            self.in_header = False

    def _flush(self) -> None:
        """Label lines after an item's numbers are the tail of that item's label."""
        if self.pending and self.table.items:
            self.table.items[-1].item += "".join(self.pending)
        self.pending = []

    def _continues(self, row: Row) -> bool:
        """Each cell on a line of its own (web text of a table of blocks): numbers
        with no label fill the columns the item above has left, in order."""
        item = self.table.items[-1] if self.table.items and not self.in_header else None
        if item is None or item.item == "":
            return False
        filled = [n for n in item.values if item.lines[n] is not None]
        if not filled or list(item.values)[: len(filled)] != filled:
            return False
        # a blank line between two numbers is a blank cell: it takes a column
        skipped = row.line - max(item.lines[n] for n in filled) - 1
        empty = list(item.values)[len(filled) + skipped :]
        if skipped < 0 or skipped > 2 or len(row.values) > len(empty):
            return False
        for name, cell in zip(empty, row.values, strict=False):
            item.values[name] = cell.value
            item.lines[name] = row.line if cell.value is not None else None
        return True

    def _add(self, name: str, row: Row) -> None:
        names = self.columns or ["数量"]
        values = _unpadded(row.values, len(names)) if row.tabbed else row.values
        if len(values) > len(names):
            self.findings.append(
                Finding(
                    "parse.table2_extra_cells", "warning", f"表2“{name}”一行的数字比表头的列多，多出的未计入。", "表2", lines=[row.line]
                )
            )
        cells = [values[i] if i < len(values) else None for i in range(len(names))]
        values = {n: (c.value if c else None) for n, c in zip(names, cells, strict=True)}
        lines = {n: (row.line if c is not None and c.value is not None else None) for n, c in zip(names, cells, strict=True)}
        self.table.items.append(Table2Item(item=name, values=values, lines=lines))


def _unpadded(values: list, width: int) -> list:
    """A grid row with more cells than the header names: a blank right after a value is
    the rest of a merged (colspan) cell, not a column of its own."""
    out = list(values)
    i = 1
    while len(out) > width and i < len(out):
        if out[i].raw == "" and out[i - 1].raw != "":
            del out[i]
        else:
            i += 1
    return out


def parse_table2(rows: list[Row]) -> tuple[Table2, list[Finding]]:
    dumped = read_column_dump(rows)
    if dumped is not None:
        return dumped, []
    reader = _Reader()
    for row in rows:
        reader.feed(row)
    reader._flush()
    return reader.table, reader.findings
