"""Reading one Markdown inline block (markdown-it-py's tokens): its text for the model,
its emphasis, links and inline HTML elements around words (``<sub>2</sub>``) as marks, and
what is kept as written (code spans, images, other inline HTML, footnote references,
autolinks) as anchors, with the raw Markdown each is written back
as. Used by :mod:`translate.formats.markdown`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from translate.text.marks import BREAK, Anchor, Mark, collapse, flat, moved

_REFERENCE_LINK = re.compile(r"\[[^\[\]\s][^\[\]]*\]")  # the "[label]" of "[text][label]"
_TASK = re.compile(r"^(\[[ xX]\])\s")  # a task list item's box (GitHub's Markdown)
_KIND = {"heading_open": "heading", "th_open": "cell", "td_open": "cell"}
_EMPHASIS = {"em_open": "em_close", "strong_open": "strong_close", "s_open": "s_close"}
# Inline HTML: a tag that opens an element (not a void one), one that closes it, and one
# with attributes (a mark that must stay)
_HTML_OPEN = re.compile(r"<([A-Za-z][\w-]*)(?:\s[^<>]*)?(?<!/)>\Z")
_HTML_CLOSE = re.compile(r"</([A-Za-z][\w-]*)\s*>\Z")
_ATTRIBUTED = re.compile(r"<[A-Za-z][\w-]*\s+[^\s>]")
_BREAK_TAG = re.compile(r"<br\s*/?>\Z", re.IGNORECASE)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


@dataclass
class Span:
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
    gaps: set[int] = field(default_factory=set)  # anchors that part words (an inline <br>)

    def words(self, key: int) -> str:
        mark = next(m for m in flat(self.marks) if m.key == key)
        return " ".join(self.text[mark.start : mark.end].split())


def read_spans(tokens, lines: list[str]) -> list[Span]:
    """Every inline block of the parsed document, with its kind and source lines."""
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
        span = Span(kind, token.map[0], token.map[1], token.content, kind == "cell")
        if span.cell:
            span.column = lines[span.first].find(token.content, row)
            row = span.column + len(token.content)
        _read_inline(span, token.children or [])
        spans.append(span)
    return spans


def _read_inline(span: Span, children) -> None:
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
    paired = _paired_html(children)
    for index, child in enumerate(children):
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
        if kind == "text" and span.kind == "item" and not raw and _TASK.match(child.content):
            box = _TASK.match(child.content).group(1)  # a task list's "[ ]": as written
            anchor(box)
            add(child.content[len(box) :])
        elif kind == "text":
            add(child.content)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add(BREAK)
        elif kind in _EMPHASIS or kind == "link_open" or paired.get(index) == "open":
            key[0] += 1
            span.opens[key[0]] = "[" if kind == "link_open" else _written(child)
            stack.append((key[0], size[0], []))
        elif kind in _EMPHASIS.values() or kind == "link_close" or paired.get(index) == "close":
            opened, start, children_ = stack.pop()
            span.closes[opened] = "]" if kind == "link_close" else _written(child)
            if kind == "link_close":
                target = _target(span, cursor)
                if target == "[" + "".join(raw)[start:] + "]":
                    span.shortcuts.add(opened)  # "[label]" alone: so again if unchanged
                span.closes[opened] += target
            keep = kind == "link_close" or bool(_ATTRIBUTED.match(span.opens[opened]))
            mark = Mark(opened, start, size[0], keep, tuple(children_))
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
            if _BREAK_TAG.match(child.content) and _glued(raw, children, index):
                span.gaps.add(key[0])  # a <br> parts the words beside it: the model sees a
                add(" ")  # space, written in its place
    joined = "".join(raw)
    text, where = collapse(joined)
    span.text = text
    span.marks = [moved(m, where, text) for m in top]
    for a in span.anchors:
        around = (joined[a.offset - 1 : a.offset], joined[a.offset : a.offset + 1])
        span.spaced[a.key] = (around[0].isspace(), around[1].isspace())
    span.anchors = [Anchor(a.key, where[a.offset]) for a in span.anchors]


def _glued(raw: list[str], children, index: int) -> bool:
    """Whether the token at ``index`` has text right before and after it, no space."""
    after = children[index + 1] if index + 1 < len(children) else None
    before = "".join(raw[-1:])
    return (
        bool(before)
        and not before[-1].isspace()
        and after is not None
        and after.type == "text"
        and after.content[:1].strip() != ""
    )


def _written(token) -> str:
    """How an emphasis mark or an inline HTML tag is written (``**``, ``<sub>``)."""
    return token.content if token.type == "html_inline" else token.markup


def _paired_html(children) -> dict[int, str]:
    """The inline HTML tags that open and close an element around words (``<sub>2</sub>``,
    ``<span class="x">...</span>``), by token index: ``open`` or ``close``. Only a pair
    with Markdown's own emphasis and links balanced between them is a mark; any other tag
    stays an anchor, as written."""
    paired: dict[int, str] = {}
    stack: list[tuple[str, int, tuple]] = []  # tag, token index, the emphases open there
    inside: tuple[int, ...] = ()  # the token indices of the emphases and links open now
    for index, child in enumerate(children):
        if child.type.endswith("_open"):
            inside += (index,)
        elif child.type.endswith("_close"):
            inside = inside[:-1]
        if child.type != "html_inline":
            continue
        opening, closing = _HTML_OPEN.match(child.content), _HTML_CLOSE.match(child.content)
        if opening and opening.group(1).lower() not in _VOID:
            stack.append((opening.group(1).lower(), index, inside))
        elif closing and stack and stack[-1][0] == closing.group(1).lower():
            _, start, at = stack.pop()
            if at == inside:
                paired[start], paired[index] = "open", "close"
    return paired


def _target(span: Span, cursor: list[int]) -> str:
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


def _code(span: Span, cursor: list[int], token) -> str:
    """A code span as written (its backticks and inner spaces), else rebuilt."""
    content, fence = span.content, token.markup
    start = content.find(fence, cursor[0])
    end = content.find(fence, start + len(fence)) if start >= 0 else -1
    if start < 0 or end < 0 or token.content not in content[start:end]:
        return fence + token.content + fence
    cursor[0] = end + len(fence)
    return content[start : end + len(fence)]


def _image(span: Span, cursor: list[int], token) -> str:
    content = span.content
    start = content.find("![", cursor[0])
    if start < 0:
        return f"![{token.content}]({token.attrs.get('src', '')})"
    close = content.find("]", start)
    end = _target_end(content, close + 1) if close >= 0 else None
    end = end if end is not None else close + 1
    cursor[0] = end
    return content[start:end]


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
