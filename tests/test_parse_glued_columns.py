"""parse/glued_columns.py: the column equations narrow glued rows' cuts jointly."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from nianbao.model import T3_OUTCOME_ROWS
from nianbao.parse.glued_columns import Cut, resolve_columns


@dataclass
class _Row:
    key: str
    width: int = 7
    candidates: list[Cut] = field(default_factory=list)


def _cut(values: list[int]) -> Cut:
    return Cut(tuple(float(v) for v in values), tuple(str(v) for v in values))


def _row(rng: random.Random) -> list[int]:
    cells = [rng.choice([0, 0, 1, 2, 5, rng.randint(10, 99)]) for _ in range(6)]
    return [*cells, sum(cells)]


def test_every_outcome_row_open_two_or_three_ways_is_settled_by_the_column_sums():
    # 20 outcome rows, each with its true cut and up to two others that also add up
    # along the row: 2-3 ** 20 choices, far more partial sums than the search keeps
    # unless it drops those the remaining rows cannot bring back to the total.
    rng = random.Random(11)
    truth = {k: _row(rng) for k in T3_OUTCOME_ROWS}
    rows = []
    for key, values in truth.items():
        decoys = []
        for _ in range(2):
            moved = values[:6]
            rng.shuffle(moved)
            if moved != values[:6]:
                decoys.append(_cut([*moved, values[6]]))
        rows.append(_Row(key, candidates=[_cut(values), *decoys]))
    total = [sum(truth[k][c] for k in T3_OUTCOME_ROWS) for c in range(7)]
    rows.append(_Row("total", candidates=[_cut(total)]))
    resolve_columns(rows)
    settled = {r.key: r.candidates for r in rows}
    right = sum(1 for k, v in truth.items() if settled[k] == [_cut(v)])
    assert all(_cut(v) in settled[k] for k, v in truth.items()), "the true cut was dropped"
    assert right >= 15, f"only {right} of {len(truth)} rows settled"


def test_columns_that_add_up_no_way_narrow_nothing():
    rows = [_Row(k, candidates=[_cut([1, 0, 0, 0, 0, 0, 1]), _cut([0, 1, 0, 0, 0, 0, 1])]) for k in T3_OUTCOME_ROWS]
    rows.append(_Row("total", candidates=[_cut([99, 0, 0, 0, 0, 0, 99])]))
    resolve_columns(rows)
    assert all(len(r.candidates) == 2 for r in rows[:-1])
