"""Write the site atomically: everything into a temporary folder, then swap it in.

A crash while writing removes the temporary folder and leaves the previous site as it
was. The output folder is only ever replaced when it is empty, missing or a site this
tool wrote before (it carries MARKER), so a mistyped --out cannot wipe a real folder.
"""

from __future__ import annotations

import os
import posixpath
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .swap import swap_in

MARKER = ".nianbao-site"


class UnsafeOutput(ValueError):
    """The output folder or a file path inside it is not safe to write."""


def check_site_path(path: str) -> str:
    """A normalized relative POSIX path that stays inside the site, or UnsafeOutput."""
    norm = posixpath.normpath(path)
    if not path or path.startswith("/") or "\\" in path or norm != path or norm.startswith(".."):
        raise UnsafeOutput(f"unsafe site path: {path!r}")
    return norm


def check_out_dir(out: Path, protected: list[Path]) -> None:
    """Refuse outputs that would replace the inputs, the repo, or a foreign folder."""
    target = out.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve() or target == Path.cwd().resolve():
        raise UnsafeOutput(f"refusing to replace {target}")
    for keep in protected:
        keep = keep.resolve()
        if target == keep or keep.is_relative_to(target):
            raise UnsafeOutput(f"refusing to write the site over {keep}")
    if target.exists() and not target.is_dir():
        raise UnsafeOutput(f"{out} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise UnsafeOutput(f"{out} is not empty and was not written by build.py; remove it first")


def write_site(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` (site path -> bytes) to a fresh folder and move it to ``out``."""
    paths = {check_site_path(p): data for p, data in files.items()}
    with staging(out) as tmp:
        _write_all(tmp, paths)


@contextmanager
def staging(out: Path, removals: list | None = None) -> Iterator[Path]:
    """A temporary folder beside ``out`` to fill (create it); swapped in when the block ends.

    An exception inside the block, or a failed swap, removes the temporary folder and
    leaves the previous site in place. With ``removals``, the previous site is removed in
    the background after the swap (``finish_removals`` waits for it)."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f"{out.name}.tmp-{os.getpid()}")
    old = out.with_name(f"{out.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        yield tmp
        swap_in(tmp, out, old)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for previous in (tmp, old):  # where swap_in left the previous site
        _remove(previous, removals)


def _remove(path: Path, removals: list | None) -> None:
    """Remove the folder ``path``: now, or with ``removals`` by a background ``rm -rf``
    (C, on the other core, while the build saves its manifest and prints its findings;
    a 10,000-report site is ~46,000 files)."""
    rm = shutil.which("rm") if removals is not None and path.exists() else None
    if rm is None:
        shutil.rmtree(path, ignore_errors=True)
        return
    proc = subprocess.Popen([rm, "-rf", "--", str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    removals.append((path, proc))


def finish_removals(removals: list) -> None:
    """Wait for the background removals; whatever one could not remove is removed here."""
    while removals:
        path, proc = removals.pop()
        proc.wait()
        shutil.rmtree(path, ignore_errors=True)


def start(tmp: Path) -> None:
    """Create the temporary folder with the marker that lets a later build replace it."""
    tmp.mkdir()
    (tmp / MARKER).write_bytes(b"written by nianbao build.py; safe to replace\n")


def _write_all(tmp: Path, files: dict[str, bytes]) -> None:
    start(tmp)
    for path in sorted(files):
        target = tmp / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[path])
