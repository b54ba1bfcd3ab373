"""Table 3 from its numbers alone: align the printed numbers with the template's rows.

Some forms keep every number but lose which row it sits in: pdftotext's default mode on
Word-made PDFs prints the row labels apart from the numbers, and the numbers of several
consecutive rows column by column (ten rows as one block of ten numbers per applicant
column); PDF-to-Markdown tools tear values out of their rows. When the row-by-row reading
of table 3 leaves its identities unmet, the numbers are read here as one stream in print
order and cut into blocks of consecutive rows, each printed row by row or column by
column. Among all such cuttings the table's arithmetic chooses: every row's 总计 is the
sum of its six applicant columns. A cell takes a value only when every best cutting
gives it the same one; otherwise it stays null and the finding names the candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from ..model import T3_COLUMNS

WIDTH = len(T3_COLUMNS)
#: Longest block of rows printed column by column (the ten 不予公开/无法提供 rows and more).
MAX_BLOCK = 26

Placed = tuple[float | int, int]  # a value and its 1-based line


@dataclass(slots=True)
class Alignment:
    """What the numbers say about each row, by the best cuttings."""

    rows: dict[str, list[Placed | None]]
    """Row key -> its seven cells; None where the best cuttings disagree."""
    agreed: int
    """Rows whose 总计 equals the sum of their columns in the chosen reading."""
    ambiguous: dict[str, list[set[float]]]
    """Row key -> per column, the candidate values where the cuttings disagree."""
    unvouched: list[str]
    """Rows that do not add up in some best cutting: left null whatever they read."""


#: How a block's numbers may run: (a, b) = columns a..b-1 printed row by row, the others
#: column by column. (0, 7) is a block printed row by row, (0, 0) one printed column by
#: column; a middle group is what text extractors make of narrow columns whose headers
#: merged into one text block ("社会 法律" over two columns).
PLAIN = ((0, 7), (0, 0))
GROUPED = PLAIN + tuple((a, b) for a in range(WIDTH) for b in range(a + 2, WIDTH + 1) if (a, b) != (0, 7))


@lru_cache(maxsize=4096)
def _order(k: int, layout: tuple[int, int]) -> tuple[tuple[int, ...], ...]:
    """Per row of a k-row block, where each of its cells sits in the block's numbers."""
    a, b = layout
    return tuple(tuple(c * k + r if c < a or c >= b else a * k + r * (b - a) + (c - a) for c in range(WIDTH)) for r in range(k))


def _block(numbers: list[Placed], start: int, k: int, layout: tuple[int, int]) -> list[list[Placed]]:
    part = numbers[start : start + WIDTH * k]
    return [[part[j] for j in row] for row in _order(k, layout)]


def _agrees(row: list[Placed]) -> bool:
    return sum(v for v, _l in row[:-1]) == row[-1][0]


def _edges(numbers: list[Placed], i: int, n_rows: int, layouts: tuple[tuple[int, int], ...]):
    """Blocks that may start at row i: (k rows, layout, their cells, score)."""
    for k in range(1, min(MAX_BLOCK, n_rows - i) + 1):
        for layout in layouts if k > 1 else layouts[:1]:
            cells = _block(numbers, i * WIDTH, k, layout)
            yield k, layout, cells, sum(_agrees(r) for r in cells)


def align(numbers: list[Placed], keys: list[str], every_layout: bool = False) -> Alignment | None:
    """The rows ``keys`` (in print order) read from ``numbers``; None unless every row
    can take exactly seven numbers. Blocks are read row by row or column by column;
    only when that leaves a row not adding up (or ``every_layout``: when the caller has
    reason to doubt it) are grouped columns tried, and kept only if under them every row
    adds up (more ways to read are more ways to read wrong)."""
    n = len(keys)
    if n == 0 or len(numbers) != WIDTH * n:
        return None
    plain = _align(numbers, keys, PLAIN)
    if plain.agreed == n and not every_layout:
        return plain
    # Grouped readings include the plain ones: where both make every row add up, a cell
    # the two kinds read differently is left null.
    grouped = _align(numbers, keys, GROUPED)
    return grouped if grouped.agreed == n else plain


def align_without_strays(numbers: list[Placed], keys: list[str], strays: list[int], every_layout: bool = False) -> Alignment | None:
    """``align``, when the stream holds one or two numbers more than the rows take and
    some are strays (a page number printed bare between the rows): each way of leaving
    out that many strays is tried, and a reading is kept only if exactly one of them
    makes every row add up."""
    extra = len(numbers) - WIDTH * len(keys)
    if extra == 0:
        return align(numbers, keys, every_layout)
    if extra not in (1, 2) or len(strays) > 8:
        return None
    fits = []
    for left_out in combinations(strays, extra):
        kept = [p for j, p in enumerate(numbers) if j not in left_out]
        found = align(kept, keys, every_layout)
        if found is not None and found.agreed == len(keys):
            fits.append(found)
    readings = {tuple(tuple(c[0] if c else None for c in f.rows[k]) for k in keys) for f in fits}
    return fits[0] if len(readings) == 1 else None


def _align(numbers: list[Placed], keys: list[str], layouts: tuple[tuple[int, int], ...]) -> Alignment:
    n = len(keys)
    edges = {i: list(_edges(numbers, i, n, layouts)) for i in range(n)}
    best_from = [0] * (n + 1)  # best row score of rows i..n-1
    for i in range(n - 1, -1, -1):
        best_from[i] = max(s + best_from[i + k] for k, _c, _cells, s in edges[i])
    best_to = [-1] * (n + 1)  # best row score of rows 0..i-1
    best_to[0] = 0
    for i in range(n):
        for k, _c, _cells, s in edges[i]:
            best_to[i + k] = max(best_to[i + k], best_to[i] + s)
    # A cell's candidates: what it reads under every block that lies on a best cutting.
    # Column identities (outcome rows sum to （七）总计) do not choose among them: a
    # reading that makes a source which does not add up add up is a wrong reading.
    seen: dict[int, list[set[Placed]]] = {r: [set() for _ in range(WIDTH)] for r in range(n)}
    vouched = [True] * n  # the row adds up in every best cutting
    anchored = [True] * n  # ... in a block whose rows all add up, one of them checking 2+ numbers
    for i in range(n):
        for k, _c, cells, s in edges[i]:
            if best_to[i] + s + best_from[i + k] != best_from[0]:
                continue
            block_ok = s == k and any(not _sparse(row) for row in cells)
            for r, row in enumerate(cells):
                vouched[i + r] &= _agrees(row)
                anchored[i + r] &= block_ok
                for c, cell in enumerate(row):
                    seen[i + r][c].add(cell)
    if best_from[0] < n:
        # Not every row adds up in any cutting: the stream was printed in an order this
        # model does not know, and a sparse row ("1 0 0 0 0 0 1", or all 0) adds up
        # wherever it lands. Only rows in blocks a checking row anchors are kept.
        for r in range(n):
            vouched[r] &= anchored[r] or not all(_sparse(list(o)) for o in _readings(seen[r]))
    return _result(keys, seen, vouched, best_from[0])


def _sparse(row: list[Placed]) -> bool:
    """A row whose sum checks at most one number: all 0, or one column equal to 总计."""
    return sum(1 for v, _l in row[:-1] if v) < 2


def _readings(options: list[set[Placed]]) -> list[tuple[Placed, ...]]:
    """The row as the best cuttings read it, when they agree on every cell (else [])."""
    return [tuple(next(iter(o)) for o in options)] if all(len({v for v, _l in o}) == 1 for o in options) else []


def _result(keys: list[str], seen: dict[int, list[set[Placed]]], vouched: list[bool], agreed: int) -> Alignment:
    rows: dict[str, list[Placed | None]] = {}
    ambiguous: dict[str, list[set[float]]] = {}
    for r, key in enumerate(keys):
        cells: list[Placed | None] = []
        for options in seen[r]:
            values = {v for v, _l in options}
            # A row that does not add up was placed by position alone: in a stream
            # that lost its rows, that says nothing.
            cells.append(min(options, key=lambda p: p[1]) if len(values) == 1 and vouched[r] else None)
        rows[key] = cells
        if vouched[r] and any(c is None for c in cells):
            ambiguous[key] = [{v for v, _l in o} if len({v for v, _l in o}) > 1 else set() for o in seen[r]]
    return Alignment(rows, agreed, ambiguous, [k for r, k in enumerate(keys) if not vouched[r]])
