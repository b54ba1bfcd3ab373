"""Table 3 read from its number stream (parse/table3.py, parse/align.py) when a page's
footer is a bare page number, which then stands among the table's numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

from nianbao.ingest import Document
from nianbao.parse import parse_document
from nianbao.serialize import to_json

from .cellscore import score

PDFDEFAULT = Path(__file__).parent / "fixtures" / "forms" / "pdfdefault"


def _parse(lines: list[str]) -> dict:
    return to_json(parse_document(Document(path=Path("t.txt"), kind="text", lines=lines)))


def test_bare_page_numbers_among_the_numbers_are_left_out():
    lines = (PDFDEFAULT / "s000-narrow.txt").read_text(encoding="utf-8").splitlines()
    bare = [re.sub(r"^-(\d+)-$", r"\1", line) for line in lines]
    assert bare != lines  # the fixture has "-3-" footers; here they print as "3"
    truth = json.loads((PDFDEFAULT / "s000-narrow.truth.json").read_text(encoding="utf-8"))
    with_footer, with_bare = score(_parse(lines), truth), score(_parse(bare), truth)
    assert with_bare.right == with_footer.right > 150
    assert not with_bare.wrong
