"""Table 3 from flows printed band by band, each band's columns in any order.

``flows.py`` reads a page whose bands run left to right. pdftotext's default mode does not
always: where column widths and merged header cells vary, it may print a band's columns in
another order (the 科研/社会/法律 columns first, then 其他, 总计, 自然人, 商业企业). A row's
总计 is the sum of its columns in any order, so this reading, tried when neither blocks
nor flows describe the stream, lets the columns of each band (those of a flow of merged
narrow columns too) go in any order: rows are filled top to bottom, one band at a time
(flows of as many rows each, side by side until the band is seven columns wide; one band
may be left short when the next flow does not fit it, and finished by flows printed after
later bands, as a band's last column printed after the rows below it), each row adding up,
and at the end every column must satisfy the table's two column identities (the
outcome rows sum to （七）总计; 一 + 二 = （七） + 四). Those identities, not the print order,
place the columns; a cell takes a value only where every reading that satisfies them
gives the same one, so columns the identities cannot tell apart stay open. Built for the
sparse tables most district reports have: a dense table has too many orders to follow
within the budget, and is then not read this way.
"""

from __future__ import annotations

from ..model import T3_IDENTITY_SIGNS
from .align import WIDTH, Alignment, Placed
from .flows import Grid, flows, grid_alignment, union_grids

#: Band orders tried before giving up (measured: the sparse tables of the random-layout
#: sweeps need under 100; a dense table reaches it in about 0.3 s).
BUDGET = 10_000

Column = tuple[Placed, ...]  # one column of a band: its cells, top to bottom
APPLICANTS = WIDTH - 1


class _OverBudget(Exception):
    pass


def _columns(cells: list[Placed], per_line: int, k: int) -> list[tuple[Column, ...]]:
    """The ways a flow of these cells can be columns of ``k`` rows: one column, or a few
    narrow columns printed one after the other, or row by row (numbers on one line, or
    merged columns read across)."""
    n = len(cells)
    if n % k or (per_line > 1 and per_line != n // k):
        return []
    m = n // k
    by_column = tuple(tuple(cells[c * k : (c + 1) * k]) for c in range(m))
    by_row = tuple(tuple(cells[r * m + c] for r in range(k)) for c in range(m))
    if per_line > 1:
        return [by_row]
    return [by_column] if m == 1 or k == 1 else [by_column, by_row]


class _Solver:
    def __init__(self, cells: list[list[Placed]], per_line: list[int], keys: list[str]) -> None:
        self.cells, self.per_line, self.n = cells, per_line, len(keys)
        self.weights = [T3_IDENTITY_SIGNS[k] for k in keys]
        self.memo: dict[tuple, Grid | None] = {}
        self.tried = 0

    def solve(self, i: int, r: int, sums: tuple, open_band: tuple | None = None) -> Grid | None:
        """Cell -> the placed numbers it takes in some reading of flows i.. from row r,
        with ``open_band`` (its first row, its height, its columns so far) still to finish.

        The bands to come may take their columns in any order, so what they can read from
        ``sums`` they read, columns relabelled, from ``sums`` with its applicant columns
        sorted: that is what is memoised."""
        order = sorted(range(APPLICANTS), key=lambda c: (sums[c], sums[WIDTH + c]))
        canon = tuple(sums[c] for c in order) + (sums[APPLICANTS],)
        canon += tuple(sums[WIDTH + c] for c in order) + (sums[WIDTH + APPLICANTS],)
        shape = None if open_band is None else (*open_band[:2], tuple(sorted(_values(c) for c in open_band[2])))
        key = (i, r, canon, shape)
        if key not in self.memo:
            self.memo[key] = self._solve(i, r, canon, open_band)
        found = self.memo[key]
        if found is None:
            return None
        return {(row, order[c] if c < APPLICANTS else c): v for (row, c), v in found.items()}

    def _solve(self, i: int, r: int, sums: tuple, open_band: tuple | None) -> Grid | None:
        if i == len(self.cells):
            return {} if r == self.n and open_band is None and not any(sums) else None
        merged: Grid | None = None
        for start, grid, end, rows_after, left_open in self._steps(i, r, open_band):
            after = self._added(sums, start, grid) if grid else sums
            rest = self.solve(end, rows_after, after, left_open)
            if rest is not None:
                here = {(start + dr, c): frozenset((p,)) for dr, row in enumerate(grid) for c, p in enumerate(row)}
                merged = union_grids(merged, {**rest, **here})
        return merged

    def _steps(self, i: int, r: int, open_band: tuple | None):
        """(first row, rows read, next flow, next row, band left open) for each way on:
        flow i finishing or widening the band left open, or bands from row r, which may
        be left open themselves when the flow after them does not fit them (its last
        columns printed further on, after other rows)."""
        if open_band is not None:
            r0, k, columns = open_band
            for more in _columns(self.cells[i], self.per_line[i], k):
                wider = columns + more
                if len(wider) == WIDTH:
                    yield from ((r0, grid, i + 1, r, None) for grid in self._orders(wider))
                elif len(wider) < WIDTH:
                    yield r0, (), i + 1, r, (r0, k, wider)
        if r == self.n:
            return
        first = len(self.cells[i])
        for k in sorted({first // m for m in range(1, WIDTH + 1) if first % m == 0}):
            if r + k <= self.n:
                for end, columns in self._fill(i, k, ()):
                    if len(columns) == WIDTH:
                        yield from ((r, grid, end, r + k, open_band) for grid in self._orders(columns))
                    elif open_band is None:
                        yield r, (), end, r + k, (r, k, columns)

    def _fill(self, j: int, k: int, columns: tuple[Column, ...]):
        """(next flow, columns) of a band of k rows from flow j: seven columns, or fewer
        where the next flow cannot widen it."""
        if len(columns) == WIDTH:
            yield j, columns
            return
        widened = False
        if j < len(self.cells):
            for more in _columns(self.cells[j], self.per_line[j], k):
                if len(columns) + len(more) <= WIDTH:
                    widened = True
                    yield from self._fill(j + 1, k, columns + more)
        if columns and not widened:
            yield j, columns

    def _orders(self, columns: tuple[Column, ...]):
        """The band's rows for every order of its columns in which each row adds up: the
        总计 column is one that is the sum of the others; the others go in any order
        (columns of the same numbers taken as one: a band of zeros has one order)."""
        values = [tuple(p[0] for p in col) for col in columns]
        rows = range(len(columns[0]))
        for t, total in enumerate(columns):
            if any(sum(v[r] for v in values) - values[t][r] != values[t][r] for r in rows):
                continue
            if any(values[u] == values[t] for u in range(t)):
                continue  # the same 总计 column as one already tried
            for order in _distinct_orders(list(columns[:t] + columns[t + 1 :])):
                self.tried += 1
                if self.tried > BUDGET:
                    raise _OverBudget
                yield tuple(tuple(col[r] for col in (*order, total)) for r in rows)

    def _added(self, sums: tuple, r: int, grid) -> tuple:
        out = list(sums)
        for dr, row in enumerate(grid):
            w_out, w_bal = self.weights[r + dr]
            for c, (value, _line) in enumerate(row):
                out[c] += w_out * value
                out[WIDTH + c] += w_bal * value
        return tuple(out)


def _values(column: Column) -> tuple:
    return tuple(p[0] for p in column)


def _distinct_orders(columns: list[Column]):
    """Every order of the columns, those with the same numbers not told apart."""
    if not columns:
        yield ()
        return
    seen = set()
    for i, col in enumerate(columns):
        values = tuple(p[0] for p in col)
        if values not in seen:
            seen.add(values)
            for rest in _distinct_orders(columns[:i] + columns[i + 1 :]):
                yield (col, *rest)


def align_bands(numbers: list[Placed], keys: list[str], strays: list[int], text_lines: list[int]) -> Alignment | None:
    """The rows ``keys`` read from ``numbers`` band by band with each band's columns in any
    order; None when no such reading makes every row and column add up, or there are too
    many to follow."""
    found = flows(numbers, strays, text_lines)
    if sum(len(f.cells) for f in found) != WIDTH * len(keys):
        found = [f for f in found if not f.stray]  # a bare page number among them
    if not keys or sum(len(f.cells) for f in found) != WIDTH * len(keys):
        return None
    solver = _Solver([f.cells for f in found], [f.per_line for f in found], keys)
    try:
        grid = solver.solve(0, 0, (0,) * (2 * WIDTH))
    except _OverBudget:
        return None
    return None if grid is None else grid_alignment(grid, keys)
