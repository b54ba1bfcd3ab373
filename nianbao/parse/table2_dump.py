"""Table 2 printed column by column (pdftotext's default mode on narrow tables).

All item labels come first, section by section, then each column's name followed by its
numbers. The template fixes which columns each section has, so the columns can be dealt
back to the sections' items in order.
"""

from __future__ import annotations

import re

from ..model import Table2, Table2Item
from .cells import Row
from .table2_names import ITEM, SECTION, column_names

#: Columns that stand together in one section of the template.
_GROUPS = (
    {"本年制发件数", "本年废止件数", "现行有效件数"},
    {"本年新制作数量", "本年新公开数量", "对外公开总数量"},
    {"上一年项目数量", "本年增/减", "处理决定数量"},
    {"本年处理决定数量"},
    {"本年收费金额"},
    {"采购项目数量", "采购总金额"},
)


def read_column_dump(rows: list[Row]) -> Table2 | None:
    sections: list[list[str]] = []
    blocks: list[tuple[str, list[tuple[object, int]]]] = []
    for row in rows:
        label = re.sub(r"\s+", "", row.label)
        names = column_names(label) if not row.values else []
        if SECTION.search(label) and not blocks:
            sections.append([])
        elif names:
            blocks.extend((n, []) for n in names)
        elif row.values and blocks:
            blocks[-1][1].extend((c.value, row.line) for c in row.values)
        elif label and sections and not blocks and "信息内容" not in label:
            items = sections[-1]
            if ITEM.match(label) or not items:
                items.append(label)
            else:
                items[-1] += label
    return _deal(sections, blocks)


def _deal(sections: list[list[str]], blocks) -> Table2 | None:
    table = Table2()
    queue = [b for b in blocks if b[1]]
    for items in sections:
        taken = []
        while queue and len(queue[0][1]) == len(items) and _same_group(taken, queue[0][0]):
            taken.append(queue.pop(0))
        if not taken:
            return None
        for i, name in enumerate(items):
            table.items.append(Table2Item(name, {c: vals[i][0] for c, vals in taken}, {c: vals[i][1] for c, vals in taken}))
    return table if table.items and not queue else None


def _same_group(taken, column: str) -> bool:
    names = {c for c, _v in taken}
    if column in names:
        return False
    return not names or any(names | {column} <= g for g in _GROUPS)
