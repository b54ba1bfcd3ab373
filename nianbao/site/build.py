"""``python build.py``: seeds/ + content/ -> a static site, in two phases.

Phase one parses, checks and renders everything in memory; phase two writes it to a
temporary folder and swaps it into place (writer.py). A crash in either phase leaves the
previous site as it was. The stages, top to bottom:

1. registry   content/agencies.toml: name variants -> agencies
2. load       every file under seeds/ parsed and checked (a bad file becomes findings)
3. corpus     reports tied to agencies; duplicates picked; previous reports linked
4. data       the tidy frame, indicators, content pages (SiteData)
5. pages      one context builder per page type -> rendered HTML
6. files      + data downloads, each report's original file, assets
7. write      atomic swap into --out
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..agencies import RegistryError, load_registry
from ..load import MAX_INPUT_BYTES, discover, load_reports
from ..publish.search import search_files
from .context import ContentError, SiteData, site_data
from .corpus import assemble
from .downloads import data_files, original_files
from .pages.agency import build_agency_pages
from .pages.common import Page
from .pages.content import build_data, build_docs, build_not_found, build_search
from .pages.indicators import build_indicators
from .pages.overview import build_overview
from .pages.quality import build_quality
from .pages.report import build_report_pages
from .pages.year import build_year_pages
from .render import ASSETS, TEMPLATES, asset_files, environment, render_page
from .writer import UnsafeOutput, check_out_dir, write_site


def build_site(seeds: Path, out: Path, content: Path, strict: bool) -> int:
    """Build the site; 0 on success, 1 with --strict when any error finding exists, 2 on bad input."""
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
    files = render_site(data)
    files.update(original_files(data.corpus.entries, seeds.parent, MAX_INPUT_BYTES))
    files.update(search_files(files))  # Pagefind index + UI, written in the same atomic swap
    write_site(files, out)
    return _summary(data, out, strict)


def all_pages(data: SiteData) -> list[Page]:
    """Every page of the site, one builder per page type."""
    return [
        build_overview(data),
        *build_report_pages(data),
        *build_agency_pages(data),
        *build_year_pages(data),
        build_indicators(data),
        build_quality(data),
        build_data(data),
        *build_docs(data),
        build_search(data),
        build_not_found(data),
    ]


def render_site(data: SiteData) -> dict[str, bytes]:
    """Site path -> bytes for every file of the site (phase one ends here)."""
    env = environment()
    files = {page.path: render_page(env, page) for page in all_pages(data)}
    files.update(data_files(data))
    files.update(asset_files())
    return files


def _summary(data: SiteData, out: Path, strict: bool) -> int:
    """Print what was built; with --strict the site is still written, but exit 1 on errors."""
    entries = data.corpus.entries
    errors = sum(f.severity == "error" for e in entries for f in e.report.findings)
    findings = sum(len(e.report.findings) for e in entries)
    print(f"built {out}: {len(entries)} reports, {findings} findings, {errors} errors", file=sys.stderr)
    return 1 if strict and errors else 0
