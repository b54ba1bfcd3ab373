"""Loaded reports keep their source lines as one string (parallel.SourceLines), read like the list."""

from __future__ import annotations

from nianbao.load import discover, load_report, load_reports
from nianbao.model import Report
from nianbao.parallel import SourceLines, compact
from tests.site_support import SEEDS


def test_source_lines_read_like_the_list():
    for lines in (["a", "", "第三行"], [], [""], ["", ""]):
        joined = compact(Report("x", "x", lines=list(lines))).lines
        assert isinstance(joined, SourceLines)
        assert joined == lines and list(joined) == lines and len(joined) == len(lines)
        assert [joined[i] for i in range(len(lines))] == lines
        assert bool(joined) == bool(lines)


def test_a_line_holding_a_newline_stays_a_list():
    report = compact(Report("x", "x", lines=["a\nb", "c"]))
    assert report.lines == ["a\nb", "c"] and isinstance(report.lines, list)


def test_loaded_reports_have_the_lines_the_parser_read():
    paths = discover(SEEDS)
    for path, report in zip(paths, load_reports(paths, root=SEEDS.parent), strict=True):
        assert isinstance(report.lines, SourceLines)
        assert list(report.lines) == load_report(path, report.source).lines
