"""Word input: paragraphs and tables in body order, merged cells once, truth exactly."""

from __future__ import annotations

import io
from pathlib import Path

from nianbao.ingest import read

from .formats_util import fixture_for, mismatches, parsed, truth_for


def test_docx_renderings_parse_to_truth(seed):
    got = parsed(fixture_for(seed, "docx"))
    assert got["format"] == "docx"
    assert mismatches(got, truth_for(seed)) == {}


def _docx(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_table_stays_between_its_paragraphs_and_merged_text_appears_once():
    def build(d):
        d.add_paragraph("before")
        t = d.add_table(rows=2, cols=3)
        t.cell(0, 0).merge(t.cell(1, 0)).text = "merged down"
        t.cell(0, 1).merge(t.cell(0, 2)).text = "merged right"
        t.cell(1, 1).text = "1"
        t.cell(1, 2).text = "2"
        d.add_paragraph("after")

    lines = read(Path("x.docx"), _docx(build)).lines
    assert lines == ["before", "merged down\tmerged right\t", "\t1\t2", "after"]


def test_tabs_in_narrative_do_not_make_a_table_row():
    lines = read(Path("x.docx"), _docx(lambda d: d.add_paragraph("联系电话：\t0458-3739096"))).lines
    assert lines == ["联系电话： 0458-3739096"]


def test_broken_docx_is_a_finding_not_a_crash():
    doc = read(Path("x.docx"), b"PK\x03\x04" + b"\x00" * 100 + b"word/document.xml")
    assert doc.lines == [] and doc.findings and doc.findings[0].severity == "error"
