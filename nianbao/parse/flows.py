"""Table 3 from its numbers alone, read as the text flows a PDF extractor printed.

pdftotext's default mode prints a table as text flows in reading order: one cell, one
column of a few consecutive rows, or a few narrow columns whose headers merged, each flow
set apart by a blank line or a label. Across a page it walks in bands: down the left part
of the rows, then back to the top for the columns it left, so one row's numbers can sit a
hundred lines apart. ``align.py``'s blocks of whole rows do not describe that; this does.

A flow is a run of numbers on consecutive lines. Each is placed, in print order, as a
rectangle of m columns by k rows where its rows are filled up to, rows filling left to
right: beside the previous flow (the same rows), below it, or, after a line of text,
back at the first row not yet full (a new band). A flow of several columns only goes
beside rows already begun (or is one row's cells, one a line, right after its label),
and a column as tall as the one before goes beside it while there is room (else a page
of zeros could be stacked a thousand ways). Blank cells print nothing: while the table
is short of numbers, a column beside a full one may skip a row. Each full row must
add up (总计 = the sum of the applicant columns). Every reading that fills the table so is
followed, memoised and within a fixed budget of states; a cell takes a value only when
all of them give it the same one, so a reading the arithmetic cannot choose stays null.

Only when no such reading exists is a second model tried: a band that narrows row by row
(a staircase, as LibreOffice's tables come out: each of its rows no wider than the one
above unless it is whole, so a column as tall as the one before may also go below it;
only a band that began at the first column narrows so). Rows left short above the
current flow must be reachable by the bands still to come (one run each), which prunes
both models without changing what they read. Over budget, ``TooManyReadings`` is raised:
the caller then trusts no reading of the stream, blocks included.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import NamedTuple

from .align import WIDTH, Alignment, Placed

#: States explored before giving up (each is one flow placed on one frontier).
BUDGET = 40_000
#: Blank cells (which print nothing) a table may have, and one column may skip.
MAX_HOLES, MAX_GAPS = 8, 2
BLANK: Placed = (None, 0)  # type: ignore[assignment]


@dataclass(slots=True)
class _Flow:
    cells: list[Placed]
    per_line: int
    """Numbers on each of its lines: 1 for a column (or cells one per line), m for rows of m."""
    stray: bool = False
    """A lone number beside text: may be a page number and not a cell."""
    after_text: bool = False
    """A line of text (a label, a header, a page footer) stands between it and the flow
    before: only there may a new band start (a text block ends a band)."""


def flows(numbers: list[Placed], strays: list[int], text_lines: list[int]) -> list[_Flow]:
    """The numbers cut where a line was skipped (a blank or a label between them)."""
    lines: list[list[Placed]] = []
    for p in numbers:
        if lines and lines[-1][0][1] == p[1]:
            lines[-1].append(p)
        else:
            lines.append([p])
    out: list[_Flow] = []
    for line in lines:
        last = out[-1] if out else None
        if last is not None and line[0][1] == last.cells[-1][1] + 1 and last.per_line == len(line):
            last.cells += line
        else:
            out.append(_Flow(list(line), len(line)))
    lone = {numbers[j][1] for j in strays}
    text = sorted(text_lines)
    for before, f in zip([None, *out], out, strict=False):
        f.stray = len(f.cells) == 1 and f.cells[0][1] in lone
        f.after_text = before is None or bisect_left(text, f.cells[0][1]) > bisect_left(text, before.cells[-1][1])
    return out


@dataclass(frozen=True, slots=True)
class Shape:
    """A rectangle of ``columns`` x ``rows`` that a flow fills: where each of its numbers
    goes and which cells it leaves blank, as (row, column) offsets."""

    columns: int
    rows: int
    cells: tuple[tuple[int, int], ...]
    blanks: tuple[tuple[int, int], ...] = ()
    vertical_gap: bool = False
    """A column with blank rows: only beside a full column, whose height it must have."""


def _grid(m: int, k: int, by_column: bool) -> Shape:
    n = m * k
    cells = tuple((j % k, j // k) if by_column else (j // m, j % m) for j in range(n))
    return Shape(m, k, cells)


@lru_cache(maxsize=1024)
def _shapes(n: int, per_line: int, holes: int) -> tuple[Shape, ...]:
    """How a flow of ``n`` numbers may fill a rectangle. Lines of one number each stack
    vertically: one column, or a few narrow columns one after the other (their headers
    merged into one text block), in either order; numbers on one line are one row's.
    While the table is short of numbers (``holes``: blank cells, which print nothing), a
    column of two or more beside a full one may skip one or two of its rows."""
    if per_line > 1:
        return (_grid(per_line, n // per_line, False),) if per_line <= WIDTH else ()
    if n == 1:
        return (Shape(1, 1, ((0, 0),)),)
    sizes = [(m, n // m) for m in range(1, min(n, WIDTH) + 1) if n % m == 0]
    shapes = [_grid(m, k, True) for m, k in sizes] + [_grid(m, k, False) for m, k in sizes if m > 1 and k > 1]
    for b in range(1, min(holes, MAX_GAPS) + 1):
        for gaps in combinations(range(n + b), b):
            rows = [r for r in range(n + b) if r not in gaps]
            shapes.append(Shape(1, n + b, tuple((r, 0) for r in rows), tuple((g, 0) for g in gaps), True))
    return tuple(shapes)


def _place(flow: _Flow, r0: int, col: int, shape: Shape) -> list[tuple[int, int, Placed]]:
    placed = [(r0 + r, col + c, p) for (r, c), p in zip(shape.cells, flow.cells, strict=True)]
    return placed + [(r0 + r, col + c, BLANK) for r, c in shape.blanks]


def align_flows(numbers: list[Placed], keys: list[str], strays: list[int], text_lines: list[int]) -> Alignment | None:
    """The rows ``keys`` read from ``numbers`` as flows; None when no reading fills the
    table with every row adding up. Raises TooManyReadings when they are too many to
    follow: then no reading of the stream can be trusted."""
    n = len(keys)
    found = flows(numbers, strays, text_lines)
    if not n:
        return None
    extra = len(numbers) - WIDTH * n
    if extra < -MAX_HOLES or extra > 2 or sum(f.stray for f in found) < extra:
        return None
    result = None
    for stairs in (False, True):  # the tighter model first: it has far fewer readings
        try:
            result = _Solver(found, n, stairs).solve(0, (0,) * n, (0,) * n, _Prev(0, 0, 0, WIDTH, True), (max(extra, 0), max(-extra, 0)))
        except _OverBudget:
            raise TooManyReadings from None
        if result is not None:
            break
    return None if result is None else grid_alignment(result, keys)


def grid_alignment(grid: Grid, keys: list[str]) -> Alignment:
    """The rows ``keys`` from every reading's cells merged (``grid``: cell -> the numbers
    some reading puts there): a cell takes a value only where all readings agree."""
    seen = {r: [set() for _ in range(WIDTH)] for r in range(len(keys))}
    for (r, c), options in grid.items():
        seen[r][c] |= options
    rows: dict[str, list[Placed | None]] = {}
    ambiguous: dict[str, list[set[float]]] = {}
    for r, key in enumerate(keys):
        values = [{v for v, _l in o} for o in seen[r]]
        rows[key] = [min(o, key=lambda p: p[1]) if len(v) == 1 and None not in v else None for o, v in zip(seen[r], values, strict=True)]
        if any(len(v) > 1 for v in values):  # a blank in one reading, a number in another
            ambiguous[key] = [v - {None} if len(v) > 1 else set() for v in values]
    return Alignment(rows, len(keys), ambiguous, [])


class _OverBudget(Exception):
    pass


class TooManyReadings(Exception):
    """More ways to read the flows than the state budget lets us follow."""


Grid = dict[tuple[int, int], frozenset]


class _Prev(NamedTuple):
    """The rectangle the previous flow filled, as far as the next one cares."""

    top: int
    end: int
    """Its rows: top to end - 1."""
    height: int
    """Its height when it was one column, else 0."""
    cap: int
    """How wide its rows may grow (less than the table's width on a staircase)."""
    left: bool
    """Whether its band started at the first column (only such a band narrows in a staircase)."""


class _Solver:
    """Depth-first over flows, memoised on what decides the rest: the flow, how far each
    row is filled, the sum so far of each row's applicant columns, the previous
    rectangle (its rows, its height when it was one column, and how wide its rows may
    grow), the strays still to leave out and the blank cells still to place. ``stairs``:
    the staircase model."""

    def __init__(self, found: list[_Flow], n: int, stairs: bool) -> None:
        self.flows, self.n, self.states, self.stairs = found, n, 0, stairs
        # bands that may start at flow i or later (after a line of text): each can fill
        # one run of rows left short, from the first one down
        self.bands = [sum(f.after_text for f in found[i:]) for i in range(len(found) + 1)]
        self.memo: dict[tuple, Grid | None] = {}

    def solve(self, i: int, front: tuple[int, ...], sums: tuple, prev: _Prev, skip: tuple[int, int]) -> Grid | None:
        key = (i, front, sums, prev, skip)
        if key not in self.memo:
            self.states += 1
            if self.states > BUDGET:
                raise _OverBudget
            self.memo[key] = self._solve(i, front, sums, prev, skip)
        return self.memo[key]

    def _solve(self, i: int, front: tuple[int, ...], sums: tuple, prev: _Prev, skip: tuple[int, int]) -> Grid | None:
        """``skip``: strays still to leave out, blank cells still to place."""
        strays, holes = skip
        if i == len(self.flows):
            return {} if skip == (0, 0) and all(f == WIDTH for f in front) else None
        flow = self.flows[i]
        merged: Grid | None = None
        if flow.stray and strays:
            merged = union_grids(merged, self.solve(i + 1, front, sums, prev, (strays - 1, holes)))
        for r0 in _starts(front, prev, flow.after_text):
            col = front[r0]
            for shape in _shapes(len(flow.cells), flow.per_line, holes):
                grows = self._allowed(flow, shape, r0, front, prev)
                if grows is None:
                    continue
                placed = _place(flow, r0, col, shape)
                after_sums = _added(sums, placed)
                if after_sums is None:
                    continue  # a row this flow completes does not add up
                m, k = shape.columns, shape.rows
                after = front[:r0] + (col + m,) * k + front[r0 + k :]
                if _short_runs(after, r0) > self.bands[i + 1]:
                    continue  # rows left short above this flow that no band to come can reach
                rest = self.solve(
                    i + 1, after, after_sums, _Prev(r0, r0 + k, k if m == 1 else 0, *grows), (strays, holes - len(shape.blanks))
                )
                if rest is not None:
                    merged = union_grids(merged, {**rest, **{(r, c): frozenset((p,)) for r, c, p in placed}})
        return merged

    def _allowed(self, flow: _Flow, shape: Shape, r0: int, front: tuple[int, ...], prev: _Prev) -> tuple[int, bool] | None:
        """Whether ``shape`` may fill from row ``r0``'s first free column: None when it
        may not, else how wide the rows it starts may grow (less than the table's width
        on a band's staircase) and whether its band started at the first column."""
        col, m, k = front[r0], shape.columns, shape.rows
        beside = r0 == prev.top < prev.end
        if beside and k != prev.end - prev.top:
            return None  # beside the previous flow: the same rows
        if not beside and WIDTH > front[prev.top] > prev.cap and prev.top < prev.end:
            return None  # the rows left behind grew wider than a staircase lets them, yet not full
        if col + m > WIDTH or r0 + k > self.n or any(front[r] != col for r in range(r0, r0 + k)):
            return None
        if shape.vertical_gap and not beside:
            return None  # a column is known to be short only beside a full one
        if not beside and m > 1 and flow.per_line == 1 and not (k == 1 and flow.after_text):
            return None  # several columns in one flow: beside rows begun, or one row under its label
        if beside:
            return prev.cap, prev.left
        below = r0 == prev.end
        below_short = below and r0 > 0 and front[r0 - 1] < WIDTH  # below a row with room left
        if below_short and self.stairs and col == 0 and prev.left:
            above = front[r0 - 1]  # a staircase: no wider than the row above, or a whole row
            return (above, True) if m <= above or m == WIDTH else None
        if below_short and m == 1 and k == prev.height:
            return None  # as tall as the one before: beside it while there is room
        return WIDTH, prev.left if below and not flow.after_text else col == 0


def _added(sums: tuple, placed: list[tuple[int, int, Placed]]) -> tuple | None:
    """Row sums after the flow's cells; None when a 总计 it places is not its row's sum."""
    out = list(sums)
    for r, c, (value, _line) in sorted(placed, key=lambda t: (t[0], t[1])):
        if value is None:  # a blank: nothing to add, and a blank 总计 checks nothing
            out[r] = 0 if c == WIDTH - 1 else out[r]
        elif c == WIDTH - 1:
            if out[r] != value:
                return None
            out[r] = 0  # a full row's sum no longer matters: equal states merge
        else:
            out[r] += value
    return tuple(out)


def _short_runs(front: tuple[int, ...], end: int) -> int:
    """Runs of rows not yet full above row ``end``."""
    return sum(1 for r in range(end) if front[r] < WIDTH and (r == 0 or front[r - 1] == WIDTH))


def _starts(front: tuple[int, ...], prev: _Prev, after_text: bool) -> list[int]:
    """Rows a flow may start at: beside the previous one, below it, or (after text) the
    first row not yet full, a new band."""
    n = len(front)
    top = next((r for r in range(n) if front[r] < WIDTH), None) if after_text else None
    out = []
    for r in (prev.top, prev.end, top):
        if r is not None and r < n and front[r] < WIDTH and r not in out:
            out.append(r)
    return out


def union_grids(a: Grid | None, b: Grid | None) -> Grid | None:
    """Two sets of readings merged: per cell, the numbers either puts there."""
    if a is None:
        return b
    if b is None:
        return a
    return {key: a.get(key, frozenset()) | b.get(key, frozenset()) for key in a.keys() | b.keys()}
