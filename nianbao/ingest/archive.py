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
import struct
import zipfile
import zlib

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
        return _inflation_problem(data, infos, what)
    return None


def _inflation_problem(data: bytes, infos: list[zipfile.ZipInfo], what: str) -> Finding | None:
    """The members' real inflated sizes against the limits: a member may declare 0 bytes and
    inflate to gigabytes (zipfile's own reader would inflate it all and then cut it off)."""
    inflated = 0
    for info in infos:
        size = _inflated_size(data, info, MAX_INFLATED - inflated)
        inflated += size
        if inflated > MAX_INFLATED:
            return _too_large(f"{what}解压后超过 {MAX_INFLATED // 1024 // 1024} MB 的上限（实际解压量与声明不符），未解析。")
        if size > RATIO_FROM and size / max(info.compress_size, 1) > MAX_RATIO:
            ratio = size / max(info.compress_size, 1)
            return _too_large(f"{what}中的 {info.filename[:80]} 压缩比达 {ratio:.0f} 倍（上限 {MAX_RATIO} 倍），像是“解压炸弹”，未解析。")
    return None


def _inflated_size(data: bytes, info: zipfile.ZipInfo, room: int) -> int:
    """Bytes the member really inflates to, whatever it declares, inflating at most
    ``room + 1`` of them, a chunk at a time (nothing is kept)."""
    if info.compress_type != zipfile.ZIP_DEFLATED:
        return info.compress_size if info.compress_type == zipfile.ZIP_STORED else info.file_size
    at = info.header_offset
    if data[at : at + 4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")  # the reader reports a damaged file
    name_len, extra_len = struct.unpack("<HH", data[at + 26 : at + 30])
    start = at + 30 + name_len + extra_len
    pending = memoryview(data)[start : start + info.compress_size]
    inflater = zlib.decompressobj(-15)
    size = 0
    while pending and size <= room:
        try:
            size += len(inflater.decompress(pending, _CHUNK))
        except zlib.error as exc:
            raise zipfile.BadZipFile(f"bad deflate data: {exc}") from None
        pending = inflater.unconsumed_tail
        if inflater.eof:
            break
    return size


def _too_large(message: str) -> Finding:
    return Finding("input.too_large", "error", message, "原文")
