"""Tidy frame, indicators and the min-denominator rule: printed values only."""

from __future__ import annotations

import pytest

from nianbao.dataset import INDICATORS, MIN_DENOMINATOR, figure, indicator_value, t3, tidy_frame, total_of
from nianbao.load import discover, load_reports
from tests.site_support import SEEDS


@pytest.fixture(scope="module")
def reports():
    return {r.id[:3]: r for r in load_reports(discover(SEEDS), root=SEEDS.parent)}


def _indicator(key):
    return next(i for i in INDICATORS if i.key == key)


def test_tidy_frame_has_every_cell_with_its_line(reports):
    frame = tidy_frame([(r, r.agency) for r in reports.values()])
    t3_rows = frame[frame["table"] == "table3"]
    assert len(t3_rows) == 5 * 25 * 7
    cell = t3_rows[(t3_rows.report_id.str.startswith("000")) & (t3_rows.row == "total") & (t3_rows.column == "natural_person")]
    assert cell["value"].item() == 4 and cell["source_line"].item() == reports["000"].table3.lines["total"][0]
    assert isinstance(cell["value"].item(), int)  # not 4.0


def test_totals_skip_unprinted_values_and_say_so(reports):
    frame = tidy_frame([(r, r.agency) for r in reports.values()])
    total = total_of(frame, "table3", "new_received", "total")
    assert (total.value, total.counted, total.missing) == (11, 4, 1)  # seed 004's total column is cut off


def test_open_rate_uses_printed_cells(reports):
    v = indicator_value(reports["000"], _indicator("open_rate"))
    assert (v.numerator, v.denominator, v.value, v.status) == (1, 5, 0.2, "ok")


def test_small_denominator_is_marked_not_ranked(reports):
    v = indicator_value(reports["002"], _indicator("open_rate"))
    assert v.denominator < MIN_DENOMINATOR and v.status == "small" and not v.rankable


def test_missing_cells_give_no_indicator(reports):
    v = indicator_value(reports["004"], _indicator("open_rate"))
    assert v.value is None and v.status == "missing"
    assert figure(reports["004"], (t3("new_received"),)) is None  # never summed from the other columns


def test_zero_denominator(reports):
    v = indicator_value(reports["002"], _indicator("correction_rate"))
    assert v.status == "zero" and v.value is None
