"""The synthetic corpus (benchmarks/make_corpus.py): deterministic, and parsed exactly.

Every generated report must parse to its known values through nianbao.parse.parse_file.
The generator prints all the shapes the seeds show (tab grids with merged-cell blanks,
PDF-extracted space text with wrapped labels, markdown pipe tables; both templates), so
this is also a test of the parser's generality beyond the five seeds.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from benchmarks.make_corpus import generate
from benchmarks.verify import compare, missed_rules
from nianbao.load import load_report
from nianbao.parse import parse_file
from nianbao.serialize import to_json

N = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    manifest = generate(N, out)
    return out, manifest


def _truth(out, name: str) -> dict:
    stem = name.rsplit(".", 1)[0]
    return json.loads((out / "truth" / f"{stem}.truth.json").read_text(encoding="utf-8"))


def test_corpus_covers_every_shape_and_both_templates(corpus):
    out, manifest = corpus
    assert len(manifest["reports"]) == N
    assert {e["shape"] for e in manifest["reports"]} == {"tab", "pdf", "markdown"}
    templates = Counter(_truth(out, e["file"])["template"] for e in manifest["reports"])
    assert set(templates) == {"2019", "2021"}
    assert len(list((out / "seeds").iterdir())) == N


def test_every_generated_report_parses_exactly(corpus):
    out, manifest = corpus
    mismatches = []
    for entry in manifest["reports"]:
        report = to_json(parse_file(out / "seeds" / entry["file"], source=entry["file"]))
        mismatches += [f"[{entry['shape']}] {m}" for m in compare(report, _truth(out, entry["file"]))]
    assert not mismatches, "\n".join(mismatches)


def test_injected_defects_are_reported_by_their_rule(tmp_path):
    # A larger corpus so that every defect kind occurs at least once.
    manifest = generate(400, tmp_path)
    kinds = {d["kind"] for e in manifest["reports"] for d in e["defects"]}
    assert len(kinds) >= 5, kinds
    missed = []
    for entry in manifest["reports"]:
        if entry["defects"]:
            report = to_json(load_report(tmp_path / "seeds" / entry["file"], source=entry["file"]))
            missed += missed_rules(report, _truth(tmp_path, entry["file"]))
    assert not missed, "\n".join(missed)


def test_same_n_gives_byte_identical_files(tmp_path):
    generate(25, tmp_path / "a")
    generate(25, tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(tmp_path):
    small, large = generate(10, tmp_path / "s"), generate(30, tmp_path / "l")
    assert small["reports"] == large["reports"][:10]
    for entry in small["reports"]:
        name = entry["file"]
        assert (tmp_path / "s" / "seeds" / name).read_bytes() == (tmp_path / "l" / "seeds" / name).read_bytes()
