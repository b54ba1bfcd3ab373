"""Real pdftotext output (-raw and -layout) of the seeds rendered to PDF parses to truth.

Fixtures: tests/fixtures/make_pdftotext.sh (poppler's pdftotext over tests/fixtures/formats).
"""

from __future__ import annotations

import pytest

from nianbao.load import load_report
from nianbao.serialize import to_json

from .conftest import FIXTURES, SEED_FILES, truth_for

TEXTS = sorted((FIXTURES / "pdftotext").glob("*.txt"))
FIELDS = ("agency", "year", "template", "table2", "table3", "table4")
#: Space text cannot show where a blank cell was: 003's two blank cells shift left.
UNKNOWABLE = {("003.raw", "table3")}


def _truth(path):
    seed = next(s for s in SEED_FILES if s.name.startswith(path.name[:3]))
    return truth_for(seed)


CASES = [(p, f) for p in TEXTS for f in FIELDS if (p.stem, f) not in UNKNOWABLE]


@pytest.mark.parametrize("path,field", CASES, ids=lambda v: getattr(v, "stem", v))
def test_pdftotext_output_parses_to_truth(path, field):
    assert to_json(load_report(path))[field] == _truth(path)[field]


def test_layout_mode_keeps_blank_cells_in_their_columns():
    report = load_report(FIXTURES / "pdftotext" / "003.layout.txt")
    assert report.table3.rows["other_other"] == [0, None, None, None, None, None, 0]
    assert [f.rule for f in report.findings] == ["structure.blank_cell", "structure.blank_cell"]


def test_raw_mode_short_row_is_flagged_not_guessed():
    report = load_report(FIXTURES / "pdftotext" / "003.raw.txt")
    assert report.table3.printed["not_processed_publications"] == 6
    assert "structure.truncated" in {f.rule for f in report.findings}


@pytest.mark.parametrize("path", [p for p in TEXTS if p.stem != "003.raw"], ids=lambda p: p.stem)
def test_findings_match_the_seed(path):
    """The same report read from PDF text gets the same consistency findings
    (003.raw excepted: see test_raw_mode_short_row_is_flagged_not_guessed)."""
    seed = next(s for s in SEED_FILES if s.name.startswith(path.name[:3]))
    expected = sorted({f.rule for f in load_report(seed).findings if not f.rule.startswith("structure.extra")})
    assert sorted({f.rule for f in load_report(path).findings}) == expected
