"""Put a freshly written folder in place of the published one in one atomic step.

On Linux, renameat2(RENAME_EXCHANGE) swaps two paths at once, so a reader (or a web
server) sees either the whole old site or the whole new one, never no site. Elsewhere
the swap falls back to two renames, with a brief moment in which ``out`` is absent.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _renameat2():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return func


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths; False when the system cannot."""
    func = _renameat2()
    if func is None:
        return False
    if func(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: no exchange on this system/fs
        return False
    raise OSError(err, os.strerror(err), str(a))


def swap_in(new: Path, out: Path, old: Path) -> None:
    """Make ``new`` the folder at ``out``. The previous site ends up at ``new`` (exchanged)
    or at ``old`` (renamed); the caller removes both paths afterwards."""
    if out.exists() and exchange(new, out):
        return
    if out.exists():
        out.rename(old)
    try:
        new.rename(out)
    except OSError:
        if old.exists():  # put the previous site back before reporting the error
            old.rename(out)
        raise
