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

#: Known column names (2021 and 2019 templates), longest spelling first.
COLUMNS = re.compile(
    r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|处理决定数量|本年收费金额"
    r"|本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增/减|本年增减|采购项目数量|采购总金额"
)
_CANONICAL = {"本年增减": "本年增/减"}
SECTION = re.compile(r"第二十条")
#: How item labels begin, so a wrapped item is not mistaken for a wrapped header.
ITEM = re.compile(r"^(规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|行政事业|其他对外|政府集中采购|集中采购)")


def column_names(header: str) -> list[str]:
    return [_CANONICAL.get(m, m) for m in COLUMNS.findall(header)]


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
        elif "信息内容" in label or (self.in_header and not ITEM.match(label)):
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
