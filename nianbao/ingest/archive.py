"""Zip containers (.docx, and any other Office file read one day): sizes checked first.

A 1.5 MB file can hold a member that inflates to 1.5 GB (a "zip bomb"), and a reader that
opens the package (python-docx reads every part into memory) would inflate it all before
noticing. So before any reader sees an archive, every member is checked: how many there
are, the size each declares and the sum, the compression ratio of the large ones, and then
the bytes each really inflates to, read in chunks and stopped at the limit. Nothing is
ever extracted to disk, so member names (``../../etc/passwd``) are never paths.
"""

from __future__ import annotations

import io
import zipfile

from ..model import Finding

#: A Word report is a few dozen members; thousands are not a document.
MAX_MEMBERS = 2000
#: All members together, inflated. Reports are at most 20 MB on disk, mostly images that
#: do not compress; their XML inflates 5-20 times.
MAX_INFLATED = 64 * 1024 * 1024
#: Inflated/compressed of a member above RATIO_FROM bytes: XML reaches 20-50, a bomb 1000.
MAX_RATIO = 200
RATIO_FROM = 1024 * 1024
_CHUNK = 1 << 20


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}"


def zip_problem(data: bytes, what: str = "Word 文件") -> Finding | None:
    """An ``input.too_large`` finding when the archive in ``data`` is over a limit, else None.

    zipfile's own errors (a damaged archive, an encrypted member) propagate: the reader
    reports those as an unreadable file.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            return _too_large(f"{what}含 {len(infos)} 个内部文件，超过 {MAX_MEMBERS} 个的上限，未解析。")
        declared = sum(info.file_size for info in infos)
        if declared > MAX_INFLATED:
            biggest = max(infos, key=lambda info: info.file_size)
            return _too_large(
                f"{what}解压后超过 {MAX_INFLATED // 1024 // 1024} MB 的上限（共 {_mb(declared)} MB，"
                f"其中 {biggest.filename[:80]} {_mb(biggest.file_size)} MB），未解析。"
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FROM and ratio > MAX_RATIO:
                return _too_large(
                    f"{what}中的 {info.filename[:80]} 压缩比达 {ratio:.0f} 倍（上限 {MAX_RATIO} 倍），像是“解压炸弹”，未解析。"
                )
        inflated = 0
        for info in infos:
            inflated += _inflated_size(archive, info, MAX_INFLATED - inflated)
            if inflated > MAX_INFLATED:
                return _too_large(f"{what}解压后超过 {MAX_INFLATED // 1024 // 1024} MB 的上限（实际解压量与声明不符），未解析。")
    return None


def _inflated_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> int:
    """Bytes the member really inflates to, reading at most ``room + 1`` of them."""
    size = 0
    with archive.open(info) as member:
        while size <= room:
            chunk = member.read(min(_CHUNK, room + 1 - size))
            if not chunk:
                break
            size += len(chunk)
    return size


def _too_large(message: str) -> Finding:
    return Finding("input.too_large", "error", message, "原文")
