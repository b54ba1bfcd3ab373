"""Where every page lives, and relative links between pages.

Every path is relative to the site root and every link is relative to the page it is on,
so the site works at a domain root, under a sub-path and from file://.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from .corpus import Entry

INDEX = "index.html"
INDICATORS = "indicators.html"
QUALITY = "quality.html"
DATA = "data.html"
SEARCH = "search.html"
NOT_FOUND = "404.html"
CSS = "assets/site.css"
JS = "assets/site.js"
REPORTS_JSON = "data/reports.json"
REPORTS_CSV = "data/reports.csv"
FINDINGS_CSV = "data/findings.csv"
INDICATORS_CSV = "data/indicators.csv"


def report_page(entry: Entry) -> str:
    return f"reports/{entry.key}.html"


def report_json(entry: Entry) -> str:
    return f"data/reports/{entry.key}.json"


#: Extension an original is published under, by input form. Saved web pages are served
#: as text: a government page's own scripts must never run on this site's origin.
ORIGINAL_SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html.txt"}


def original_file(entry: Entry) -> str:
    """Where the report's original input file is published."""
    return f"originals/{entry.key}{ORIGINAL_SUFFIX.get(entry.report.format, '.txt')}"


def agency_page(slug: str) -> str:
    return f"agencies/{slug}.html"


def region_page(slug: str, n: int = 1) -> str:
    """Page ``n`` (from 1) of a region: regions/<slug>.html, then regions/<slug>--<n>.html
    (a slug never holds "--", so no region's first page can be another's later page)."""
    return f"regions/{slug}.html" if n == 1 else f"regions/{slug}--{n}.html"


def year_page(year: int) -> str:
    return f"years/{year}.html"


def year_part(year: int, n: int) -> str:
    """Page ``n`` (from 1) of a year's comparison: years/<year>.html, then years/<year>-<n>.html."""
    return year_page(year) if n == 1 else f"years/{year}-{n}.html"


def report_list(n: int) -> str:
    """Page ``n`` (from 1) of the list of every report."""
    return f"lists/reports-{n}.html"


def ranking_list(indicator: str, n: int) -> str:
    """Page ``n`` of one indicator's full ranking."""
    return f"lists/rank-{indicator}-{n}.html"


def findings_list(anchor: str, n: int) -> str:
    """Page ``n`` of every finding of one rule (``anchor`` as on quality.html)."""
    return f"lists/{anchor}-{n}.html"


def content_page(stem: str) -> str:
    return f"{stem}.html"


def root_of(path: str) -> str:
    """Prefix that leads from the page at ``path`` back to the site root ("" or "../")."""
    depth = path.count("/")
    return "../" * depth


def rel(from_page: str, target: str) -> str:
    """Link from one site path to another (targets may carry a #fragment)."""
    target_path, _, fragment = target.partition("#")
    if target_path == from_page and fragment:
        return f"#{fragment}"
    link = _relpath(target_path, posixpath.dirname(from_page))
    return f"{link}#{fragment}" if fragment else link


@lru_cache(maxsize=65536)
def _relpath(target: str, start: str) -> str:
    """posixpath.relpath for normalised site paths, without its abspath calls (a page has
    hundreds of links; relpath was ~10 % of building a listing page)."""
    here = start.split("/") if start else []
    parts = target.split("/")
    common = 0
    while common < len(here) and common < len(parts) - 1 and here[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + parts[common:])


def cell_anchor(cell_id: str) -> str:
    """HTML id of a table cell on a report page, from a contract cell id."""
    return "c-" + cell_id.replace(".", "-")


def line_anchor(line: int) -> str:
    return f"L{line}"
