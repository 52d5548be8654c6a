"""Input formats that carry markup: each reads a file into text units to translate and
writes the translated units back into the same document. Segmentation, batching and engines
never see the format; plain text and Markdown are handled by :mod:`translate.text.document`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Protocol

# Source suffixes per format; anything else is plain text
SUFFIXES = {".md": "markdown", ".html": "html", ".htm": "html", ".docx": "docx"}
BINARY = {"docx"}  # read as bytes, not decoded as text
DEFAULT_PATTERNS = ("*.txt", "*.md", "*.html", "*.htm", "*.docx")


@dataclass(frozen=True)
class Unit:
    """One piece of text to translate, with the kind of element it came from (``title``,
    ``heading``, ``paragraph``, ``item``, ``cell``, ``caption``, ``attribute``, ...)."""

    kind: str
    text: str


class Layout(Protocol):
    """A parsed document: its units in reading order, and the document rebuilt with each
    unit replaced by its translation (``write``), as ``str`` (HTML) or ``bytes`` (DOCX)."""

    format: str
    units: list[Unit]
    notes: tuple[str, ...]  # what parsing found (markup repaired), for the sidecar
    dropped: int  # inline tags the last ``write`` could not keep

    def write(self, translations: Sequence[str]) -> str | bytes: ...


def format_of(name: str) -> str:
    """``text``, ``markdown``, ``html`` or ``docx``, from the file name's suffix."""
    return SUFFIXES.get(PurePath(name).suffix.lower(), "text")


def load_layout(fmt: str, name: str, text: str = "", data: bytes | None = None) -> Layout:
    """Parses ``text`` (HTML) or ``data`` (DOCX).

    Raises:
        DocumentError: the file is not a readable document of its format; names the file.
    """
    if fmt == "html":
        from translate.formats.html import HtmlLayout

        return HtmlLayout(text, name)
    if fmt == "docx":
        from translate.formats.docx import DocxLayout

        return DocxLayout(data or b"", name)
    raise ValueError(f"no layout for format {fmt!r}")
