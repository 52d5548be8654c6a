"""Markdown by a CommonMark parser (markdown-it-py, with tables, and front matter and
footnotes from mdit-py-plugins): only the inline text of headings, paragraphs (in lists,
blockquotes and footnotes too) and table cells reaches the model. Everything else is kept
byte for byte from the source lines: front matter, fenced and indented code, HTML blocks,
reference definitions, table pipes and alignment rows, list and blockquote markers, code
spans, link destinations and titles, inline HTML, images, footnote references and hard
line breaks. Emphasis and links are put back on the words that render theirs
(:mod:`translate.text.inline`, each element's words translated alone as for HTML).

A paragraph hard-wrapped over several lines comes out on one line (with its first line's
prefix): Markdown renders both alike, and the English has other line lengths anyway.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from translate.findings import Finding
from translate.formats.base import Format, Unit, Written, markup_findings, unit_document
from translate.text.document import Document
from translate.text.inline import BREAK, Anchor, Mark, collapse, moved, place

_REFERENCE_LINK = re.compile(r"\[[^\[\]\s][^\[\]]*\]")  # the "[label]" of "[text][label]"
_KIND = {"heading_open": "heading", "th_open": "cell", "td_open": "cell"}
_EMPHASIS = {"em_open": "em_close", "strong_open": "strong_close", "s_open": "s_close"}


@functools.cache
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin).use(footnote_plugin)


@functools.cache
def _viewer():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def _safe(rendered: str) -> str:
    """A unit's translated Markdown as HTML for the review page: raw HTML escaped, and
    markdown-it's own check refuses ``javascript:`` and like link targets."""
    return _viewer().renderInline(rendered).replace("\n", "<br>")


@dataclass
class _Span:
    """One inline block: its source lines, text for the model, marks, anchors, and how
    each mark and anchor is written back (``opens``/``closes``/``raw``)."""

    kind: str
    first: int
    last: int
    content: str
    cell: bool
    column: int = 0  # a table cell's offset in its row's line
    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    opens: dict[int, str] = field(default_factory=dict)
    closes: dict[int, str] = field(default_factory=dict)
    raw: dict[int, str] = field(default_factory=dict)
    spaced: dict[int, tuple[bool, bool]] = field(default_factory=dict)  # space before, after
    images: dict[int, tuple[str, str]] = field(default_factory=dict)  # alt text, "](target)"
    shortcuts: set[int] = field(default_factory=set)  # "[label]" links whose label is the text

    def words(self, key: int) -> str:
        mark = next(m for m in _flat(self.marks) if m.key == key)
        return " ".join(self.text[mark.start : mark.end].split())


class MarkdownLayout:
    """A parsed Markdown article (see the module docstring)."""

    def __init__(self, text: str, name: str):
        self.name = name
        self.lines = text.split("\n")
        spans = _spans(_parser().parse(text), self.lines)
        self.spans = [s for s in spans if any(c.isalpha() for c in s.text)]
        self.units = [Unit(s.kind, s.text) for s in self.spans]
        self.document = unit_document(self.units)
        self.findings: tuple[Finding, ...] = ()

    @property
    def inline_texts(self) -> list[str]:
        """The words of every emphasis and link, then every image's alt text, in order, to
        be translated alone (an image's alt text is its translation)."""
        return [
            text
            for s in self.spans
            for text in [s.words(m.key) for m in _flat(s.marks)] + [a for a, _ in s.images.values()]
        ]

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        lines = list(self.lines)
        spare = iter(alone)
        dropped = approximate = crossed = 0
        edits: list[tuple[_Span, str]] = []
        for span, paragraph in zip(self.spans, english.paragraphs, strict=True):
            keys = [m.key for m in _flat(span.marks)] + list(span.images)
            given = dict(zip(keys, spare, strict=False))
            raw = dict(span.raw)
            for key, (_, target) in span.images.items():  # the alt text in English
                if given.get(key):
                    raw[key] = f"![{given[key]}{target}"
            target = "\n".join(line.render() for line in paragraph)
            placed = place(span.text, target, span.marks, span.anchors, given, _pairs(span, target))
            dropped += len(placed.dropped)
            approximate += len(placed.approximate)
            crossed += placed.crossed
            edits.append((span, *_render(span, target, placed, raw)))
        # Bottom up, right to left: earlier line numbers and offsets stay valid
        shown = tuple(_safe(rendered) for _, rendered, _ in edits)
        edits.sort(key=lambda e: (e[0].first, e[0].column), reverse=True)
        for span, rendered, protected in edits:
            _apply(lines, span, rendered, protected)
        findings = markup_findings(dropped, approximate, crossed)
        return Written("\n".join(lines), findings, shown)


def _spans(tokens, lines: list[str]) -> list[_Span]:
    spans, kind = [], "prose"
    context: list[str] = []
    row = 0  # where the next cell of a table row is looked for
    for token in tokens:
        if token.type == "tr_open":
            row = 0
        if token.type.endswith("_open") and token.type not in ("paragraph_open",):
            context.append(token.type)
        elif token.type.endswith("_close") and context and token.type != "paragraph_close":
            context.pop()
        if token.type != "inline" or token.map is None:
            continue
        opener = next((c for c in reversed(context) if c in _KIND), None)
        kind = _KIND.get(opener, "item" if "list_item_open" in context else "prose")
        if "blockquote_open" in context and kind == "prose":
            kind = "quote"
        if "footnote_open" in context:
            kind = "footnote"
        span = _Span(kind, token.map[0], token.map[1], token.content, kind == "cell")
        if span.cell:
            span.column = lines[span.first].find(token.content, row)
            row = span.column + len(token.content)
        _read_inline(span, token.children or [])
        spans.append(span)
    return spans


def _read_inline(span: _Span, children) -> None:
    raw: list[str] = []
    size = [0]
    stack: list[tuple[int, int, list]] = []
    top: list[Mark] = []
    cursor = [0]  # where in the raw content the next link target is looked for
    key = [0]

    def add(text: str) -> None:
        raw.append(text)
        size[0] += len(text)

    def anchor(text: str) -> None:
        key[0] += 1
        span.raw[key[0]] = text
        span.anchors.append(Anchor(key[0], size[0]))

    autolink = False
    for child in children:
        kind = child.type
        if autolink:  # "<https://...>": kept as written, never sent
            if kind == "link_close":
                autolink = False
            elif kind == "text":
                anchor(f"<{child.content}>")
            continue
        if kind == "link_open" and child.markup in ("autolink", "linkify"):
            autolink = True
            continue
        if kind == "text":
            add(child.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add(BREAK)
        elif kind in _EMPHASIS or kind == "link_open":
            key[0] += 1
            span.opens[key[0]] = child.markup if kind != "link_open" else "["
            stack.append((key[0], size[0], []))
        elif kind in _EMPHASIS.values() or kind == "link_close":
            opened, start, children_ = stack.pop()
            span.closes[opened] = child.markup if kind != "link_close" else "]"
            if kind == "link_close":
                target = _target(span, cursor)
                if target == "[" + "".join(raw)[start:] + "]":
                    span.shortcuts.add(opened)  # "[label]" alone: so again if unchanged
                span.closes[opened] += target
            mark = Mark(opened, start, size[0], kind == "link_close", tuple(children_))
            (stack[-1][2] if stack else top).append(mark)
        elif kind == "code_inline":
            anchor(_code(span, cursor, child))
        elif kind == "image":
            anchor(_image(span, cursor, child))
            text = span.raw[key[0]]
            alt = " ".join(child.content.split())
            close = text.find("]")
            if alt and any(c.isalpha() for c in alt) and text.startswith("![") and close > 0:
                span.images[key[0]] = (alt, text[close:])
        elif kind == "footnote_ref":
            anchor(f"[^{child.meta.get('label', child.meta.get('id', ''))}]")
        else:  # inline HTML and the like: as written
            anchor(child.content)
    joined = "".join(raw)
    text, where = collapse(joined)
    span.text = text
    span.marks = [moved(m, where, text) for m in top]
    for a in span.anchors:
        around = (joined[a.offset - 1 : a.offset], joined[a.offset : a.offset + 1])
        span.spaced[a.key] = (around[0].isspace(), around[1].isspace())
    span.anchors = [Anchor(a.key, where[a.offset]) for a in span.anchors]


def _target(span: _Span, cursor: list[int]) -> str:
    """The raw destination and title (or reference label) after the next link's ``]``."""
    content = span.content
    i = cursor[0]
    while True:
        close = content.find("]", i)
        if close < 0:
            return ""
        end = _target_end(content, close + 1)
        if end is not None:
            cursor[0] = end
            return content[close + 1 : end]
        if not content.startswith("[", close + 1):
            cursor[0] = close + 1  # a shortcut reference: "[text]" alone
            return f"[{content[content.rfind('[', 0, close) + 1 : close]}]"
        i = close + 1


def _code(span: _Span, cursor: list[int], token) -> str:
    """A code span as written (its backticks and inner spaces), else rebuilt."""
    content, fence = span.content, token.markup
    start = content.find(fence, cursor[0])
    end = content.find(fence, start + len(fence)) if start >= 0 else -1
    if start < 0 or end < 0 or token.content not in content[start:end]:
        return fence + token.content + fence
    cursor[0] = end + len(fence)
    return content[start : end + len(fence)]


def _image(span: _Span, cursor: list[int], token) -> str:
    content = span.content
    start = content.find("![", cursor[0])
    if start < 0:
        return f"![{token.content}]({token.attrs.get('src', '')})"
    close = content.find("]", start)
    end = _target_end(content, close + 1) if close >= 0 else None
    end = end if end is not None else close + 1
    cursor[0] = end
    return content[start:end]


_SPECIAL = re.compile(r"([\\`*\[\]])|(?<!\w)_|_(?!\w)")


def _escaped(text: str) -> str:
    """Translated words as Markdown text: a ``*``, backtick, bracket or backslash (and an
    ``_`` at a word's edge) escaped, so the model's words never become markup."""
    return _SPECIAL.sub(lambda m: "\\" + m.group(0), text)


def _pairs(span: _Span, target: str):
    source_lines, target_lines = span.text.split("\n"), target.split("\n")
    pairs, s_at, t_at = [], 0, 0
    for a, b in zip(source_lines, target_lines, strict=False):
        pairs.append(((s_at, s_at + len(a)), (t_at, t_at + len(b))))
        s_at, t_at = s_at + len(a) + 1, t_at + len(b) + 1
    return pairs


def _render(span: _Span, target: str, placed, raw: dict[int, str]) -> tuple[str, list]:
    events = []
    for key, (start, end) in placed.spans.items():
        events.append((start, 2, -end, key, span.opens[key]))
        close = span.closes[key]
        if key in span.shortcuts and close == f"][{target[start:end]}]":
            close = "]"  # a "[label]" link whose label is unchanged
        events.append((end, 0 if end > start else 3, -start, key, close))
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
    for offset, _, _, _, text in sorted(events):
        words = _escaped(target[cursor:offset])
        out.append(words)
        size += len(words)
        out.append(text)
        protected.append((size, size + len(text)))
        size += len(text)
        cursor = offset
    out.append(_escaped(target[cursor:]))
    return "".join(out), protected


def _apply(lines: list[str], span: _Span, rendered: str, protected) -> None:
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


def _target_end(text: str, start: int) -> int | None:
    """Where a link target starting at ``start`` (right after a ``]``) ends, or None when
    there is none: CommonMark's inline destination and title, or a reference label."""
    if start < len(text) and text[start] == "[":
        label = _REFERENCE_LINK.match(text, start)
        return label.end() if label else None
    if not text.startswith("(", start):
        return None
    i = _skip_spaces(text, start + 1)
    if i < len(text) and text[i] == "<":  # <destination with spaces>
        close = text.find(">", i + 1)
        if close < 0 or "<" in text[i + 1 : close]:
            return None
        i = close + 1
    else:  # a run without spaces, parentheses balanced, backslash escapes kept
        depth, begin = 0, i
        while i < len(text) and not text[i].isspace():
            if text[i] == "\\" and i + 1 < len(text):
                i += 2
                continue
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        if depth or i == begin and not text.startswith(")", i):
            return None
    gap = _skip_spaces(text, i)
    if gap > i and gap < len(text) and text[gap] in "\"'(":  # a title
        closing = {'"': '"', "'": "'", "(": ")"}[text[gap]]
        end = text.find(closing, gap + 1)
        if end < 0:
            return None
        i = end + 1
    i = _skip_spaces(text, i)
    return i + 1 if text.startswith(")", i) else None


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _flat(marks):
    for mark in marks:
        yield mark
        yield from _flat(mark.children)


FORMAT = Format("markdown", (".md",), MarkdownLayout)
