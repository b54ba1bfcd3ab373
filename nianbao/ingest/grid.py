"""Shared by the HTML, Word and PDF readers: merged cells -> a rectangular grid -> lines.

Every reader that sees real table geometry hands its rows here, so the text parser gets
the same shape whatever the form: one line per row, cells separated by tabs, the text of
a merged cell only in its first position and "" in the positions it covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACE = re.compile(r"\s+")
#: CJK characters and full-width punctuation: a line break between two of them in the
#: source is layout, not a word space, so it is removed rather than kept as " ".
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
#: Spans larger than this are mistakes in the markup (or rowspan="0"): clamp them.
MAX_SPAN = 60
#: A report's tables have 3-12 columns; cells past this many in a row are markup gone wrong
#: (thousands of cells, each spanning 60) and are dropped, so a row's text stays small.
MAX_COLUMNS = 100

#: Table 3 column headers, in the contract's column order (docs/report-model.md).
_T3_HEADERS = (
    ("自然人",),
    ("商业企业",),
    ("科研机构",),
    ("社会公益组织",),
    ("法律服务机构",),
    ("其他",),
    ("总计", "合计"),
)


@dataclass(slots=True)
class Span:
    """One source cell with its merge extent."""

    text: str
    rowspan: int = 1
    colspan: int = 1


def clean_text(text: str) -> str:
    """One line of cell or paragraph text: white space collapsed, none between CJK."""
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = _CJK_GAP.sub("", text)
    return _SPACE.sub(" ", text).strip()


def expand(rows: list[list[Span]]) -> list[list[str]]:
    """Lay merged cells out on a rectangular grid; covered positions stay ""."""
    grid: list[list[str | None]] = []
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        col = 0
        for span in row:
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            if col >= MAX_COLUMNS:
                break
            rowspan = max(1, min(span.rowspan, MAX_SPAN))
            colspan = max(1, min(span.colspan, MAX_SPAN, MAX_COLUMNS - col))
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                while len(target) < col + colspan:
                    target.append(None)
                for dc in range(colspan):
                    target[col + dc] = span.text if dr == 0 and dc == 0 else ""
            col += colspan
    # A rowspan reaching past the last row adds rows of covered cells only: drop them.
    grid = grid[: max(len(rows), 0)]
    width = max((len(row) for row in grid), default=0)
    return [[c or "" for c in row] + [""] * (width - len(row)) for row in grid]


def canonical_columns(grid: list[list[str]]) -> list[list[str]]:
    """Table 3 printed with its columns in another order (总计 first, ...): put them back.

    Only the header rows above the first row of numbers are read, and only a header that
    names all seven columns at seven distinct positions is trusted.
    """
    positions: dict[int, int] = {}
    for row in grid:
        if sum(1 for c in row if _is_number(c)) >= 3:
            break
        for col, cell in enumerate(row):
            name = _SPACE.sub("", cell)
            for index, spellings in enumerate(_T3_HEADERS):
                if name in spellings and index not in positions:
                    positions[index] = col
    if len(positions) != len(_T3_HEADERS) or len(set(positions.values())) != len(_T3_HEADERS):
        return grid
    found = [positions[i] for i in range(len(_T3_HEADERS))]
    slots = sorted(found)
    if found == slots:
        return grid
    out = []
    for row in grid:
        new = list(row)
        for slot, source in zip(slots, found, strict=True):
            new[slot] = row[source] if source < len(row) else ""
        out.append(new)
    return out


def _is_number(cell: str) -> bool:
    return bool(re.fullmatch(r"[-+]?[\d,]+(?:\.\d+)?", cell.strip()))


def grid_lines(grid: list[list[str]]) -> list[str]:
    """Tab-separated lines; rows with no text at all are dropped."""
    grid = canonical_columns(grid)
    return ["\t".join(clean_text(c) for c in row[:MAX_COLUMNS]) for row in grid if any(c.strip() for c in row)]


def join_wrapped(parts: list[str]) -> str:
    """Join the pieces of one cell (wrapped lines, paragraphs) into one text."""
    return clean_text(" ".join(p for p in parts if p and p.strip()))
