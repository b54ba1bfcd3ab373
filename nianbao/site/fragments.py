"""HTML of the two things a report page repeats hundreds of times: a table (``Grid``) and
the numbered source text, written in Python instead of a Jinja macro.

A report page has ~175 table-3 cells and ~300 source lines; through the macro each cell
cost a macro frame, a dozen attribute lookups and as many ``escape`` calls (~2.5 ms of
Jinja per page). Here every text still goes through ``markupsafe.escape`` (report text is
never marked safe); only the tags, written below, are. Templates call ``grid(g)`` and
the report context holds its source text from ``source_lines``; the output is byte for byte what the
macro wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup
from markupsafe import escape as _markup_escape

from .pages.common import Cell, Grid, HeadCell, Note, Row
from .urls import line_anchor

_SPECIAL = re.compile(r"[&<>\"']")


def escape(text: object) -> str:
    """``markupsafe.escape`` as a plain string, without building a Markup for the ~95 %
    of texts (numbers, ids, links, most report lines) that hold nothing to escape."""
    if hasattr(text, "__html__"):  # already markup, as markupsafe.escape treats it
        return str(text.__html__())
    text = str(text)
    return text if _SPECIAL.search(text) is None else str(_markup_escape(text))


def _head(h: HeadCell, scope: str) -> str:
    attrs = f'<th scope="{scope}"'
    if h.rowspan > 1:
        attrs += f' rowspan="{h.rowspan}"'
    if h.colspan > 1:
        attrs += f' colspan="{h.colspan}"'
    if h.css:
        attrs += f' class="{escape(h.css)}"'
    return f"{attrs}>{escape(h.text)}</th>"


def _cell(c: Cell) -> str:
    out = "<td"
    if c.anchor:
        out += f' id="{escape(c.anchor)}"'
    if c.css:
        out += f' class="{escape(c.css)}"'
    if c.title:
        out += f' title="{escape(c.title)}"'
    if c.sort_key:
        out += f' data-sort="{escape(c.sort_key)}"'
    text = escape(c.text)
    out += f'><a href="{escape(c.href)}">{text}</a>' if c.href else f">{text}"
    for m in c.marks:
        sev = escape(m.severity)
        out += f'<a class="mark sev-{sev}" href="{escape(m.href)}" aria-label="见检查发现 {m.number}">{m.number}</a>'
    return out + "</td>"


def _note(n: Note) -> str:
    sev = escape(n.severity)
    return (
        f'<p id="{escape(n.anchor)}" class="note sev-{sev}"><span class="mark sev-{sev}">{n.number}</span> '
        f"<strong>{escape(n.severity_label)}</strong> {escape(n.text)}</p>"
    )


def _row(row: Row, notes_column: bool) -> str:
    parts = ['    <tr class="subhead">\n' if row.header else "    <tr>\n"]
    parts.extend(_head(h, "row") for h in row.heads)
    if row.header:
        parts.extend(f'<th scope="col">{escape(c.text)}</th>' for c in row.cells)
    else:
        parts.extend(_cell(c) for c in row.cells)
    if notes_column:
        parts.append('      <td class="notes">' + "".join(_note(n) for n in row.notes) + "</td>\n")
    parts.append("    </tr>\n")
    return "".join(parts)


def grid(g: Grid) -> Markup:
    """A table with its caption, merged header rows, cells, notes column and summary."""
    sortable = " sortable" if g.sortable else ""
    parts = [f'<div class="table-scroll">\n<table id="{escape(g.key)}" class="{escape(g.css)}{sortable}">\n']
    parts.append(f"  <caption>{escape(g.caption)}</caption>\n")
    if g.head_rows:
        parts.append("  <thead>\n")
        parts.extend("    <tr>" + "".join(_head(h, "col") for h in hr) + "</tr>\n" for hr in g.head_rows)
        parts.append("  </thead>\n")
    parts.append("  <tbody>\n")
    parts.extend(_row(row, g.notes_column) for row in g.rows)
    parts.append("  </tbody>\n</table>\n</div>\n")
    if g.summary:
        parts.append(f'<p class="hint confidence">{escape(g.summary)}</p>')
    return Markup("".join(parts))


def source_lines(lines: Iterable[str], cited: set[int]) -> Markup:
    """One ``<li id="L<n>">`` per source line, numbered from 1, each followed by a newline;
    a line a table value or a finding points at has ``class="cited"``."""
    out = []
    for number, text in enumerate(lines, 1):
        attrs = f'id="{line_anchor(number)}" class="cited"' if number in cited else f'id="{line_anchor(number)}"'
        out.append(f"<li {attrs}>{escape(text)}</li>\n")
    return Markup("".join(out))
