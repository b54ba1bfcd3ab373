"""The corpus stage: checked reports tied to registry agencies, with stable page keys.

Everything the page builders need to know about which report is which lives here, so
every page agrees on it: the canonical agency, the page key, the previous report of the
same agency, and which report is used when two claim the same agency and year.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..agencies import UNKNOWN_AGENCY_SLUG, Agency, Registry
from ..model import Finding, Report

UNKNOWN_YEAR = "未知年度"
DUPLICATE_RULE = "structure.duplicate_report"
_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(slots=True)
class Entry:
    """One report as the site shows it."""

    report: Report
    agency: Agency
    key: str
    """Page key: "<agency slug>-<year>", plus the report id when it cannot be unique."""
    primary: bool = True
    """False for a duplicate agency+year report that lost to another (still published)."""
    previous: Entry | None = None
    """The same agency's latest earlier primary report, for the change column."""
    digests: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    """keys.py's digests of this entry, computed once in phase two (nothing changes then)."""

    @property
    def year(self) -> int | None:
        return self.report.year

    @property
    def year_label(self) -> str:
        return f"{self.report.year} 年" if self.report.year is not None else UNKNOWN_YEAR

    @property
    def label(self) -> str:
        return f"{self.agency.name} · {self.year_label}"


@dataclass(frozen=True, slots=True)
class Region:
    """A region at one level of the hierarchy, e.g. ("伊春市", "金林区")."""

    path: tuple[str, ...]
    slug: str

    @property
    def name(self) -> str:
        return self.path[-1]


@dataclass(slots=True)
class Corpus:
    """All entries, sorted by agency slug, year and source."""

    entries: list[Entry] = field(default_factory=list)
    region_slugs: dict[tuple[str, ...], str] = field(default_factory=dict)
    """Every region path that some entry's agency lies in (each level) -> its slug."""

    def region(self, path: tuple[str, ...]) -> Region:
        return Region(path, self.region_slugs[path])

    def regions(self) -> list[tuple[Region, list[Entry]]]:
        """Each region with the entries of the agencies in it or below it, by path."""
        groups: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        for e in self.entries:
            for depth in range(1, len(e.agency.region) + 1):
                groups[e.agency.region[:depth]].append(e)
        return [(self.region(path), entries) for path, entries in sorted(groups.items())]

    @property
    def primary(self) -> list[Entry]:
        return [e for e in self.entries if e.primary]

    def agencies(self) -> list[tuple[Agency, list[Entry]]]:
        """Each agency with its entries (all of them), by slug."""
        groups: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            groups[e.agency.slug].append(e)
        return [(entries[0].agency, entries) for _slug, entries in sorted(groups.items())]

    def years(self) -> list[tuple[int, list[Entry]]]:
        """Each known year with its primary entries."""
        groups: dict[int, list[Entry]] = defaultdict(list)
        for e in self.primary:
            if e.year is not None:
                groups[e.year].append(e)
        return sorted(groups.items())


def safe_id(text: str) -> str:
    """A report id as a URL-safe ASCII fragment, distinct for distinct ids.

    When lower-casing or dropping non-ASCII changes the id ("甲" and "乙" would both be
    "report"), a short hash of the id keeps two reports from sharing one page."""
    slug = _UNSAFE.sub("-", text.lower()).strip("-")
    if slug == text:
        return slug
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else f"report-{digest}"


def assemble(reports: list[Report], registry: Registry) -> Corpus:
    """Tie reports to agencies, pick one per agency+year, link each to its predecessor."""
    ordered = sorted(reports, key=lambda r: (r.source, r.id))
    entries = [_entry(r, registry.resolve(r.agency)) for r in ordered]
    _mark_duplicates(entries)
    _link_previous(entries)
    entries.sort(key=lambda e: (e.agency.slug, e.year if e.year is not None else 9999, not e.primary, e.report.source))
    paths = {e.agency.region[:depth] for e in entries for depth in range(1, len(e.agency.region) + 1)}
    return Corpus(entries, {path: registry.region_slug(path) for path in sorted(paths)})


def _entry(report: Report, agency: Agency) -> Entry:
    if report.year is None or agency.slug == UNKNOWN_AGENCY_SLUG:
        # Unknown agency or year: the key must still be unique and stable, so add the id.
        year = str(report.year) if report.year is not None else "unknown-year"
        return Entry(report, agency, f"{agency.slug}-{year}-{safe_id(report.id)}")
    return Entry(report, agency, f"{agency.slug}-{report.year}")


def _mark_duplicates(entries: list[Entry]) -> None:
    """Same key twice: the first by source path wins; both get a finding naming both."""
    by_key: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_key[e.key].append(e)
    for group in by_key.values():
        if len(group) < 2:
            continue
        winner, *losers = group  # entries are in source-path order
        sources = "、".join(e.report.source for e in group)
        for loser in losers:
            loser.primary = False
            loser.key = f"{loser.key}-{safe_id(loser.report.id)}"
        for e in group:
            e.report.findings.append(_duplicate_finding(e, winner, sources))


def _duplicate_finding(e: Entry, winner: Entry, sources: str) -> Finding:
    used = "本站采用此份" if e is winner else f"本站采用 {winner.report.source}，此份仅单独列出"
    return Finding(
        DUPLICATE_RULE,
        "warning",
        f"{e.agency.name} {e.year_label}有多份报告：{sources}。{used}（按源文件路径排序取第一份）。",
        "整份报告",
    )


def _link_previous(entries: list[Entry]) -> None:
    by_agency: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        if e.primary and e.year is not None:
            by_agency[e.agency.slug].append(e)
    for group in by_agency.values():
        group.sort(key=lambda e: e.year)
        for before, after in zip(group, group[1:], strict=False):
            after.previous = before
    for e in entries:
        if not e.primary and e.year is not None:
            earlier = [p for p in by_agency[e.agency.slug] if p.year < e.year]
            e.previous = earlier[-1] if earlier else None
