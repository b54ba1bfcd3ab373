"""Property tests: whatever the bytes, loading returns a well-formed Report with findings
and the parser never crashes. The long run of the same idea is ``python -m nianbao.fuzz``.

Examples are derandomized (the suite gives the same result every run) and modest in
number so the suite stays fast.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nianbao.fuzz import MUTATORS, mutate, problems
from nianbao.ingest import Document
from nianbao.load import load_report
from nianbao.parse import parse_document

from .conftest import SEED_FILES

SEEDS = [p.read_bytes() for p in SEED_FILES]
FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])

#: Text made of report-like pieces, so examples reach the table readers, not just the preamble.
PIECES = st.sampled_from(
    ["\t", "\n", " ", "|", "一、总体情况", "三、收到和处理政府信息公开申请情况", "自然人", "总计", "（七）总计", "行政复议",
     "结果维持", "2025 年", "政府信息公开工作年度报告", "人民政府", "0", "7", "-3", "1.5", "—", "/", "增 18", "１２",
     "<script>", "{{ x }}", "\ufeff", "\x00", "\r"]
)  # fmt: skip
REPORTISH = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=120).map("".join)
RECIPE = st.lists(st.tuples(st.sampled_from(sorted(MUTATORS)), st.integers(0, 2**32 - 1)), min_size=1, max_size=4)


def assert_well_formed(report) -> None:
    found = problems(report)
    assert not found, found
    assert report.findings or report.lines  # something to show: text, or what went wrong


@FAST
@given(st.text(max_size=2000))
def test_arbitrary_text_never_breaks_loading(text):
    assert_well_formed(load_report(Path("any.txt"), data=text.encode("utf-8", "surrogatepass")))


@FAST
@given(REPORTISH)
def test_report_like_text_never_breaks_loading(text):
    assert_well_formed(load_report(Path("near.txt"), data=text.encode("utf-8", "surrogatepass")))


@FAST
@given(st.binary(max_size=4096), st.sampled_from(["x.txt", "x.md", "x.html", "x.pdf", "x.docx", "x"]))
def test_arbitrary_bytes_never_break_loading(data, name):
    assert_well_formed(load_report(Path(name), data=data))


@settings(max_examples=150, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(SEEDS))), RECIPE)
def test_mutated_seeds_never_break_loading(which, recipe):
    """Deleted lines, swapped cells, random bytes, numeric noise, truncation, re-encoding..."""
    assert_well_formed(load_report(Path(SEED_FILES[which].name), data=mutate(SEEDS[which], recipe)))


@FAST
@given(st.lists(st.text(max_size=60), max_size=80))
def test_parse_document_on_arbitrary_lines(lines):
    """The parser alone, on lines no reader would produce (tabs, NULs, lone surrogates)."""
    report = parse_document(Document(path=Path("lines.txt"), kind="text", lines=lines))
    assert len(report.lines) == len(lines)
    assert not [f for f in report.findings if f.severity not in ("error", "warning", "info")]


def test_every_mutator_is_deterministic():
    for name in sorted(MUTATORS):
        assert mutate(SEEDS[0], [(name, 7)]) == mutate(SEEDS[0], [(name, 7)]), name
