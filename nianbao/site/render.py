"""Jinja2 rendering: autoescape on, strict undefined, one CSP per page.

Only two things reach templates as markup: chart SVG (vl-convert output, escaped by it
and checked in charts.inline_svg) and content/*.md rendered with raw HTML disabled.
Report text is always escaped.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .fragments import grid
from .pages.common import SITE_NAME, Page

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
ASSETS = ROOT / "site_assets"

#: Everything from the site itself, nothing from another host. Chart SVG uses presentation
#: attributes, not style attributes, so style-src needs no 'unsafe-inline'.
#: {wasm} is 'wasm-unsafe-eval' on the search page only: search (Pagefind) runs WebAssembly
#: in a web worker, allowed by script-src 'self'; where the worker cannot start it falls
#: back to the page itself, and this lets that fallback compile wasm (it does not allow
#: eval() of JavaScript). No other page runs wasm, so none other is allowed to.
CSP = (
    "default-src 'none'; script-src 'self'{wasm}{script}; style-src 'self'{style}; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'"
)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["site_name"] = SITE_NAME
    # Tables are written in Python (fragments.py): a report page has hundreds of cells.
    env.globals["grid"] = grid
    return env


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def content_security_policy(inline_style: str = "", inline_script: str = "", wasm: bool = False) -> str:
    """The CSP meta value; inline blocks (only the 404 page has them) are allowed by hash."""
    style = " " + csp_hash(inline_style) if inline_style else ""
    script = " " + csp_hash(inline_script) if inline_script else ""
    return CSP.format(style=style, script=script, wasm=" 'wasm-unsafe-eval'" if wasm else "")


def render_page(env: Environment, page: Page) -> bytes:
    inline_style = getattr(page.ctx, "inline_css", "")
    inline_script = getattr(page.ctx, "inline_js", "")
    csp = content_security_policy(inline_style, inline_script, wasm=page.template == "search.html")
    html = env.get_template(page.template).render(meta=page.meta, ctx=page.ctx, csp=csp)
    return html.encode("utf-8")


def trusted(html: str) -> Markup:
    """Mark build-time generated markup as safe (charts, content Markdown). Never report text."""
    return Markup(html)


def asset_files() -> dict[str, bytes]:
    """site_assets/* copied to assets/ (sorted; nothing fetched from elsewhere)."""
    return {f"assets/{p.name}": p.read_bytes() for p in sorted(ASSETS.iterdir()) if p.is_file() and not p.name.startswith(".")}
