"""Phase two: every file of the site, each with its key, produced into the staged folder.

A ``Job`` is a site path, the key of what the file depends on (keys.py) and a function
that produces its bytes. Report and agency pages, per-report JSON and originals are keyed
by their inputs, so an unchanged one is neither built nor rendered; the few summary pages
are built (cheap) and keyed by their context, so only a changed one is rendered. Files are
written as they are produced, never held all at once (a 10,000-report site is ~1 GB).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from pathlib import Path

from jinja2 import Environment

from ..dataset import figures_memo
from ..load import MAX_INPUT_BYTES
from ..parallel import workers
from ..progress import Progress
from .context import SiteData
from .downloads import original_bytes, publishable, report_json_bytes, site_files, spliced_files
from .keys import agency_page_key, entry_digest, inputs_key, page_key, report_digest, report_page_key, summary_digest
from .pages.agency import agency_page_for
from .pages.common import Page
from .pages.content import build_data, build_docs, build_not_found, build_search
from .pages.indicators import iter_indicator_pages
from .pages.lists import build_report_lists
from .pages.overview import build_overview
from .pages.quality import build_quality
from .pages.region import build_region_pages
from .pages.report import report_page_for
from .pages.year import build_year_pages
from .render import asset_files, render_page
from .staged import StagedSite
from .urls import agency_page, original_file, report_json, report_page


@dataclass(frozen=True, slots=True)
class Job:
    path: str
    key: str | None
    """None: always produced (the key could not be computed)."""
    produce: Callable[[], bytes]
    """Returns the file's bytes; with ``stream``, writes them into the open file it is given."""
    stream: bool = False


def summary_pages(data: SiteData) -> list[Page]:
    """Every page that is not one report's or one agency's: each is bounded in size."""
    return list(iter_summary_pages(data))


def iter_summary_pages(data: SiteData) -> Iterator[Page]:
    """``summary_pages`` one after the other (one page type's at a time, the rankings' list
    pages one by one): the build writes each and lets it go. At 10,000 reports, holding all
    908 pages at once was the build process's largest growth (~450 -> ~850 MB)."""
    yield build_overview(data)
    yield from build_year_pages(data)
    yield from build_region_pages(data)
    yield from build_report_lists(data)
    yield from iter_indicator_pages(data)
    yield from build_quality(data)
    yield build_data(data)
    yield from build_docs(data)
    yield build_search(data)
    yield build_not_found(data)


def _rendered(env: Environment, build: Callable[[], Page]) -> bytes:
    return render_page(env, build())


def entry_jobs(data: SiteData, env: Environment) -> list[Job]:
    """A page per report and per agency: keyed by their inputs, built only when changed."""
    date = data.build_date
    jobs = [
        Job(report_page(e), report_page_key(e, date), partial(_rendered, env, partial(report_page_for, data, e)))
        for e in data.corpus.entries
    ]
    for agency, entries in data.corpus.agencies():
        build = partial(agency_page_for, data, agency, entries)
        jobs.append(Job(agency_page(agency.slug), agency_page_key(entries, date), partial(_rendered, env, build)))
    return jobs


def write_summary(site: StagedSite, data: SiteData, env: Environment) -> None:
    """The summary pages. They depend on every report, so when no report's summary facts
    (keys.summary_digest), content page, region slug or date changed they are all reused
    without being built; otherwise each is built and only those whose context changed are
    rendered."""
    regions = repr(sorted(data.corpus.region_slugs.items()))
    key = inputs_key("summary", data.build_date, repr(data.docs), regions, *(summary_digest(e) for e in data.corpus.entries))
    if site.reuse_group("summary", key):
        return
    # Each page written as soon as it is built, in this process (vl-convert's threads are
    # running: no fork); each report's figures are asked for by many of them (the memo).
    paths = []
    with figures_memo():
        for page in iter_summary_pages(data):
            _put(site, Job(page.path, page_key(page), partial(render_page, env, page)))
            paths.append(page.path)
    site.record_group("summary", key, paths)


def write_downloads(site: StagedSite, data: SiteData) -> None:
    """data/reports.json and data/reports.csv, in this process: the pieces of unchanged
    reports are copied from the previous build's files (StagedSite.put_spliced)."""
    everything = inputs_key("data", "", *(entry_digest(e) for e in data.corpus.entries))
    for path, spliced in spliced_files(data).items():
        site.put_spliced(path, inputs_key(path, everything), spliced)


def file_jobs(data: SiteData, root: Path) -> Iterator[Job]:
    """The small downloads, per-report JSON, originals and assets."""
    entries = data.corpus.entries
    facts = inputs_key("data", "", *(summary_digest(e) for e in entries))  # all they read
    for path, fill in site_files(data).items():
        yield Job(path, inputs_key(path, facts), fill, stream=True)
    for e in entries:
        yield Job(report_json(e), inputs_key("json", "", report_digest(e)), partial(report_json_bytes, e))
        source = root / e.report.source
        if publishable(source, MAX_INPUT_BYTES):
            key = inputs_key("original", "", e.report.sha256, e.report.source) if e.report.sha256 else None
            yield Job(original_file(e), key, partial(_original, source))
    for path, data_ in asset_files().items():
        yield Job(path, inputs_key("asset", "", path), lambda d=data_: d)


def _original(path: Path) -> bytes:
    data = original_bytes(path, MAX_INPUT_BYTES)
    if data is None:
        raise OSError(f"{path}: changed while the site was being built")
    return data


#: Below this many jobs a worker process costs more than it saves.
MIN_PARALLEL = 400
#: Jobs handed to a worker at a time (progress is counted per chunk).
CHUNK = 100
#: The jobs of the running ``write_jobs``, inherited by forked workers (never pickled).
_WORK: tuple[StagedSite, list[Job]] | None = None


def write_jobs(site: StagedSite, jobs: list[Job], label: str, parallel: bool = True) -> None:
    """Produce or reuse every job's file, across all cores when there are many.

    Workers are forked, so they share the loaded reports instead of receiving a copy; each
    writes its files into the staged folder and sends back only their manifest records.
    This process takes every n-th chunk itself: one worker fewer means one fewer copy of
    the memory a worker's touches un-share (copy-on-write), at the same speed. Files are
    independent of each other, so the order they are written in does not matter.
    """
    global _WORK
    n = min(workers(), len(jobs) // CHUNK)
    with Progress(len(jobs), label) as bar:
        if not parallel or n < 2 or len(jobs) < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
            for job in jobs:
                _put(site, job)
                bar.update()
            return
        chunks = [(i, min(i + CHUNK, len(jobs))) for i in range(0, len(jobs), CHUNK)]
        _WORK = (site, jobs)
        try:
            with multiprocessing.get_context("fork").Pool(n - 1) as pool:
                theirs = pool.imap_unordered(_run_chunk, [c for i, c in enumerate(chunks) if i % n])
                for result in chain((_run_chunk(c) for c in chunks[::n]), theirs):
                    _merge(site, result, bar)
        finally:
            _WORK = None


def _put(site: StagedSite, job: Job) -> None:
    (site.put_stream if job.stream else site.put)(job.path, job.key, job.produce)


def _merge(site: StagedSite, result: tuple[dict[str, list], int, int], bar: Progress) -> None:
    files, written, linked = result
    site.files.update(files)
    site.written, site.linked = site.written + written, site.linked + linked
    bar.update(len(files))


def _run_chunk(span: tuple[int, int]) -> tuple[dict[str, list], int, int]:
    """The jobs ``span`` of the inherited list (in a worker or here); their manifest records."""
    site, jobs = _WORK  # type: ignore[misc]
    saved = site.files, site.written, site.linked
    site.files, site.written, site.linked = {}, 0, 0
    try:
        for job in jobs[span[0] : span[1]]:
            _put(site, job)
        return site.files, site.written, site.linked
    finally:
        site.files, site.written, site.linked = saved
