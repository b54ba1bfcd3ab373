"""The same report in every encoding and spacing it is published in parses identically."""

from __future__ import annotations

import pytest

from nianbao.ingest import read
from nianbao.parse import parse_document
from nianbao.serialize import to_json

from .conftest import SEEDS, truth_for

SEED = sorted(SEEDS.glob("000_*.txt"))[0]
FIELDS = ("agency", "year", "template", "table2", "table3", "table4")


def _variants(text: str) -> dict[str, bytes]:
    fullwidth = str.maketrans("0123456789", "０１２３４５６７８９")
    return {
        "utf8_bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "gbk": text.encode("gbk"),
        "gb18030": text.encode("gb18030"),
        "utf16_bom": text.encode("utf-16"),
        "utf16le_no_bom": text.encode("utf-16-le"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "nbsp_and_ideographic_spaces": text.replace(" ", "\u00a0").replace("年", "\u3000年").encode("utf-8"),
        "fullwidth_digits": text.translate(fullwidth).encode("utf-8"),
        "form_feeds_and_footers": text.replace("## 二、", "\f- 1 -\n第 1 页\n## 二、").replace("### 三、", "第 2 页 共 3 页\n\f### 三、").encode("utf-8"),
    }


@pytest.mark.parametrize("variant", sorted(_variants("x")))
def test_variant_parses_like_the_original(tmp_path, variant):
    data = _variants(SEED.read_text(encoding="utf-8"))[variant]
    path = tmp_path / "report.txt"
    path.write_bytes(data)
    got = to_json(parse_document(read(path)))
    truth = truth_for(SEED)
    assert {k: got[k] for k in FIELDS} == {k: truth[k] for k in FIELDS}


def test_line_numbers_survive_crlf_and_form_feeds(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "r.txt"
    path.write_bytes(text.replace("\n", "\r\n").replace("一、总体情况", "一、总体情况\f").encode())
    report = parse_document(read(path))
    line = report.table3.lines["new_received"][0]
    assert "本年新收" in report.lines[line - 1]
