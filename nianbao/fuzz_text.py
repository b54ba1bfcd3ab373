"""Text mutators for the fuzzer (``nianbao.fuzz``): a seed report's bytes changed the way
real files get damaged or mangled (lines lost, duplicated or swapped, cells swapped, numbers
replaced by noise, random bytes, truncation, other encodings, other formats, hostile
strings), and random text made of the seeds' own words. Each mutator is a function of the
bytes and a seeded ``random.Random``, so a recipe of (name, seed) pairs replays it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

Mutator = Callable[[bytes, random.Random], bytes]

_NUMBER = re.compile(rb"(?<![0-9.])[0-9]+(?:\.[0-9]+)?(?![0-9.])")
_NOISE = (
    b"-1",
    b"-999",
    b"2.5",
    b"0.001",
    b"99999999999",
    b"1" * 40,
    b"9" * 5000,
    b"1e5",
    b"NaN",
    b"inf",
    "３２".encode(),
    "增 18".encode(),
    "减3".encode(),
    "—".encode(),
    b"/",
    b"",
    b"1,234,567.89",
    b"00",
    b"+7",
)
_HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "<!--",
    "-->",
    "{{ 7*7 }}",
    "{% raw %}",
    "[a](javascript:alert(1))",
    "\u202e",
    "\x00",
    "\ufeff",
    "\r",
    "\t\t\t",
    "|",
    "#",
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def delete_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, max(1, len(lines) // 8))):
        if lines:
            del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(1, 30))
    return b"\n".join(lines[:j] + lines[i:j] + lines[j:])


def swap_lines(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 5)):
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def swap_cells(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    rows = [i for i, line in enumerate(lines) if b"\t" in line] or [0]
    for _ in range(rng.randint(1, 6)):
        i = rng.choice(rows)
        cells = lines[i].split(b"\t")
        a, b = rng.randrange(len(cells)), rng.randrange(len(cells))
        cells[a], cells[b] = cells[b], cells[a]
        if rng.random() < 0.3:
            del cells[rng.randrange(len(cells))]
        lines[i] = b"\t".join(cells)
    return b"\n".join(lines)


def number_noise(data: bytes, rng: random.Random) -> bytes:
    spans = [m.span() for m in _NUMBER.finditer(data)]
    for a, b in sorted(rng.sample(spans, min(len(spans), rng.randint(1, 8))), reverse=True):
        data = data[:a] + rng.choice(_NOISE) + data[b:]
    return data


def random_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(out)


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 32)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]  # may cut a UTF-8 character in half


def reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    enc = rng.choice(("gb18030", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "big5"))
    return text.encode(enc, errors="replace")


def splice(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    cut = rng.randrange(len(lines) + 1)
    other = list(reversed(lines)) if rng.random() < 0.5 else lines[rng.randrange(len(lines)) :]
    return b"\n".join(lines[:cut] + other)


def hostile(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    for _ in range(rng.randint(1, 6)):
        i = rng.randrange(len(lines))
        at = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:at] + rng.choice(_HOSTILE).encode() + lines[i][at:]
    return b"\n".join(lines)


def reformat(data: bytes, rng: random.Random) -> bytes:
    """The same text as another form: markdown pipes, spaces (PDF-like), an HTML table."""
    choice = rng.randrange(4)
    if choice == 0:
        return b"\n".join(b"| " + line.replace(b"\t", b" | ") + b" |" if b"\t" in line else line for line in _lines(data))
    if choice == 1:
        return data.replace(b"\t", b" " * rng.randint(1, 3))
    if choice == 2:
        return data.replace(b"\n", b"\r\n" if rng.random() < 0.5 else b"\r")
    rows = b"".join(b"<tr><td>" + line.replace(b"\t", b"</td><td>") + b"</td></tr>\n" for line in _lines(data))
    return b"<html><body><table>\n" + rows + b"</table></body></html>"


def wrap_magic(data: bytes, rng: random.Random) -> bytes:
    """A magic number in front: the other readers (PDF, DOCX, HTML) get garbage too."""
    return rng.choice((b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html>", b"\xef\xbb\xbf", b"\xff\xfe", b"\x89PNG\r\n\x1a\n")) + data


MUTATORS: dict[str, Mutator] = {
    f.__name__: f
    for f in (
        delete_lines,
        duplicate_lines,
        swap_lines,
        swap_cells,
        number_noise,
        random_bytes,
        flip_bytes,
        truncate,
        reencode,
        splice,
        hostile,
        reformat,
        wrap_magic,
    )
}


def mutate(data: bytes, recipe: list[tuple[str, int]]) -> bytes:
    """Apply mutators by name, each with its own seeded generator (the recipe replays it)."""
    for name, seed in recipe:
        if data:
            data = MUTATORS[name](data, random.Random(seed))
    return data


def random_text(rng: random.Random, words: list[str]) -> bytes:
    """Text made of the seeds' own words, numbers and separators: near-misses of a report."""
    parts = []
    for _ in range(rng.randint(0, 400)):
        r = rng.random()
        if r < 0.6 and words:
            parts.append(rng.choice(words))
        elif r < 0.75:
            parts.append(str(rng.choice((0, 1, 7, 2025, -3, 10 ** rng.randint(1, 30)))))
        elif r < 0.95:
            parts.append(rng.choice(("\t", "\n", " ", "\n\n", "|", "、", "（", "）", "#", "：")))
        else:
            parts.append(chr(rng.randint(0x20, 0x10FFFF)) if rng.random() < 0.5 else rng.choice(_HOSTILE))
    return "".join(parts).encode("utf-8", errors="surrogatepass")
