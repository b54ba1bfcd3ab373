"""parse/column_swaps.py: cells two applicant columns may have swapped, found by the columns' sums."""

from __future__ import annotations

from nianbao.model import T3_ROWS
from nianbao.parse.column_swaps import doubtful_cells


def _table(cells: dict[str, list[int]]) -> dict[str, list[float | None]]:
    """A table of zeros with the rows given; each row's 总计 is its columns' sum."""
    rows = {k: [0] * 7 for k in T3_ROWS}
    for key, values in cells.items():
        rows[key] = values + [sum(values)]
    return rows


# 2 applications by natural persons, 1 granted, 1 not held; in force: every column adds up
TRUE = {
    "new_received": [2, 0, 0, 0, 0, 0],
    "granted": [1, 0, 0, 0, 0, 0],
    "unable_not_held": [1, 0, 0, 0, 0, 0],
    "total": [2, 0, 0, 0, 0, 0],
}


def test_a_table_whose_columns_add_up_has_no_doubtful_cell():
    assert doubtful_cells(_table(TRUE)) == {}


def test_rows_read_with_two_columns_swapped_leave_those_cells_open():
    # the first two rows came out with 自然人 and 社会公益组织 the wrong way round; the
    # columns add up with those two swapped back, or with the other two rows swapped as
    # well (everything under 社会公益组织): all four rows' cells could go either way
    swapped = {**TRUE, "new_received": [0, 0, 0, 2, 0, 0], "granted": [0, 0, 0, 1, 0, 0]}
    doubt = {k: {0, 3} for k in ("new_received", "granted", "unable_not_held", "total")}
    assert doubtful_cells(_table(swapped)) == doubt


def test_a_reports_own_error_is_not_taken_for_a_swap():
    # one outcome cell too many: the 总计 column is off too, which no swap repairs
    wrong = {**TRUE, "granted": [2, 0, 0, 0, 0, 0]}
    assert doubtful_cells(_table(wrong)) == {}


def test_a_table_with_a_blank_cell_says_nothing():
    rows = _table({**TRUE, "new_received": [0, 0, 0, 2, 0, 0]})
    rows["carried_over"][2] = None
    assert doubtful_cells(rows) == {}
