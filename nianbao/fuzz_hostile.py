"""Structure-aware hostile inputs for the fuzzer (``nianbao.fuzz``): what an attacker would
put in a pull request to stall the build or exhaust its memory.

- HTML: nesting thousands deep, tens of thousands of siblings, huge and countless
  attributes, entities (named, numeric, out of range), unclosed tags, nested tables with
  absurd spans; a seed's text is put inside so the parser sees a report.
- Zip containers (.docx): bombs whose members declare or really inflate to gigabytes,
  lying sizes, overlapping members, thousands of members, nested zips, path-traversal and
  absolute names, unsupported methods, encrypted flags, hostile XML (deep, entities, one
  giant text node) as ``word/document.xml``.
- PDF: thousands of pages, huge (and flate-bombed) content streams, pages with tens of
  thousands of characters or lines, deep and cyclic page trees, broken cross-references.

Every generator is a function of a seeded ``random.Random`` (and the seed texts), so an
input is rebuilt from (seed, index) alone. Big payloads are built from repeated pieces
(a bomb is a repeated full-flush deflate block), so making an input stays cheap.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from functools import lru_cache

from .ingest.pdf import MAX_PAGES


def _size(rng: random.Random, low: int, high: int) -> int:
    """A size from ``low`` to ``high``, skewed low (log-uniform on the square of a uniform
    draw): most inputs are small and cheap, one in ten is in the top third of the range."""
    return int(round(low * (high / low) ** (rng.random() ** 2)))


# --- HTML -------------------------------------------------------------------------------

_TAGS = ("div", "span", "p", "section", "table", "tr", "td", "li", "ul", "a", "b", "font", "center", "h1", "header", "nav")
_ENTITIES = ("&amp;", "&nbsp;", "&lt;", "&#x4e00;", "&#20013;", "&#x10FFFF;", "&#xFFFFFFFF;", "&#0;", "&bogus;", "&", "&#", "&#x;", "&amp")


def _report_html(text: str, rng: random.Random) -> str:
    """A seed as HTML: paragraphs and table rows, so the hostile part wraps a real report."""
    out = []
    for line in text.split("\n")[: rng.randint(0, 400)]:
        if "\t" in line:
            out.append("<tr><td>" + "</td><td>".join(line.split("\t")) + "</td></tr>")
        else:
            out.append(f"<p>{line}</p>")
    return "<table>" + "".join(out) + "</table>" if rng.random() < 0.2 else "".join(out)


def hostile_html(rng: random.Random, texts: list[str]) -> tuple[bytes, str]:
    body = _report_html(rng.choice(texts), rng) if texts and rng.random() < 0.7 else "2024年政府信息公开工作年度报告"
    kind = rng.choice(("deep", "deep_mixed", "wide", "attributes", "huge_attribute", "entities", "unclosed", "tables", "spans", "comments"))
    n = _size(rng, 100, 30_000)
    if kind == "deep":
        tag = rng.choice(_TAGS)
        html = f"<{tag}>" * n + body + f"</{tag}>" * (n if rng.random() < 0.7 else rng.randrange(n + 1))
    elif kind == "deep_mixed":
        tags = [rng.choice(_TAGS) for _ in range(min(n, 5_000))]
        html = "".join(f'<{t} class="{rng.choice(("menu", "top", "content", "x"))}">x' for t in tags) + body
        html += "".join(f"</{t}>" for t in reversed(tags))
    elif kind == "wide":
        piece = rng.choice(("<p>x</p>", "<a href=#>链接</a>", "<br>", "<span></span>", "<li>一</li>", "<td>1</td>"))
        html = body + piece * n
    elif kind == "attributes":
        html = "<div " + " ".join(f'a{i}="{i}"' for i in range(n)) + ">" + body + "</div>"
    elif kind == "huge_attribute":
        value = rng.choice(("menu ", "x" * 7, "&amp;", '"', "\u4e00")) * _size(rng, 1_000, 200_000)
        html = f'<div class="{value}" id="{value[:1000]}">' + body + "</div>"
    elif kind == "entities":
        html = body + "".join(rng.choice(_ENTITIES) for _ in range(n))
    elif kind == "unclosed":
        html = "".join(f"<{rng.choice(_TAGS)}>{rng.choice(('', 'x', '。'))}" for _ in range(n)) + body
    elif kind == "tables":
        html = "<table><tr><td>" * min(n, 5_000) + body
    elif kind == "spans":
        cells = "".join(
            f'<td rowspan="{rng.choice((0, 60, 999999, -1))}" colspan="{rng.choice((60, 1000, "x"))}">1</td>' for _ in range(min(n, 300))
        )
        html = body + "<table>" + f"<tr>{cells}</tr>" * rng.randint(1, 20) + "</table>"
    else:
        html = body + "<!--" * n + "-->" * rng.randrange(n + 1)
    head = rng.choice(("<!DOCTYPE html><html><body>", "<html><head><meta charset=gbk></head><body>", "<html><body>"))
    return (head + html + "</body></html>").encode("utf-8", "surrogatepass"), f"html:{kind}:{n}"


# --- zip containers ---------------------------------------------------------------------


@lru_cache(maxsize=4)
def _bomb_block(chunk_mb: int = 1) -> bytes:
    """A deflate block sequence that inflates to chunk_mb MB of zeros and can be repeated:
    after a full flush nothing refers back, so k copies inflate to k times as much."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(chunk_mb << 20)
    c.compress(chunk)
    c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    return block


def _final_block() -> bytes:
    return b"\x03\x00"  # an empty final fixed-Huffman block: ends the deflate stream


def bomb(megabytes: int) -> bytes:
    """Raw deflate data inflating to ``megabytes`` MB of zeros (about 1 kB per MB)."""
    return _bomb_block() * megabytes + _final_block()


def zip_file(members: list[tuple], *, overlap: int = 0) -> bytes:
    """A zip from (name, data, method, crc, declared_size[, flags]) written as given, so
    sizes and CRCs may lie. ``overlap`` adds that many central entries all pointing at the
    first member (the overlapping-files bomb)."""
    out, central = io.BytesIO(), []
    for member in members:
        name, data, method, crc, size = member[:5]
        flags = member[5] if len(member) > 5 else 0
        raw = name.encode("utf-8", "surrogatepass")
        offset = out.tell()
        out.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, flags | 0x800, method, 0, 0, crc, len(data), size, len(raw), 0))
        out.write(raw + data)
        central.append((raw, method, crc, len(data), size, offset, flags))
    central += [central[0]] * overlap if central else []
    start = out.tell()
    for raw, method, crc, csize, size, offset, flags in central:
        out.write(
            struct.pack(
                "<4s6H3I5H2I", b"PK\x01\x02", 20, 20, flags | 0x800, method, 0, 0, crc, csize, size, len(raw), 0, 0, 0, 0, 0, offset
            )
        )
        out.write(raw)
    end = out.tell()
    count = min(len(central), 0xFFFF)
    out.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, count, count, end - start, start, 0))
    return out.getvalue()


def _deflated(data: bytes) -> tuple[bytes, int]:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data)


@lru_cache(maxsize=8)
def _docx_parts(text: str) -> tuple[tuple[str, bytes], ...]:
    """The members of a real Word file holding ``text`` (python-docx's own template)."""
    import zipfile

    import docx

    document = docx.Document()
    for line in text.split("\n")[:300]:
        document.add_paragraph(line.replace("\t", " "))
    buf = io.BytesIO()
    document.save(buf)
    with zipfile.ZipFile(buf) as archive:
        return tuple((info.filename, archive.read(info)) for info in archive.infolist())


def _hostile_xml(rng: random.Random, n: int) -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    kind = rng.randrange(4)
    if kind == 0:  # deep nesting
        return (
            f"<w:document {w}><w:body>".encode() + b"<w:sdt><w:sdtContent>" * n + b"</w:sdtContent></w:sdt>" * n + b"</w:body></w:document>"
        )
    if kind == 1:  # billion laughs
        ents = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
        return f'<?xml version="1.0"?><!DOCTYPE d [{ents}]><w:document {w}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>'.encode()
    if kind == 2:  # one giant text node
        return f"<w:document {w}><w:body><w:p><w:r><w:t>".encode() + "年".encode() * (n * 100) + b"</w:t></w:r></w:p></w:body></w:document>"
    cells = b"<w:tc><w:tcPr><w:gridSpan w:val='99999'/><w:vMerge/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>"
    return (
        f"<w:document {w}><w:body><w:tbl>".encode()
        + (b"<w:tr>" + cells * 50 + b"</w:tr>") * min(n, 2000)
        + b"</w:tbl></w:body></w:document>"
    )


#: Member names that would escape or break a reader that extracted them to disk.
_EVIL_NAMES = ("../../../../tmp/nianbao-escape.txt", "/etc/passwd", "C:\\Windows\\x", "word/../word/document.xml", "a\x00b", "\udcff")


def _members(parts: tuple[tuple[str, bytes], ...]) -> list[list]:
    """Honest deflated members (name, data, method, crc, size) of a package's parts."""
    return [[name, *_deflated(data)[:1], 8, zlib.crc32(data), len(data)] for name, data in parts]


def bomb_docx(megabytes: int, declared: int | None = None, text: str = "报告") -> bytes:
    """A Word file whose word/document.xml inflates to ``megabytes`` MB of zeros (about 1 kB
    on disk per MB), declaring ``declared`` bytes (default: the truth) and a CRC of 0."""
    members = _members(_docx_parts(text))
    doc = next(m for m in members if m[0] == "word/document.xml")
    doc[1:5] = [bomb(megabytes), 8, 0, min(megabytes << 20, 0xFFFFFFFF) if declared is None else declared]
    return zip_file([tuple(m) for m in members])


def hostile_zip(rng: random.Random, texts: list[str]) -> tuple[bytes, str]:
    parts = list(_docx_parts(rng.choice(texts) if texts else "报告"))
    members = _members(tuple(parts))
    doc = next(i for i, (name, _d) in enumerate(parts) if name == "word/document.xml")
    kind = rng.choice(("bomb", "lying_bomb", "ratio", "overlap", "many", "nested", "names", "method", "xml", "truncated"))
    n = _size(rng, 10, 20_000)
    overlap = 0
    if kind == "bomb":  # honest headers, gigabytes inside
        mb = _size(rng, 65, 4096)
        members[doc][1:5] = [bomb(mb), 8, 0, min(mb << 20, 0xFFFFFFFF)]
    elif kind == "lying_bomb":  # says 1 kB, inflates to hundreds of MB
        members[doc][1:5] = [bomb(_size(rng, 2, 512)), 8, 0, rng.choice((0, 1000, len(parts[doc][1])))]
    elif kind == "ratio":  # under the total, but 1000:1
        mb = _size(rng, 2, 60)
        members.append(["word/media/zeros.bin", bomb(mb), 8, 0, mb << 20])
    elif kind == "overlap":
        members.insert(0, ["word/big.xml", bomb(1), 8, zlib.crc32(bytes(1 << 20)), 1 << 20])
        overlap = _size(rng, 10, 5_000)
    elif kind == "many":
        members += [[f"word/m{i}.xml", b"\x03\x00", 8, 0, 0] for i in range(n)]
    elif kind == "nested":  # the document is a zip of the package, maybe several times over
        inner = zip_file([tuple(m) for m in _members(tuple(parts))])
        for _ in range(rng.randint(0, 3)):
            inner = zip_file([("word/document.xml", inner, 0, zlib.crc32(inner), len(inner))])
        members[doc][1:5] = [inner, 0, zlib.crc32(inner), len(inner)]
    elif kind == "names":
        members += [[name, _deflated(b"escape")[0], 8, zlib.crc32(b"escape"), 6] for name in _EVIL_NAMES]
    elif kind == "method":
        members[doc][2] = rng.choice((1, 6, 9, 12, 14, 99))  # shrink, implode, deflate64, bzip2, lzma, AES
        members[doc].append(rng.choice((0, 1, 0x41)))  # flags: encrypted, strong encryption
    elif kind == "xml":
        packed, crc = _deflated(_hostile_xml(rng, min(n, 5_000)))
        members[doc][1:5] = [packed, 8, crc, len(_hostile_xml(rng, 0)) if rng.random() < 0.2 else len(zlib.decompress(packed, -15))]
    data = zip_file([tuple(m) for m in members], overlap=overlap)
    if kind == "truncated":
        data = data[: rng.randrange(len(data))]
    return data, f"zip:{kind}:{n}"


# --- PDF --------------------------------------------------------------------------------


def pdf_file(contents: list[bytes], *, n_pages: int | None = None, flate: bool = False, raw_streams: list[bytes] | None = None) -> bytes:
    """A PDF whose page i draws ``contents[i % len(contents)]`` (n_pages pages, sharing the
    content objects). ``raw_streams`` are used as they are (already deflated) instead."""
    n_pages = len(contents) if n_pages is None else n_pages
    streams = raw_streams if raw_streams is not None else [zlib.compress(c) if flate else c for c in contents]
    n_streams = len(streams)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + n_streams + i) for i in range(n_pages)) + b"] /Count %d >>" % n_pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    filt = b" /Filter /FlateDecode" if flate or raw_streams is not None else b""
    for s in streams:
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(s), filt) + s + b"\nendstream")
    for i in range(n_pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (4 + i % n_streams)
        )
    return _pdf_bytes(objects)


def _pdf_bytes(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % off for off in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _text_ops(lines: list[str]) -> bytes:
    ops = [b"BT /F1 10 Tf 40 800 Td 12 TL"]
    for line in lines:
        safe = line.encode("ascii", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"(" + safe + b") '")
    return b"\n".join(ops + [b"ET"])


def hostile_pdf(rng: random.Random, texts: list[str]) -> tuple[bytes, str]:
    lines = (rng.choice(texts) if texts else "2024").split("\n")[: _size(rng, 1, 60)]
    kind = rng.choice(("pages", "stream_bomb", "big_stream", "chars", "graphics", "deep_tree", "cycle", "nesting", "broken_xref"))
    n = _size(rng, 10, 50_000)
    page = _text_ops(lines)
    if kind == "pages":  # a few pages, or more than the reader takes (refused before any is read)
        pages = rng.randint(1, 30) if rng.random() < 0.5 else rng.randint(MAX_PAGES + 1, 5_000)
        data = pdf_file([page if pages <= 30 else b"BT /F1 9 Tf 40 800 Td (1) Tj ET"], n_pages=pages)
    elif kind == "stream_bomb":
        data = pdf_file([], n_pages=rng.randint(1, 3), raw_streams=[b"\x78\x9c" + bomb(_size(rng, 3, 2048))])
    elif kind == "big_stream":
        data = pdf_file([page + b"\n" + b"% padding\n" * _size(rng, 1_000, 300_000)], flate=rng.random() < 0.5)
    elif kind == "chars":
        data = pdf_file([b"BT /F1 1 Tf 0 400 Td (" + b"x" * min(n * 2, 60_000) + b") Tj ET"])
    elif kind == "graphics":
        data = pdf_file([b"0.1 w\n" + b"".join(b"%d 0 m %d 842 l S\n" % (i % 595, i % 595) for i in range(min(n, 40_000)))], flate=True)
    elif kind in ("deep_tree", "cycle"):
        depth = min(n, 3_000)
        objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
        for i in range(depth):  # object 2 + i is a /Pages node whose only kid is the next one
            kid = 2 if kind == "cycle" and i == depth - 1 else 3 + i
            objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % kid)
        objects.append(b"<< /Type /Page /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (depth + 3))
        objects.append(b"<< /Length %d >>\nstream\n" % len(page) + page + b"\nendstream")
        data = _pdf_bytes(objects)
    elif kind == "nesting":
        data = pdf_file([page]).replace(
            b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /X " + b"[" * min(n, 20_000) + b"]" * min(n, 20_000), 1
        )
    else:
        data = pdf_file([page] * rng.randint(1, 5))
        cut = data.rfind(b"xref")
        data = data[:cut] + rng.choice((b"", b"xref\n0 999999999\n", b"trailer << /Root 999 0 R >>", rng.randbytes(64)))
    return data, f"pdf:{kind}:{n}"


GENERATORS = {"html": hostile_html, "zip": hostile_zip, "pdf": hostile_pdf}
NAMES = {"html": "hostile.html", "zip": "hostile.docx", "pdf": "hostile.pdf"}


def make_hostile(rng: random.Random, texts: list[str]) -> tuple[bytes, str, str]:
    """(data, file name, description) of one hostile input."""
    form = rng.choice(sorted(GENERATORS))
    data, what = GENERATORS[form](rng, texts)
    return data, NAMES[form], what
