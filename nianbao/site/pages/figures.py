"""The charts, built from the reports' printed numbers (never from derived ones)."""

from __future__ import annotations

import pandas as pd

from ...charts import Chart, DataTable, grouped_bars, line_chart, make_chart, plain_bars, stacked_bars
from ...dataset import figure, format_number, t3, t4
from ...model import T3_ROWS, T4_BLOCKS
from ..corpus import Entry
from ..labels import T3_OUTCOME_GROUPS, T3_ROW_SHORT, T4_BLOCK_LABELS, T4_FIELD_LABELS

MISSING = "未印出"
_OUTCOME_NAMES = [label for _key, label, _rows in T3_OUTCOME_GROUPS]


def _cell(v: float | int | None) -> str:
    return MISSING if v is None else format_number(v)


def _missing_note(entries: list[Entry], missing: list[Entry]) -> str:
    if not missing:
        return ""
    names = "、".join(e.label for e in missing)
    return f"{names}的相应数值原文未印出，未计入图中（不作推算）。"


def applications_chart(key: str, entries: list[Entry], title: str = "各机关各年度收到的申请") -> Chart | None:
    """本年新收 (total column) by year, one bar per agency."""
    rows = [(e, figure(e.report, (t3("new_received"),))) for e in entries]
    shown = [(e, v) for e, v in rows if v is not None]
    if not shown:
        return None
    frame = pd.DataFrame(
        {"年度": [str(e.year) for e, _ in shown], "机关": [e.agency.name for e, _ in shown], "件数": [v for _, v in shown]}
    )
    description = "每个机关在各年度报告中印出的“本年新收政府信息公开申请数量”（总计列）。" + _missing_note(
        entries, [e for e, v in rows if v is None]
    )
    table = DataTable(("机关", "年度", "本年新收（件）"), tuple((e.agency.name, e.year_label, _cell(v)) for e, v in rows))
    return make_chart(key, title, description, grouped_bars(frame, "年度", "件数", "机关", "件"), table)


def _outcomes(e: Entry) -> list[float | int | None]:
    return [figure(e.report, tuple(t3(r) for r in rows)) for _k, _label, rows in T3_OUTCOME_GROUPS]


def outcomes_chart(key: str, entries: list[Entry], by_year: bool = False) -> Chart | None:
    """How applications were answered: the six outcome groups stacked per report."""
    rows = [(e, _outcomes(e)) for e in entries]
    label = (lambda e: e.year_label) if by_year else (lambda e: e.label)
    records = [(label(e), name, v) for e, vals in rows for name, v in zip(_OUTCOME_NAMES, vals, strict=True) if v is not None]
    if not records:
        return None
    frame = pd.DataFrame(records, columns=["报告", "办理结果", "件数"])
    missing = [e for e, vals in rows if any(v is None for v in vals)]
    description = "每份报告表三“本年度办理结果”各类（总计列）的件数，按类别堆叠。" + _missing_note(entries, missing)
    table = DataTable(("报告", *_OUTCOME_NAMES), tuple((label(e), *(_cell(v) for v in vals)) for e, vals in rows))
    chart = stacked_bars(frame, "报告", "件数", "办理结果", _OUTCOME_NAMES, "件")
    return make_chart(key, "申请是如何答复的", description, chart, table)


_REASON_ROWS = [r for r in T3_ROWS if r.startswith(("denied_", "unable_", "not_processed_"))]
_REASON_GROUP = {
    r: ("不予公开" if r.startswith("denied_") else "无法提供" if r.startswith("unable_") else "不予处理") for r in _REASON_ROWS
}


def refusal_chart(key: str, entries: list[Entry]) -> Chart | None:
    """Reasons for not granting, summed over the reports that print each row."""
    sums, missing = [], []
    for row in _REASON_ROWS:
        values = [figure(e.report, (t3(row),)) for e in entries]
        sums.append(sum(v for v in values if v is not None))
        missing.extend(e for e, v in zip(entries, values, strict=True) if v is None)
    if not entries:
        return None
    frame = pd.DataFrame({"理由": [T3_ROW_SHORT[r] for r in _REASON_ROWS], "类别": [_REASON_GROUP[r] for r in _REASON_ROWS], "件数": sums})
    gaps = list({e.key: e for e in missing}.values())
    description = "所有报告中不予公开、无法提供和不予处理的各项理由（总计列）合计。" + _missing_note(entries, gaps)
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
            values.append(sum(v for v in cells if v is not None))
        records += [(T4_BLOCK_LABELS[block], T4_FIELD_LABELS[p], v) for p, v in zip(_T4_PARTS, values, strict=True)]
        table_rows.append((T4_BLOCK_LABELS[block], *(format_number(v) for v in values)))
    frame = pd.DataFrame(records, columns=["类型", "结果", "件数"])
    order = [T4_FIELD_LABELS[p] for p in _T4_PARTS]
    description = "所有报告表四中行政复议和行政诉讼的结果合计。" + _missing_note(entries, list({e.key: e for e in missing}.values()))
    table = DataTable(("类型", *order), tuple(table_rows))
    return make_chart(key, "行政复议和行政诉讼的结果", description, stacked_bars(frame, "类型", "件数", "结果", order, "件"), table)


def trend_chart(key: str, entries: list[Entry]) -> Chart | None:
    """One agency: applications received and handled, year by year."""
    records, table_rows = [], []
    for e in entries:
        new, total = figure(e.report, (t3("new_received"),)), figure(e.report, (t3("total"),))
        table_rows.append((e.year_label, _cell(new), _cell(total)))
        records += [(str(e.year), name, v) for name, v in (("本年新收", new), ("办理总计", total)) if v is not None]
    if not records:
        return None
    frame = pd.DataFrame(records, columns=["年度", "项目", "件数"])
    description = "本机关各年度报告印出的本年新收申请数和办理总计。年度之间没有报告的年份不画点。"
    table = DataTable(("年度", "本年新收（件）", "办理总计（件）"), tuple(table_rows))
    return make_chart(key, "申请数量趋势", description, line_chart(frame, "年度", "件数", "项目", "件"), table)
