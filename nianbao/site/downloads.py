"""The data/ folder: the reports in the contract's JSON, tidy CSVs, the agency registry."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from ..dataset import INDICATORS, TIDY_COLUMNS, tidy_tuples
from ..serialize import to_json
from .context import SiteData
from .corpus import Entry
from .keys import entry_digest, inputs_key, report_digest
from .staged import Spliced
from .urls import FINDINGS_CSV, INDICATORS_CSV, REPORTS_CSV, REPORTS_JSON, agency_page, original_file, report_json, report_page


def _json(data: Any) -> bytes:
    """Compact JSON: these files are read by programs, and without ``indent`` the standard
    library uses its C encoder (~5x faster than the pure-Python one indenting needs; 1.5 ms
    per report JSON and 5 s for reports.json at 10,000 reports before). Any JSON viewer or
    ``python -m json.tool`` shows them indented."""
    return (_dumps(data) + "\n").encode("utf-8")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else _plain(v) for v in row] for row in rows])
    # BOM: Excel (the tool most readers of these reports use) needs it to read UTF-8.
    return buf.getvalue().encode("utf-8-sig")


def _plain(v: Any) -> Any:
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def data_files(data: SiteData) -> dict[str, bytes]:
    """Every file of data/ at once (the build writes them one by one: site_files, spliced_files)."""
    files = {}
    for path, fill in site_files(data).items():
        buf = io.BytesIO()
        fill(buf)
        files[path] = buf.getvalue()
    files.update({path: spliced.whole() for path, spliced in spliced_files(data).items()})
    files.update({report_json(e): report_json_bytes(e) for e in data.corpus.entries})
    return files


#: Writes one file's bytes into an open binary file.
Fill = Callable[[BinaryIO], Any]


def site_files(data: SiteData) -> dict[str, Fill]:
    """The small site-wide downloads, each written only when called (the build skips
    unchanged ones)."""
    entries = data.corpus.entries
    return {
        FINDINGS_CSV: lambda fh: fh.write(_findings_csv(entries)),
        INDICATORS_CSV: lambda fh: fh.write(_indicators_csv(data)),
        "data/agencies.json": lambda fh: fh.write(_json(_agencies(data))),
    }


def spliced_files(data: SiteData) -> dict[str, Spliced]:
    """The two big downloads, one piece per report: at 10,000 reports they are hundreds of
    MB, and the build copies the pieces of unchanged reports from the previous build's file
    (staged.StagedSite.put_spliced) instead of serializing every report again."""
    entries = data.corpus.entries
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(TIDY_COLUMNS)
    return {
        # Each report on a line of its own, so the file can be read or diffed line by line.
        REPORTS_JSON: Spliced(b"[\n", b",\n", b"\n]\n", [(_piece_key("json", report_digest(e)), partial(_json_piece, e)) for e in entries])
        if entries
        else Spliced(b"", b"", _json([]), []),
        # BOM: Excel (the tool most readers of these reports use) needs it to read UTF-8.
        REPORTS_CSV: Spliced(
            header.getvalue().encode("utf-8-sig"), b"", b"", [(_piece_key("csv", entry_digest(e)), partial(_csv_piece, e)) for e in entries]
        ),
    }


def _piece_key(kind: str, digest: str) -> str:
    return inputs_key("piece-" + kind, "", digest)[:32]


def _json_piece(entry: Entry) -> bytes:
    return _dumps(to_json(entry.report)).encode("utf-8")


def _csv_piece(entry: Entry) -> bytes:
    """Every value cell of one report (the same rows as dataset.tidy_frame)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    # csv writes None as an empty field; a float that is whole is written as an integer.
    writer.writerows([[_plain(v) if type(v) is float else v for v in row] for row in tidy_tuples(entry.report, entry.agency.name)])
    return buf.getvalue().encode("utf-8")


def report_json_bytes(entry: Entry) -> bytes:
    """data/reports/<key>.json: one report in the contract, with its source lines."""
    return _json(to_json(entry.report, include_lines=True))


def original_files(entries: list[Entry], root: Path, limit: int) -> dict[str, bytes]:
    """Each report's original input, byte for byte, so a reader can check any number.

    Files over ``limit`` bytes (never parsed either) and files that cannot be read again
    are left out; the report page then says so.
    """
    files = {}
    for e in entries:
        data = original_bytes(root / e.report.source, limit)
        if data is not None:
            files[original_file(e)] = data
    return files


def publishable(path: Path, limit: int) -> bool:
    """A regular file (not a link) of at most ``limit`` bytes."""
    try:
        return path.is_file() and not path.is_symlink() and path.stat().st_size <= limit
    except OSError:
        return False


def original_bytes(path: Path, limit: int) -> bytes | None:
    try:
        return path.read_bytes() if publishable(path, limit) else None
    except OSError:
        return None


def _findings_csv(entries: list[Entry]) -> bytes:
    header = ["agency", "year", "report_id", "rule", "severity", "message", "where", "cells", "lines"]
    rows = [
        [e.agency.name, e.year, e.report.id, f.rule, f.severity, f.message, f.where, " ".join(f.cells), " ".join(map(str, f.lines))]
        for e in entries
        for f in e.report.findings
    ]
    return _csv(header, rows)


def _indicators_csv(data: SiteData) -> bytes:
    header = ["agency", "year", "report_id", "indicator", "label", "numerator", "denominator", "value", "status"]
    rows = []
    for e in data.corpus.primary:
        for v in data.indicators[e.key]:
            value = None if v.value is None else round(v.value, 6)
            rows.append(
                [e.agency.name, e.year, e.report.id, v.indicator.key, v.indicator.label, v.numerator, v.denominator, value, v.status]
            )
    return _csv(header, rows)


def _agencies(data: SiteData) -> list[dict[str, Any]]:
    out = []
    for agency, entries in data.corpus.agencies():
        out.append(
            {
                "name": agency.name,
                "slug": agency.slug,
                "region": list(agency.region),
                "level": agency.level,
                "variants": list(agency.variants),
                "listed": agency.listed,
                "page": agency_page(agency.slug),
                "reports": [
                    {
                        "id": e.report.id,
                        "year": e.year,
                        "printed_agency": e.report.agency,
                        "page": report_page(e),
                        "data": report_json(e),
                        "primary": e.primary,
                    }
                    for e in entries
                ],
            }
        )
    return out


INDICATOR_KEYS = [i.key for i in INDICATORS]
