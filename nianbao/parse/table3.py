"""Table 3: 收到和处理政府信息公开申请情况.

Lines are first cut into row units (table3_units.py: a label that may wrap over several
lines, and the numbers that belong to it), then each unit is named by what its label says.
A missing or garbled row therefore never shifts the rows after it.
"""

from __future__ import annotations

from ..model import T3_COLUMNS, T3_OUTCOME_ROWS, T3_ROWS, T3_ROWS_2021_ONLY, Finding, Table3
from .align import Alignment, align_without_strays
from .bands import align_bands
from .cells import Row
from .column_swaps import doubtful_cells
from .flows import TooManyReadings, align_flows
from .normalize import compact
from .table3_units import Unit, is_category_header, place_by_column, segment
from .vocabulary import t3_category, t3_key, t3_last_category, t3_numbered

WIDTH = len(T3_COLUMNS)


def realign(rows: list[Row], table: Table3, keys: list[str]) -> tuple[Table3, list[Finding], bool] | None:
    """Table 3 read again from its number stream (align.py, flows.py), when that reading satisfies
    more row identities than the row-by-row one, and whether it satisfies every row's;
    None when it does not."""
    numbers = [(c.value, row.line) for row in rows for c in row.lead + row.values if c.value is not None]
    in_place = all(row.labels for row in rows if row.values or row.lead)
    if in_place and all(table.printed.get(k) == WIDTH for k in keys):
        return None  # every row printed whole beside its label: that reading stands, right or wrong
    explained = _agreeing_rows(table) + sum(1 for k in table.found if None in table.rows[k])
    if explained >= len(keys):
        return None  # every row adds up or was printed with a blank: no cutting can do better
    strays = _strays(rows, numbers)
    text_lines = [row.line for row in rows if row.labels and not (row.values or row.lead)]
    found = _aligned(numbers, keys, strays, text_lines)
    if found is None:
        return None
    _open_swapped(found)
    if found.agreed <= explained:
        return None  # a row printed with a blank ("—") cannot add up, and is no worse for it
    return _as_table(found), _realigned_findings(found, numbers), found.agreed == len(found.rows)


def _open_swapped(found) -> None:
    """Leave open the cells two applicant columns may have swapped (column_swaps.py)."""
    values = {k: [c[0] if c else None for c in cells] for k, cells in found.rows.items()}
    for key, columns in doubtful_cells(values).items():
        either = {values[key][c] for c in columns}
        for c in columns:
            _leave_open(found, key, c, either)


def _as_table(found) -> Table3:
    out = Table3(rows={k: [None] * WIDTH for k in T3_ROWS}, lines={k: [None] * WIDTH for k in T3_ROWS})
    for key, cells in found.rows.items():
        out.found.append(key)
        out.printed[key] = WIDTH
        for col, cell in enumerate(cells):
            if cell is not None:
                out.rows[key][col], out.lines[key][col] = cell
    return out


def _aligned(numbers, keys: list[str], strays: list[int], text_lines: list[int]):
    """The first row list (those the labels name, the 2021 template's, the 2019 one's)
    the numbers fill, as blocks of whole rows (align.py) or as text flows (flows.py).
    Flows read the blank lines too, so where blocks leave a row not adding up or a cell
    open, a reading by flows that leaves no more cells open is taken."""
    candidates = (keys, list(T3_ROWS), [k for k in T3_ROWS if k not in T3_ROWS_2021_ONLY])
    zeros = _all_zero(numbers, candidates)
    if zeros is not None:
        return zeros
    for candidate in candidates:
        found = align_without_strays(numbers, candidate, strays)
        if found is not None:
            break
    if found is not None and found.agreed == len(found.rows) and (found.ambiguous or not columns_add_up(_as_table(found))):
        # Every row adds up, yet some cells could go more than one way or the columns do
        # not add up: a row's cells may have been read in the wrong columns (a sum does not
        # see order), so narrower readings are weighed too and what they read differently
        # is left open.
        found = align_without_strays(numbers, candidate, strays, every_layout=True) or found
    if found is not None and found.agreed == len(found.rows) and not found.ambiguous:
        return found
    for candidate in candidates:
        try:
            by_flows = align_flows(numbers, candidate, strays, text_lines)
        except TooManyReadings:
            return None  # the blocks' reading is in doubt and the flows cannot settle it
        if by_flows is not None:
            if found is None:
                return by_flows
            chosen, other = (by_flows, found) if _open(by_flows) <= _open(found) else (found, by_flows)
            return _open_where_they_differ(chosen, other)
    # Blocks the flows do not confirm, that could go several ways or whose columns do not
    # add up: their numbers were printed in an order blocks do not describe, so rows that
    # add up may still hold another row's numbers.
    doubtful = found is not None and (bool(found.ambiguous) or not columns_add_up(_as_table(found)))
    for candidate in candidates:
        by_bands = align_bands(numbers, candidate, strays, text_lines)
        if by_bands is not None:
            return by_bands if found is None or doubtful else _open_where_they_differ(by_bands, found)
    return None if doubtful else found


def _all_zero(numbers, candidates) -> Alignment | None:
    """Every number 0 and at least one per cell of a whole template's rows: then every cell
    is 0 in whatever order they were printed (the rest are another table's zeros). Each
    cell's source line is one of the zeros' lines, not necessarily its own."""
    if not numbers or any(v != 0 for v, _line in numbers):
        return None
    labels, rows_2021, rows_2019 = candidates
    if set(labels) & set(T3_ROWS_2021_ONLY):
        rows = rows_2021  # the labels say which template, even where some were not read
    elif len(labels) > len(rows_2019) // 2:
        rows = rows_2019
    else:
        rows = rows_2021 if len(numbers) >= WIDTH * len(rows_2021) else rows_2019
    if len(numbers) < WIDTH * len(rows):
        return None  # fewer numbers than cells: blank cells, and where they are is unknown
    cells = iter(numbers)
    return Alignment({k: [next(cells) for _ in range(WIDTH)] for k in rows}, len(rows), {}, [])


def _open_where_they_differ(chosen, other):
    """``chosen`` with every cell that ``other`` (a reading by the other model, its rows
    adding up too) gives another number left open: both fit the arithmetic, so the
    numbers alone cannot say which is the table's."""
    for key, cells in chosen.rows.items():
        for c, (mine, theirs) in enumerate(zip(cells, other.rows.get(key, ()), strict=False)):
            if mine is not None and theirs is not None and mine[0] != theirs[0]:
                _leave_open(chosen, key, c, {mine[0], theirs[0]})
    return chosen


def _leave_open(found: Alignment, key: str, c: int, candidates: set) -> None:
    """Cell c of row ``key`` null, its candidates noted for the parse.ambiguous finding."""
    found.rows[key][c] = None
    found.ambiguous.setdefault(key, [set() for _ in range(WIDTH)])[c] |= candidates


def _open(found) -> int:
    """Cells an alignment leaves null."""
    return sum(1 for cells in found.rows.values() for c in cells if c is None)


def _strays(rows: list[Row], numbers: list[tuple]) -> list[int]:
    """Indexes in ``numbers`` of a number alone between blank lines next to a line of
    text: how a bare page number sits among a page's columns."""
    lone = set()
    for i, row in enumerate(rows):
        if len(row.values) + len(row.lead) != 1 or row.labels:
            continue
        before, after = rows[i - 1] if i else None, rows[i + 1] if i + 1 < len(rows) else None
        apart = (before is None or before.line < row.line - 1) and (after is None or after.line > row.line + 1)
        beside_text = any(r is not None and r.labels and not r.values for r in (before, after))
        if apart and beside_text:
            lone.add(row.line)
    return [j for j, (_v, line) in enumerate(numbers) if line in lone]


def _agreeing_rows(table: Table3) -> int:
    rows = (table.rows[k] for k in table.found)
    return sum(1 for r in rows if None not in r and sum(r[:-1]) == r[-1])


def _realigned_findings(found, numbers) -> list[Finding]:
    lines = sorted({line for _v, line in numbers})
    message = f"表3的数字在原文中与行标签分开印出（或按列成块印出），已按每行“总计 = 各列之和”重新对齐：{found.agreed} 行与之相符。"
    notes = [Finding("parse.table3_realigned", "info", message, "表3", lines=lines)]
    for key, options in found.ambiguous.items():
        described = "；".join(f"{T3_COLUMNS[c]}: {'/'.join(_fmt(v) for v in sorted(o))}" for c, o in enumerate(options) if o)
        notes.append(
            Finding(
                "parse.ambiguous",
                "warning",
                f"表3“{key}”一行有几种对齐都符合合计关系（{described}），这些单元格留空。",
                "表3",
                cells=[f"table3.{key}.{T3_COLUMNS[c]}" for c, o in enumerate(options) if o],
                lines=lines[:1],
            )
        )
    if found.unvouched:
        message = f"表3有 {len(found.unvouched)} 行的数字无论怎样对齐都与该行总计不符，无法确定属于哪一行，这些单元格留空。"
        cells = [f"table3.{k}.{c}" for k in found.unvouched for c in T3_COLUMNS]
        notes.append(Finding("parse.ambiguous", "warning", message, "表3", cells=cells, lines=lines[:1]))
    return notes


def _fmt(value) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def parse_table3(rows: list[Row]) -> tuple[Table3, list[Finding]]:
    table, findings, keys = _read_by_rows(rows)
    better = realign(rows, table, keys)  # the same numbers, cut by the table's arithmetic
    every_row_agrees = False
    if better is not None:
        table, findings, every_row_agrees = better
    apart = _apart(rows)
    if apart:
        total = sum(len(r.values) + len(r.lead) for r in rows)
        mostly = 2 * sum(len(r.values) + len(r.lead) for r in rows if r.line in apart) > total
        # A realignment under which every row adds up is vouched row by row: columns
        # that still do not add up are the report's own (the checks say so).
        every_row_agrees |= len(table.found) >= len(keys) and _agreeing_rows(table) == len(table.found)
        # a realignment places every number or none; a reading by position may leave most out
        findings += _unvouched(table, apart, mostly and not every_row_agrees, total if better is None else 0)
    return table, findings


def _apart(rows: list[Row]) -> set[int]:
    """Lines of numbers without a label that do not follow a label line (a label line then
    its numbers' line is one row printed on two lines; runs of number lines are not)."""
    lines, previous_had_label = set(), True
    for row in rows:
        numbers = len(row.values) + len(row.lead)
        if numbers and not row.labels and not previous_had_label:
            lines.add(row.line)
        previous_had_label = bool(row.labels) and not numbers
    return lines


def columns_add_up(table: Table3) -> bool:
    """Outcome rows sum to （七）总计 and 一 + 二 = （七） + 四 in every column where all
    those cells have values (a column with a blank says nothing)."""
    r = table.rows
    outcome = [k for k in T3_OUTCOME_ROWS if k in table.found]
    for c in range(WIDTH):
        parts = [r[k][c] for k in outcome] + [r["total"][c]]
        if "total" in table.found and None not in parts and sum(parts[:-1]) != parts[-1]:
            return False
        keys = ("new_received", "carried_over", "total", "carried_forward")
        v = [r[k][c] for k in keys]
        if all(k in table.found for k in keys) and None not in v and v[0] + v[1] != v[2] + v[3]:
            return False
    return True


def _unvouched(table: Table3, apart: set[int], mostly_apart: bool, printed: int) -> list[Finding]:
    """Numbers printed apart from their labels, placed by position alone: a row taking
    such numbers whose 总计 is not the sum of its columns was most likely put together
    from the wrong numbers, so its cells are left null rather than published. A row
    printed beside its label keeps its numbers, adding up or not (the checks say so)."""
    dropped = []
    for key in table.found:
        values = table.rows[key]
        if not apart.intersection(table.lines[key]):
            continue
        if None not in values and sum(values[:-1]) != values[-1]:
            dropped.append(key)
            table.rows[key] = [None] * WIDTH
            table.lines[key] = [None] * WIDTH
    placed = sum(v is not None for k in table.found for v in table.rows[k])
    if mostly_apart and (dropped or not columns_add_up(table) or placed * 2 < printed):
        # Most numbers stand apart from their labels and some row or column does not add
        # up, or most numbers went to no row: placed by position, rows may have taken
        # each other's numbers.
        dropped = [k for k in table.found if any(v is not None for v in table.rows[k])]
        for key in dropped:
            table.rows[key], table.lines[key] = [None] * WIDTH, [None] * WIDTH
    if not dropped:
        return []
    message = f"表3的数字与行标签分开印出，无法确定 {len(dropped)} 行的数字属于哪一行（按位置读出的数字与该行总计不符），这些单元格留空。"
    cells = [f"table3.{k}.{c}" for k in dropped for c in T3_COLUMNS]
    return [Finding("parse.ambiguous", "warning", message, "表3", cells=cells)]


def _read_by_rows(rows: list[Row]) -> tuple[Table3, list[Finding], list[str]]:
    """The table read unit by unit, its findings, and the rows its labels name."""
    width = _header_width(rows)
    units, stray = segment(rows)
    keys = row_keys(units)
    findings = _stray_findings(stray)
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
    findings += _mend_torn(table, stray)
    return table, findings, keys


def _mend_torn(table: Table3, stray: list[Row]) -> list[Finding]:
    """A lone number on its own line beside a row with one blank cell (PDF-to-Markdown
    tears a value out of its row): it fills that blank when it makes the row's 总计 the
    sum of its columns, and only one of the rows above and below it does."""
    mended = []
    for row in stray:
        if len(row.values) != 1 or row.labels or row.values[0].value is None:
            continue
        value = row.values[0].value
        near = [k for k in _rows_beside(table, row.line) if _fills(table.rows[k], value)]
        if len(near) == 1:
            col = table.rows[near[0]].index(None)
            table.rows[near[0]][col], table.lines[near[0]][col] = value, row.line
            mended.append(row.line)
    if not mended:
        return []
    message = f"表3有 {len(mended)} 个数字被挤到单独一行，已按该行“总计 = 各列之和”放回它空出的单元格。"
    return [Finding("parse.table3_torn_value", "info", message, "表3", lines=mended)]


def _rows_beside(table: Table3, line: int) -> list[str]:
    """The rows printed just above and just below ``line``."""
    last = {k: max((n for n in table.lines[k] if n is not None), default=None) for k in table.found}
    above = [k for k, n in last.items() if n is not None and line - 3 <= n < line]
    below = [k for k, n in last.items() if n is not None and line < n <= line + 2]
    return sorted(above, key=lambda k: -last[k])[:1] + sorted(below, key=lambda k: last[k])[:1]


def _fills(values: list, value) -> bool:
    if values.count(None) != 1:
        return False
    filled = [value if v is None else v for v in values]
    return sum(filled[:-1]) == filled[-1]


def row_keys(units: list[Unit]) -> list[str]:
    """The rows table 3's labels name, in print order, numbers or not (each once)."""
    named = {key for i, (unit, key) in enumerate(_named(units, every=True)) if key and not is_category_header(unit, units[i + 1 : i + 2])}
    return [k for k in T3_ROWS if k in named]  # template order: a header's 总计 is not a row before 一、


def _named(units: list[Unit], every: bool = False):
    """(unit, row key) for every unit that carries numbers, in print order."""
    category = None
    side = ""
    for unit in units:
        side += unit.side
        category = t3_category(unit.text) or t3_last_category(side) or category
        if unit.cells is not None or every:
            yield unit, t3_key(unit.text) or t3_numbered(unit.text, category)


def _header_width(rows: list[Row]) -> int:
    """7 when the header names 总计; 6 when the table was cut off before it."""
    header = ""
    for row in rows:
        if row.values:
            break
        header += compact(row.label)  # "总　计", "其 他": headers are often spaced out
    if not header or "总计" in header or "合计" in header:
        return WIDTH
    return WIDTH - 1 if "其他" in header else WIDTH


def _stray_findings(stray: list[Row]) -> list[Finding]:
    # A lone number between rows is a page number; anything else is worth a note.
    return [
        Finding(
            "parse.table3_stray_numbers",
            "info",
            f"表3中第 {row.line} 行的数字“{' '.join(c.raw for c in row.values)}”不属于任何行，未计入。",
            "表3",
            lines=[row.line],
        )
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
