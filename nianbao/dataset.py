"""The reports as tables (pandas): the tidy long frame, indicators, headline figures.

Numbers are only ever the printed ones. Sums skip nothing silently: each aggregate says
how many reports it could not include because a value it needs was not printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_FIELDS, Report
from .serialize import table2_json

if TYPE_CHECKING:  # imported by the functions that build a frame (charts.py says why)
    import pandas as pd

#: Rates computed from fewer cases than this are shown but marked 样本过少, never ranked.
MIN_DENOMINATOR = 5

TIDY_COLUMNS = ["agency", "year", "report_id", "table", "row", "column", "value", "source_line"]

#: A cell reference: ("table3", row, column) or ("table4", block, field).
CellRef = tuple[str, str, str]


def t3(row: str, column: str = "total") -> CellRef:
    return ("table3", row, column)


def t4(block: str, field: str) -> CellRef:
    return ("table4", block, field)


@dataclass(frozen=True, slots=True)
class Indicator:
    """A rate derived from printed cells: sum(numerator) / sum(denominator)."""

    key: str
    label: str
    definition: str
    formula: str
    numerator: tuple[CellRef, ...]
    denominator: tuple[CellRef, ...]


_DENIED = tuple(t3(r) for r in T3_ROWS if r.startswith("denied_"))
_UNABLE = tuple(t3(r) for r in T3_ROWS if r.startswith("unable_"))
_LITIGATION = ("litigation_direct", "litigation_after_review")

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "open_rate",
        "公开率",
        "办理结果中予以公开和部分公开所占的比例。",
        "公开率 = (予以公开 + 部分公开) / 办理总计",
        (t3("granted"), t3("partially_granted")),
        (t3("total"),),
    ),
    Indicator(
        "denial_rate",
        "不予公开率",
        "办理结果中以各类理由不予公开所占的比例。",
        "不予公开率 = 不予公开（8 项之和）/ 办理总计",
        _DENIED,
        (t3("total"),),
    ),
    Indicator(
        "unable_rate",
        "无法提供率",
        "办理结果中因不掌握、需另行制作或内容不明确而无法提供的比例。",
        "无法提供率 = 无法提供（3 项之和）/ 办理总计",
        _UNABLE,
        (t3("total"),),
    ),
    Indicator(
        "carry_forward_rate",
        "结转率",
        "当年应办理的申请（新收加上年结转）中结转到下一年继续办理的比例。",
        "结转率 = 结转下年度继续办理 / (本年新收 + 上年结转)",
        (t3("carried_forward"),),
        (t3("new_received"), t3("carried_over")),
    ),
    Indicator(
        "correction_rate",
        "纠错率",
        "行政复议案件中结果被纠正的比例。",
        "纠错率 = 行政复议结果纠正 / 行政复议总计",
        (t4("review", "corrected"),),
        (t4("review", "total"),),
    ),
    Indicator(
        "litigation_correction_rate",
        "诉讼纠错率",
        "行政诉讼案件（直接起诉与复议后起诉）中结果被纠正的比例。",
        "诉讼纠错率 = 行政诉讼结果纠正 / 行政诉讼总计",
        tuple(t4(b, "corrected") for b in _LITIGATION),
        tuple(t4(b, "total") for b in _LITIGATION),
    ),
    Indicator(
        "dispute_rate",
        "复议诉讼率",
        "每收到一件申请，平均引起的行政复议和行政诉讼案件数。",
        "复议诉讼率 = (行政复议总计 + 行政诉讼总计) / 本年新收",
        tuple(t4(b, "total") for b in T4_BLOCKS),
        (t3("new_received"),),
    ),
)


def cell_value(report: Report, ref: CellRef) -> float | int | None:
    """The printed value of one table-3/4 cell, or None."""
    table, row, column = ref
    if table == "table3":
        return report.table3.rows[row][T3_COLUMNS.index(column)] if report.table3 else None
    return report.table4.blocks[row][column] if report.table4 else None


def cell_line(report: Report, ref: CellRef) -> int | None:
    table, row, column = ref
    if table == "table3":
        return report.table3.lines[row][T3_COLUMNS.index(column)] if report.table3 else None
    return report.table4.lines[row][column] if report.table4 else None


def cell_id(ref: CellRef) -> str:
    return ".".join(ref)


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """One indicator for one report."""

    indicator: Indicator
    numerator: float | int | None
    denominator: float | int | None
    value: float | None
    status: str
    """"ok", "small" (denominator under MIN_DENOMINATOR), "zero" or "missing" (a cell not printed)."""

    @property
    def rankable(self) -> bool:
        return self.status == "ok"


def _sum(report: Report, refs: tuple[CellRef, ...]) -> float | int | None:
    values = [cell_value(report, ref) for ref in refs]
    return None if any(v is None for v in values) else sum(values)


def indicator_value(report: Report, indicator: Indicator) -> IndicatorValue:
    num, den = _sum(report, indicator.numerator), _sum(report, indicator.denominator)
    if num is None or den is None:
        return IndicatorValue(indicator, num, den, None, "missing")
    if den == 0:
        return IndicatorValue(indicator, num, den, None, "zero")
    status = "ok" if den >= MIN_DENOMINATOR else "small"
    return IndicatorValue(indicator, num, den, num / den, status)


#: Figures compared across years and agencies: (label, cells summed).
KEY_FIGURES: tuple[tuple[str, tuple[CellRef, ...]], ...] = (
    ("本年新收申请", (t3("new_received"),)),
    ("上年结转", (t3("carried_over"),)),
    ("予以公开", (t3("granted"),)),
    ("部分公开", (t3("partially_granted"),)),
    ("不予公开", _DENIED),
    ("无法提供", _UNABLE),
    ("不予处理", tuple(t3(r) for r in T3_ROWS if r.startswith("not_processed_"))),
    ("其他处理", (t3("other_no_correction"), t3("other_no_fee"), t3("other_other"))),
    ("办理总计", (t3("total"),)),
    ("结转下年度", (t3("carried_forward"),)),
    ("行政复议", (t4("review", "total"),)),
    ("行政诉讼", tuple(t4(b, "total") for b in _LITIGATION)),
)


#: While ``figures_memo`` runs: id(report) -> (report, {refs: figure}). The summary pages
#: ask ~70 figures of every report, most of them several times over.
_MEMO: dict[int, tuple[Report, dict[tuple, Any]]] | None = None


@contextmanager
def figures_memo() -> Iterator[None]:
    """Within the block, ``figure`` computes each (report, refs) once. The memo holds the
    reports it has seen (so their ids stay theirs) and is dropped when the block ends."""
    global _MEMO
    _MEMO = {}
    try:
        yield
    finally:
        _MEMO = None


def figure(report: Report, refs: tuple[CellRef, ...]) -> float | int | None:
    """Sum of printed cells; None when any of them was not printed (never a partial sum).

    The 2019 template has no other_no_correction / other_no_fee rows: they count as absent
    there, not as missing, so its （六）其他处理 still adds up.
    """
    memo = _MEMO
    if memo is None:
        return _figure(report, refs)
    slot = memo.get(id(report))
    if slot is None or slot[0] is not report:
        slot = memo[id(report)] = (report, {})
    try:
        return slot[1][refs]
    except KeyError:
        value = slot[1][refs] = _figure(report, refs)
        return value


def _figure(report: Report, refs: tuple[CellRef, ...]) -> float | int | None:
    if report.template == "2019":
        refs = tuple(r for r in refs if r[1] not in ("other_no_correction", "other_no_fee")) or refs
    return _sum(report, refs)


def indicators_for(report: Report) -> list[IndicatorValue]:
    return [indicator_value(report, ind) for ind in INDICATORS]


def tidy_rows(report: Report, agency: str) -> list[dict[str, Any]]:
    """Every value cell of one report as tidy rows (None values kept: they are data too)."""
    return [dict(zip(TIDY_COLUMNS, row, strict=True)) for row in tidy_tuples(report, agency)]


def tidy_tuples(report: Report, agency: str) -> list[tuple]:
    """``tidy_rows`` as tuples in ``TIDY_COLUMNS`` order (data/reports.csv: ~200 a report)."""
    base = (agency, report.year, report.id)
    rows: list[tuple] = []
    if report.table2 is not None:
        values = table2_json(report.table2, report.template)
        lines = table2_json(report.table2, report.template, lines=True)
        rows += [(*base, "table2", r["row"], r["column"], r["value"], r["source_line"]) for r in _flatten_t2(values, lines)]
    if report.table3 is not None:
        t = report.table3
        for row in T3_ROWS:
            values, lines = t.rows[row], t.lines[row]
            rows += [(*base, "table3", row, column, values[i], lines[i]) for i, column in enumerate(T3_COLUMNS)]
    if report.table4 is not None:
        t4 = report.table4
        for block in T4_BLOCKS:
            values, lines = t4.blocks[block], t4.lines[block]
            rows += [(*base, "table4", block, field, values[field], lines[field]) for field in T4_FIELDS]
    return rows


def _flatten_t2(values: dict[str, Any], lines: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for key, value in values.items():
        if key == "items":
            for item, item_lines in zip(value, lines["items"], strict=True):
                for col, v in item["values"].items():
                    out.append({"row": item["item"], "column": col, "value": v, "source_line": item_lines["values"].get(col)})
        elif isinstance(value, dict):
            for col, v in value.items():
                out.append({"row": key, "column": col, "value": v, "source_line": lines[key][col]})
        else:
            out.append({"row": key, "column": "value", "value": value, "source_line": lines[key]})
    return out


def tidy_frame(reports: list[tuple[Report, str]]) -> pd.DataFrame:
    """The long form of every report: (report, canonical agency name) pairs in."""
    import pandas as pd

    rows = [row for report, agency in reports for row in tidy_rows(report, agency)]
    frame = pd.DataFrame(rows, columns=TIDY_COLUMNS)
    # object dtype keeps printed integers as integers (a float column would print 4 as 4.0).
    frame["value"] = pd.Series([r["value"] for r in rows], dtype=object)
    frame["year"] = frame["year"].astype("Int64")
    frame["source_line"] = frame["source_line"].astype("Int64")
    return frame


@dataclass(frozen=True, slots=True)
class Total:
    """A sum over reports of one printed cell, and how many reports lacked it."""

    value: float | int
    counted: int
    missing: int

    @property
    def complete(self) -> bool:
        return self.missing == 0


def total_of(frame: pd.DataFrame, table: str, row: str, column: str) -> Total:
    """Sum of one cell across the reports in ``frame`` (printed values only)."""
    import pandas as pd

    cells = frame[(frame["table"] == table) & (frame["row"] == row) & (frame["column"] == column)]
    values = pd.to_numeric(cells["value"], errors="coerce")
    reports = frame["report_id"].nunique()
    counted = int(values.notna().sum())
    return Total(_plain(values.sum(min_count=0)), counted, reports - counted)


def total_over(reports: list[Report], ref: CellRef) -> Total:
    """``total_of`` straight from the reports, without the tidy frame (same numbers).

    A report counts as missing the cell when it has any table but not this value; a report
    without tables (an unreadable file) is not counted, as in the tidy frame."""
    value: float | int = 0
    counted = with_tables = 0
    for report in reports:
        if report.table2 is None and report.table3 is None and report.table4 is None:
            continue
        with_tables += 1
        v = cell_value(report, ref)
        if v is not None:
            counted += 1
            value += v
    return Total(_plain(value), counted, with_tables - counted)


def _plain(x: Any) -> int | float:
    x = float(x)
    return int(x) if x.is_integer() else x


def share(numerator: list[Total], denominator: Total) -> float | None:
    """Ratio of two sums, or None when the denominator is zero."""
    den = denominator.value
    return None if not den else sum(t.value for t in numerator) / den


def format_rate(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def format_number(value: float | int | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"
