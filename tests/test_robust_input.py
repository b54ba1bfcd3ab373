"""Bad input never breaks loading: each case is a report with a clear finding, and
``build.py check`` names the file and line; ``--strict`` turns error findings into exit 1.

Site-level behaviour of the same cases (pages, placeholders, duplicates) is tested in
test_robust_site.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nianbao import load_file
from nianbao.cli import main
from nianbao.load import discover, load_report, load_reports

from .conftest import ROOT, SEEDS

SEED = next(SEEDS.glob("000_*.txt"))
TEXT = SEED.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def rules(report) -> set[str]:
    return {f.rule for f in report.findings}


def errors(report) -> set[str]:
    return {f.rule for f in report.findings if f.severity == "error"}


def without(start: str, stop: str) -> str:
    """The seed text without the lines from the one starting ``start`` up to ``stop``."""
    a = next(i for i, line in enumerate(LINES) if line.startswith(start))
    b = next(i for i, line in enumerate(LINES) if i > a and line.startswith(stop))
    return "\n".join(LINES[:a] + LINES[b:])


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def check(capsys, *args: str) -> tuple[int, list[str]]:
    """Run ``build.py check`` in-process; (exit code, stdout lines)."""
    code = main(["check", *args])
    return code, capsys.readouterr().out.splitlines()


# --- one case per kind of bad input ---------------------------------------------------


def test_empty_file(tmp_path, capsys):
    path = write(tmp_path, "empty.txt", b"")
    assert "input.empty" in errors(load_report(path))
    assert "input.empty" in errors(load_report(write(tmp_path, "blank.txt", b"\xef\xbb\xbf \n\r\n\t")))
    code, out = check(capsys, str(path), "--strict")
    assert code == 1 and f"{path.as_posix()}:1: error input.empty: 文件是空的（没有任何文字），无法解析。" in out


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "PNG 图片"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200), "JPEG 图片"),
        (b"GIF89a\x01\x00\x01\x00" + bytes(64), "GIF 图片"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "旧版 Office"),
        (bytes(range(256)) * 16, "二进制"),
    ],
    ids=["png", "jpeg", "gif", "doc", "random"],
)
def test_binary_file_renamed_txt(tmp_path, data, what):
    report = load_report(write(tmp_path, "report.txt", data))
    (finding,) = [f for f in report.findings if f.rule == "input.binary"]
    assert finding.severity == "error" and what in finding.message
    assert report.lines == [] and "parse.crash" not in rules(report)


def test_pdf_renamed_txt_is_read_by_its_bytes_not_its_name(tmp_path):
    """A broken PDF called .txt: an input.* error from the PDF path, never garbage text."""
    report = load_report(write(tmp_path, "report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 99 >>\nstream\n\x00\x01"))
    assert any(r.startswith("input.") for r in errors(report)), report.findings
    assert "parse.crash" not in rules(report) and report.format != "text"


def test_50_mb_file_is_refused_quickly_with_a_finding(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(TEXT.encode("utf-8"))
        fh.truncate(50 * 1024 * 1024)  # sparse: cheap to make, 50 MB to read
    started = time.perf_counter()
    report = load_report(path)
    assert time.perf_counter() - started < 3
    (finding,) = [f for f in report.findings if f.rule == "input.too_large"]
    assert finding.severity == "error" and "50.0 MB" in finding.message and "20 MB" in finding.message
    assert report.lines == [] and len(report.sha256) == 64 and report.source == path.as_posix()
    code, out = check(capsys, str(path), "--strict")
    assert code == 1 and any(line.startswith(f"{path.as_posix()}:1: error input.too_large") for line in out)


def test_size_limit_is_a_setting(tmp_path, monkeypatch):
    monkeypatch.setattr(load_file, "MAX_INPUT_BYTES", 1000)
    assert "input.too_large" in rules(load_report(write(tmp_path, "a.txt", TEXT)))


def test_invalid_utf8_bytes_name_their_lines(tmp_path, capsys):
    data = TEXT.encode("utf-8").replace("金林区严格依据".encode(), b"\xff\xfe\x80", 1)
    path = write(tmp_path, "bad.txt", data)
    report = load_report(path)
    (finding,) = [f for f in report.findings if f.rule == "input.encoding"]
    bad_line = next(i + 1 for i, line in enumerate(LINES) if "金林区严格依据" in line)
    assert finding.lines == [bad_line] and "\ufffd" in report.lines[bad_line - 1]
    assert report.table3.rows == load_report(SEED).table3.rows  # the rest still reads
    _code, out = check(capsys, str(path))
    assert any(line.startswith(f"{path.as_posix()}:{bad_line}: warning input.encoding") for line in out)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_other_encodings_read_like_utf8(tmp_path, encoding):
    report = load_report(write(tmp_path, "r.txt", TEXT.encode(encoding)))
    seed = load_report(SEED)
    assert (report.agency, report.year, report.table3.rows, report.table4.blocks) == (
        seed.agency,
        seed.year,
        seed.table3.rows,
        seed.table4.blocks,
    )
    assert report.lines == seed.lines
    if encoding != "utf-8-sig":
        assert "input.not_utf8" in rules(report)


def test_report_cut_off_half_way(tmp_path, capsys):
    data = TEXT.encode("utf-8")
    half = data[: len(data) // 2 + 1]  # also cuts a UTF-8 character in two
    path = write(tmp_path, "cut.txt", half)
    report = load_report(path)
    assert report.agency == "金林区人民政府" and report.year == 2025
    assert {"structure.missing_table"} <= errors(report)
    assert "parse.crash" not in rules(report)
    code, _out = check(capsys, str(path), "--strict")
    assert code == 1


def test_missing_table_3(tmp_path):
    report = load_report(write(tmp_path, "no3.txt", without("### 三、", "#### 四、")))
    missing = [f for f in report.findings if f.rule == "structure.missing_table"]
    assert [f.severity for f in missing] == ["error"] and "表3" in missing[0].message
    assert report.table4.blocks["review"]["total"] == 1  # the other tables still read


def test_missing_table_4(tmp_path):
    report = load_report(write(tmp_path, "no4.txt", without("#### 四、", "#### 五、")))
    missing = [f for f in report.findings if f.rule == "structure.missing_table"]
    assert [f.severity for f in missing] == ["error"] and "表4" in missing[0].message
    assert report.table3.rows["new_received"][6] == 5


def test_no_year_and_no_agency(tmp_path, capsys):
    text = "\n".join(line for line in LINES[6:])  # no title, no preamble
    path = write(tmp_path, "untitled.txt", text.replace("2025", "今"))
    report = load_report(path)
    assert report.agency is None and report.year is None and report.id == "untitled"
    assert {"structure.missing_agency", "structure.missing_year"} <= errors(report)
    code, out = check(capsys, str(path), "--strict")
    assert code == 1 and any("structure.missing_year" in line for line in out)


def test_two_files_for_the_same_agency_and_year_both_load(tmp_path):
    """Both are kept with distinct ids; the site picks one and says so (test_robust_site)."""
    a, b = write(tmp_path, "a.txt", TEXT), write(tmp_path, "b.txt", TEXT)
    reports = load_reports([a, b], root=tmp_path)
    assert [r.id for r in reports] == ["a", "b"] and {r.agency for r in reports} == {"金林区人民政府"}


def test_absurd_numbers_are_errors_naming_file_and_line(tmp_path, capsys):
    row = next(i for i, line in enumerate(LINES) if line.startswith("二、上年结转"))
    lines = list(LINES)
    lines[row] = "二、上年结转政府信息公开申请数量\t\t-3\t0.5\t99999999999\t0\t0\t0\t0\t"
    path = write(tmp_path, "absurd.txt", "\n".join(lines))
    code, out = check(capsys, str(path), "--strict")
    for rule in ("values.negative", "values.decimal_count", "values.implausible"):
        assert any(line.startswith(f"{path.as_posix()}:{row + 1}: error {rule}: ") for line in out), rule
    assert code == 1


def test_number_with_thousands_of_digits_does_not_crash_the_parser(tmp_path):
    """Regression (fuzzer): int() refuses > 4300 digits; such a token is not a number."""
    row = next(i for i, line in enumerate(LINES) if line.startswith("二、上年结转"))
    lines = list(LINES)
    lines[row] = lines[row].replace("\t0\t", "\t" + "9" * 5000 + "\t", 1)
    report = load_report(write(tmp_path, "long.txt", "\n".join(lines)))
    assert "parse.crash" not in rules(report)
    json.dumps(report.table3.rows, allow_nan=False)


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", TEXT)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    report = load_report(path)
    assert [(f.rule, f.severity) for f in report.findings if f.rule.startswith("input.")] == [("input.unreadable", "error")]
    assert "Permission denied" in next(f.message for f in report.findings if f.rule == "input.unreadable")


def test_parser_crash_becomes_a_finding(tmp_path, monkeypatch):
    def boom(*_a, **_k):
        raise RuntimeError("synthetic")

    monkeypatch.setattr(load_file, "parse_document", boom)
    report = load_report(write(tmp_path, "a.txt", TEXT))
    assert "parse.crash" in errors(report)
    assert report.lines == load_report(SEED).lines  # the text is still shown


# --- hostile names and links ------------------------------------------------------------

HOSTILE_NAMES = ["with space.txt", "中文 报告（2025）.txt", "report..txt", "a..b.txt", "x" * 250 + ".txt", "-rf.txt", "<b>&'\".txt"]


def test_hostile_file_names_get_safe_unique_ids(tmp_path, capsys):
    for name in HOSTILE_NAMES:
        write(tmp_path, name, TEXT)
    write(tmp_path, "with-space.txt", TEXT)  # same id as "with space.txt" before de-duplication
    paths = discover(tmp_path)
    assert sorted(p.name for p in paths) == sorted(HOSTILE_NAMES + ["with-space.txt"])
    reports = load_reports(paths, root=tmp_path)
    ids = [r.id for r in reports]
    assert len(set(ids)) == len(ids)
    for rid in ids:
        assert rid and len(rid) <= 100 and all(ch.isalnum() or ch in "-_" for ch in rid) and not rid.startswith(".")
    code, out = check(capsys, str(tmp_path))
    assert code == 0 and {line.split(":")[0] for line in out if ": error " in line or ": warning " in line} >= {
        f"{tmp_path.as_posix()}/-rf.txt"
    }


def test_hidden_files_are_skipped_and_named(tmp_path, caplog):
    write(tmp_path, ".hidden.txt", TEXT)
    write(tmp_path, "._report.txt", b"\x00\x05\x16\x07")  # macOS resource fork junk
    write(tmp_path, "ok.txt", TEXT)
    assert [p.name for p in discover(tmp_path)] == ["ok.txt"]
    assert "hidden file" in caplog.text and ".hidden.txt" in caplog.text and "._report.txt" in caplog.text


def test_symlink_out_of_seeds_is_not_followed(tmp_path, caplog):
    seeds, outside = tmp_path / "seeds", tmp_path / "secret"
    seeds.mkdir()
    outside.mkdir()
    write(outside, "passwd.txt", TEXT)
    write(seeds, "real.txt", TEXT)
    (seeds / "link.txt").symlink_to(outside / "passwd.txt")
    (seeds / "dir").symlink_to(outside, target_is_directory=True)
    (seeds / "inside.txt").symlink_to(seeds / "real.txt")  # inside the folder: fine
    (seeds / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (seeds / "loop.txt").symlink_to(seeds / "loop.txt")
    os.mkfifo(seeds / "fifo.txt")  # reading it would block the build for ever
    assert [p.name for p in discover(seeds)] == ["inside.txt", "real.txt"]
    for name, why in [
        ("link.txt", "outside the seeds folder"),
        ("dangling.txt", "broken"),
        ("loop.txt", "broken"),
        ("fifo.txt", "not a regular file"),
    ]:
        assert f"{name}: skipped: " in caplog.text and why in caplog.text


# --- the commands ---------------------------------------------------------------------


def test_check_keeps_going_past_bad_files_and_strict_exit_code(tmp_path):
    """One real subprocess: the other reports are all checked, and --strict exits 1."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("00[12]_*.txt")):
        write(folder, seed.name, seed.read_bytes())
    write(folder, "empty.txt", b"")
    write(folder, "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(100))
    run = [sys.executable, str(ROOT / "build.py"), "check", str(folder)]
    plain = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, timeout=60)
    strict = subprocess.run(run + ["--strict"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert plain.returncode == 0 and strict.returncode == 1, strict.stderr
    assert "4 reports" in strict.stderr and "Traceback" not in strict.stderr
    assert f"{folder.as_posix()}/empty.txt:1: error input.empty" in strict.stdout
    assert f"{folder.as_posix()}/image.txt:1: error input.binary" in strict.stdout


def test_strict_passes_on_clean_input(tmp_path, capsys):
    code, _out = check(capsys, str(next(SEEDS.glob("001_*.txt"))), "--strict")
    assert code == 0


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n" + bytes(50), b"\xff\xfe\x00", "表3\t1\t2\n".encode()])
def test_parse_command_prints_json_for_bad_input(tmp_path, capsys, data):
    assert main(["parse", str(write(tmp_path, "x.txt", data))]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["id"] == "x" and out["findings"]


def test_long_digit_run_in_the_narrative_does_not_crash_a_check(tmp_path):
    """Regression (fuzzer): narrative.py's int() on a 5000-digit 申请 N 件 escaped load_report."""
    text = TEXT.replace("共接收政府信息公开申请5件", "共接收政府信息公开申请" + "9" * 5000 + "件")
    assert text != TEXT
    report = load_report(write(tmp_path, "long.txt", text))
    assert not {"parse.crash", "check.crash"} & rules(report)


def test_a_crashing_check_costs_only_its_own_findings(tmp_path, monkeypatch):
    from nianbao import checks
    from nianbao.checks import narrative

    def boom(_report):
        raise ValueError("synthetic")

    monkeypatch.setattr(checks, "RULES", tuple(boom if r is narrative.check else r for r in checks.RULES))
    monkeypatch.setattr(load_file, "RULES", checks.RULES)
    report = load_report(SEED)
    crash = [f for f in report.findings if f.rule == "check.crash"]
    assert len(crash) == 1 and "ValueError" in crash[0].message
    assert {"table3.total", "structure.extra_cells"} <= rules(report)


def test_encoding_finding_lines_match_the_report_lines_after_html_tables(tmp_path):
    """Regression (fuzzer): lines counted before an HTML table became grid lines pointed past the end."""
    table = "<table>\n<tr>\n<td>\n甲\n</td>\n<td>1</td>\n</tr>\n</table>\n"
    data = ("# 某局报告\n\n正文。\n" + table * 3).encode("utf-8") + b"\xff bad line\n"
    report = load_report(write(tmp_path, "t.md", data))
    (finding,) = [f for f in report.findings if f.rule == "input.encoding"]
    assert finding.lines and all("\ufffd" in report.lines[n - 1] for n in finding.lines)
