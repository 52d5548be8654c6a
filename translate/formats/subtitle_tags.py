"""The tags of a subtitle line (``<i>``, ``<b>``, ``<font>``, WebVTT's ``<c.x>``, ``{\\i1}``
overrides, WebVTT timestamps): read as marks around words and anchors without words, for
:mod:`translate.formats.subtitles` to place in the translation."""

from __future__ import annotations

import html
import itertools
import re

from translate.text.marks import Anchor, Mark

# A tag inside a line: an opening or closing tag, an override ({\i1}), a WebVTT timestamp
TAG = re.compile(r"</?[a-z][^>]*>|\{\\[^}]*\}|<\d[\d:.]*>")


class Tags:
    """The inline tags of a file: each one's key, and how it is written back."""

    def __init__(self, entities: bool = False):
        self.entities = entities  # WebVTT's: "&amp;" is "&" to the model, written back so
        self.opens: dict[int, str] = {}
        self.closes: dict[int, str] = {}
        self.raw: dict[int, str] = {}
        self._keys = itertools.count()

    def read(self, body: str) -> tuple[str, list[Mark], list[Anchor]]:
        """A line's text with whitespace collapsed, its tags around words as marks (nested
        as written) and the others as anchors; a tag never closed, or closed without being
        opened, is an anchor."""
        text: list[str] = []
        size = 0
        stack: list[tuple[int, int, str, list[Mark]]] = []  # key, start, name, children
        top: list[Mark] = []
        anchors: list[Anchor] = []
        position = 0
        for match in [*TAG.finditer(body), None]:
            chunk = body[position : match.start() if match else len(body)]
            chunk = html.unescape(chunk) if self.entities else chunk
            for ch in chunk:
                if not ch.isspace():
                    text.append(ch)
                    size += 1
                elif size and text[-1] != " ":
                    text.append(" ")
                    size += 1
            if match is None:
                break
            position = match.end()
            tag = match.group()
            name = re.match(r"</?([a-z][\w]*)", tag)
            key = next(self._keys)
            if name and not tag.startswith("</") and not tag.endswith("/>"):
                stack.append((key, size, name.group(1), []))
                self.opens[key] = tag
                continue
            if name and tag.startswith("</") and stack and stack[-1][2] == name.group(1):
                opened, start, _, children = stack.pop()
                self.closes[opened] = tag
                mark = Mark(opened, start, size, keep=True, children=tuple(children))
                (stack[-1][3] if stack else top).append(mark)
                continue
            self.raw[key] = tag
            anchors.append(Anchor(key, size))
        for opened, start, _, children in stack:  # never closed: kept where it was opened
            self.raw[opened] = self.opens.pop(opened)
            anchors.append(Anchor(opened, start))
            top.extend(children)
        end = size - 1 if text and text[-1] == " " else size
        return (
            "".join(text[:end]),
            [_clip(m, end) for m in top],
            [Anchor(a.key, min(a.offset, end)) for a in anchors],
        )

    def escaped(self, text: str) -> str:
        """Translated words as the file writes them: ``&``, ``<`` and ``>`` as WebVTT's
        character references."""
        if not self.entities:
            return text
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _clip(mark: Mark, end: int) -> Mark:
    children = tuple(_clip(c, end) for c in mark.children)
    return Mark(mark.key, min(mark.start, end), min(mark.end, end), mark.keep, children)


def shifted(mark: Mark, by: int) -> Mark:
    children = tuple(shifted(c, by) for c in mark.children)
    return Mark(mark.key, mark.start + by, mark.end + by, mark.keep, children)


def balanced(inner: str) -> bool:
    """Whether the tags around a line wrap it whole: ``<i>a</i> b <i>c</i>`` is not wrapped,
    its inner text closes the first tag before opening another."""
    depth = 0
    for match in TAG.finditer(inner):
        tag = match.group()
        if tag.startswith("</"):
            depth -= 1
            if depth < 0:
                return False
        elif re.match(r"<[a-z]", tag) and not tag.endswith("/>"):
            depth += 1
    return depth == 0
