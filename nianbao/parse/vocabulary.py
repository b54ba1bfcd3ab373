"""What the table rows are called: label patterns matched by meaning, not position."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import T3_ROWS

#: Known OCR and typing confusions, fixed before matching labels.
OCR_FIXES = (("子以公开", "予以公开"), ("不子", "不予"), ("秘蜜", "秘密"), ("己获取", "已获取"), ("末审结", "未审结"))

#: Table 3 row key -> label pattern; the first match in this order wins, so specific
#: patterns stand before generic ones ("其他" last).
T3_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("carried_forward", r"结转下年|下一?年度?继续办理|继续办理"),
        ("new_received", r"本年(度)?新收|新收.*申请|本年(度)?收到"),
        ("carried_over", r"上年(度)?结转|上年(度)?未办结"),
        ("partially_granted", r"部分公开"),
        ("granted", r"予以公开|同意公开|全部公开"),
        ("denied_state_secret", r"国家秘密"),
        ("denied_law_prohibited", r"法律行政法规|法律法规禁止|行政法规禁止|禁止公开"),
        ("denied_three_safeties", r"三安全|一稳定"),
        ("denied_third_party", r"第三方"),
        ("denied_internal_affairs", r"内部事务"),
        ("denied_process_info", r"过程性"),
        ("denied_enforcement_files", r"执法案卷"),
        ("denied_administrative_query", r"行政查询"),
        ("unable_not_held", r"不掌握"),
        ("unable_needs_creation", r"另行制作|没有现成"),
        ("unable_unclear", r"仍不明确|内容不明确|补正后"),
        ("not_processed_petition", r"信访|举报投诉"),
        ("not_processed_duplicate", r"重复申请"),
        ("not_processed_publications", r"出版物"),
        ("not_processed_mass_repetitive", r"大量反复|反复申请"),
        ("not_processed_confirmation", r"重新出具|确认或"),
        ("other_no_correction", r"不补正"),
        ("other_no_fee", r"缴纳费用|收费通知|缴费"),
        ("total", r"总计|合计"),
        ("other_other", r"(?:^|\d[.、]|\(六\))其他(?:处理|情形|情况)?$"),
    )
)

#: Category headers of table 3 and the rows numbered 1., 2., ... under each.
T3_CATEGORIES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("denied", re.compile(r"不予公开"), T3_ROWS[4:12]),
    ("unable", re.compile(r"无法提供"), T3_ROWS[12:15]),
    ("not_processed", re.compile(r"不予处理"), T3_ROWS[15:20]),
    ("other", re.compile(r"其他处理"), T3_ROWS[20:23]),
)

#: Top-level numbering of table 3 -> row key, used when the label text is unreadable.
T3_NUMBERED = {
    "一、": "new_received",
    "二、": "carried_over",
    "四、": "carried_forward",
    "(一)": "granted",
    "(二)": "partially_granted",
    "(七)": "total",
}

#: A row label starts with numbering: "一、", "(三)", "1.", "2、".
_SUB_MARKER = re.compile(r"(?:^|(?<=\D))(\d{1,2})[.、](?!\d)")
MARKER = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d{1,2}[.、](?!\d))")


_SPACE = re.compile(r"\s+")
#: Sub-row numbering spelled "(1)", "1)" or with its dot lost ("3其他"): read as "1."
#: (normalize.canonical already spells ① and ⒈ as "1.").
_SUB_NUMBER = re.compile(r"\((\d{1,2})\)|^(\d{1,2})\)|(?:^|(?<=[)\u4e00-\u9fff]))([1-9])(?=[\u4e00-\u9fff])")


@lru_cache(maxsize=65536)  # the same row labels recur in every report
def clean_label(text: str) -> str:
    """Label text for matching: no white space, one spelling of numbering, OCR confusions fixed."""
    text = _SUB_NUMBER.sub(lambda m: (m.group(1) or m.group(2) or m.group(3)) + ".", _SPACE.sub("", text))
    for wrong, right in OCR_FIXES:
        text = text.replace(wrong, right)
    return text


@lru_cache(maxsize=65536)
def t3_key(label: str) -> str | None:
    """The table 3 row a label names, by its words."""
    text = clean_label(label)
    for key, pattern in T3_PATTERNS:
        if pattern.search(text):
            return key
    return None


@lru_cache(maxsize=65536)
def t3_category(label: str) -> str | None:
    text = clean_label(label)
    for name, pattern, _rows in T3_CATEGORIES:
        if pattern.search(text):
            return name
    return None


def t3_last_category(text: str) -> str | None:
    """The category named last in a run of category-column text."""
    text = clean_label(text)
    best, where = None, -1
    for name, pattern, _rows in T3_CATEGORIES:
        for m in pattern.finditer(text):
            if m.start() > where:
                best, where = name, m.start()
    return best


def t3_numbered(label: str, category: str | None) -> str | None:
    """The row a label names by its numbering alone (fallback for garbled text)."""
    text = clean_label(label)
    digits = _SUB_MARKER.findall(text)
    if digits and category:
        # The last "n." names the row; earlier text may be its category's label.
        rows = next(r for name, _p, r in T3_CATEGORIES if name == category)
        n = int(digits[-1])
        return rows[n - 1] if 1 <= n <= len(rows) else None
    m = MARKER.match(text)
    return T3_NUMBERED.get(m.group(0)) if m else None
