"""``python build.py``: seeds/ + content/ -> a static site, in two phases.

Phase one parses and checks everything in memory; phase two renders each file straight
into a temporary folder and swaps it into place (writer.py). Each file has a key of what it
depends on (keys.py): a file whose key did not change since the last build into the same
folder is hard-linked, not rendered. A crash in either phase leaves the previous site as it
was. The stages, top to bottom:

1. registry   content/agencies.toml: name variants -> agencies
2. load       every file under seeds/ parsed and checked (a bad file becomes findings)
3. corpus     reports tied to agencies; duplicates picked; previous reports linked
4. data       indicators, content pages (SiteData)
5. pages      one context builder per page type -> rendered HTML   (output.py)
6. files      + data downloads (the two big ones spliced from per-report pieces), each
              report's original file, assets
7. write      into a temporary folder, unchanged files hard-linked from the previous
              build (staged.py), Pagefind when a page changed, atomic swap into --out
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from ..agencies import RegistryError, load_registry
from ..load import discover, load_reports
from ..publish.search import SearchIndex
from .console import print_findings
from .context import ContentError, SiteData, site_data
from .corpus import assemble
from .output import entry_jobs, file_jobs, summary_pages, write_downloads, write_jobs, write_summary
from .pages.agency import build_agency_pages
from .pages.common import Page
from .pages.report import build_report_pages
from .render import ASSETS, TEMPLATES, environment
from .search_records import search_records
from .staged import StagedSite, load_manifest, save_manifest
from .writer import UnsafeOutput, check_out_dir, finish_removals, staging


def build_site(seeds: Path, out: Path, content: Path, strict: bool, verbose: bool = False) -> int:
    """Build the site; 0 on success, 1 with --strict when any error finding exists, 2 on bad input.

    Each error finding is printed by name before the summary (``verbose``: every finding)."""
    if not seeds.is_dir():
        print(f"build.py: {seeds}: no such folder", file=sys.stderr)
        return 2
    try:
        check_out_dir(out, [seeds, content, TEMPLATES, ASSETS])
        registry = load_registry(content / "agencies.toml")
    except (UnsafeOutput, RegistryError) as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2
    reports = load_reports(discover(seeds), root=seeds.parent, agency_of=lambda r: registry.resolve(r.agency).slug)
    try:
        data = site_data(assemble(reports, registry), content)
    except ContentError as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 2
    # Everything loaded so far lives until the end: keep the cyclic garbage collector from
    # rescanning those millions of objects while pages are built (~25 % of page time).
    gc.freeze()
    removals: list = []  # the previous site, removed in the background after the swap
    try:
        site = write(data, seeds.parent, out, removals)
        print(f"{site.written} files written, {site.linked} unchanged", file=sys.stderr)
        return _summary(data, seeds.parent, out, strict, verbose)
    finally:
        finish_removals(removals)


def write(data: SiteData, root: Path, out: Path, removals: list | None = None) -> StagedSite:
    """Phase two: every file into a temporary folder (unchanged ones linked), then the swap."""
    env = environment()  # templates compiled once, for every page
    with staging(out, removals) as tmp:
        site = StagedSite(tmp, out, load_manifest(out))
        # Report and agency pages and the data files first, across all cores (forked
        # workers); then the few summary pages, whose charts start vl-convert's threads.
        write_jobs(site, entry_jobs(data, env), "生成页面")
        write_jobs(site, list(file_jobs(data, root)), "数据文件")
        # Pagefind, in the same atomic swap as the pages: the report/agency bundles are
        # indexed in the background while this process alone writes the big downloads and
        # renders the summary pages.
        search = SearchIndex(site, search_records(data))
        search.start()
        write_downloads(site, data)
        write_summary(site, data, env)
        search.finish()
    save_manifest(out, site)
    return site


def all_pages(data: SiteData) -> list[Page]:
    """Every page of the site, built at once (for tests and tools; the build goes page by page)."""
    return [*build_report_pages(data), *build_agency_pages(data), *summary_pages(data)]


def _summary(data: SiteData, root: Path, out: Path, strict: bool, verbose: bool) -> int:
    """Name each error (like `build.py check`), count the rest, then one line of totals.

    With --strict the site is still written, but the exit code is 1 when an error exists."""
    entries = data.corpus.entries
    print_findings((e.report for e in entries), root, verbose)
    errors = sum(f.severity == "error" for e in entries for f in e.report.findings)
    findings = sum(len(e.report.findings) for e in entries)
    print(f"built {out}: {len(entries)} reports, {findings} findings, {errors} errors", file=sys.stderr)
    return 1 if strict and errors else 0
