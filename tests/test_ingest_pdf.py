"""PDF input: ruled tables from page geometry, running headers/footers dropped, scans named."""

from __future__ import annotations

from pathlib import Path

import pytest

from nianbao.ingest import read

from .formats_util import FORMATS, fixture_for, mismatches, parsed, truth_for


def test_pdf_renderings_parse_to_truth(seed):
    got = parsed(fixture_for(seed, "pdf"))
    assert got["format"] == "pdf"
    assert mismatches(got, truth_for(seed)) == {}


def test_running_header_and_page_numbers_are_dropped(seed):
    lines = read(fixture_for(seed, "pdf")).lines
    assert "政府信息公开工作年度报告" not in lines  # the running header, alone on its line
    assert not [ln for ln in lines if ln.startswith("第 ") and ln.endswith(" 页")]


def test_table3_runs_over_a_page_break():
    """001's table 3 starts on one page and ends on the next: its rows still all parse."""
    import pdfplumber

    with pdfplumber.open(fixture_for(Path("001"), "pdf")) as pdf:
        pages = [
            n
            for n, page in enumerate(pdf.pages)
            if "本年新收" in (page.extract_text() or "") or "结转下年度" in (page.extract_text() or "")
        ]
    assert len(set(pages)) == 2, pages
    got = parsed(fixture_for(Path("001"), "pdf"))
    assert got["structure"]["table3_found"][-1] == "carried_forward"


def test_scanned_pdf_gets_no_text_layer_finding():
    got = parsed(FORMATS / "scanned.pdf")
    assert got["format"] == "pdf"
    rules = {f["rule"]: f for f in got["findings"]}
    assert rules["input.no_text_layer"]["severity"] == "error"
    assert "文字层" in rules["input.no_text_layer"]["message"]
    assert got["table3"] is None and got["agency"] is None


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"%PDF-"])
def test_broken_pdf_is_a_finding_not_a_crash(data):
    doc = read(Path("x.pdf"), data)
    assert doc.kind == "pdf" and doc.lines == []
    assert doc.findings[0].severity == "error"
