"""Table 3 read from a number stream: cells that two applicant columns may have swapped.

A row's 总计 is the sum of its columns whatever their order, so a reading in which some
rows have two applicant columns the wrong way round (a text extractor printed them out of
left-to-right order) adds up row by row. The columns do not: 一 + 二 = （七） + 四 and the
outcome rows' sum = （七） fail in those two columns, by opposite amounts. Where swapping the
two columns over a run of rows makes every column add up, the cells that swap would change
could be either way round: they are left open. A report's own error seldom looks like
that: it shows in the 总计 column too, which no swap of applicant columns repairs.
"""

from __future__ import annotations

from ..model import T3_IDENTITY_SIGNS

APPLICANTS = 6  # the columns before 总计


def _misses(values: list[list[float]], weights: list[tuple[int, int]], c: int) -> tuple[float, float]:
    """How far column ``c`` is from each identity (0, 0 when it adds up)."""
    return (
        sum(w[0] * row[c] for row, w in zip(values, weights, strict=True)),
        sum(w[1] * row[c] for row, w in zip(values, weights, strict=True)),
    )


def doubtful_cells(rows: dict[str, list[float | None]]) -> dict[str, set[int]]:
    """Row key -> the columns of that row that a swap of two applicant columns over a run
    of rows would change, where such a swap makes every column add up; empty when the
    columns add up already, or when no swap makes them."""
    keys = [k for k in rows if any(T3_IDENTITY_SIGNS.get(k, (0, 0)))]
    if "total" not in keys or any(None in rows[k] for k in keys):
        return {}
    values = [[float(v) for v in rows[k]] for k in keys]
    weights = [T3_IDENTITY_SIGNS[k] for k in keys]
    misses = [_misses(values, weights, c) for c in range(APPLICANTS)]
    wrong = [c for c in range(APPLICANTS) if misses[c] != (0, 0)]
    if len(wrong) != 2 or _misses(values, weights, APPLICANTS) != (0, 0):
        return {}
    a, b = wrong
    if (misses[a][0] + misses[b][0], misses[a][1] + misses[b][1]) != (0, 0):
        return {}  # a row not adding up, not a swap
    doubtful: dict[str, set[int]] = {}
    for start in range(len(keys)):
        moved = [0.0, 0.0]  # what swapping rows start..end moves from column b to column a
        for end in range(start, len(keys)):
            d = values[end][b] - values[end][a]
            moved[0] += weights[end][0] * d
            moved[1] += weights[end][1] * d
            if d and (misses[a][0] + moved[0], misses[a][1] + moved[1]) == (0, 0):
                for r in range(start, end + 1):
                    if values[r][a] != values[r][b]:
                        doubtful.setdefault(keys[r], set()).update((a, b))
    return doubtful
