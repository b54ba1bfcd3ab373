"""The findings on each seed are exactly the known inconsistencies, and no false alarm."""

from __future__ import annotations

import pytest

from nianbao.load import load_report

from .conftest import SEEDS

EXPECTED = {
    "000": [
        ("structure.extra_cells", ()),
        ("table3.total", ("table3.total.natural_person",)),
        ("table3.total", ("table3.total.total",)),
    ],
    "001": [],
    "002": [],
    "003": [
        ("structure.blank_cell", ("table3.not_processed_publications.social_welfare",)),
        ("structure.blank_cell", ("table3.other_other.commercial",)),
    ],
    "004": [
        ("structure.truncated", ("table3.new_received.total",)),
        ("structure.truncated", ("table3.denied_state_secret.other",)),
    ],
}


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_findings_are_exactly_the_known_ones(prefix):
    (path,) = SEEDS.glob(prefix + "_*.txt")
    findings = load_report(path).findings
    got = sorted((f.rule, tuple(f.cells[:1])) for f in findings)
    assert got == sorted(EXPECTED[prefix])


def test_seed_000_total_findings_name_their_sums():
    (path,) = SEEDS.glob("000_*.txt")
    messages = [f.message for f in load_report(path).findings if f.rule == "table3.total"]
    assert any("5" in m and "4" in m and "自然人" in m for m in messages)
    assert any("6" in m and "5" in m and "总计" in m for m in messages)


def test_seed_001_is_2019_template():
    (path,) = SEEDS.glob("001_*.txt")
    report = load_report(path)
    assert report.template == "2019"
    assert report.table3.rows["other_no_correction"] == [None] * 7
