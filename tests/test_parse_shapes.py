"""Text shapes the seeds do not show (pdftotext modes, OCR, PDF-to-markdown tools).

The fixtures come from tests/fixtures/make_shapes.py (regenerate with
``python -m tests.fixtures.make_shapes``; mineru_seed000.md is hand-made: Markdown whose
tables are HTML, as PDF-to-Markdown tools write it; corpus003144_dash_pagenumber.txt is
report 3144 of ``benchmarks/make_corpus.py`` with its truth: PDF text with wrapped labels,
a "—" cell and a bare page number after table 3, which the stream decoder once misread);
each must parse to its expected values.
"""

from __future__ import annotations

import json

import pytest

from nianbao.load import load_report
from nianbao.serialize import to_json

from .conftest import FIXTURES

SHAPES = sorted(p for p in (FIXTURES / "shapes").iterdir() if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", SHAPES, ids=lambda p: p.stem)
@pytest.mark.parametrize("field", ["agency", "year", "template", "table3", "table4"])
def test_shape_parses_to_expected(path, field):
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = to_json(load_report(path))
    if field == "table3":
        assert got["table3"]["rows"] == expected["table3"]["rows"]
    else:
        assert got[field] == expected[field]


def test_missing_row_is_reported_not_shifted():
    report = load_report(FIXTURES / "shapes" / "missing_row_province.txt")
    missing = [f for f in report.findings if f.rule == "structure.missing_row"]
    assert missing and "三安全" in missing[0].message
    assert report.table3.rows["denied_third_party"][0] == 33


def test_province_shapes_have_no_false_alarms():
    for name in ("layout_province", "dump_province", "rawmid_province", "docling_province"):
        report = load_report(FIXTURES / "shapes" / f"{name}.txt")
        # labels first, then every number: read from the number stream, and said so
        expected = ["parse.table3_realigned"] if name == "dump_province" else []
        assert [f.rule for f in report.findings] == expected, name


def test_html_tables_in_markdown_never_swallow_prose():
    from nianbao.ingest.text import expand_html_tables

    text = 'a\n<TABLE BACKGROUND="x">\n正文第一行\n<TABLE><TD BACKGROUND="x">\n正文第二行\n</table>\nb'
    out = expand_html_tables(text)
    assert "正文第一行" in out and "正文第二行" in out
    assert expand_html_tables("前\n<table><tr><td>规章</td><td>0</td></tr></table>\n后") == "前\n规章\t0\n后"
