"""Tables 2, 3 and 4 of one report, laid out like the official template.

Every value cell links to the source line it was read from (#L<n>) and carries the id of
its contract cell (c-table3-total-natural_person), so findings can point at it. Cells a
finding names get a numbered marker, and the finding's text sits in the same row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...dataset import format_number
from ...model import T3_COLUMNS, T3_ROWS, T3_ROWS_2021_ONLY, T4_BLOCKS, T4_FIELDS, Finding, Report
from ...serialize import T2_COUNTS_2019, T2_COUNTS_2021, T2_DOCUMENT_COLUMNS, T2_DOCUMENTS
from ..labels import SEVERITY_LABELS, T3_COLUMN_LABELS, T3_ROW_LABELS, T4_FIELD_LABELS
from ..urls import cell_anchor, line_anchor
from .common import Cell, Grid, HeadCell, Mark, Note, Row


@dataclass(slots=True)
class FindingIndex:
    """Findings of one report numbered 1..n, looked up by the cells they name."""

    findings: list[Finding]
    by_cell: dict[str, list[int]] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)
    """Cells an identity of the table vouches for (confidence.confirmed_cells)."""
    counts: dict = field(default_factory=dict)
    """Per table, cells confirmed / by position / null (confidence.confidence), computed once."""

    def __post_init__(self) -> None:
        for number, finding in enumerate(self.findings, 1):
            for cell in finding.cells:
                self.by_cell.setdefault(cell, []).append(number)

    def marks(self, cell_id: str) -> tuple[Mark, ...]:
        table = cell_id.split(".")[0]
        return tuple(Mark(n, self.findings[n - 1].severity, f"#{table}-n{n}") for n in self.by_cell.get(cell_id, []))

    def notes_for(self, cell_ids: list[str], table: str) -> tuple[Note, ...]:
        """Findings whose first cell in ``table`` is one of ``cell_ids`` (each shown once)."""
        out = []
        for number, f in enumerate(self.findings, 1):
            first = next((c for c in f.cells if c.startswith(table + ".")), None)
            if first in cell_ids:
                out.append(Note(number, f.severity, SEVERITY_LABELS.get(f.severity, f.severity), f.message, f"{table}-n{number}"))
        return tuple(out)


#: The title of an empty cell. Only an empty cell carries one: a number's link already
#: names its source line, and the sentence under the table says what the shading of a
#: confirmed cell means (a title on every cell was ~10 kB of a report page).
_EMPTY_TITLE = "原文无此数值（空白、“/”或被截断）"


def value_cell(value, line: int | None, cell_id: str, index: FindingIndex) -> Cell:
    """One number: linked to its source line, marked when a finding names it."""
    href = f"#{line_anchor(line)}" if line else ""
    anchor = cell_anchor(cell_id)
    ok = cell_id in index.confirmed
    if cell_id not in index.by_cell:  # the usual case: no finding names the cell
        if value is None:
            return Cell("—", anchor, href, "num null ok" if ok else "num null", _EMPTY_TITLE)
        return Cell(format_number(value), anchor, href, "num ok" if ok else "num")
    marks = index.marks(cell_id)
    css = " ".join(filter(None, ["num", "null" if value is None else "", "ok" if ok else "", f"flag-{marks[0].severity}"]))
    title = _EMPTY_TITLE if value is None else ""
    return Cell(format_number(value) if value is not None else "—", anchor, href, css, title, marks)


def confidence_note(index: FindingIndex, table: str) -> str:
    """How many of the table's cells its own arithmetic confirmed, in one sentence."""
    counts = index.counts.get(table)
    if not counts:
        return ""
    return (
        f"表内合计关系核实了 {counts['confirmed']} 个数字（表中以浅色底纹标出），"
        f"{counts['position']} 个只能按其在表中的位置读出，{counts['null']} 个单元格为空。"
    )


def _grid_rows(rows: list[tuple[tuple[HeadCell, ...], list[Cell], list[str]]], table: str, index: FindingIndex) -> tuple[Row, ...]:
    return tuple(Row(heads, tuple(cells), index.notes_for(ids, table)) for heads, cells, ids in rows)


# --- table 3 -------------------------------------------------------------------------

_T3_GROUPS = {
    "denied_state_secret": ("（三）不予公开", 8),
    "unable_not_held": ("（四）无法提供", 3),
    "not_processed_petition": ("（五）不予处理", 5),
    "other_no_correction": ("（六）其他处理", 3),
}
_T3_IN_GROUP = {k for k in T3_ROWS if k.startswith(("denied_", "unable_", "not_processed_"))} | set(T3_ROWS_2021_ONLY)


def _t3_heads(row: str, template: str | None) -> tuple[HeadCell, ...]:
    old = template == "2019"
    heads: list[HeadCell] = []
    if row == "granted":
        heads.append(HeadCell("三、本年度办理结果", rowspan=20 if old else 22))
    if row in ("new_received", "carried_over", "carried_forward"):
        return (HeadCell(T3_ROW_LABELS[row], colspan=3),)
    if row in _T3_GROUPS:
        heads.append(HeadCell(_T3_GROUPS[row][0], rowspan=_T3_GROUPS[row][1]))
    if row in _T3_IN_GROUP or (row == "other_other" and not old):
        heads.append(HeadCell(T3_ROW_LABELS[row]))
    elif row == "other_other":
        heads.append(HeadCell("（六）其他处理", colspan=2))
    else:
        heads.append(HeadCell(T3_ROW_LABELS[row], colspan=2))
    return tuple(heads)


def _t3_head_rows() -> tuple[tuple[HeadCell, ...], ...]:
    names = [HeadCell(T3_COLUMN_LABELS[c]) for c in T3_COLUMNS[1:6]]
    return (
        (
            HeadCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3, colspan=3),
            HeadCell("申请人情况", colspan=7),
        ),
        (HeadCell("自然人", rowspan=2), HeadCell("法人或其他组织", colspan=5), HeadCell("总计", rowspan=2)),
        tuple(names),
    )


def table3_grid(report: Report, index: FindingIndex) -> Grid | None:
    t = report.table3
    if t is None:
        return None
    rows = []
    for row in T3_ROWS:
        if report.template == "2019" and row in T3_ROWS_2021_ONLY:
            continue
        ids = [f"table3.{row}.{c}" for c in T3_COLUMNS]
        cells = [value_cell(t.rows[row][i], t.lines[row][i], ids[i], index) for i in range(len(T3_COLUMNS))]
        rows.append((_t3_heads(row, report.template), cells, ids))
    notes = _any_cells(index, "table3.")
    return Grid(
        "table3",
        "表三 收到和处理政府信息公开申请情况",
        _with_notes(_t3_head_rows(), notes),
        _grid_rows(rows, "table3", index),
        notes,
        css="official t3",
        summary=confidence_note(index, "table3"),
    )


def _any_cells(index: FindingIndex, prefix: str) -> bool:
    return any(c.startswith(prefix) for f in index.findings for c in f.cells)


def _with_notes(head_rows: tuple[tuple[HeadCell, ...], ...], notes: bool) -> tuple[tuple[HeadCell, ...], ...]:
    if not notes:
        return head_rows
    first = (*head_rows[0], HeadCell("检查发现", rowspan=len(head_rows), css="notes"))
    return (first, *head_rows[1:])


# --- table 4 -------------------------------------------------------------------------


def table4_grid(report: Report, index: FindingIndex) -> Grid | None:
    t = report.table4
    if t is None:
        return None
    fields = [HeadCell(T4_FIELD_LABELS[f]) for f in T4_FIELDS]
    head = (
        (HeadCell("行政复议", colspan=5), HeadCell("行政诉讼", colspan=10)),
        (*(HeadCell(h.text, rowspan=2) for h in fields), HeadCell("未经复议直接起诉", colspan=5), HeadCell("复议后起诉", colspan=5)),
        (*fields, *fields),
    )
    ids = [f"table4.{b}.{f}" for b in T4_BLOCKS for f in T4_FIELDS]
    cells = [value_cell(t.blocks[b][f], t.lines[b][f], f"table4.{b}.{f}", index) for b in T4_BLOCKS for f in T4_FIELDS]
    notes = _any_cells(index, "table4.")
    rows = _grid_rows([((), cells, ids)], "table4", index)
    return Grid(
        "table4",
        "表四 政府信息公开行政复议、行政诉讼情况",
        _with_notes(head, notes),
        rows,
        notes,
        css="official t4",
        summary=confidence_note(index, "table4"),
    )


# --- table 2 -------------------------------------------------------------------------


def _t2_cell_id(item: str, column: str, template: str | None, position: tuple[int, int]) -> str:
    """The contract cell id of a table-2 value, or a positional one for other rows."""
    if template != "2019":
        for key, labels in T2_DOCUMENTS.items():
            if item in labels and column in T2_DOCUMENT_COLUMNS:
                return f"table2.{key}.{T2_DOCUMENT_COLUMNS[column]}"
    counts = T2_COUNTS_2019 if template == "2019" else T2_COUNTS_2021
    for key, (labels, col) in counts.items():
        if item in labels and column.startswith(col):
            return f"table2.{key}"
    return f"table2.item{position[0]}.col{position[1]}"


def table2_grid(report: Report, index: FindingIndex) -> Grid | None:
    """Table 2 as printed: each run of rows sharing columns gets its own header row."""
    t = report.table2
    if t is None or not t.items:
        return None
    width = max(len(it.values) for it in t.items)
    rows: list[Row] = []
    columns: tuple[str, ...] | None = None
    for i, item in enumerate(t.items):
        if tuple(item.values) != columns:
            columns = tuple(item.values)
            labels = [Cell(c) for c in columns] + [Cell("") for _ in range(width - len(columns))]
            rows.append(Row((HeadCell("信息内容"),), tuple(labels), header=True))
        ids = [_t2_cell_id(item.item, c, report.template, (i, j)) for j, c in enumerate(columns)]
        cells = [value_cell(item.values[c], item.lines.get(c), ids[j], index) for j, c in enumerate(columns)]
        cells += [Cell("", css="pad") for _ in range(width - len(columns))]
        rows.append(Row((HeadCell(item.item),), tuple(cells), index.notes_for(ids, "table2")))
    notes = _any_cells(index, "table2.")
    return Grid("table2", "表二 主动公开政府信息情况", (), tuple(rows), notes, css="official t2", summary=confidence_note(index, "table2"))
