"""Incremental writing: only changed files are produced; unchanged ones are hard links.

Every output file has a key (keys.py) saying what it depends on. A manifest kept in the
cache folder records, per site path, the key and the identity (size, mtime, inode) of the
file the last build wrote into ``--out``. Writing the new site into its temporary folder
(writer.staging), a file whose key is unchanged, and whose previous copy is still exactly
the file that build wrote, is hard-linked from the previous site instead of being rendered
and written; the atomic swap is untouched (the old tree is only read). A file edited by
hand since, a missing manifest, another output folder or caching switched off all mean:
produce the file again. Pagefind re-indexes only the search bundles with a changed page
(publish/search.SearchIndex).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..charts import derived_cache_dir
from .writer import check_site_path, start

#: Manifest format; a manifest of another version is ignored.
VERSION = 1


def manifest_path(out: Path) -> Path | None:
    folder = derived_cache_dir("site")
    if folder is None:
        return None
    return folder / (hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24] + ".json")


def load_manifest(out: Path) -> dict:
    """The previous build into ``out``: "files" (site path -> [key, size, mtime_ns, inode])
    and "groups" (name -> [key, paths]); empty when there is none or it is not readable."""
    path = manifest_path(out)
    try:
        data = json.loads(path.read_bytes()) if path is not None else {}
    except (OSError, ValueError):
        return {}
    return data if data.get("version") == VERSION and data.get("out") == str(out.resolve()) else {}


def save_manifest(out: Path, site: StagedSite) -> None:
    path = manifest_path(out)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        data = {"version": VERSION, "out": str(out.resolve()), "files": site.files, "groups": site.groups, "pieces": site.pieces}
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, separators=(",", ":")))  # dumps: the C encoder (dump is Python)
        os.replace(tmp, path)
    except OSError:
        pass  # the next build is a full one


@dataclass(frozen=True, slots=True)
class Spliced:
    """A file made of pieces: ``head``, then each piece's bytes joined by ``sep``, ``tail``."""

    head: bytes
    sep: bytes
    tail: bytes
    pieces: list[tuple[str, Callable[[], bytes]]]
    """(key, produce) per piece: equal keys mean equal bytes."""

    def whole(self) -> bytes:
        return self.head + self.sep.join(produce() for _key, produce in self.pieces) + self.tail


class StagedSite:
    """The new site being written into ``tmp``, reusing unchanged files of ``out``."""

    def __init__(self, tmp: Path, out: Path, manifest: dict):
        self.tmp, self.out = tmp, out
        self.previous: dict[str, list] = manifest.get("files", {})
        self._groups_before: dict[str, list] = manifest.get("groups", {})
        self.files: dict[str, list] = {}
        self.groups: dict[str, list] = {}
        """Name -> [key, paths]: files produced together, reusable together (reuse_group)."""
        self._pieces_before: dict[str, list] = manifest.get("pieces", {})
        self.pieces: dict[str, list] = {}
        """Site path -> [[key, offset, length], ...]: the pieces of a spliced file (put_spliced)."""
        self.written = 0
        self.linked = 0
        # Paths as strings: an unchanged rebuild links ~46,000 files (10,000 reports), and
        # building two pathlib paths for each was most of the time it took.
        self._tmp, self._out = os.fspath(tmp), os.fspath(out)
        self._dirs: set[str] = set()
        start(tmp)

    def _target(self, path: str) -> Path:
        return Path(self._target_str(path))

    def _target_str(self, path: str) -> str:
        target = f"{self._tmp}/{check_site_path(path)}"
        folder = target.rpartition("/")[0]
        if folder not in self._dirs:
            os.makedirs(folder, exist_ok=True)
            self._dirs.add(folder)
        return target

    def reuse(self, path: str, key: str | None) -> bool:
        """Link the previous build's file when it has this key and was not touched since."""
        before = self.previous.get(path)
        if key is None or before is None or before[0] != key:
            return False
        source = f"{self._out}/{path}"
        try:
            st = os.stat(source)
            if [st.st_size, st.st_mtime_ns, st.st_ino] != before[1:]:
                return False
            os.link(source, self._target_str(path), follow_symlinks=False)
        except OSError:
            return False  # gone, or links not supported here: write it
        self.files[path] = before
        self.linked += 1
        return True

    def write(self, path: str, data: bytes, key: str | None) -> None:
        target = self._target(path)
        # Never write through a hard link (a partly reused group): that would change the
        # previous site's file before the swap.
        target.unlink(missing_ok=True)
        target.write_bytes(data)
        st = target.stat()
        self.files[path] = [key, st.st_size, st.st_mtime_ns, st.st_ino]
        self.written += 1

    def put(self, path: str, key: str | None, produce: Callable[[], bytes]) -> None:
        """The file at ``path``: reused when unchanged, else ``produce()`` written."""
        if not self.reuse(path, key):
            self.write(path, produce(), key)

    def put_stream(self, path: str, key: str | None, fill: Callable[[BinaryIO], object]) -> None:
        """As ``put``, for a file written piece by piece by ``fill(open file)``."""
        if self.reuse(path, key):
            return
        target = self._target(path)
        target.unlink(missing_ok=True)
        with open(target, "wb") as fh:
            fill(fh)
        st = target.stat()
        self.files[path] = [key, st.st_size, st.st_mtime_ns, st.st_ino]
        self.written += 1

    def put_spliced(self, path: str, key: str, spliced: Spliced) -> None:
        """As ``put``, for a file that is a head, pieces joined by a separator, and a tail.

        A piece whose key the previous copy of the file also holds is copied from there (its
        offset and length are in the manifest); only the others are produced. So one
        changed report rewrites the site-wide downloads from the old bytes plus its piece."""
        if self.reuse(path, key):
            self.pieces[path] = self._pieces_before.get(path, [])
            return
        old = self._untouched(path)
        before = {k: (at, n) for k, at, n in self._pieces_before.get(path, [])} if old else {}
        target = self._target(path)
        target.unlink(missing_ok=True)
        with open(target, "wb") as fh, open(old if old else os.devnull, "rb") as src:
            index = splice(fh, src, spliced, before)
        st = target.stat()
        self.files[path] = [key, st.st_size, st.st_mtime_ns, st.st_ino]
        self.pieces[path] = index
        self.written += 1

    def _untouched(self, path: str) -> Path | None:
        """The previous build's copy of ``path``, if it is still exactly the file it wrote."""
        before = self.previous.get(path)
        try:
            st = (self.out / path).stat()
        except OSError:
            return None
        return self.out / path if before is not None and [st.st_size, st.st_mtime_ns, st.st_ino] == before[1:] else None

    def reuse_group(self, name: str, key: str) -> bool:
        """Link every file of group ``name`` when the group's key is unchanged (all or none
        are reused; a partly linked group is overwritten when it is produced again)."""
        before = self._groups_before.get(name)
        if before is None or before[0] != key or not all(self.reuse(p, self.previous.get(p, [None])[0]) for p in before[1]):
            return False
        self.groups[name] = before
        return True

    def record_group(self, name: str, key: str, paths: list[str]) -> None:
        self.groups[name] = [key, sorted(paths)]


def splice(fh: BinaryIO, src: BinaryIO, spliced: Spliced, before: dict[str, tuple[int, int]]) -> list[list]:
    """Write ``spliced`` into ``fh``; the pieces ``before`` places in ``src`` (offset, length)
    are copied from there, each run of them that lies there in the same order in one copy
    (the separators between them included). Returns [key, offset, length] per piece."""
    index: list[list] = []
    fh.write(spliced.head)
    pos, run = len(spliced.head), None  # run: [start, end] in src of the pieces not yet copied
    for i, (piece_key, produce) in enumerate(spliced.pieces):
        sep = spliced.sep if i else b""
        at = before.get(piece_key)
        if at is not None and run is not None and at[0] == run[1] + len(sep):
            run[1] = at[0] + at[1]
            size = at[1]
        else:
            if run is not None:
                _copy(src, fh, run[0], run[1] - run[0])
                run = None
            fh.write(sep)
            if at is not None:
                run, size = [at[0], at[0] + at[1]], at[1]
            else:
                data = produce()
                fh.write(data)
                size = len(data)
        index.append([piece_key, pos + len(sep), size])
        pos += len(sep) + size
    if run is not None:
        _copy(src, fh, run[0], run[1] - run[0])
    fh.write(spliced.tail)
    return index


def _copy(src: BinaryIO, fh: BinaryIO, offset: int, n: int) -> None:
    """``n`` bytes of ``src`` from ``offset`` appended to ``fh``: in the kernel
    (copy_file_range) where it can, else read and written."""
    fh.flush()
    at, done = fh.tell(), 0
    try:
        while done < n:
            step = os.copy_file_range(src.fileno(), fh.fileno(), n - done, offset + done, at + done)
            if step <= 0:
                break
            done += step
    except (AttributeError, OSError):  # no copy_file_range here, or not between these files
        pass
    fh.seek(at + done)
    if done < n:
        src.seek(offset + done)
        fh.write(src.read(n - done))
