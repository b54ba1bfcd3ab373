"""What the search index holds for report and agency pages, taken from the loaded reports.

Pagefind used to re-read every HTML page (~1.3 GB at 10,000 reports, mostly table digits
and numbered source text). A report or agency page is instead given to Pagefind as a
record built from the data the build already holds: what a visitor searches for (title,
agency and its other spellings, region, level, year, the narrative, the findings, and the
names of the tables and rows the report printed), not the tables' digits. Every other
indexed page is still read from its HTML (publish/search.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..agencies import Agency
from .context import SiteData
from .corpus import Entry
from .labels import T3_OUTCOME_GROUPS, T3_ROW_LABELS, T4_BLOCK_LABELS, TABLE_LABELS
from .urls import agency_page, report_page


@dataclass(frozen=True, slots=True)
class Record:
    """One page as Pagefind indexes it."""

    path: str
    """Site path of the page, e.g. "reports/x-2025.html"."""
    title: str
    content: str


def search_records(data: SiteData) -> list[Record]:
    """A record per report page and per agency page, in site order."""
    records = [report_record(e) for e in data.corpus.entries]
    records += [agency_record(agency, entries) for agency, entries in data.corpus.agencies()]
    return records


def report_record(entry: Entry) -> Record:
    r, a = entry.report, entry.agency
    heading = r.title or f"{a.name}{entry.year_label}政府信息公开工作年度报告"
    parts = [heading, entry.label, _agency_text(a), r.agency or "", entry.year_label, r.period or ""]
    for s in r.sections:
        parts += [s.title, s.text]
    parts += _table_labels(entry)
    parts += [f"{f.message} {f.where}" for f in r.findings]
    return Record(report_page(entry), f"{entry.label} 政府信息公开工作年度报告", _join(parts))


def agency_record(agency: Agency, entries: list[Entry]) -> Record:
    parts = [agency.name, _agency_text(agency)]
    parts += [e.report.title or f"{agency.name}{e.year_label}政府信息公开工作年度报告" for e in entries]
    return Record(agency_page(agency.slug), agency.name, _join(parts))


def _agency_text(a: Agency) -> str:
    return " ".join([a.name, *a.variants, " ".join(a.region), a.level])


def _table_labels(entry: Entry) -> list[str]:
    """The captions and row names of the tables the report printed (never their numbers)."""
    r = entry.report
    out = []
    if r.table2:
        out.append(TABLE_LABELS["table2"])
    if r.table3:
        rows = set(r.table3.rows)
        out.append(TABLE_LABELS["table3"])
        out += [label for key, label in T3_ROW_LABELS.items() if key in rows]
        out += [label for _key, label, members in T3_OUTCOME_GROUPS if rows.intersection(members)]
    if r.table4:
        out.append(TABLE_LABELS["table4"])
        out += [label for key, label in T4_BLOCK_LABELS.items() if key in r.table4.blocks]
    return out


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in parts if p)
