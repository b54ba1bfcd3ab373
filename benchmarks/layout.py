"""What every report prints regardless of shape: titles, headings, row labels, number text."""

from __future__ import annotations

import random
from dataclasses import dataclass

#: Table 3 row key -> (top label, category label, item label), as the national templates
#: print them; "" where the merged cell above covers the row.
T3_LABELS_2021 = {
    "new_received": ("一、本年新收政府信息公开申请数量", "", ""),
    "carried_over": ("二、上年结转政府信息公开申请数量", "", ""),
    "granted": ("三、本年度办理结果", "（一）予以公开", ""),
    "partially_granted": ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    "denied_state_secret": ("", "（三）不予公开", "1.属于国家秘密"),
    "denied_law_prohibited": ("", "", "2.其他法律行政法规禁止公开"),
    "denied_three_safeties": ("", "", "3.危及“三安全一稳定”"),
    "denied_third_party": ("", "", "4.保护第三方合法权益"),
    "denied_internal_affairs": ("", "", "5.属于三类内部事务信息"),
    "denied_process_info": ("", "", "6.属于四类过程性信息"),
    "denied_enforcement_files": ("", "", "7.属于行政执法案卷"),
    "denied_administrative_query": ("", "", "8.属于行政查询事项"),
    "unable_not_held": ("", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    "unable_needs_creation": ("", "", "2.没有现成信息需要另行制作"),
    "unable_unclear": ("", "", "3.补正后申请内容仍不明确"),
    "not_processed_petition": ("", "（五）不予处理", "1.信访举报投诉类申请"),
    "not_processed_duplicate": ("", "", "2.重复申请"),
    "not_processed_publications": ("", "", "3.要求提供公开出版物"),
    "not_processed_mass_repetitive": ("", "", "4.无正当理由大量反复申请"),
    "not_processed_confirmation": ("", "", "5.要求行政机关确认或重新出具已获取信息"),
    "other_no_correction": ("", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    "other_no_fee": ("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    "other_other": ("", "", "3.其他"),
    "total": ("", "（七）总计", ""),
    "carried_forward": ("四、结转下年度继续办理", "", ""),
}
T3_LABELS_2019 = {k: v for k, v in T3_LABELS_2021.items() if k not in ("other_no_correction", "other_no_fee")}
T3_LABELS_2019["other_other"] = ("", "（六）其他处理", "")

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
T4_FIELDS_CN = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

HEADINGS = {
    "2021": (
        ("一、总体情况",),
        ("二、主动公开政府信息情况", "二、行政机关主动公开政府信息情况"),
        ("三、收到和处理政府信息公开申请情况", "三、行政机关收到和处理政府信息公开申请情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、行政诉讼情况"),
        ("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("六、其他需要报告的事项",),
    ),
    "2019": (
        ("一、总体情况",),
        ("二、主动公开政府信息情况",),
        ("三、收到和处理政府信息公开申请情况",),
        ("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、政府信息公开行政复议、行政诉讼情况"),
        ("五、政府信息公开工作存在的主要问题及改进情况",),
        ("六、其他需要报告的事项",),
    ),
}


@dataclass(slots=True)
class Style:
    """Per-report printing habits, drawn once so a report is self-consistent."""

    half_brackets: bool
    """"(一) " instead of "（一）" (both occur; NFKC makes them equal)."""
    item_space: bool
    """"1. 属于" instead of "1.属于"."""
    thousands: bool
    """Numbers of 1,000 and more printed with separators."""
    trailing_tab: bool
    """Grid rows end with an empty cell."""


def draw_style(rng: random.Random) -> Style:
    return Style(rng.random() < 0.5, rng.random() < 0.3, rng.random() < 0.25, rng.random() < 0.4)


def headings(template: str, rng: random.Random) -> list[str]:
    """The six section headings, one spelling each."""
    return [rng.choice(options) for options in HEADINGS[template]]


def label(text: str, style: Style) -> str:
    """A row label in the report's own bracket and numbering style."""
    if not text:
        return text
    if style.half_brackets and text.startswith("（") and "）" in text[:5]:
        close = text.index("）")
        text = "(" + text[1:close] + ") " + text[close + 1 :]
    if style.item_space and text[:1].isdigit() and text[1:2] == ".":
        text = text[:2] + " " + text[2:]
    return text


def num(value: int | float | None, style: Style, blank: str = "") -> str:
    """A value as printed: blank token for None, separators when the report uses them."""
    if value is None:
        return blank
    if isinstance(value, float):
        return f"{value}"
    if style.thousands and abs(value) >= 1000:
        return f"{value:,}"
    return str(value)


def delta(value: int, rng: random.Random, words: bool) -> str:
    """本年增/减 as printed: "-256", "0", "18" or "增 18" / "减 3"."""
    if words and value and rng.random() < 0.5:
        return f"增 {value}" if value > 0 else f"减 {-value}"
    return str(value)


def money(value: float) -> str:
    """采购总金额 as printed: "6,239,795.00元"."""
    return f"{value:,.2f}元"


def table2_cells(style: Style, columns: list[str], values: list, rng: random.Random, words: bool = True) -> list[str]:
    """One table-2 item's value cells as printed."""
    out = []
    for column, value in zip(columns, values, strict=True):
        if column == "本年增/减":
            out.append(delta(value, rng, words))
        elif column == "采购总金额":
            out.append(money(value))
        else:
            out.append(num(value, style))
    return out
