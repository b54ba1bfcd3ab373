"""Bounded cost per input (#13): each bound has a fast test.

The readers are linear whatever the structure (HTML nesting, zip members, PDF pages), and
whatever still runs too long or takes too much memory is stopped by the per-input budget
(`nianbao/budget.py`) and becomes an ``input.too_costly`` finding, the build going on.
No test here asserts a time (timings belong in ``benchmarks/hostile.py``): a bound is shown
by what the reader did (the finding, the size of the tree it built), not by how fast.
"""

from __future__ import annotations

import re
import time
import zlib
from pathlib import Path

import pytest

from nianbao import budget, load_file, parallel
from nianbao.fuzz import problems
from nianbao.fuzz_hostile import _EVIL_NAMES, _deflated, _docx_parts, bomb, bomb_docx, pdf_file, zip_file
from nianbao.ingest import archive, html, pdf
from nianbao.ingest.html import _Shallow, decode_html, read_html, table_lines
from nianbao.load import load_report

TITLE = "<h1>某某区人民政府2024年政府信息公开工作年度报告</h1><p>一、总体情况</p>"
#: What a library's error text looks like; none of it may reach a finding's message.
_LIBRARY_TEXT = re.compile(r"Traceback|File \"|line \d+|Error\b|Exception|lxml|zipfile|pdfminer|BadZip|\w+Error")


def nested(depth: int, inner: str = TITLE, tag: str = "div") -> bytes:
    return ("<html><body>" + f"<{tag}>" * depth + inner + f"</{tag}>" * depth + "</body></html>").encode()


def rules(report) -> list[str]:
    return [f.rule for f in report.findings]


def finding(report, rule: str):
    (found,) = [f for f in report.findings if f.rule == rule]
    return found


def docx_with(extra: list[tuple] = (), text: str = "某某区人民政府2024年政府信息公开工作年度报告") -> bytes:
    """A real Word file holding ``text``, plus ``extra`` members (name, data, method, crc, size)."""
    members = []
    for name, data in _docx_parts(text):
        packed, crc = _deflated(data)
        members.append((name, packed, 8, crc, len(data)))
    return zip_file(members + list(extra))


# --- the budget: time and memory ----------------------------------------------------------


def _two_files(tmp_path: Path) -> list[Path]:
    (tmp_path / "bad.txt").write_text("坏文件", encoding="utf-8")
    (tmp_path / "good.txt").write_text("某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    return [tmp_path / "bad.txt", tmp_path / "good.txt"]


def _slow_on_bad(real_read):
    def read(path, data=None):
        if Path(path).name == "bad.txt":
            time.sleep(600)  # a reader that never ends; the budget stops it
        return real_read(path, data)

    return read


def _greedy_on_bad(real_read):
    def read(path, data=None):
        if Path(path).name == "bad.txt":
            return bytearray(8 * 1024**3)  # far past the memory budget: MemoryError at once
        return real_read(path, data)

    return read


def test_an_input_over_its_time_budget_is_stopped_and_named_and_the_build_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "SECONDS", 0.5)
    monkeypatch.setattr(load_file, "read", _slow_on_bad(load_file.read))  # the forked worker inherits it
    paths = _two_files(tmp_path)
    bad, good = parallel.load_many(paths, [p.name for p in paths])
    over = finding(bad, "input.too_costly")
    assert over.severity == "error" and "时间上限" in over.message and "0.5 秒" in over.message
    assert "input.too_costly" not in rules(good) and good.lines[0].startswith("某某区")


def test_an_input_over_its_memory_budget_is_stopped_and_named_and_the_build_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "MEMORY_MB", 200.0)
    monkeypatch.setattr(load_file, "read", _greedy_on_bad(load_file.read))
    paths = _two_files(tmp_path)
    bad, good = parallel.load_many(paths, [p.name for p in paths])
    over = finding(bad, "input.too_costly")
    assert over.severity == "error" and "内存" in over.message and "200 MB" in over.message
    assert "input.too_costly" not in rules(good) and good.lines[0].startswith("某某区")


def test_a_worker_that_dies_costs_only_its_own_input():
    def die_on_two(n):
        if n == 2:
            import os

            os._exit(3)
        return n * 10

    results = dict(budget.bounded_map(die_on_two, [(1,), (2,), (3,)], 1, seconds=30))
    assert results[0] == 10 and results[2] == 30 and results[1] == budget.Over("crash", results[1].seconds)


# --- HTML: depth capped, walks linear -----------------------------------------------------


def _tree_shape(soup) -> tuple[int, int]:
    """(tags, depth) of a soup, walked without recursion."""
    tags, deepest, stack = 0, 0, [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        tags, deepest = tags + 1, max(deepest, depth)
        stack.extend((child, depth + 1) for child in getattr(node, "contents", ()) if hasattr(child, "contents"))
    return tags, deepest


def test_deep_html_builds_a_tree_at_most_max_depth_deep_and_reads_right():
    soup = _Shallow(decode_html(nested(20_000)), "lxml")
    tags, depth = _tree_shape(soup)
    assert depth <= html.MAX_DEPTH + 2 and tags <= 2 * html.MAX_DEPTH  # not 20,000: the work per tag is bounded
    doc = read_html(Path("b.html"), nested(20_000))
    assert doc.lines == ["某某区人民政府2024年政府信息公开工作年度报告", "一、总体情况"]
    (too_deep,) = doc.findings
    assert too_deep.rule == "input.too_deep" and too_deep.severity == "warning"
    assert "20003 层" in too_deep.message and f"{html.MAX_DEPTH} 层" in too_deep.message


def test_shallow_html_gets_no_depth_finding_and_keeps_its_lines():
    doc = read_html(Path("a.html"), nested(html.MAX_DEPTH - 3))
    assert doc.findings == [] and doc.lines[0].startswith("某某区")


def test_text_beyond_the_depth_limit_keeps_its_line_breaks_and_drops_scripts():
    inner = "<p>第一段</p><script>alert(1)</script><style>p{}</style><p>第二段</p>"
    doc = read_html(Path("a.html"), nested(html.MAX_DEPTH + 50, inner))
    assert doc.lines == ["第一段", "第二段"]


def test_deep_markup_inside_a_markdown_table_cell_does_not_recurse():
    cell = "<div>" * 20_000 + "甲" + "</div>" * 20_000  # a recursive walk would hit the recursion limit
    assert table_lines(f"<table><tr><td>{cell}</td><td>1</td></tr></table>") == ["甲\t1"]


def test_a_row_of_thousands_of_spanning_cells_stays_a_bounded_line():
    cells = '<td rowspan="999999" colspan="1000">1</td>' * 300
    report = load_report(Path("spans.html"), data=f"<html><body>{TITLE}<table><tr>{cells}</tr></table></body></html>".encode())
    assert max(line.count("\t") for line in report.lines) < 100 and problems(report) == []


def test_html_with_no_text_gets_a_finding():
    report = load_report(Path("empty.html"), data=b'<html><body><div class="' + b"menu " * 10_000 + b'"></div></body></html>')
    assert "input.empty" in rules(report) and problems(report) == []


# --- zip containers (.docx) -----------------------------------------------------------------


def test_a_zip_bomb_docx_is_refused_by_its_declared_size_before_it_is_inflated():
    data = bomb_docx(1500)  # 1.5 MB on disk, word/document.xml inflates to 1.5 GB
    assert len(data) < 2 * 1024 * 1024
    budget.reset_peak()
    before = budget.peak_mb()  # this process's memory now: the peak is measured from here
    report = load_report(Path("bomb.docx"), data=data)
    too_large = finding(report, "input.too_large")
    assert "解压后超过 64 MB" in too_large.message and "word/document.xml" in too_large.message
    assert budget.peak_mb() - before < 300  # nothing near the 1.5 GB was ever held


@pytest.mark.parametrize("declared", [0, 1000])
def test_a_bomb_lying_about_its_size_is_caught_by_really_inflating_it(declared):
    report = load_report(Path("liar.docx"), data=bomb_docx(300, declared=declared))
    too_large = finding(report, "input.too_large")
    assert "解压后超过 64 MB" in too_large.message and "实际解压量与声明不符" in too_large.message


def test_a_member_inflating_a_thousand_times_is_refused_under_the_total_limit():
    zeros = ("word/media/zeros.bin", bomb(10), 8, zlib.crc32(bytes(10 << 20)), 10 << 20)
    report = load_report(Path("ratio.docx"), data=docx_with([zeros]))
    assert "压缩比" in finding(report, "input.too_large").message


def test_overlapping_members_count_each_time_they_are_listed():
    data = zip_file([("word/document.xml", bomb(1), 8, zlib.crc32(bytes(1 << 20)), 1 << 20)], overlap=200)
    assert "解压后超过" in finding(load_report(Path("overlap.docx"), data=data), "input.too_large").message


def test_too_many_members_are_refused_before_any_is_read():
    many = [(f"word/m{i}.xml", b"\x03\x00", 8, 0, 0) for i in range(archive.MAX_MEMBERS + 1)]
    message = finding(load_report(Path("many.docx"), data=docx_with(many)), "input.too_large").message
    assert re.search(r"含 2\d{3} 个内部文件", message) and f"超过 {archive.MAX_MEMBERS} 个的上限" in message


def _named(names) -> list[tuple]:
    return [(name, *_deflated(b"escape")[:1], 8, zlib.crc32(b"escape"), 6) for name in names]


def test_path_traversal_member_names_are_never_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = load_report(Path("names.docx"), data=docx_with(_named(n for n in _EVIL_NAMES if n != "\udcff")))
    assert list(tmp_path.iterdir()) == [] and not Path("/tmp/nianbao-escape.txt").exists()
    assert problems(report) == [] and any("2024" in line for line in report.lines)  # the document is read as usual


def test_a_member_name_that_is_not_utf8_makes_an_unreadable_word_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report = load_report(Path("names.docx"), data=docx_with(_named(["\udcff"])))
    assert rules(report)[0] == "input.docx_unreadable" and list(tmp_path.iterdir()) == []


def test_a_nested_zip_as_the_document_is_an_unreadable_word_file_not_a_crash():
    inner = docx_with()
    data = zip_file([("word/document.xml", inner, 0, zlib.crc32(inner), len(inner))])
    report = load_report(Path("nested.docx"), data=data)
    assert rules(report)[0] == "input.docx_unreadable" and problems(report) == []


# --- PDF ------------------------------------------------------------------------------------

_PAGE = b"BT /F1 12 Tf 40 800 Td (2024 report) Tj ET"


def test_a_pdf_over_the_page_limit_is_refused_before_any_page_is_read():
    report = load_report(Path("pages.pdf"), data=pdf_file([_PAGE], n_pages=pdf.MAX_PAGES + 1))
    assert f"{pdf.MAX_PAGES} 页的上限" in finding(report, "input.too_large").message and report.lines == []


@pytest.mark.parametrize("flate", [False, True])
def test_a_page_with_a_huge_content_stream_is_left_out_with_a_finding(flate):
    huge = _PAGE + b"\n" + b"% padding\n" * (pdf.MAX_PAGE_STREAM // 10 + 1)
    report = load_report(Path("stream.pdf"), data=pdf_file([_PAGE, huge], flate=flate))
    message = finding(report, "input.too_large").message
    assert "第 2 页内容流解压后超过 2 MB" in message and "第 1 页" not in message
    assert any("2024 report" in line for line in report.lines)  # page 1 is still read


def test_a_flate_bombed_page_stream_is_measured_without_inflating_it_all():
    data = pdf_file([], n_pages=1, raw_streams=[b"\x78\x9c" + bomb(500)])  # 500 MB of zeros
    budget.reset_peak()
    before = budget.peak_mb()
    report = load_report(Path("bomb.pdf"), data=data)
    assert "内容流解压后超过" in finding(report, "input.too_large").message and budget.peak_mb() - before < 300


# --- messages are for people ----------------------------------------------------------------


def _hostile_inputs() -> list[tuple[str, bytes]]:
    bad_xml = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><w:document>&a;&b;<w:body>'
    parts = [(name, bad_xml if name == "word/document.xml" else data) for name, data in _docx_parts("x")]
    broken_xml = [(name, _deflated(data)[0], 8, zlib.crc32(data), len(data)) for name, data in parts]

    def odd_document(method: int, flags: int) -> bytes:
        members = [(name, _deflated(data)[0], 8, zlib.crc32(data), len(data), 0) for name, data in _docx_parts("x")]
        return zip_file([m[:2] + (method, *m[3:5], flags) if m[0] == "word/document.xml" else m for m in members])

    return [
        ("truncated.docx", docx_with()[:3000]),
        ("badxml.docx", zip_file(broken_xml)),
        ("method.docx", odd_document(14, 0)),  # LZMA
        ("aes.docx", odd_document(99, 0)),
        ("encrypted.docx", odd_document(8, 1)),
        ("bomb.docx", bomb_docx(100)),
        ("broken.pdf", pdf_file([_PAGE])[:-200] + b"garbage"),
        ("noroot.pdf", b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 99 0 R >>\n%%EOF"),
        ("deep.html", nested(5_000)),
        ("garbage.docx", b"PK\x03\x04" + bytes(100)),
    ]


def test_no_finding_message_carries_library_or_traceback_text():
    for name, data in _hostile_inputs():
        report = load_report(Path(name), data=data)
        assert report.findings, name
        for f in report.findings:
            assert not _LIBRARY_TEXT.search(f.message), (name, f.rule, f.message)


def test_a_parser_crash_is_told_in_words_and_its_traceback_goes_to_the_log(monkeypatch, caplog):
    def crash(doc, source=None):
        raise ValueError("internal detail from deep inside a library")

    monkeypatch.setattr(load_file, "parse_document", crash)
    report = load_report(Path("a.txt"), data="某某区人民政府2024年政府信息公开工作年度报告".encode())
    message = finding(report, "parse.crash").message
    assert not _LIBRARY_TEXT.search(message) and "internal detail" not in message
    assert "Traceback" in caplog.text and "internal detail" in caplog.text
