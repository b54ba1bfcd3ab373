"""Reading one printed cell as a number."""

from __future__ import annotations

import pytest

from nianbao.parse.normalize import normalize_line
from nianbao.parse.numbers import is_value, parse_number

CASES = [
    ("0", 0),
    ("17", 17),
    ("1,234", 1234),
    ("6,239,795.00元", 6239795.0),
    ("5.6", 5.6),
    ("-256", -256),
    ("增18", 18),
    ("减3", -3),
    ("增加 7", 7),
    ("O", 0),  # OCR
    ("1O", 10),  # OCR
    ("l2", 12),  # OCR
    ("３２", 32),  # full-width, after normalisation
    ("１，２３４", 1234),
]


@pytest.mark.parametrize("token,expected", CASES)
def test_number_is_read(token, expected):
    assert parse_number(normalize_line(token)) == expected


@pytest.mark.parametrize("token", ["/", "—", "——", "-", "无", ""])
def test_printed_blank_is_a_value_cell_without_number(token):
    assert is_value(token)
    assert parse_number(token) is None


@pytest.mark.parametrize("token", ["1.属于国家秘密", "1.", "2、", "规章", "第3页"])
def test_label_text_is_not_a_value(token):
    assert not is_value(token)
