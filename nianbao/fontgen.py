"""Make the measuring font ``fonts/NianbaoMeasure.ttf``: ``python -m nianbao.fontgen``.

The font only tells vl-convert how wide text is (textwidth.py); browsers never use it. Each
printable ASCII character gets a box glyph as wide as its advance, every other code point
(one cmap format 13 range) a 1-em box. Boxes, not empty glyphs: vl-convert measures text by
the bounding box of its outlines. The file is ~1 KB and byte-for-byte reproducible (fixed
timestamps); tests/test_textwidth.py checks the shipped copy matches this code. Needs
fontTools (requirements-dev.txt); the build itself only reads the shipped file.
"""

from __future__ import annotations

import io
import sys

from .textwidth import ASCII_ADVANCE, FAMILY, FONT_FILE, WIDE

_ASCENT, _DESCENT = 880, 120
#: 2024-01-01 in seconds since 1904 (the font epoch), so the file never changes by itself.
_TIMESTAMP = 3787200000


def build() -> bytes:
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    ascii_names = [f"u{code:04X}" for code in range(0x20, 0x7F)]
    order = [".notdef", "wide", *ascii_names]
    widths = {".notdef": WIDE, "wide": WIDE, **dict(zip(ascii_names, ASCII_ADVANCE, strict=True))}
    fb = FontBuilder(1000, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap({})
    fb.setupGlyf({name: _box(TTGlyphPen(None), widths[name]) for name in order})
    fb.setupHorizontalMetrics({name: (widths[name], 0) for name in order})
    fb.setupHorizontalHeader(ascent=_ASCENT, descent=-_DESCENT)
    fb.setupNameTable(
        {
            "familyName": FAMILY,
            "styleName": "Regular",
            "uniqueFontIdentifier": "NianbaoMeasure-Regular",
            "fullName": f"{FAMILY} Regular",
            "psName": "NianbaoMeasure-Regular",
            "version": "Version 1.000",
        }
    )
    fb.setupOS2(sTypoAscender=_ASCENT, sTypoDescender=-_DESCENT, usWinAscent=_ASCENT, usWinDescent=_DESCENT)
    fb.setupPost()
    cmap = CmapSubtable.newSubtable(13)  # many code points -> one glyph, in a few ranges
    cmap.platformID, cmap.platEncID, cmap.language = 3, 10, 0
    cmap.cmap = {code: "wide" for code in range(0x80, 0x110000) if not 0xD800 <= code <= 0xDFFF}
    cmap.cmap.update({code: name for code, name in zip(range(0x20, 0x7F), ascii_names, strict=True)})
    fb.font["cmap"].tables = [cmap]
    fb.font["head"].created = fb.font["head"].modified = _TIMESTAMP
    out = io.BytesIO()
    fb.font.save(out, reorderTables=True)
    return out.getvalue()


def _box(pen, width: int):
    """A filled box from the origin to the advance: its bounding box is the advance."""
    pen.moveTo((0, 0))
    pen.lineTo((0, _ASCENT))
    pen.lineTo((width, _ASCENT))
    pen.lineTo((width, 0))
    pen.closePath()
    return pen.glyph()


def main() -> int:
    FONT_FILE.parent.mkdir(exist_ok=True)
    FONT_FILE.write_bytes(build())
    print(f"wrote {FONT_FILE} ({FONT_FILE.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
