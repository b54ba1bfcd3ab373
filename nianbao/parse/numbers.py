"""Reading one printed cell as a number: "6,239,795.00元", "增 18", "—" and friends."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Number

_NUMBER = re.compile(
    r"^(?P<sign>[+-]|增|减|增加|减少)?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"\s*(?:元|万元|件|个|项|条|人次|%)?$"
)
#: What a cell prints when it has no value.
NULL_TOKENS = frozenset({"", "/", "-", "--", "—", "——", "–", "无", "…", "...", "\\", "空"})


class Cell:
    """One value cell: the number, or None for a printed blank/dash."""

    __slots__ = ("value", "raw")

    def __init__(self, value: Number | None, raw: str):
        self.value = value
        self.raw = raw

    def __repr__(self) -> str:
        return f"Cell({self.value!r}, {self.raw!r})"


#: Longer digit runs are not numbers a report prints (int() refuses over 4300 digits and
#: float() overflows to inf past 308): found by the fuzzer, see tests/test_robust_input.py.
_MAX_DIGITS = 300

#: OCR reads 0 as O and 1 as l or I inside digit runs.
_OCR_DIGITS = str.maketrans("OoIl", "0011")
_OCR_TOKEN = re.compile(r"^[+\-]?(?:(?=.*\d)[\dOoIl,.]+|[OolI]{1,3})$")


@lru_cache(maxsize=65536)  # tables repeat the same few tokens ("0", "1", …) endlessly
def parse_number(token: str) -> Number | None:
    """The number a token prints, or None when the token is not a number."""
    token = token.strip()
    m = _NUMBER.match(token)
    if not m and _OCR_TOKEN.match(token):
        m = _NUMBER.match(token.translate(_OCR_DIGITS))
    if not m:
        return None
    digits = m.group("num").replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None
    sign = -1 if m.group("sign") in ("-", "减", "减少") else 1
    if m.group("frac"):
        return sign * float(digits + m.group("frac"))
    return sign * int(digits)


def is_value(token: str) -> bool:
    """True for a number or a printed blank ("/", "—")."""
    t = token.strip()
    return t in NULL_TOKENS or parse_number(t) is not None


def to_cell(token: str) -> Cell:
    t = token.strip()
    return Cell(parse_number(t), t)
