"""Glued web text: table cells that ran together ("行政规范性文件77132470" = 77 | 132 | 470).

A pre-pass over the normalised lines of the table regions. A row whose label is followed
directly by a run of digits is cut into the number of cells its table has, trying every
cut in which each piece reads as a number (a multi-digit count never starts with 0) and
keeping those the table's own arithmetic allows: a table 3 row's total is the sum of its
six columns, （七）总计 is the sum of the outcome rows, 一+二 = （七）+四, and a table 4
block's total is the sum of its four results. Narrative figures break remaining ties.
Exactly one cut left: the line is rewritten as a tab grid row (same line number, so
provenance holds) with an ``info`` finding. Several or none: the row is written with
blank cells and a ``warning`` finding; the numbers are not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Finding
from .glued_columns import Cut, Values, resolve_columns
from .numbers import parse_number
from .table2_names import COLUMNS as T2_COLUMNS
from .table2_names import row_is_possible
from .vocabulary import t3_category, t3_key, t3_numbered

#: A label (ending in a non-digit) glued to a run of numbers; signs only before a digit.
_GLUED = re.compile(r"^(?P<label>.*?[^\d\s.,+\-%])(?P<run>(?:[+\-]|增|减)?\d(?:[\d.,]| (?=[\d+\-])|(?:[+\-]|增|减)(?=\d))*(?:元|万元)?)$")
#: A figure the narrative states: a number with a counting word ("5 件", "814条"), not a
#: date, time or phone number from the page around it.
_STATED = re.compile(r"(?<![\d.:\-])(\d+(?:\.\d+)?)\s*(?:件|条|项|个|次|人次|家|宗|起|万元|元|份)")
#: A line of digits only, stray spaces among them ("00000000000000 0"): table 4's values
#: run together (fewer pieces than its 15 cells; "0 0 0 … 0" is a row printed apart).
_DIGITS_ONLY = re.compile(r"^\d(?:\d| (?=\d))+$")
_COUNT = re.compile(r"^(?:0|[1-9]\d{0,6})$")
_SIGNED = re.compile(r"^(?:[+\-]|增|减)?(?:0|[1-9]\d{0,6}|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d{1,2})?(?:元|万元)?$")
#: Bounds on the search: steps per row, steps per table (a crafted page of thousands of
#: glued rows), and candidates kept before calling a row ambiguous.
BUDGET = 200_000
TABLE_BUDGET = 1_000_000
MAX_CANDIDATES = 50


class _TooMany(Exception):
    """The search hit its budget: treat the row as ambiguous."""


@dataclass(slots=True)
class GluedRow:
    """One glued line: where it is, its label, its digit run and the cuts that fit."""

    index: int
    label: str
    run: str
    width: int
    key: str | None = None
    candidates: list[Cut] = field(default_factory=list)
    capped: bool = False
    blanks: int = 0
    """Cells the run is short of (a run of fewer zeros than cells)."""


def decode_glued(norm: list[str], regions: dict[str, tuple[int, int]]) -> tuple[list[str], list[Finding]]:
    """Lines with glued rows rewritten as tab rows, and what was done (empty: nothing)."""
    out = list(norm)
    narrative = _narrative_numbers(norm, regions)
    findings: list[Finding] = []
    for name, decode in (("table2", _table2), ("table3", _table3), ("table4", _table4)):
        if name in regions:
            findings.extend(decode(out, *regions[name], narrative))
    return out, findings


def _narrative_numbers(norm: list[str], regions: dict[str, tuple[int, int]]) -> set[float]:
    inside = {i for start, end in regions.values() for i in range(start, end)}
    found: set[float] = set()
    for i, line in enumerate(norm):
        if i not in inside:
            found.update(float(n) for n in _STATED.findall(line.replace(",", "")))
    return found


def _match(line: str) -> tuple[str, str] | None:
    if "\t" in line or not line.strip():
        return None
    m = _GLUED.match(line.strip())
    return (m.group("label"), m.group("run")) if m else None


# ---------------------------------------------------------------- the search


def splits(
    run: str, width: int, piece: re.Pattern[str], accept: Callable[[Values], bool], prune=None, closing=None, spent: list[int] | None = None
) -> list[Cut]:
    """Every cut of ``run`` into ``width`` numbers that ``accept`` allows.

    ``prune(values)`` may reject a partial cut early; ``closing(values)`` names the last
    number outright (a row total), so only the other pieces are searched. Raises
    _TooMany past the budget, or once ``spent`` (the table's steps so far, updated
    here) passes TABLE_BUDGET.
    """
    found: list[Cut] = []
    spent = spent if spent is not None else [0]
    steps, before = 0, spent[0]

    def walk(pos: int, parts: list[tuple[float, str]]) -> None:
        nonlocal steps
        steps += 1
        if pos < len(run) and run[pos] == " ":
            pos += 1  # a space in the run is a cell boundary: no piece spans it
        if steps > BUDGET or before + steps > TABLE_BUDGET or len(found) > MAX_CANDIDATES:
            spent[0] = before + steps
            raise _TooMany
        if len(parts) == width:
            values = tuple(v for v, _t in parts)
            if pos == len(run) and accept(values):
                found.append(Cut(values, tuple(t for _v, t in parts)))
            return
        left = width - len(parts)
        if closing is not None and left == 1:
            text = run[pos:]
            value = parse_number(text) if piece.match(text) and " " not in text else None
            if value is not None and value == closing(tuple(v for v, _t in parts)):
                walk(len(run), parts + [(value, text)])
            return
        # a piece is at most 12 characters ("6,239,795.00"): longer ones never match
        for end in range(pos + 1, min(len(run) - left + 1, pos + 16) + 1):
            text = run[pos:end]
            if " " in text:
                break
            value = parse_number(text) if piece.match(text) else None
            if value is None or (prune and not prune(tuple(v for v, _t in parts) + (value,))):
                continue
            if _cut_decimals(text, run, end):
                continue
            walk(end, parts + [(value, text)])

    walk(0, [])
    spent[0] = before + steps
    return found


def _cut_decimals(text: str, run: str, end: int) -> bool:
    """ "795.0" + "0…": a one-place decimal right before a digit is a two-place amount
    ("795.00") cut in its decimals, not two cells."""
    return "." in text and len(text.rsplit(".", 1)[1]) == 1 and end < len(run) and run[end].isdigit()


def _candidates(row: GluedRow, piece: re.Pattern[str], accept, prune=None, closing=None, spent=None) -> list[Cut] | None:
    """Cuts obeying the arithmetic; if none does, cuts obeying the reading alone (the
    source may itself be inconsistent: the checks report that). None: search too big."""
    try:
        strict = splits(row.run, row.width, piece, accept, prune, closing, spent)
        return strict or splits(row.run, row.width, piece, lambda _v: True, spent=spent)
    except _TooMany:
        return None


# ---------------------------------------------------------------- table 3


def _table3(out: list[str], start: int, end: int, narrative: set[float]) -> list[Finding]:
    spent = [0]  # search steps over the whole table
    width, rows, category = 7, [], None
    header = ""
    for i in range(start, end):
        category = t3_category(out[i]) or category
        hit = _match(out[i])
        if hit is None:
            if not rows:
                header += out[i]
            continue
        if not rows and "总计" not in header and "合计" not in header and "其他" in header:
            width = 6  # the header was cut off before 总计
        row = GluedRow(i, hit[0], hit[1], width)
        row.key = t3_key(row.label) or t3_numbered(row.label, category)
        digits = row.run.replace(" ", "")
        if digits and set(digits) == {"0"} and len(digits) < width:
            # Fewer zeros than cells: one 0 each (no number starts with 0) and the rest
            # blank, a short row like any printed one (the row reader places it and
            # reports the blanks). A short run with other digits stays ambiguous.
            row.width, row.blanks = len(digits), width - len(digits)
            row.candidates = [Cut(tuple(0.0 for _d in digits), tuple(digits))]
            rows.append(row)
            continue
        if width == 7:
            found = _candidates(row, _COUNT, _row_total, closing=sum, spent=spent)
        else:
            found = _candidates(row, _COUNT, lambda _v: True, spent=spent)
        row.candidates, row.capped = found or [], found is None
        rows.append(row)
    if width == 7:
        resolve_columns(rows)
    _tie_break(rows, narrative, ("new_received", "total"), -1)
    return _write(out, rows, "表3")


def _row_total(values: Values) -> bool:
    return values[-1] == sum(values[:-1])


def _tie_break(rows: list[GluedRow], narrative: set[float], keys, position: int | None) -> None:
    """Still open: keep the cut whose figures the narrative states, if only one does."""
    for row in rows:
        if len(row.candidates) < 2 or (keys and row.key not in keys):
            continue
        if position is not None:
            stated = [c for c in row.candidates if c.values[position] in narrative]
        else:
            stated = [c for c in row.candidates if all(v in narrative for v in c.values if abs(v) >= 10)]
        if len(stated) == 1:
            row.candidates = stated


# ---------------------------------------------------------------- table 2


def _table2(out: list[str], start: int, end: int, narrative: set[float]) -> list[Finding]:
    spent = [0]  # search steps over the whole table
    rows: list[GluedRow] = []
    width, accept = 0, _anything
    for i in range(start, end):
        hit = _match(out[i])
        if hit is None:
            if "第二十条" in out[i]:
                width = 0
            names = T2_COLUMNS.findall(re.sub(r"\s+", "", out[i]))
            if names:
                width, accept = len(names), row_is_possible(names)
            continue
        if width == 0:
            continue
        row = GluedRow(i, hit[0], hit[1], width)
        found = _candidates(row, _SIGNED, accept, spent=spent)
        row.candidates, row.capped = found or [], found is None
        rows.append(row)
    _tie_break(rows, narrative, (), None)
    return _write(out, rows, "表2")


def _anything(_values: Values) -> bool:
    return True


# ---------------------------------------------------------------- table 4


def _table4(out: list[str], start: int, end: int, narrative: set[float]) -> list[Finding]:
    spent = [0]  # search steps over the whole table
    rows: list[GluedRow] = []
    for i in range(start, end):
        line = out[i].strip()
        hit = _match(line)
        if _DIGITS_ONLY.match(line) and len(line.replace(" ", "")) >= 15 and len(line.split()) < 15:
            rows.append(GluedRow(i, "", line, 15))
        elif hit and len(hit[1]) >= 15 and "结果" in hit[0]:
            rows.append(GluedRow(i, hit[0], hit[1], 15))  # the header, then the 15 values
        elif hit and re.search(r"复议|诉讼|起诉", hit[0]):
            rows.append(GluedRow(i, hit[0], hit[1], 5))
        else:
            continue
        row = rows[-1]
        found = _candidates(row, _COUNT, _blocks_add_up, _blocks_prune, spent=spent)
        row.candidates, row.capped = found or [], found is None
    _tie_break(rows, narrative, (), None)
    return _write(out, rows, "表4")


def _blocks_add_up(values: Values) -> bool:
    return all(sum(values[b : b + 4]) == values[b + 4] for b in range(0, len(values), 5))


def _blocks_prune(values: Values) -> bool:
    n = len(values)
    return n % 5 != 0 or values[n - 1] == sum(values[n - 5 : n - 1])


# ---------------------------------------------------------------- output


def _write(out: list[str], rows: list[GluedRow], where: str) -> list[Finding]:
    findings: list[Finding] = []
    done: list[int] = []
    for row in rows:
        if len(row.candidates) == 1:
            cells = list(row.candidates[0].texts)
            done.append(row.index + 1)
        else:
            # A cell every cut agrees on is known; the others are "—" not "": printed,
            # their values unknown (a row of blanks would read as a header line in table 2)
            cells = _agreed(row.candidates, row.width)
            findings.append(_ambiguous(row, where))
        out[row.index] = "\t".join(([row.label] if row.label else []) + cells)
    if done:
        message = f"{where}有 {len(done)} 行的数字在原文中连在一起（没有分隔），已按表格自身的合计关系和正文数字唯一还原。"
        findings.insert(0, Finding("parse.glued_reconstructed", "info", message, where, lines=done))
    return findings + [_short(row, where) for row in rows if row.blanks]


def _short(row: GluedRow, where: str) -> Finding:
    message = (
        f"{where}“{row.label or '数值行'}”一行连在一起只印出 {row.width} 个 0，比列数少 {row.blanks} 个："
        f"空白单元格在哪一列无法确定，按顺序读作前 {row.width} 列。"
    )
    return Finding("parse.glued_short", "warning", message, where, lines=[row.index + 1])


def _agreed(candidates: list[Cut], width: int) -> list[str]:
    """Per cell, its text when every cut reads the same number there, else "—"."""
    cells = []
    for c in range(width):
        values = {cut.values[c] for cut in candidates}
        cells.append(candidates[0].texts[c] if len(values) == 1 else "—")
    return cells


def _ambiguous(row: GluedRow, where: str) -> Finding:
    label = row.label or "数值行"
    if row.capped:
        why = "可能的拆分太多"
    elif row.candidates:
        why = f"有 {len(row.candidates)} 种拆分都符合表格的合计关系"
    else:
        why = f"无法拆成 {row.width} 个数（可能有空白单元格）"
    message = f"{where}“{label}”一行的数字“{row.run}”在原文中连在一起，{why}，各种拆分读法不一致的单元格留空。"
    return Finding("parse.glued_ambiguous", "warning", message, where, lines=[row.index + 1])
