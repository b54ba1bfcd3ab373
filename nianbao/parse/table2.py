"""Table 2: 主动公开政府信息情况, kept as items so both templates fit.

Column headers are found by their known names in the header text, which PDFs often wrap
("本年新\\n制作数量"); each item row is zipped with the columns of the header above it.
"""

from __future__ import annotations

import re

from ..model import Finding, Table2, Table2Item
from .cells import Row

#: Known column names (2021 and 2019 templates), longest spelling first.
_COLUMNS = re.compile(
    r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|处理决定数量|本年收费金额"
    r"|本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|本年增/减|本年增减|采购项目数量|采购总金额"
)
_CANONICAL = {"本年增减": "本年增/减"}
_SECTION = re.compile(r"第二十条")


def parse_table2(rows: list[Row]) -> tuple[Table2, list[Finding]]:
    table = Table2()
    findings: list[Finding] = []
    columns: list[str] = []
    header = ""
    for row in rows:
        label = re.sub(r"\s+", "", row.label)
        if _SECTION.search(label) and not row.values:
            header, columns = "", []
            continue
        if not row.values:
            header += label
            found = [_CANONICAL.get(m, m) for m in _COLUMNS.findall(header)]
            if found:
                columns = found
            continue
        header = ""
        if not label:
            continue
        item = _item(label, row, columns)
        if len(row.values) > max(len(columns), 1):
            findings.append(
                Finding("parse.table2_extra_cells", "warning", f"表2“{label}”一行的数字比表头的列多，多出的未计入。", "表2", lines=[row.line])
            )
        table.items.append(item)
    return table, findings


def _item(label: str, row: Row, columns: list[str]) -> Table2Item:
    names = columns or ["数量"]
    values = {}
    lines = {}
    for i, name in enumerate(names):
        cell = row.values[i] if i < len(row.values) else None
        values[name] = cell.value if cell else None
        lines[name] = row.line if cell else None
    return Table2Item(item=label, values=values, lines=lines)
