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
    has not got it yet, whose template group it belongs to and whose items have it; else
    to the first such section with another number of items: a column with too few numbers
    there is finished by the numbers another column has past its section's items (an
    item's label and number printed after the other columns), or the dump is not read."""
    taken: list[list] = [[] for _ in sections]
    short: list[_Short] = []  # columns printed with fewer numbers than their section's items
    spare: list[list] = []  # numbers past a column's items: the rest of a short column
    for name, values in blocks:
        if not values:
            continue
        fits = [i for i, items in enumerate(sections) if _same_group(taken[i], name) and _holds(items, name)]
        home = next((i for i in fits if len(sections[i]) == len(values)), None)
        if home is None:
            home = next((i for i in fits if len(sections[i]) != len(values)), None)
            if home is None:
                return None
            size = len(sections[home])
            if size < len(values):
                values, rest = values[:size], values[size:]
                spare.append(rest)
            else:
                values = _Short(values, size)
                short.append(values)
        taken[home].append((name, values))
    for rest in spare:  # an item's label and number printed after the other columns
        column = next((c for c in short if len(c) + len(rest) == c.size), None)
        if column is None:
            return None
        column.extend(rest)
    if not all(taken) or not sections or any(len(c) != c.size for c in short):
        return None
    table = Table2()
    for items, columns in zip(sections, taken, strict=True):
        for i, item in enumerate(items):
            table.items.append(Table2Item(item, {c: vals[i][0] for c, vals in columns}, {c: vals[i][1] for c, vals in columns}))
    return table


#: The columns an item can have (both templates): a section's first item says which.
_ITEM_COLUMNS = (
    (re.compile(r"^(规章|行政规范性文件|规范性文件)"), _GROUPS[0] | _GROUPS[1]),
    (re.compile(r"^(行政许可|行政处罚|行政强制|其他对外)"), _GROUPS[2] | _GROUPS[3]),
    (re.compile(r"^行政事业"), _GROUPS[4] | {"上一年项目数量", "本年增/减"}),
    (re.compile(r"^(政府集中采购|集中采购)"), _GROUPS[5]),
)


def _holds(items: list[str], column: str) -> bool:
    """Whether a section of these items has this column (True when its items are unknown)."""
    allowed = next((cols for pattern, cols in _ITEM_COLUMNS if items and pattern.match(items[0])), None)
    return allowed is None or column in allowed


class _Short(list):
    """A column's numbers, fewer than the ``size`` items of its section so far."""

    def __init__(self, values, size: int) -> None:
        super().__init__(values)
        self.size = size


def _same_group(taken, column: str) -> bool:
    names = {c for c, _v in taken}
    if column in names:
        return False
    return not names or any(names | {column} <= g for g in _GROUPS)
