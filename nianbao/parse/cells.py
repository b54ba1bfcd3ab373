"""Split one normalised line into label cells and value cells.

Three shapes reach us: tab-separated grids (cells keep their position, blanks included),
markdown pipe tables (turned into tabs by normalize.py) and space-separated PDF text (no
blank cells can be seen). A row's values are the value cells after its last label cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .numbers import Cell, is_value, parse_number, to_cell

_SIGN_WORD = re.compile(r"^(增加|减少|增|减)$")
_TOKEN = re.compile(r"\S+")


@dataclass(slots=True)
class Row:
    """One source line, split. Read-only: rows of equal lines share their cell lists."""

    line: int
    """1-based line number."""
    labels: list[str] = field(default_factory=list)
    """Non-empty label cells in order (category labels first, the row's own label last)."""
    values: list[Cell] = field(default_factory=list)
    """Value cells after the last label; in tab grids blank cells are Cell(None, "")."""
    tabbed: bool = False
    """True when the line is a tab-separated grid row (blank cells are visible)."""
    lead: list[Cell] = field(default_factory=list)
    """Value cells printed before the first label ("0 0 0 禁止公开" in some PDF text)."""
    span: int = 0
    """Tab grids: cells after the last label, trailing blanks included (a rectangular
    grid's blank last cells are dropped from values but still count as columns)."""
    label_x: list[int] = field(default_factory=list)
    """Space text: the column (character offset) where each label cell starts."""
    value_x: list[int] = field(default_factory=list)
    """Space text: the column where each value cell ends (numbers are right-aligned)."""

    @property
    def label(self) -> str:
        return "".join(self.labels)


def split_row(text: str, line: int) -> Row:
    """The line split into cells. Rows are read-only: equal lines share their cell lists."""
    p = _split(text)
    return Row(line, p.labels, p.values, p.tabbed, p.lead, p.span, p.label_x, p.value_x)


@lru_cache(maxsize=65536)  # table lines recur across reports ("规章 0 0 0", "0\t0\t0 …")
def _split(text: str) -> Row:
    if "\t" in text:
        return _split_tabbed(text, 0)
    return _split_spaced(text, 0)


def _split_tabbed(text: str, line: int) -> Row:
    cells: list[str] = []
    for cell in text.split("\t"):
        parts = cell.split()
        # "1 0 0" inside one tab cell: a grid with spaces inside, expand it.
        if len(parts) > 1 and all(parse_number(p) is not None for p in parts):
            cells.extend(parts)
        else:
            cells.extend(_label_then_values(cell.strip()))
    last_label = -1
    for i, cell in enumerate(cells):
        if cell and not is_value(cell):
            last_label = i
    labels = [c for c in cells[: last_label + 1] if c and not is_value(c)]
    values = cells[last_label + 1 :]
    span = len(values)
    while values and not values[-1]:
        values.pop()
    return Row(line, labels, [to_cell(v) for v in values], tabbed=True, span=span)


def _label_then_values(cell: str) -> list[str]:
    """"一、本年新收…数量 1" in a tab grid: the row's first value was joined to its label
    by a space, so it is split off (otherwise every value moves one column)."""
    if " " not in cell or is_value(cell):
        return [cell]
    tokens = _tokens(cell)
    start = _values_start(tokens)
    if start == 0 or start == len(tokens):
        return [cell]
    return [cell[: tokens[start][0]].strip()] + [t for _x, t in tokens[start:]]


def _split_spaced(text: str, line: int) -> Row:
    """Space text; a gap of two or more spaces separates cells (pdftotext -layout)."""
    tokens = _tokens(text)
    start = _values_start(tokens)
    lead = 0
    while lead < start and _spaced_value(tokens[lead][1]) and parse_number(tokens[lead][1]) is not None:
        lead += 1
    if lead < 2:
        lead = 0  # "1.属于…" or "2020 年…": a single leading number is part of the label
    segments = _segments(tokens[lead:start])
    return Row(
        line,
        [t for _x, t in segments],
        [to_cell(t) for _x, t in tokens[start:]],
        tabbed=False,
        lead=[to_cell(t) for _x, t in tokens[:lead]],
        label_x=[x for x, _t in segments],
        value_x=[x + len(t) for x, t in tokens[start:]],
    )


def _tokens(text: str) -> list[tuple[int, str]]:
    """Space-separated tokens with their offsets; "增 18" is one token."""
    return _join_sign_words([(m.start(), m.group()) for m in _TOKEN.finditer(text)])


def _values_start(tokens: list[tuple[int, str]]) -> int:
    """Where the run of value tokens at the end begins (len(tokens) when there is none)."""
    start = len(tokens)
    while start > 0 and _spaced_value(tokens[start - 1][1]):
        start -= 1
    return start


def _segments(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Label tokens grouped into cells: a wide gap starts a new cell."""
    out: list[tuple[int, str]] = []
    end = None
    for x, tok in tokens:
        if out and end is not None and x - end < 2:
            out[-1] = (out[-1][0], out[-1][1] + " " + tok)
        else:
            out.append((x, tok))
        end = x + len(tok)
    return out


def _spaced_value(token: str) -> bool:
    # "无" is a blank cell in a grid, but in running text it is a word.
    return token != "无" and is_value(token)


def _join_sign_words(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """"增 18" is one value, not a label "增" and a value 18."""
    out: list[tuple[int, str]] = []
    for x, tok in tokens:
        if out and _SIGN_WORD.match(out[-1][1]) and parse_number(tok) is not None:
            out[-1] = (out[-1][0], out[-1][1] + tok)
        else:
            out.append((x, tok))
    return out
