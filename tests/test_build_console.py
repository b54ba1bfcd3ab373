"""What `python build.py` prints: each error (and input warning) named as path:line: rule: message before
the summary, one line counting warnings and infos (-v lists them), nothing extra when clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nianbao.cli import main
from tests.site_support import CONTENT, SEEDS, source_date_epoch

SEED = {name[:3]: name for name in (p.name for p in SEEDS.iterdir())}
FINDING = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<severity>error|warning|info) (?P<rule>[a-z0-9_.]+): \S")


def _build(seeds: Path, out: Path, capsys, *flags: str) -> tuple[int, list[str]]:
    with source_date_epoch():
        code = main(["build", "--seeds", str(seeds), "--content", str(CONTENT), "--out", str(out), *flags])
    return code, capsys.readouterr().err.splitlines()


@pytest.fixture(scope="module")
def bad_seeds(tmp_path_factory) -> Path:
    """An empty file, a binary file, a file with bad UTF-8, a report cut off half-way."""
    seeds = tmp_path_factory.mktemp("console") / "seeds"
    seeds.mkdir()
    good = (SEEDS / SEED["001"]).read_bytes()
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (seeds / "bad-utf8.txt").write_bytes(good.replace("严格".encode(), b"\xff\xfe\xc3\x28", 1))
    (seeds / "cut.txt").write_bytes(good[: len(good) // 2].decode("utf-8", "ignore").encode())
    return seeds


def test_build_names_each_error_before_the_summary(bad_seeds, tmp_path, capsys):
    code, err = _build(bad_seeds, tmp_path / "out", capsys)
    assert code == 0
    summary = next(i for i, line in enumerate(err) if line.startswith("built "))
    named = [FINDING.match(line) for line in err[:summary]]
    errors = {(Path(m["path"]).name, m["rule"]) for m in named if m and m["severity"] == "error"}
    assert {("empty.txt", "input.empty"), ("binary.bin", "input.binary")} <= errors, err
    assert any(name == "cut.txt" and rule.startswith("structure.missing") for name, rule in errors), err
    # The path is the file as reached from the current folder: a maintainer can open it.
    assert all(Path(m["path"]).is_file() for m in named if m), err
    # A warning that a file was not read in full is listed; the others are counted.
    warned = {(Path(m["path"]).name, m["rule"]) for m in named if m and m["severity"] == "warning"}
    assert warned == {("bad-utf8.txt", "input.encoding")}, err
    count = re.search(r"(\d+) warnings?, (\d+) infos? not listed \(-v lists them\)", "\n".join(err[:summary]))
    assert count and int(count[1]) >= 1, err  # cut.txt: its missing sections at least
    n_errors = int(re.search(r"(\d+) errors", err[summary])[1])
    assert n_errors == sum(1 for m in named if m and m["severity"] == "error") and n_errors >= 4, err


def test_verbose_lists_warnings_and_infos_too(bad_seeds, tmp_path, capsys):
    _code, err = _build(bad_seeds, tmp_path / "out", capsys, "-v")
    listed = [m for m in map(FINDING.match, err) if m]
    assert ("bad-utf8.txt", "warning", "input.encoding") in {(Path(m["path"]).name, m["severity"], m["rule"]) for m in listed}
    assert not any("not listed" in line for line in err)
    total = int(re.search(r"(\d+) findings", next(line for line in err if line.startswith("built ")))[1])
    assert len(listed) == total


def test_a_clean_build_names_nothing(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for key in ("001", "002"):  # seeds without any finding
        (seeds / SEED[key]).write_bytes((SEEDS / SEED[key]).read_bytes())
    code, err = _build(seeds, tmp_path / "out", capsys)
    assert code == 0
    assert not [line for line in err if FINDING.match(line) or "not listed" in line], err
    assert err[-1].endswith("2 reports, 0 findings, 0 errors"), err
