"""What each output file depends on, as a hash: equal keys mean equal bytes.

The writer reuses a file of the previous build (a hard link, nothing rendered) when its key
is unchanged. A key must therefore cover everything that shapes the file:

* ``site_fingerprint``: the code and templates that render pages, the assets, the parser
  (whose output the pages show) and the versions of the libraries involved;
* for a report or agency page, the *inputs* (``entry_digest``): the report's file hash,
  id, source and findings (a report is a function of its bytes and the parser, plus the
  findings added across reports), its agency, page key and whether it is the primary one,
  so an unchanged page costs no context building at all;
* for every other page, the page itself: ``page_key`` hashes the repr of its typed context
  (frozen dataclasses of strings and numbers, so the repr is stable), which is cheap for
  the few summary pages.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..cache import code_fingerprint
from .corpus import Entry
from .pages.common import Page

_PACKAGE = Path(__file__).resolve().parents[1]
_ROOT = _PACKAGE.parent
#: Everything that shapes a page besides its data.
_SOURCES = (
    "nianbao/site",
    "nianbao/charts.py",
    "nianbao/minicharts.py",
    "nianbao/textwidth.py",
    "nianbao/fonts",
    "nianbao/dataset.py",
    "nianbao/agencies.py",
    "templates",
    "site_assets",
)
_LIBRARIES = ("jinja2", "markupsafe", "altair", "vl-convert-python", "markdown-it-py", "pandas")


def _hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1)
def site_fingerprint() -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for name in _SOURCES:
        path = _ROOT / name
        for file in sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]:
            digest.update(file.relative_to(_ROOT).as_posix().encode())
            digest.update(file.read_bytes())
    digest.update(" ".join(f"{n}={_version(n)}" for n in _LIBRARIES).encode())
    return digest.hexdigest()


def report_digest(entry: Entry) -> str:
    """The report: a function of its file's bytes and the parser, plus its findings.

    Computed once per entry (``Entry.digests``): pages, downloads and search ask for it
    tens of thousands of times at 10,000 reports, and nothing changes in phase two."""
    digest = entry.digests.get("report")
    if digest is None:
        r = entry.report
        digest = entry.digests["report"] = _hash(r.sha256, r.id, r.source, repr(r.findings))
    return digest


def entry_digest(entry: Entry) -> str:
    """The report and how the site places it (agency, page key, primary or not)."""
    digest = entry.digests.get("entry")
    if digest is None:
        digest = entry.digests["entry"] = _hash(report_digest(entry), repr(entry.agency), entry.key, str(entry.primary))
    return digest


def summary_digest(entry: Entry) -> str:
    """What the summary pages (overview, years, regions, lists, rankings, quality) and the
    small downloads (findings.csv, indicators.csv, agencies.json) read of an entry: its
    table-3 and table-4 values (figures, indicators), year, template, printed agency and
    findings, and how the site places it. Not its text, title, contact or table 2: a report
    whose edit changed none of these (a sentence added) leaves all of them as they were."""
    digest = entry.digests.get("summary")
    if digest is None:
        r = entry.report
        t3 = repr(r.table3.rows) if r.table3 is not None else "-"
        t4 = repr(r.table4.blocks) if r.table4 is not None else "-"
        placed = (repr(entry.agency), entry.key, str(entry.primary))
        digest = entry.digests["summary"] = _hash(r.id, str(r.agency), str(r.year), str(r.template), t3, t4, repr(r.findings), *placed)
    return digest


def inputs_key(kind: str, build_date: str, *digests: str) -> str:
    return _hash(site_fingerprint(), kind, build_date, *digests)


def report_page_key(entry: Entry, build_date: str) -> str:
    """A report page shows its report and the figures of the agency's previous report."""
    previous = entry_digest(entry.previous) if entry.previous else ""
    return inputs_key("report", build_date, entry_digest(entry), previous)


def agency_page_key(entries: list[Entry], build_date: str) -> str:
    return inputs_key("agency", build_date, *(entry_digest(e) for e in entries))


def page_key(page: Page) -> str | None:
    """Hash of a built page; None when its repr is not a stable value (an object address)."""
    text = repr(page)
    return None if " at 0x" in text else _hash(site_fingerprint(), "page", text)
