"""The Document: what every reader hands to the parser."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model import Finding


@dataclass(slots=True)
class Document:
    """Text lines of one input, whatever form it came in."""

    path: Path
    """The file read."""
    kind: str
    """Detected form: "text", "html", "pdf", "docx" (see detect.py)."""
    lines: list[str]
    """Text lines; a table row is one line with cells separated by tabs."""
    findings: list[Finding] = field(default_factory=list)
    """What the reader noticed (undecodable bytes, no text layer, ...)."""
    sha256: str = ""
    """Hash of the input bytes."""
