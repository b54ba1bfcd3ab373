"""values.*: numbers no real report can print — negative counts, fractional counts, absurd sizes.

Counts (applications, cases, documents, decisions) are whole and never negative. Two kinds
of table-2 cell are exceptions: the 2019 template's 本年增/减 is a change and may be
negative, and money columns (收费金额, 采购总金额) are amounts and may have decimals.

The size limits are far above anything a real agency reports, so only typing or parsing
accidents reach them: the largest city governments receive tens of thousands of
applications a year and issue a few million penalty decisions; national fee income is
about 4×10⁷ 万元.
"""

from __future__ import annotations

from ..model import T3_COLUMNS, T4_BLOCKS, T4_FIELDS, Finding, Number, Report
from .labels import T3_COLUMN_LABELS, T3_ROW_LABELS, T4_BLOCK_LABELS, T4_FIELD_LABELS, fmt, t3_cell

#: Table 3 and table 4 cells: applications and cases of one agency in one year.
MAX_CASES = 1_000_000
#: Table 2 counts: documents, licences, penalties, coercive measures, projects.
MAX_T2_COUNT = 100_000_000
#: Table 2 money (万元 or 元, as printed).
MAX_MONEY = 1_000_000_000_000

_SIGNED_COLUMNS = ("本年增/减",)
_MONEY_COLUMNS = ("收费金额", "采购总金额")
#: 2021 table 2 (item, column) -> contract cell id, for the cells the contract names.
_T2_CELL_IDS = {
    ("规章", "本年制发件数"): "table2.regulations.issued",
    ("规章", "本年废止件数"): "table2.regulations.repealed",
    ("规章", "现行有效件数"): "table2.regulations.in_force",
    ("行政规范性文件", "本年制发件数"): "table2.normative_documents.issued",
    ("行政规范性文件", "本年废止件数"): "table2.normative_documents.repealed",
    ("行政规范性文件", "现行有效件数"): "table2.normative_documents.in_force",
    ("行政许可", "本年处理决定数量"): "table2.licensing",
    ("行政处罚", "本年处理决定数量"): "table2.punishment",
    ("行政强制", "本年处理决定数量"): "table2.coercion",
}


def check(report: Report) -> list[Finding]:
    """One finding per impossible value, in table order."""
    out: list[Finding] = []
    for cell, place, value, line, kind in _cells(report):
        finding = _judge(value, kind)
        if finding:
            rule, severity, what = finding
            where = _where(place)
            out.append(
                Finding(
                    rule, severity, f"{where}印为 {fmt(value)}，{what}", where, cells=[cell] if cell else [], lines=[line] if line else []
                )
            )
    return out


def _judge(value: Number, kind: str) -> tuple[str, str, str] | None:
    """(rule, severity, explanation) for a value of a kind ("count", "signed", "money")."""
    if value < 0 and kind != "signed":
        return "values.negative", "error", "数量不可能为负数。"
    if kind != "money" and isinstance(value, float) and not value.is_integer():
        return "values.decimal_count", "error", "件数应为整数，不应有小数。"
    limit = MAX_MONEY if kind == "money" else MAX_CASES if kind == "case" else MAX_T2_COUNT
    if abs(value) > limit:
        return "values.implausible", "error", f"超过 {limit:,} 的合理上限，很可能是录入或识别错误。"
    return None


def _cells(report: Report):
    """(cell id, place for _where, value, line, kind) for every value that may be wrong."""
    yield from _table2_cells(report)
    t3 = report.table3
    if t3 is not None:
        for row, values in t3.rows.items():
            if all(v is None or (0 <= v <= MAX_CASES and float(v).is_integer()) for v in values):
                continue  # the usual row: whole counts in range, nothing to judge
            for col, value, line in zip(T3_COLUMNS, values, t3.lines[row], strict=False):
                if value is not None:
                    yield t3_cell(row, col), ("table3", row, col), value, line, "case"
    t4 = report.table4
    if t4 is not None:
        for block in T4_BLOCKS:
            for name in T4_FIELDS:
                value = t4.blocks.get(block, {}).get(name)
                if value is not None:
                    yield f"table4.{block}.{name}", ("table4", block, name), value, t4.lines.get(block, {}).get(name), "case"


def _table2_cells(report: Report):
    if report.table2 is None:
        return
    for item in report.table2.items:
        for column, value in item.values.items():
            if value is None:
                continue
            kind = "signed" if column in _SIGNED_COLUMNS else "money" if any(m in column for m in _MONEY_COLUMNS) else "count"
            cell = _T2_CELL_IDS.get((item.item, column)) if report.template != "2019" else None
            yield cell, ("table2", item.item, column), value, item.lines.get(column), kind


def _where(place: tuple[str, str, str]) -> str:
    """The Chinese location of a cell; built only for cells that get a finding."""
    table, a, b = place
    if table == "table3":
        return f"表3“{T3_ROW_LABELS.get(a, a)}”一行“{T3_COLUMN_LABELS[b]}”列"
    if table == "table4":
        return f"表4“{T4_BLOCK_LABELS[a]}·{T4_FIELD_LABELS[b]}”"
    return f"表2“{a}”一行“{b}”"
