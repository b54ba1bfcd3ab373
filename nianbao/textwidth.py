"""How wide chart text is, measured the same way at build time on every machine.

Chart SVG is laid out at build time (vl-convert for the aggregate charts, minicharts.py for
the small ones), but its text is drawn later by the reader's browser in whatever CJK font
it has (PingFang, Microsoft YaHei, Noto Sans CJK …). If the build measured text with the
fonts of the build machine, a machine without a CJK font would measure each Chinese
character as almost nothing, and in the browser the labels would overlap and run off the
SVG. So text is measured with fixed, conservative advances instead:

* every character outside printable ASCII is 1 em (CJK ideographs and punctuation are 1 em
  in every CJK font; other characters are rarely wider);
* printable ASCII takes the widest advance among DejaVu Sans, Liberation Sans and Noto Sans
  CJK SC (the wide end of the sans fonts a browser falls back to), plus 5 %.

Text then never needs more room in a browser than measured. The same advances are shipped
as a tiny font, ``fonts/NianbaoMeasure.ttf`` (made by ``python -m nianbao.fontgen``: one
box glyph per ASCII character and one 1-em box for everything else), which vl-convert
registers and lays its charts out with; minicharts.py uses ``text_width`` directly.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

#: Family name of the measuring font; listed first in the charts' font stack.
FAMILY = "Nianbao Measure"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILE = FONT_DIR / "NianbaoMeasure.ttf"
ELLIPSIS = "…"

#: Advance of U+0020 … U+007E in thousandths of an em.
ASCII_ADVANCE = (
    340, 430, 500, 880, 670, 1000, 820, 300, 410, 410, 530, 880, 340, 380, 340, 420,  # space to /
    670, 670, 670, 670, 670, 670, 670, 670, 670, 670, 360, 360, 880, 880, 880, 590,  # 0 to ?
    1070, 720, 730, 760, 810, 710, 650, 820, 790, 310, 570, 710, 590, 910, 790, 830,  # @ to O
    710, 830, 760, 710, 650, 770, 720, 1040, 720, 710, 720, 410, 420, 410, 880, 590,  # P to _
    640, 650, 670, 580, 670, 650, 370, 670, 670, 300, 300, 610, 300, 1030, 670, 650,  # ` to o
    670, 670, 440, 550, 420, 670, 630, 860, 630, 630, 560, 670, 360, 670, 880,  # p to ~
)  # fmt: skip
#: Advance of every other character (full width).
WIDE = 1000


def advance(ch: str) -> int:
    """Advance of one character in thousandths of an em."""
    code = ord(ch)
    return ASCII_ADVANCE[code - 0x20] if 0x20 <= code <= 0x7E else WIDE


def text_width(text: str, size: float) -> float:
    """Width of ``text`` at font size ``size`` (px), as the build measures it."""
    return sum(advance(ch) for ch in text) * size / 1000


def fit(text: str, limit: float, size: float) -> str:
    """``text`` if it fits in ``limit`` px, else its longest head + "…" that does."""
    if text_width(text, size) <= limit:
        return text
    return _longest(text, limit - text_width(ELLIPSIS, size), size).rstrip() + ELLIPSIS


def abbreviate(labels: list[str], limit: float, size: float) -> dict[str, str]:
    """Full label -> a label that fits in ``limit`` px; distinct labels stay distinct.

    Long labels keep their head and their tail around "…" (agency names differ at the end
    as often as at the start); labels still equal after that are numbered."""
    short = {label: _head_and_tail(label, limit, size) for label in dict.fromkeys(labels)}
    counts = Counter(short.values())
    seen: Counter[str] = Counter()
    for label, text in list(short.items()):
        if counts[text] > 1:
            seen[text] += 1
            mark = f"({seen[text]})"
            short[label] = _head_and_tail(label, limit - text_width(mark, size), size) + mark
    return short


def _head_and_tail(text: str, limit: float, size: float) -> str:
    """The start and end of ``text`` joined by "…", within ``limit`` px (about 2/3 head)."""
    if text_width(text, size) <= limit:
        return text
    room = limit - text_width(ELLIPSIS, size)
    tail = _longest(reversed(text), room / 3, size)[::-1]
    head = _longest(text[: len(text) - len(tail)], room - text_width(tail, size), size)
    return head.rstrip() + ELLIPSIS + tail.lstrip()


def _longest(chars, room: float, size: float) -> str:
    """The longest run of ``chars`` (in the order given) whose width fits in ``room``."""
    out, used = [], 0.0
    for ch in chars:
        used += advance(ch) * size / 1000
        if used > room:
            break
        out.append(ch)
    return "".join(out)
