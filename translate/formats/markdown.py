"""Markdown: headings, list items and link targets kept, fenced code never translated."""

from __future__ import annotations

from translate.formats.base import Format
from translate.formats.text import TextLayout


def parse_markdown(text: str, name: str) -> TextLayout:
    return TextLayout(text, name, markdown=True)


FORMAT = Format("markdown", (".md",), parse_markdown)
