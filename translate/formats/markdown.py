"""Markdown by a CommonMark parser (markdown-it-py, with tables, and front matter and
footnotes from mdit-py-plugins): only the inline text of headings, paragraphs (in lists,
blockquotes and footnotes too) and table cells reaches the model. Everything else is kept
byte for byte from the source lines: front matter (but for the fields a reader sees:
``title``, ``subtitle``, ``description``, ``summary``, ``excerpt``, translated in place and
quoted where YAML needs it), fenced and indented code, HTML blocks (but for those
:mod:`translate.formats.markdown_html` translates), reference definitions, table pipes and
alignment rows, list and blockquote markers, code spans, link destinations and titles,
images, footnote references and hard line breaks. Emphasis, links and inline HTML elements
are put back on the words that render theirs
(:mod:`translate.text.inline`, each element's words translated alone as for HTML); an
image's alt text is translated alone. A paragraph wrapped over several lines is wrapped over
as many again, each line with its own prefix. Reading a block's inline tokens is
:mod:`translate.formats.markdown_inline`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    markup_findings,
    placement_counts,
    unit_document,
)
from translate.formats.markdown_html import HtmlBlock, html_blocks, kept_finding
from translate.formats.markdown_inline import Span, read_spans
from translate.formats.shown import safe_markdown
from translate.text.document import Document
from translate.text.inline import place
from translate.text.marks import cut, flat, line_segments, spaces_taken


@functools.cache
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
    )


class MarkdownLayout:
    """A parsed Markdown article (see the module docstring)."""

    def __init__(self, text: str, name: str):
        self.name = name
        self.lines = text.split("\n")
        tokens = _parser().parse(text)
        self.fields = front_matter(tokens, self.lines)
        spans = [s for s in read_spans(tokens, self.lines) if any(c.isalpha() for c in s.text)]
        blocks, kept = html_blocks(tokens, self.lines, name)
        # the inline blocks and the HTML blocks in page order (they never share a line)
        self.parts: list[Span | HtmlBlock] = sorted(spans + blocks, key=lambda p: p.first)
        self.units = [Unit(f.kind, f.text) for f in self.fields]
        for part in self.parts:
            if isinstance(part, HtmlBlock):
                self.units += part.layout.units
            else:
                self.units.append(Unit(part.kind, part.text))
        self.document = unit_document(self.units)
        self.findings: tuple[Finding, ...] = kept_finding(kept)

    @property
    def spans(self) -> list[Span]:
        return [p for p in self.parts if isinstance(p, Span)]

    @property
    def inline_texts(self) -> list[str]:
        """The words of every emphasis, link and inline HTML element, every image's alt text
        and an HTML block's own, in order, to be translated alone (an image's alt text is
        its translation)."""
        texts = []
        for part in self.parts:
            if isinstance(part, HtmlBlock):
                texts += part.layout.inline_texts
            else:
                texts += [part.words(m.key) for m in flat(part.marks)]
                texts += [alt for alt, _ in part.images.values()]
        return texts

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        lines = list(self.lines)
        spare = iter(alone)
        placements, found = [], []
        edits: list[tuple[Span | HtmlBlock, str, list]] = []
        shown: list[str | None] = []
        paragraphs = iter(english.paragraphs)
        for field in self.fields:
            field.write(lines, " ".join(line.render() for line in next(paragraphs)))
            shown.append(safe_markdown(lines[field.line][field.start :]))
        for part in self.parts:
            if isinstance(part, HtmlBlock):
                layout = part.layout
                texts = [_unit_text(next(paragraphs)) for _ in layout.units]
                given = [next(spare, "") for _ in layout.inline_texts]
                written = layout.write_units(texts, given)
                found += written.findings  # counted in the page's one markup finding
                shown += written.markup
                edits.append((part, part.render(written.content), []))
                continue
            span = part
            keys = [m.key for m in flat(span.marks)] + list(span.images)
            given = dict(zip(keys, spare, strict=False))
            raw = dict(span.raw)
            for key, (_, target) in span.images.items():  # the alt text in English
                if given.get(key):
                    raw[key] = f"![{given[key]}{target}"
            target = _unit_text(next(paragraphs))
            placed = place(
                span.text, target, span.marks, span.anchors, given, line_segments(span.text, target)
            )
            placements.append(placed)
            rendered, protected = _render(span, target, placed, raw)
            shown.append(safe_markdown(rendered))
            edits.append((span, rendered, protected))
        # Bottom up, right to left: earlier line numbers and offsets stay valid
        edits.sort(key=lambda e: (e[0].first, getattr(e[0], "column", 0)), reverse=True)
        for part, rendered, protected in edits:
            if isinstance(part, HtmlBlock):
                lines[part.first : part.first + part.size] = rendered.split("\n")
            else:
                _apply(lines, part, rendered, protected)
        findings = markup_findings(*placement_counts(placements, found))
        return Written("\n".join(lines), findings, tuple(shown))


def _unit_text(paragraph) -> str:
    return "\n".join(line.render() for line in paragraph)


# Front matter fields a reader sees (Hugo, Jekyll, Astro): one line each, a plain or quoted
# scalar; block scalars, lists, anchors and other keys stay as they are
_FIELD = re.compile(
    r"^(?P<key>title|subtitle|description|summary|excerpt)\s*:\s+(?P<value>[^\s|>\[{&*!].*?)\s*$"
)
# What a plain YAML scalar cannot hold as written: then the English is double-quoted
_NEEDS_QUOTES = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`]|: | #|:$")


@dataclass
class Field:
    """One front matter field translated in place: its line, where its value starts and ends
    there, its quote (``'``, ``"`` or none) and its text."""

    line: int
    start: int
    end: int
    quote: str
    text: str
    kind: str = "title"

    def write(self, lines: list[str], english: str) -> None:
        quote = self.quote or ('"' if _NEEDS_QUOTES.search(english) else "")
        if quote == "'":
            value = "'" + english.replace("'", "''") + "'"
        elif quote == '"':
            value = '"' + english.replace("\\", "\\\\").replace('"', '\\"') + '"'
        else:
            value = english
        line = lines[self.line]
        lines[self.line] = line[: self.start] + value + line[self.end :]


def front_matter(tokens, lines: list[str]) -> list[Field]:
    """The fields of the document's YAML front matter a reader sees (``title``,
    ``description``, ...), each a plain or quoted scalar on one line."""
    token = next((t for t in tokens if t.type == "front_matter"), None)
    if token is None or token.map is None:
        return []
    fields = []
    for i in range(token.map[0] + 1, token.map[1] - 1):
        match = _FIELD.match(lines[i])
        if match is None:
            continue
        value, start, end = match.group("value"), match.start("value"), match.end("value")
        quote = value[0] if len(value) >= 2 and value[0] in "'\"" and value[-1] == value[0] else ""
        if quote == "'":
            text = value[1:-1].replace("''", "'")
        elif quote == '"':
            if "\\" in value:
                continue  # escapes: left as written
            text = value[1:-1]
        elif value[0] in "'\"" or " #" in value:
            continue  # a scalar over several lines, or a comment after it
        else:
            text = value
        if any(c.isalpha() for c in text):
            kind = "title" if match.group("key") in ("title", "subtitle") else "paragraph"
            fields.append(Field(i, start, end, quote, text, kind))
    return fields


_SPECIAL = re.compile(r"([\\`*\[\]])|(?<!\w)_|_(?!\w)")


def _escaped(text: str) -> str:
    """Translated words as Markdown text: a ``*``, backtick, bracket or backslash (and an
    ``_`` at a word's edge) escaped, so the model's words never become markup."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def _render(span: Span, target: str, placed, raw: dict[int, str]) -> tuple[str, list]:
    events = []
    for key, (start, end) in placed.spans.items():
        events.append((start, 2, -end, key, span.opens[key]))
        close = span.closes[key]
        if key in span.shortcuts and close == f"][{target[start:end]}]":
            close = "]"  # a "[label]" link whose label is unchanged
        # the inner of two marks over the same words (the higher key) closes first
        events.append((end, 0 if end > start else 3, -start, -key, close))
    for key, offset in placed.anchors.items():
        text = raw[key]
        before, after = span.spaced.get(key, (False, False))
        if before and offset > 0 and not target[offset - 1].isspace():
            text = " " + text  # the spaces around it, as in the source
        if after and offset < len(target) and not target[offset].isspace():
            text += " "
        events.append((offset, 1, 0, key, text))
    out, cursor, size = [], 0, 0
    protected: list[tuple[int, int]] = []  # what was put in: no line break inside it
    taken = spaces_taken(target, placed.anchors, span.gaps)  # the spaces a <br> stands for
    for offset, _, _, _, text in sorted(events):
        words = _escaped(cut(target, cursor, offset, taken))
        out.append(words)
        size += len(words)
        out.append(text)
        protected.append((size, size + len(text)))
        size += len(text)
        cursor = offset
    out.append(_escaped(cut(target, cursor, len(target), taken)))
    return "".join(out), protected


def _apply(lines: list[str], span: Span, rendered: str, protected) -> None:
    """Puts a span's translation in place of its source text, keeping each line's prefix
    (list and quote markers, indentation, ``#``) and what follows it (hard breaks); a
    paragraph wrapped over several lines is wrapped over as many again."""
    if span.cell:
        line, at = lines[span.first], span.column
        if at >= 0:
            lines[span.first] = line[:at] + rendered + line[at + len(span.content) :]
        return
    content = span.content.split("\n")
    source = [lines[span.first + i] for i in range(len(content))]
    prefixes = [
        line[: max(0, line.find(c.strip()))] for line, c in zip(source, content, strict=True)
    ]
    # which content lines each rendered line replaces: up to each hard break
    breaks = [i for i, line in enumerate(content) if _hard(line)] + [len(content) - 1]
    new: list[str] = []
    begin, at = 0, 0
    for text, end in zip(rendered.split("\n"), breaks, strict=False):
        stripped = content[end].strip()
        tail = source[end][source[end].find(stripped) + len(stripped) :]
        if end < len(content) - 1 and stripped.endswith("\\"):
            tail = "\\" + tail  # a backslash hard break
        widths = [len(c.strip()) for c in content[begin : end + 1]]
        pieces = _wrap(text, widths, [(a - at, b - at) for a, b in protected])
        for j, piece in enumerate(pieces):
            new.append(prefixes[begin + j] + piece + (tail if j == len(pieces) - 1 else ""))
        at += len(text) + 1
        begin = end + 1
    lines[span.first : span.first + len(content)] = new


def _wrap(text: str, widths: list[int], protected) -> list[str]:
    """``text`` over as many lines as ``widths`` has, each about as long in proportion,
    broken only at spaces outside ``protected`` ranges (link targets, code spans)."""
    if len(widths) < 2:
        return [text]
    spaces = [
        i for i, c in enumerate(text) if c == " " and not any(a <= i < b for a, b in protected)
    ]
    total, pieces, start, done = sum(widths) or 1, [], 0, 0
    for width in widths[:-1]:
        done += width
        wanted = len(text) * done / total
        options = [i for i in spaces if i > start]
        if not options:
            break
        cut = min(options, key=lambda i: abs(i - wanted))
        pieces.append(text[start:cut])
        start = cut + 1
    pieces.append(text[start:])
    return pieces


def _hard(line: str) -> bool:
    return line.endswith(("  ", "\\"))


FORMAT = Format("markdown", (".md",), MarkdownLayout)
