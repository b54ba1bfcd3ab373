"""The charts, built from the reports' printed numbers (never from derived ones).

Site-wide and year charts aggregate (by year, by level, the top agencies), so their size
does not grow with the number of reports; they go through Altair and vl-convert. The two
small charts of each agency page are drawn directly as SVG (minicharts.py).
"""

from __future__ import annotations

from collections import defaultdict

from ...charts import Chart, DataTable, grouped_bars, make_chart, plain_bars, stacked_bars
from ...dataset import figure, format_number, t3, t4
from ...minicharts import line_svg, mini_chart, stacked_svg
from ...model import T3_ROWS, T4_BLOCKS
from ..corpus import Entry
from ..labels import T3_OUTCOME_GROUPS, T3_ROW_SHORT, T4_BLOCK_LABELS, T4_FIELD_LABELS

MISSING = "未印出"
_OUTCOME_NAMES = [label for _key, label, _rows in T3_OUTCOME_GROUPS]
#: Reports named in a chart's "not printed" note; beyond this only their number is given.
MAX_NAMED = 10
#: Bars of the "top agencies" charts.
TOP_N = 20
UNLISTED_LEVEL = "未列入名录的机关"


def _cell(v: float | int | None) -> str:
    return MISSING if v is None else format_number(v)


def _missing_note(missing: list[Entry]) -> str:
    if not missing:
        return ""
    names = "、".join(e.label for e in missing[:MAX_NAMED])
    more = f"等 {len(missing)} 份报告" if len(missing) > MAX_NAMED else ""
    return f"{names}{more}的相应数值原文未印出，未计入图中（不作推算）。"


def level_of(e: Entry) -> str:
    return e.agency.level or UNLISTED_LEVEL


def _frame(*args, **kwargs):
    import pandas as pd  # only when a chart is drawn (see charts.py)

    return pd.DataFrame(*args, **kwargs)


def _sum(values: list[float | int | None]) -> float | int:
    return sum(v for v in values if v is not None)


def applications_by_year(key: str, entries: list[Entry]) -> Chart | None:
    """本年新收 (total column) summed per year, one bar per agency level."""
    groups: dict[tuple[int, str], list[float | int | None]] = defaultdict(list)
    for e in entries:
        if e.year is not None:
            groups[(e.year, level_of(e))].append(figure(e.report, (t3("new_received"),)))
    shown = {k: v for k, v in sorted(groups.items()) if any(x is not None for x in v)}
    if not shown:
        return None
    frame = _frame({"年度": [str(y) for y, _ in shown], "层级": [lv for _, lv in shown], "件数": [_sum(v) for v in shown.values()]})
    missing = [e for e in entries if e.year is not None and figure(e.report, (t3("new_received"),)) is None]
    description = "各年度报告印出的“本年新收政府信息公开申请数量”（总计列）之和，按机关层级分组。" + _missing_note(missing)
    rows = tuple((f"{y} 年", lv, str(len(v)), format_number(_sum(v)), str(sum(x is None for x in v))) for (y, lv), v in groups.items())
    table = DataTable(("年度", "层级", "报告数", "本年新收合计（件）", "未印出的报告数"), tuple(sorted(rows)))
    return make_chart(key, "各年度收到的申请", description, grouped_bars(frame, "年度", "件数", "层级", "件"), table)


def top_agencies_chart(key: str, entries: list[Entry], title: str) -> Chart | None:
    """The TOP_N reports with the most 本年新收, one bar each (ties by page key)."""
    values = [(e, figure(e.report, (t3("new_received"),))) for e in entries]
    ranked = sorted(((e, v) for e, v in values if v is not None), key=lambda p: (-p[1], p[0].key))[:TOP_N]
    if not ranked:
        return None
    frame = _frame({"机关": [e.agency.name for e, _ in ranked], "件数": [v for _, v in ranked], "层级": [level_of(e) for e, _ in ranked]})
    lead = f"本年新收申请最多的 {len(ranked)} 个机关" if len(values) > TOP_N else "各机关本年新收的申请"
    description = f"{lead}（总计列，按原文）。" + _missing_note([e for e, v in values if v is None])
    table = DataTable(("机关", "本年新收（件）"), tuple((e.agency.name, format_number(v)) for e, v in ranked))
    return make_chart(key, title, description, plain_bars(frame, "机关", "件数", "层级", "件"), table)


def _outcomes(e: Entry) -> list[float | int | None]:
    return [figure(e.report, tuple(t3(r) for r in rows)) for _k, _label, rows in T3_OUTCOME_GROUPS]


def outcomes_by(key: str, groups: list[tuple[str, list[Entry]]], what: str) -> Chart | None:
    """How applications were answered: the six outcome groups summed per group of reports."""
    sums, missing = [], []
    for label, entries in groups:
        values = [_outcomes(e) for e in entries]
        missing += [e for e, vals in zip(entries, values, strict=True) if any(v is None for v in vals)]
        sums.append((label, [_sum([vals[i] for vals in values]) for i in range(len(_OUTCOME_NAMES))]))
    if not any(sum(s) for _, s in sums):
        return None
    frame = _frame(
        [(label, name, v) for label, s in sums for name, v in zip(_OUTCOME_NAMES, s, strict=True)], columns=["组", "办理结果", "件数"]
    )
    description = f"表三“本年度办理结果”各类（总计列）的件数之和，{what}，按类别堆叠。" + _missing_note(missing)
    table = DataTable(("", *_OUTCOME_NAMES), tuple((label, *(format_number(v) for v in s)) for label, s in sums))
    chart = stacked_bars(frame, "组", "件数", "办理结果", _OUTCOME_NAMES, "件")
    return make_chart(key, "申请是如何答复的", description, chart, table)


def agency_outcomes_chart(key: str, entries: list[Entry]) -> Chart | None:
    """One agency: the six outcome groups stacked per year (plain SVG)."""
    rows = [(e.year_label, tuple(_outcomes(e))) for e in entries]
    if not any(v is not None for _, vals in rows for v in vals):
        return None
    description = "每份报告表三“本年度办理结果”各类（总计列）的件数，按类别堆叠。" + _missing_note(
        [e for e in entries if None in _outcomes(e)]
    )
    table = DataTable(("报告", *_OUTCOME_NAMES), tuple((label, *(_cell(v) for v in vals)) for label, vals in rows))
    spec = {"rows": [[label, list(vals)] for label, vals in rows]}
    return mini_chart(key, "申请是如何答复的", description, "stacked", stacked_svg(rows, _OUTCOME_NAMES, "件"), spec, table)


_REASON_ROWS = [r for r in T3_ROWS if r.startswith(("denied_", "unable_", "not_processed_"))]
_REASON_GROUP = {
    r: ("不予公开" if r.startswith("denied_") else "无法提供" if r.startswith("unable_") else "不予处理") for r in _REASON_ROWS
}


def refusal_chart(key: str, entries: list[Entry]) -> Chart | None:
    """Reasons for not granting, summed over the reports that print each row."""
    sums, missing = [], []
    for row in _REASON_ROWS:
        values = [figure(e.report, (t3(row),)) for e in entries]
        sums.append(_sum(values))
        missing.extend(e for e, v in zip(entries, values, strict=True) if v is None)
    if not entries:
        return None
    frame = _frame({"理由": [T3_ROW_SHORT[r] for r in _REASON_ROWS], "类别": [_REASON_GROUP[r] for r in _REASON_ROWS], "件数": sums})
    gaps = list({e.key: e for e in missing}.values())
    description = "所有报告中不予公开、无法提供和不予处理的各项理由（总计列）合计。" + _missing_note(gaps)
    table = DataTable(
        ("类别", "理由", "件数（合计）"),
        tuple((_REASON_GROUP[r], T3_ROW_SHORT[r], format_number(s)) for r, s in zip(_REASON_ROWS, sums, strict=True)),
    )
    return make_chart(key, "未予公开的理由", description, plain_bars(frame, "理由", "件数", "类别", "件"), table)


_T4_PARTS = ("upheld", "corrected", "other", "pending")


def review_chart(key: str, entries: list[Entry]) -> Chart | None:
    """Review and litigation outcomes, summed over reports, one bar per block."""
    if not entries:
        return None
    records, table_rows, missing = [], [], []
    for block in T4_BLOCKS:
        values = []
        for part in _T4_PARTS:
            cells = [figure(e.report, (t4(block, part),)) for e in entries]
            missing.extend(e for e, v in zip(entries, cells, strict=True) if v is None)
            values.append(_sum(cells))
        records += [(T4_BLOCK_LABELS[block], T4_FIELD_LABELS[p], v) for p, v in zip(_T4_PARTS, values, strict=True)]
        table_rows.append((T4_BLOCK_LABELS[block], *(format_number(v) for v in values)))
    frame = _frame(records, columns=["类型", "结果", "件数"])
    order = [T4_FIELD_LABELS[p] for p in _T4_PARTS]
    description = "所有报告表四中行政复议和行政诉讼的结果合计。" + _missing_note(list({e.key: e for e in missing}.values()))
    table = DataTable(("类型", *order), tuple(table_rows))
    return make_chart(key, "行政复议和行政诉讼的结果", description, stacked_bars(frame, "类型", "件数", "结果", order, "件"), table)


def trend_chart(key: str, entries: list[Entry]) -> Chart | None:
    """One agency: applications received and handled, year by year (plain SVG)."""
    points = [(e, figure(e.report, (t3("new_received"),)), figure(e.report, (t3("total"),))) for e in entries]
    table = DataTable(("年度", "本年新收（件）", "办理总计（件）"), tuple((e.year_label, _cell(n), _cell(t)) for e, n, t in points))
    drawn = [(str(e.year), n, t) for e, n, t in points if n is not None or t is not None]
    if not drawn:
        return None
    years = [y for y, _, _ in drawn]
    series = [("本年新收", tuple(n for _, n, _ in drawn)), ("办理总计", tuple(t for _, _, t in drawn))]
    description = "本机关各年度报告印出的本年新收申请数和办理总计。年度之间没有报告的年份不画点。"
    spec = {"x": years, "series": [[name, list(values)] for name, values in series]}
    return mini_chart(key, "申请数量趋势", description, "line", line_svg(years, series, "件"), spec, table)
