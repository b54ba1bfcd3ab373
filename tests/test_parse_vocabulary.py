"""Table 3 row labels are named by their words, or by their numbering under a category."""

from __future__ import annotations

import pytest

from nianbao.parse.normalize import normalize_line
from nianbao.parse.vocabulary import clean_label, t3_numbered

NUMBERING = [
    # every way a sub-row's number is printed reads as "n."
    ("3.其他", "3.其他"),
    ("3、其他", "3、其他"),
    ("（3）其他", "3.其他"),
    ("3)其他", "3.其他"),
    ("③其他", "3.其他"),
    ("⒊其他", "3.其他"),
    ("(六)其他处理 (3)其他", "(六)其他处理3.其他"),
    # not numbering: a header, a category, a continuation mark
    ("（续表11）", "(续表11)"),
    ("（三）不予公开", "(三)不予公开"),
]


@pytest.mark.parametrize("label,clean", NUMBERING)
def test_sub_row_numbering_has_one_spelling(label, clean):
    assert clean_label(normalize_line(label)) == clean


@pytest.mark.parametrize("label", ["3.其他", "（3）其他", "③其他", "3其他"])
def test_a_numbered_sub_row_is_found_under_its_category(label):
    assert t3_numbered(normalize_line(label), "other") == "other_other"
