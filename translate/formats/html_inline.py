"""The inline markup of one HTML block: its text for the model (lines split at ``<br>``),
its inline elements as marks and anchors (:mod:`translate.text.inline`), and the block
rebuilt around a translation with every element kept (see :func:`rebuild`)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from translate.text.inline import Placed, place
from translate.text.marks import (
    BREAK,
    Anchor,
    Inlined,
    Mark,
    collapse,
    is_label,
    last_word,
    line_segments,
    marks_note,
    moved,
    padded,
    spaces_taken,
)

# Inline elements whose words stay as they are (the web's own convention)
_FIXED_CLASS = "notranslate"


@dataclass
class Inline(Inlined):
    """A block's text (its lines joined by ``\\n``, one per ``<br>``), its marks and
    anchors, and the source elements by key (``breaks``: the ``<br>`` elements in order)."""

    elements: dict[int, object] = field(default_factory=dict)
    fixed: set[int] = field(default_factory=set)
    breaks: list[object] = field(default_factory=list)
    gaps: set[int] = field(default_factory=set)  # keys of anchors that part words (tabs)
    # references in brackets of their own ("juli [<a href="#n3">3</a>]"): the opening bracket
    # and the spaces before it by key, kept with the reference: the model never sees "[]"
    enclosed: dict[int, str] = field(default_factory=dict)


_TAKEN = "\ue000"  # a space a tab took the place of (a private-use character)
_BRACKETS = {"[": "]", "(": ")"}


def _is_break(element) -> bool:
    return element.tag == "br"


_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def is_reference(element, before: str) -> bool:
    """Whether ``element`` is a footnote or citation reference, kept whole as an anchor so
    its label never reaches the model ("juli<sup>1</sup>" would be read as "juli1"): one
    holding a label only, and either a note's link (``epub:type="noteref"``, ``role=
    "doc-noteref"``), a link to a place in a page (``href="#n1"``) right after what it
    marks (``before``: the word the text so far ends with, empty after a space), or a
    ``sup`` with a link in it or one :func:`~translate.text.marks.marks_note` tells."""
    tag, label = element.tag, "".join(element.itertext()).strip()
    if tag not in ("sup", "a") or not is_label(label):
        return False
    if tag == "a":
        noted = element.get(_EPUB_TYPE) or element.get("epub:type") or element.get("role")
        if noted in ("noteref", "doc-noteref"):
            return True
        return "#" in (element.get("href") or "") and bool(before)
    return any(a.get("href") for a in element.iter("a")) or marks_note(label, before)


def read_inline(
    block,
    is_break: Callable[[object], bool] = _is_break,
    is_anchor: Callable[[object], bool] = lambda element: False,
    fixed: Callable[[object], bool] | None = None,
    is_space: Callable[[object], bool] = lambda element: False,
    is_gap: Callable[[object], bool] = lambda element: False,
    is_reference: Callable[[object, str], bool] = is_reference,
) -> Inline:
    """The block's text and inline structure; whitespace collapsed as a browser shows it,
    each ``<br>`` a line break.

    The other arguments let another XML vocabulary use the same reading (OpenDocument's
    ``text:p``): ``is_break`` tells a line break, ``is_anchor`` an element kept whole as an
    anchor whatever text it holds (a note, a frame, a field), ``fixed`` one whose words stay
    as they are, ``is_space`` one that stands for a space and is not kept, ``is_gap`` an
    anchor that also parts the words beside it (a tab), written in place of that space,
    ``is_reference`` one kept whole as an anchor given the word before it (a footnote's
    number)."""
    fixed = fixed or _fixed
    inline = Inline()
    raw: list[str] = []
    size = [0]

    def add(text: str | None) -> None:
        if text:
            raw.append(text)
            size[0] += len(text)

    def walk(element) -> list[Mark]:
        marks: list[Mark] = []
        add(element.text)
        for child in element:
            key = len(inline.elements)
            inline.elements[key] = child
            tagged = isinstance(child.tag, str)
            tail = child.tail or ""
            if tagged and is_break(child):
                add(BREAK)
                inline.breaks.append(child)
            elif tagged and is_space(child):
                add(" ")
            elif tagged and is_gap(child):
                inline.gaps.add(key)
                inline.anchors.append(Anchor(key, size[0]))
                add(" ")
            elif not tagged or is_anchor(child) or not "".join(child.itertext()).strip():
                inline.anchors.append(Anchor(key, size[0]))  # an image, a comment, ...
            elif is_reference(child, last_word(raw)):
                opened = raw[-1][-1] if raw and raw[-1] else ""
                if opened in _BRACKETS and tail.startswith(_BRACKETS[opened]):
                    # the bracket and the space before it go with the reference
                    before = raw[-1][:-1]
                    kept = before.rstrip(" ")
                    opened = before[len(kept) :] + opened
                    raw[-1], size[0], tail = kept, size[0] - len(opened), tail[1:]
                    inline.enclosed[key] = opened
                inline.anchors.append(Anchor(key, size[0]))
            else:
                start = size[0]
                children = walk(child)
                if fixed(child):
                    inline.fixed.add(key)
                    children = []
                marks.append(Mark(key, start, size[0], bool(child.attrib), tuple(children)))
            add(tail)
        return marks

    marks = walk(block)
    joined = "".join(raw)
    text, where = collapse(joined)
    inline.text = text
    inline.marks = [moved(m, where, text) for m in marks]
    inline.anchors = [
        Anchor(a.key, where[a.offset], padded(joined, a.offset)) for a in inline.anchors
    ]
    return inline


def _fixed(element) -> bool:
    classes = (element.get("class") or "").split()
    return element.get("translate") == "no" or _FIXED_CLASS in classes


def rebuild(block, inline: Inline, lines: list[str], alone: dict[int, str]) -> Placed:
    """Puts the translated ``lines`` (one per source line) into ``block`` with its inline
    elements where :func:`~translate.text.inline.place` puts them: attributes exactly as in
    the source, ``<br>`` between the same lines, textless elements in their sentence, and
    an element marked ``translate="no"`` or ``notranslate`` with its own words."""
    target = "\n".join(lines)
    segments = line_segments(inline.text, target)
    fixed_alone = {k: inline.words(k) for k in inline.fixed}
    placed = place(inline.text, target, inline.marks, inline.anchors, alone | fixed_alone, segments)
    # the spaces a tab stands for: marked, so they are not written beside it
    taken = spaces_taken(target, placed.anchors, inline.gaps)
    target = "".join(_TAKEN if i in taken else c for i, c in enumerate(target))
    events: list[tuple[int, int, int, str, int]] = []
    for key, (start, end) in placed.spans.items():
        events.append((start, 2, -end, "open", key))
        # an empty span closes right after it opens, not before
        events.append((end, 0 if end > start else 3, -start, "close", key))
    for key, offset in placed.anchors.items():
        events.append((offset, 1, 0, "anchor", key))
    for i, position in enumerate(p for p, c in enumerate(target) if c == "\n"):
        events.append((position, 1, 1, "break", i))
    events.sort()
    spaced = {a.key for a in inline.anchors if a.padded}
    for child in list(block):
        block.remove(child)
    block.text = ""
    stack, cursor, sink = [block], 0, 0
    for offset, _, _, action, key in events:
        if not sink:
            _append_text(stack[-1], target[cursor:offset])
        cursor = max(cursor, offset + (action == "break"))
        if action == "open":
            if sink or key in inline.fixed:
                if not sink:  # its own words, as in the source
                    element = copy.deepcopy(inline.elements[key])
                    element.tail = None
                    stack[-1].append(element)
                sink += 1
                continue
            source = inline.elements[key]
            element = source.makeelement(source.tag, dict(source.attrib))
            stack[-1].append(element)
            stack.append(element)
        elif action == "close":
            if sink:
                sink -= 1
                continue
            stack.pop()
        elif not sink:
            source = inline.breaks[key] if action == "break" else inline.elements[key]
            element = copy.deepcopy(source)
            element.tail = None
            if action == "anchor" and key in spaced and target[offset - 1 : offset] == " ":
                if target[offset : offset + 1] != " ":  # the space after it, once
                    for earlier in reversed(stack[-1]):
                        if earlier.tail != " ":
                            break
                        earlier.tail = None
                    element.tail = " "
            opened = inline.enclosed.get(key) if action == "anchor" else None
            if opened:
                _append_text(stack[-1], opened)
            stack[-1].append(element)
            if opened:
                element.tail = _BRACKETS[opened[-1]] + (element.tail or "")
    _append_text(stack[-1], target[cursor:])
    return placed


def _append_text(element, text: str) -> None:
    text = text.replace("\n", "").replace(_TAKEN, "")
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text
