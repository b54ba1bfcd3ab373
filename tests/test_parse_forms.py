"""Real input forms the seeds are not in: web-page text that lost its line breaks
(webtext) or kept its table cells as tabs or one per line (webcells), pdftotext's default
mode, PDF-to-Markdown, OCR/LLM Markdown and saved HTML (tests/fixtures/forms/<form>/, made
by the make_*.py generators there from the seeds and the synthetic corpus, with truth).

Every fixture is scored cell by cell. ``expected.json`` records, per file, how many cells
are right and how many wrong today; a change may move a file up, never down (regenerate
with ``python -m tests.test_parse_forms`` after an intended improvement and review the
diff). A wrong number is a defect, so every fixture with none must stay at none, and a
report's agency and year must stay right where they are right.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from nianbao.parse import parse_file
from nianbao.serialize import to_json

from .cellscore import score

FORMS = Path(__file__).parent / "fixtures" / "forms"
EXPECTED = FORMS / "expected.json"


def _fixtures() -> list[tuple[str, Path, Path]]:
    out = []
    for truth in sorted(FORMS.glob("*/*.truth.json")):
        stem = truth.name[: -len(".truth.json")]
        sources = sorted(p for p in truth.parent.glob(stem + ".*") if not p.name.endswith(".json"))
        if sources:
            out.append((f"{truth.parent.name}/{sources[0].name}", sources[0], truth))
    return out


def measure(path: Path, truth_path: Path) -> dict:
    got = to_json(parse_file(path))
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    s = score(got, truth)
    return {
        "right": s.right,
        "total": s.total,
        "wrong": len(s.wrong),
        "agency": got["agency"] == truth["agency"],
        "year": got["year"] == truth["year"],
    }


FIXTURES = _fixtures()
RECORDED = json.loads(EXPECTED.read_text(encoding="utf-8")) if EXPECTED.exists() else {}


def test_there_are_fixtures_of_every_form():
    forms = {name.split("/")[0] for name, _p, _t in FIXTURES}
    assert {"webtext", "pdfdefault", "pdfmd", "ocrmd", "html"} <= forms
    assert set(RECORDED) == {name for name, _p, _t in FIXTURES}, "run python -m tests.test_parse_forms"


@pytest.mark.parametrize(("name", "path", "truth"), FIXTURES, ids=[n for n, _p, _t in FIXTURES])
def test_form_reads_no_worse_than_recorded(name, path, truth):
    now, then = measure(path, truth), RECORDED[name]
    assert now["wrong"] <= then["wrong"], f"{name}: {now['wrong']} wrong numbers (recorded {then['wrong']})"
    assert now["right"] >= then["right"], f"{name}: {now['right']} cells right (recorded {then['right']})"
    for key in ("agency", "year"):
        assert now[key] or not then[key], f"{name}: {key} no longer right"


def main() -> int:
    results = {name: measure(path, truth) for name, path, truth in FIXTURES}
    EXPECTED.write_text(json.dumps(results, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    by_form: dict[str, list[int]] = {}
    for name, r in results.items():
        t = by_form.setdefault(name.split("/")[0], [0, 0, 0, 0, 0])
        t[0] += r["right"]
        t[1] += r["total"]
        t[2] += r["wrong"]
        t[3] += not (r["agency"] and r["year"])
        t[4] += 1
    for form, (right, total, wrong, meta, n) in sorted(by_form.items()):
        print(f"{form}: {n} files, {right}/{total} cells right ({100 * right / total:.1f} %), {wrong} wrong, {meta} with agency or year wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
