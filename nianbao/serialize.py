"""Report <-> JSON, in the shape fixed by docs/report-model.md.

``provenance`` mirrors the value tables with source line numbers in place of values, so a
reader (or the site) can find the line any number was read from.
"""

from __future__ import annotations

from typing import Any

from .confidence import confidence
from .model import (
    T3_COLUMNS,
    T3_ROWS,
    T4_BLOCKS,
    T4_FIELDS,
    Contact,
    Finding,
    Report,
    Section,
    Table2,
    Table2Item,
    Table3,
    Table4,
)

#: 2021 table 2: contract key -> (item labels it is printed as, {column label: key}).
T2_DOCUMENTS = {
    "regulations": ("规章",),
    "normative_documents": ("行政规范性文件", "规范性文件"),
}
T2_DOCUMENT_COLUMNS = {"本年制发件数": "issued", "本年废止件数": "repealed", "现行有效件数": "in_force"}
#: contract key -> (item labels, column label) for the single-number rows.
T2_COUNTS_2021 = {
    "licensing": (("行政许可",), "本年处理决定数量"),
    "punishment": (("行政处罚",), "本年处理决定数量"),
    "coercion": (("行政强制",), "本年处理决定数量"),
    "fees_10k_yuan": (("行政事业性收费",), "本年收费金额"),
}
T2_COUNTS_2019 = {
    "licensing": (("行政许可",), "处理决定数量"),
    "punishment": (("行政处罚",), "处理决定数量"),
    "coercion": (("行政强制",), "处理决定数量"),
}


def _find_item(table: Table2, labels: tuple[str, ...]) -> Table2Item | None:
    for item in table.items:
        if item.item in labels:
            return item
    return None


def table2_json(table: Table2, template: str | None, lines: bool = False) -> dict[str, Any]:
    """The contract shape of table 2 (values, or source lines with ``lines=True``)."""
    pick = (lambda it: it.lines) if lines else (lambda it: it.values)
    out: dict[str, Any] = {}
    if template == "2019":
        out["items"] = [{"item": it.item, "values": dict(pick(it))} for it in table.items]
        counts = T2_COUNTS_2019
    else:
        for key, labels in T2_DOCUMENTS.items():
            item = _find_item(table, labels)
            out[key] = {k: (pick(item).get(col) if item else None) for col, k in T2_DOCUMENT_COLUMNS.items()}
        counts = T2_COUNTS_2021
    for key, (labels, column) in counts.items():
        item = _find_item(table, labels)
        out[key] = pick(item).get(column) if item else None
    return out


def to_json(report: Report, include_lines: bool = False) -> dict[str, Any]:
    """The report as a JSON-ready dict (keys in contract order)."""
    out: dict[str, Any] = {
        "id": report.id,
        "agency": report.agency,
        "year": report.year,
        "template": report.template,
        "source": report.source,
        "format": report.format,
        "sha256": report.sha256,
        "title": report.title,
        "period": report.period,
        "contact": {
            "phone": report.contact.phone,
            "address": report.contact.address,
            "postcode": report.contact.postcode,
            "website": report.contact.website,
        },
        "sections": [
            {"key": s.key, "title": s.title, "text": s.text, "line": s.line} for s in report.sections
        ],
        "table2": table2_json(report.table2, report.template) if report.table2 else None,
        "table3": _table3_json(report.table3, lines=False) if report.table3 else None,
        "table4": dict(report.table4.blocks) if report.table4 else None,
        "findings": [finding_json(f) for f in report.findings],
        "confidence": confidence(report),
        "provenance": {
            "table2": table2_json(report.table2, report.template, lines=True) if report.table2 else None,
            "table3": _table3_json(report.table3, lines=True) if report.table3 else None,
            "table4": dict(report.table4.lines) if report.table4 else None,
        },
        "structure": {
            "table2_items": _table2_items(report.table2) if report.table2 else None,
            "table3_printed": dict(report.table3.printed) if report.table3 else None,
            "table3_found": list(report.table3.found) if report.table3 else None,
            "table4_printed": report.table4.printed if report.table4 else None,
        },
    }
    if include_lines:
        out["lines"] = list(report.lines)
    return out


def _table2_items(table: Table2) -> list[dict[str, Any]]:
    return [{"item": it.item, "values": dict(it.values), "lines": dict(it.lines)} for it in table.items]


def _table3_json(table: Table3, lines: bool) -> dict[str, Any]:
    source = table.lines if lines else table.rows
    return {"columns": list(T3_COLUMNS), "rows": {k: list(source[k]) for k in T3_ROWS}}


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "where": f.where,
        "cells": list(f.cells),
        "lines": list(f.lines),
    }


def from_json(data: dict[str, Any]) -> Report:
    """Rebuild a Report from ``to_json(report, include_lines=True)`` output."""
    struct = data.get("structure") or {}
    prov = data.get("provenance") or {}
    table2 = None
    if struct.get("table2_items") is not None:
        table2 = Table2(
            items=[Table2Item(i["item"], dict(i["values"]), dict(i["lines"])) for i in struct["table2_items"]]
        )
    table3 = None
    if data.get("table3"):
        table3 = Table3(
            rows={k: list(v) for k, v in data["table3"]["rows"].items()},
            lines={k: list(v) for k, v in prov["table3"]["rows"].items()},
            printed=dict(struct.get("table3_printed") or {}),
            found=list(struct.get("table3_found") or []),
        )
    table4 = None
    if data.get("table4"):
        table4 = Table4(
            blocks={b: {f: data["table4"][b][f] for f in T4_FIELDS} for b in T4_BLOCKS},
            lines={b: {f: prov["table4"][b][f] for f in T4_FIELDS} for b in T4_BLOCKS},
            printed=struct.get("table4_printed") or 15,
        )
    return Report(
        id=data["id"],
        source=data["source"],
        format=data.get("format", "text"),
        agency=data.get("agency"),
        year=data.get("year"),
        template=data.get("template"),
        title=data.get("title"),
        contact=Contact(**(data.get("contact") or {})),
        period=data.get("period"),
        sections=[Section(s["key"], s["title"], s["text"], s["line"]) for s in data.get("sections", [])],
        table2=table2,
        table3=table3,
        table4=table4,
        findings=[Finding(**f) for f in data.get("findings", [])],
        lines=list(data.get("lines", [])),
        sha256=data.get("sha256", ""),
    )
