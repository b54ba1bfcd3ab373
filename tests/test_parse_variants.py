"""Harder than the seeds: the same reports with what real copies add to them.

Each variant rewrites a report the way a real source varies its spelling: invisible
characters a web page carries, full-width digits, a minus sign U+2212, tabs between the
numbers but a space after the label, spaced-out headers, numbers with units, every
spelling of sub-row numbering (1、 (1) ①). The seeds must still read exactly; the web-text
fixtures (cells run together) must read every cell they read unvaried, and nothing wrong.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from nianbao.parse import parse_file
from nianbao.serialize import to_json

from .cellscore import score

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))
WEBTEXT = sorted((FIXTURES / "forms" / "webtext").glob("seed00[0-4]_[ad].txt"))

_CIRCLED = "①②③④⑤⑥⑦⑧⑨"
_SUB = re.compile(r"(?<![\d.])([1-9])\.(?=[\u4e00-\u9fff])")
_TABLE_LABEL = re.compile(r"(?m)^((?:[一二三四]、|（[一二三四五六七]）)[^\d\n]*?) ((?:\d+ )*\d+)$")


def _spaced_words(text: str) -> str:
    for word in ("总计", "其他", "合计", "自然人", "予以公开", "部分公开"):
        text = text.replace(word, "\u3000".join(word) if len(word) == 2 else " ".join(word))
    return text


VARIANTS = {
    "fullwidth_digits": lambda t: t.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "nbsp_between_numbers": lambda t: re.sub(r"(?<=\d) (?=\d)", "\u00a0", t),
    "zero_width_after_digits": lambda t: re.sub(r"(?<=\d)(?=\s)", "\u200b", t),
    "soft_hyphen_in_runs": lambda t: re.sub(r"(?<=\d)(?=\d\d)", "\u00ad", t, count=400),
    "tabs_between_numbers": lambda t: re.sub(r"(?<=\d) +(?=\d)", "\t", t),
    "minus_sign": lambda t: re.sub(r"(?<=\s)-(?=\d)", "\u2212", t),
    "fullwidth_minus": lambda t: re.sub(r"(?<=\s)-(?=\d)", "－", t),
    "spaced_words": _spaced_words,
    "units_after_numbers": lambda t: _TABLE_LABEL.sub(lambda m: m[1] + " " + " ".join(x + "件" for x in m[2].split()), t),
    "bold_labels": lambda t: re.sub(r"(?m)^((?:[一二三四]、|（[一二三四五六七]）)[^\d\n]*?) ", r"**\1** ", t),
    "numbering_dun": lambda t: _SUB.sub(r"\1、", t),
    "numbering_paren": lambda t: _SUB.sub(r"（\1）", t),
    "numbering_circled": lambda t: _SUB.sub(lambda m: _CIRCLED[int(m[1]) - 1], t),
    "page_furniture": lambda t: t + "\n【打印本页】【关闭窗口】\n扫一扫在手机打开当前页\n访问量：12345\n",
}

#: Variants a web page's run-together text really shows (tabs there are the webcells form).
WEB_VARIANTS = [
    "zero_width_after_digits",
    "soft_hyphen_in_runs",
    "minus_sign",
    "spaced_words",
    "numbering_dun",
    "numbering_paren",
    "numbering_circled",
    "fullwidth_digits",
]


def _read(path: Path, text: str, tmp_path: Path) -> dict:
    out = tmp_path / path.name
    out.write_text(text, encoding="utf-8")
    return to_json(parse_file(out))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("seed", SEEDS, ids=[p.stem[:3] for p in SEEDS])
def test_a_varied_seed_still_reads_exactly(seed, variant, tmp_path):
    truth = json.loads((FIXTURES / "truth" / f"{seed.stem}.truth.json").read_text(encoding="utf-8"))
    got = _read(seed, VARIANTS[variant](seed.read_text(encoding="utf-8")), tmp_path)
    s = score(got, truth)
    assert (s.right, s.wrong) == (s.total, []), f"{variant}: {s.right}/{s.total}, wrong {s.wrong[:5]}"
    assert (got["agency"], got["year"]) == (truth["agency"], truth["year"])


@pytest.mark.parametrize("variant", WEB_VARIANTS)
@pytest.mark.parametrize("page", WEBTEXT, ids=[p.stem for p in WEBTEXT])
def test_varied_web_text_reads_as_much_and_nothing_wrong(page, variant, tmp_path):
    truth = json.loads(page.with_name(page.stem + ".truth.json").read_text(encoding="utf-8"))
    plain = score(to_json(parse_file(page)), truth)
    varied = score(_read(page, VARIANTS[variant](page.read_text(encoding="utf-8")), tmp_path), truth)
    assert varied.wrong == [], f"{variant}: wrong {varied.wrong[:5]}"
    assert varied.right >= plain.right, f"{variant}: {varied.right} right, unvaried {plain.right}"


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_variant_changes_some_seed(variant):
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    assert any(VARIANTS[variant](t) != t for t in texts)
