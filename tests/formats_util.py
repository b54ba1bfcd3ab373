"""Helpers for the ingest tests: the generated fixtures and the truth comparison."""

from __future__ import annotations

from pathlib import Path

from nianbao.ingest import read
from nianbao.parse import parse_document, parse_file
from nianbao.serialize import to_json

from .conftest import FIXTURES, SEED_FILES, truth_for

FORMATS = FIXTURES / "formats"
FIELDS = ("agency", "year", "template", "table2", "table3", "table4")


def fixture_for(seed: Path, suffix: str) -> Path:
    """The rendering of a seed, e.g. suffix "page.html" -> formats/000.page.html."""
    return FORMATS / f"{seed.name[:3]}.{suffix}"


def parsed(path: Path, data: bytes | None = None) -> dict:
    if data is None:
        return to_json(parse_file(path))
    return to_json(parse_document(read(path, data)))


def mismatches(got: dict, truth: dict, fields=FIELDS) -> dict:
    """Field -> (got, truth) for every field that differs; {} when all match."""
    return {f: (got[f], truth[f]) for f in fields if got[f] != truth[f]}


__all__ = ["FORMATS", "FIELDS", "SEED_FILES", "fixture_for", "parsed", "mismatches", "truth_for"]
