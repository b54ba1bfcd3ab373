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
    text_since = False  # text between the last column's numbers and these
    for row in rows:
        label = re.sub(r"\s+", "", row.label)
        names = column_names(label) if not row.values else []
        if label and not row.values and not names:
            text_since = True
        if SECTION.search(label):
            sections.append([])  # a page break may put a section's labels after columns
        elif names:
            blocks.extend((n, []) for n in names)
            text_since = False
        elif row.values and blocks:
            _home(blocks, text_since).extend((c.value, row.line) for c in row.values)
            text_since = False
        elif label and sections and "信息内容" not in label and not row.values:
            items = sections[-1]
            if ITEM.match(label) or not items:
                items.append(label)
            elif not blocks or blocks[-1][1] == []:
                items[-1] += label  # a wrapped item label
    if not blocks or all(not values for _n, values in blocks):
        return None
    return _deal(sections, _by_rows(blocks))


def _home(blocks, text_since: bool) -> list:
    """Where numbers go: under the last column name; but numbers after text, when that
    column already has its own, belong to the first column name of another section
    still without any (a header printed away from its numbers, across the page). Its
    own section's other columns take them row by row (_by_rows)."""
    name, last = blocks[-1]
    if last and text_since:
        mates = next((g for g in _GROUPS if name in g), set())
        empty = next((values for n, values in blocks if not values and n not in mates), None)
        if empty is not None:
            return empty
    return last


def _by_rows(blocks):
    """A group's columns with unequal counts (4 | 41 | 150 192 -77 22: the second item's
    row printed under the first's, without column names) hold its items row by row,
    unless the numbers stand in as many runs between blank lines as the group has
    columns, each as long: then each run is a column (0 4 | 0 2 | 0 19)."""
    out, run = [], []
    for name, values in blocks + [("", [])]:
        if run and (not name or not _same_group(run, name)):
            counts = {len(v) for _n, v in run}
            flat = [p for _n, v in run for p in v]
            if len(counts) > 1 and len(flat) % len(run) == 0:
                m = len(run)
                runs = _runs(flat)
                if len(runs) == m and len({len(r) for r in runs}) == 1:
                    run = [(n, r) for (n, _v), r in zip(run, runs, strict=True)]
                else:
                    run = [(n, flat[j::m]) for j, (n, _v) in enumerate(run)]
            out += run
            run = []
        if name:
            run.append((name, values))
    return out


def _runs(values: list[tuple[object, int]]) -> list[list[tuple[object, int]]]:
    """Numbers cut where a line was skipped (a blank line or text between them)."""
    runs: list[list[tuple[object, int]]] = []
    for p in values:
        if runs and p[1] - runs[-1][-1][1] <= 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _deal(sections: list[list[str]], blocks) -> Table2 | None:
    """Each column, in print order, goes to the first section with as many items that
    has not got it yet and whose template group it belongs to."""
    taken: list[list] = [[] for _ in sections]
    for name, values in blocks:
        if not values:
            continue
        home = next((i for i, items in enumerate(sections) if len(items) == len(values) and _same_group(taken[i], name)), None)
        if home is None:
            return None
        taken[home].append((name, values))
    if not all(taken) or not sections:
        return None
    table = Table2()
    for items, columns in zip(sections, taken, strict=True):
        for i, item in enumerate(items):
            table.items.append(Table2Item(item, {c: vals[i][0] for c, vals in columns}, {c: vals[i][1] for c, vals in columns}))
    return table


def _same_group(taken, column: str) -> bool:
    names = {c for c, _v in taken}
    if column in names:
        return False
    return not names or any(names | {column} <= g for g in _GROUPS)
