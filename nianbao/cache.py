"""Parse cache: a checked report stored under the hash of its file's bytes and of the code.

A rebuild then parses only the files that changed. The key covers the file content, the
parser's PARSER_VERSION and a fingerprint of the source of every module that shapes a
report (ingest, parse, checks, model, serialize, load), so editing the parser without
bumping its version still invalidates the cache. Entries are pickles of the Report, each
model dataclass reduced to its constructor and field values (``_REDUCE``): 10,000 of them
load in about a third of the time ``json`` + ``from_json`` took, which was most of an
unchanged rebuild. A pickle runs code when loaded, so the cache folder must be as private
as the code itself (it is the builder's own ``.cache/``). The key covers the Python version,
since pickles need not carry across versions. A broken or unreadable entry is a miss,
never an error.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import io
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from . import model
from .model import Report

#: Where entries live unless NIANBAO_CACHE says otherwise (".cache/" is gitignored).
DEFAULT_DIR = Path(".cache/nianbao/reports")
_PACKAGE = Path(__file__).resolve().parent
_CODE = ("ingest", "parse", "checks", "model.py", "serialize.py", "load.py", "cache.py")


def cache_dir() -> Path | None:
    """The cache folder; None when NIANBAO_CACHE is "off" (or "0")."""
    value = os.environ.get("NIANBAO_CACHE", "")
    if value.lower() in ("off", "0", "no"):
        return None
    if not value and "PYTEST_CURRENT_TEST" in os.environ:
        return None  # tests monkeypatch the parser, which the code fingerprint cannot see
    return Path(value) if value else DEFAULT_DIR


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over PARSER_VERSION and the source of every module that shapes a report."""
    from .parse import PARSER_VERSION

    digest = hashlib.sha256(f"{PARSER_VERSION} pickle-{pickle.HIGHEST_PROTOCOL} {sys.version}".encode())
    for name in _CODE:
        path = _PACKAGE / name
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            digest.update(file.relative_to(_PACKAGE).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def cache_key(data: bytes) -> str:
    return hashlib.sha256(code_fingerprint().encode() + hashlib.sha256(data).digest()).hexdigest()


def _entry(folder: Path, key: str) -> Path:
    return folder / key[:2] / f"{key}.pickle"


def get(key: str, report_id: str, source: str) -> Report | None:
    """The cached report for ``key`` with this file's id and source, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        report = pickle.loads(_entry(folder, key).read_bytes())
    except Exception:  # noqa: BLE001 - any broken entry (truncated, old classes) is a miss
        return None
    if not isinstance(report, Report):
        return None
    # Same bytes may sit under two names: the id and source are the file's, not the entry's.
    report.id, report.source = report_id, source
    return report


def put(key: str, report: Report) -> None:
    """Store ``report`` (written atomically, so a crash never leaves half an entry)."""
    folder = cache_dir()
    if folder is None:
        return
    path = _entry(folder, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dumps(report)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only or full disk costs speed, not correctness


def _reducer(cls: type):
    names = tuple(f.name for f in dataclasses.fields(cls))
    return lambda obj: (cls, tuple(getattr(obj, n) for n in names))


#: The model's dataclasses pickled as ``cls(*fields)``: the generated ``__init__`` sets the
#: fields in one call, where the default for slots dataclasses is a Python loop per field.
_REDUCE = {**copyreg.dispatch_table} | {
    cls: _reducer(cls) for cls in vars(model).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)
}


def dumps(report: Report) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCE
    pickler.dump(report)
    return buf.getvalue()
