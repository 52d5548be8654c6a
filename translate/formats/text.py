"""Plain text: paragraphs, headings and list items kept line for line
(:mod:`translate.text.document` does the parsing)."""

from __future__ import annotations

from translate.findings import Finding
from translate.formats.base import Format, Written
from translate.text.document import Document, parse


class TextLayout:
    """A plain-text article."""

    def __init__(self, text: str, name: str):
        self.name = name
        self.document = parse(text)
        self.findings: tuple[Finding, ...] = ()

    def write(self, english: Document) -> Written:
        return Written(english.render())


FORMAT = Format("text", (".txt",), TextLayout)
