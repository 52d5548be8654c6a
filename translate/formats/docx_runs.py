"""One Word paragraph's runs: its text for the model and its inline structure, and the
paragraph rebuilt around a translation with every run's formatting, hyperlink, footnote
reference, field, comment anchor and drawing kept (placement by
:mod:`translate.text.inline`).

- A run of its own formatting (bold, italic, underline, colour, font, size: anything in
  its ``w:rPr`` that differs from the paragraph's most common one) is a mark, kept on the
  words that render it; runs of equal formatting are merged.
- A hyperlink is a mark with its relationship id (and so its target) kept exactly; the
  runs inside it are marks of their own inside it. An inline content control holding runs
  only (a date, a title, a form's field: ``w:sdt``) is one too, its properties kept; one
  holding more is an anchor.
- Footnote and endnote references (and a footnote's number typed in superscript right
  after a word: ``juli¹``), comment anchors, bookmarks, fields (page numbers, dates,
  a table of contents: every run from the field's begin to its end), tabs, page breaks
  and drawings (text boxes included, whose own paragraphs are units of their own) never
  reach the model: they are anchors, kept in their sentence. A tab parts the words beside
  it (the model sees a space, the tab is written in its place); a non-breaking hyphen is a
  hyphen to the model (``Oost-Europese``).
- Tracked changes are read as if accepted: deleted text never reaches the model and is
  left out of the output, inserted text is ordinary text.
- A run in the character style ``NoTranslate`` keeps its words as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from translate.text.inline import Placed, place
from translate.text.marks import (
    BREAK,
    Anchor,
    Inlined,
    Mark,
    collapse,
    cut,
    flat,
    last_word,
    line_segments,
    marks_note,
    moved,
    padded,
    spaces_taken,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FIXED_STYLE = "NoTranslate"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Run content that is text, a line break, or something kept as it is
TEXT, BR = w("t"), w("br")
_SKIPPED = {w("rPr"), w("delText"), w("lastRenderedPageBreak")}


@dataclass
class _Piece:
    text: str
    style: bytes  # the run's w:rPr, serialized: equal formatting compares equal
    properties: object  # the w:rPr element (or None)
    link: object  # the w:hyperlink element it is in (or None)


@dataclass
class Runs(Inlined):
    """A paragraph's text (lines joined by ``\\n``), its marks and anchors, and what the
    rebuild needs: the elements kept as they are, by anchor key; the mark keys of the
    fixed (``NoTranslate``) runs; whether tracked changes were read."""

    kept: dict[int, list] = field(default_factory=dict)
    styles: dict[int, tuple[object, object]] = field(default_factory=dict)
    fixed: set[int] = field(default_factory=set)
    tabs: set[int] = field(default_factory=set)  # anchor keys of tabs: a space to the model
    base: object = None
    tracked: bool = False

    def keys(self) -> list[int]:
        return [key for key in super().keys() if key not in self.fixed]


def read_runs(paragraph) -> Runs:
    """The paragraph's (a ``w:p`` element) text and inline structure."""
    runs = Runs()
    pieces: list[tuple[int, _Piece]] = []  # raw offset, piece
    raw: list[str] = []
    size = [0]
    field_depth = [0]

    def anchor(elements: list) -> None:
        key = len(runs.kept)
        runs.kept[key] = elements
        runs.anchors.append(Anchor(key, size[0]))

    def text(piece: _Piece) -> None:
        pieces.append((size[0], piece))
        raw.append(piece.text)
        size[0] += len(piece.text)

    def run(element, link) -> None:
        properties = element.find(w("rPr"))
        style = etree.tostring(properties) if properties is not None else b""
        for child in element:
            if child.tag in _SKIPPED:
                continue
            if child.tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                field_depth[0] += 1 if kind == "begin" else -1 if kind == "end" else 0
                anchor([_alone(element, child)])
            elif field_depth[0] > 0:
                anchor([_alone(element, child)])  # a field's code and shown value
            elif child.tag == TEXT and _typed_note(properties, child.text, raw):
                anchor([_alone(element, child)])  # a footnote's number typed in superscript
            elif child.tag == TEXT:
                text(_Piece(child.text or "", style, properties, link))
            elif child.tag == BR and child.get(w("type")) in (None, "textWrapping"):
                raw.append(BREAK)
                size[0] += 1
            elif child.tag == w("noBreakHyphen"):  # "Oost-Europese": a hyphen to the model
                text(_Piece("-", style, properties, link))
            elif child.tag in (w("tab"), w("ptab")):  # kept, and parts words ("Naam:\tJan")
                runs.tabs.add(len(runs.kept))
                anchor([_alone(element, child)])
                raw.append(" ")
                size[0] += 1
            else:  # a footnote reference, a drawing (text boxes), a page break, a symbol ...
                anchor([_alone(element, child)])

    def walk(container, link) -> None:
        for child in container:
            if child.tag == w("pPr"):
                continue
            if child.tag == w("r"):
                run(child, link)
            elif child.tag == w("hyperlink"):
                walk(child, child)
            elif _plain_control(child):  # a content control of runs: its words are text
                walk(child.find(w("sdtContent")), child)
            elif child.tag == w("ins"):
                runs.tracked = True
                walk(child, link)
            elif child.tag in (w("del"), w("moveFrom")):
                runs.tracked = True  # deleted: neither sent nor kept
            elif child.tag == w("moveTo"):
                runs.tracked = True
                walk(child, link)
            else:  # bookmarks, comment ranges, simple fields, content controls, ...
                anchor([_clone(child)])

    walk(paragraph, None)
    joined = "".join(raw)
    collapsed, where = collapse(joined)
    runs.text = collapsed
    runs.base = _most_common(pieces)
    runs.marks = [moved(m, where, collapsed) for m in _marks(pieces, runs)]
    runs.anchors = [Anchor(a.key, where[a.offset], padded(joined, a.offset)) for a in runs.anchors]
    return runs


def _plain_control(element) -> bool:
    """Whether ``element`` is an inline content control (``w:sdt``: a date, a title, a
    form's field) holding runs only, translated as a hyperlink's are; one holding more
    (a link, a field) is kept whole."""
    if element.tag != w("sdt") or element.getparent() is None:
        return False
    content = element.find(w("sdtContent"))
    return content is not None and len(content) > 0 and all(c.tag == w("r") for c in content)


def _typed_note(properties, text: str | None, raw: list[str]) -> bool:
    """Whether a run's text is a footnote's number typed in superscript after a word."""
    align = properties.find(w("vertAlign")) if properties is not None else None
    raised = align is not None and align.get(w("val")) == "superscript"
    return raised and marks_note(text or "", last_word(raw))


def _alone(run, child):
    """A copy of the run holding only ``child`` (and the run's formatting), for an anchor."""
    copy = etree.Element(w("r"))
    properties = run.find(w("rPr"))
    if properties is not None:
        copy.append(_clone(properties))
    copy.append(_clone(child))
    return copy


def _clone(element):
    return etree.fromstring(etree.tostring(element))


def _most_common(pieces) -> bytes:
    weight: dict[bytes, int] = {}
    for _, piece in pieces:
        if piece.link is None:
            weight[piece.style] = weight.get(piece.style, 0) + len(piece.text.strip())
    return max(weight, key=weight.get) if weight else b""


def _marks(pieces, runs: Runs) -> list[Mark]:
    """Marks for hyperlinks and for runs of a formatting other than the paragraph's own,
    runs of equal formatting merged; raw offsets."""
    groups: list[tuple[int, int, _Piece]] = []
    for offset, piece in pieces:
        last = groups[-1] if groups else None
        if last and last[1] == offset and _same(last[2], piece):
            groups[-1] = (last[0], offset + len(piece.text), last[2])
        else:
            groups.append((offset, offset + len(piece.text), piece))
    top: list[Mark] = []
    key = [10_000]  # mark keys apart from anchor keys

    def mark(start, end, piece, children=()) -> Mark:
        key[0] += 1
        runs.styles[key[0]] = (piece.properties, piece.link)
        if _fixed(piece.properties):
            runs.fixed.add(key[0])
        return Mark(key[0], start, end, True, tuple(children))

    i = 0
    while i < len(groups):
        start, end, piece = groups[i]
        if piece.link is not None:
            inner, j = [], i
            while j < len(groups) and groups[j][2].link is piece.link:
                inner.append(groups[j])
                j += 1
            children = [mark(a, b, p) for a, b, p in inner if p.style != runs.base]
            top.append(
                mark(inner[0][0], inner[-1][1], _Piece("", runs.base, None, piece.link), children)
            )
            i = j
            continue
        if piece.style != runs.base:
            top.append(mark(start, end, piece))
        i += 1
    return top


def _same(a: _Piece, b: _Piece) -> bool:
    return a.style == b.style and a.link is b.link


def _fixed(properties) -> bool:
    if properties is None:
        return False
    style = properties.find(w("rStyle"))
    return style is not None and style.get(w("val")) == FIXED_STYLE


def rebuild_runs(paragraph, runs: Runs, lines: list[str], alone: dict[int, str]) -> Placed:
    """Replaces the paragraph's content (all but its properties) by the translated
    ``lines`` in runs of the source's formatting, hyperlinks and anchors where
    :func:`~translate.text.inline.place` puts them."""
    target = "\n".join(lines)
    segments = line_segments(runs.text, target)
    fixed = {k: runs.words(k) for k in runs.fixed}
    placed = place(runs.text, target, runs.marks, runs.anchors, alone | fixed, segments)
    base = etree.fromstring(runs.base) if runs.base else None
    for child in list(paragraph):
        if child.tag != w("pPr"):
            paragraph.remove(child)
    # Each character's mark (the innermost placed one), then runs of equal marks
    owner: list[int | None] = [None] * len(target)
    for mark in flat(runs.marks):  # parents first: children overwrite their part
        span = placed.spans.get(mark.key)
        if span is not None:
            owner[span[0] : span[1]] = [mark.key] * (span[1] - span[0])
    at_offset: dict[int, list] = {}
    spaced = {a.key for a in runs.anchors if a.padded}
    gaps, dropped = set(), spaces_taken(target, placed.anchors, runs.tabs)
    for key, offset in sorted(placed.anchors.items()):
        at_offset.setdefault(offset, []).extend(runs.kept[key])
        if key in spaced and target[offset - 1 : offset] == " " != target[offset : offset + 1]:
            gaps.add(offset)

    emitted: set[int] = set()
    start = 0
    for i in range(len(target) + 1):
        end = i == len(target)
        newline = not end and target[i] == "\n"
        changed = not end and i > start and owner[i] != owner[start]
        if not (end or newline or changed or i in at_offset):
            continue
        if i > start:
            text = cut(target, start, i, dropped)
            if start in gaps:  # the space after the anchors before it, as in the source
                text = " " + text
            _emit(paragraph, text, owner[start], runs, base, emitted)
        start = i
        paragraph.extend(at_offset.pop(i, []))
        if newline:
            _line_break(paragraph, base)
            start = i + 1
    for link in paragraph.iter(w("hyperlink"), w("sdt")):
        link.attrib.pop("_source", None)
    return placed


def _emit(paragraph, text: str, key: int | None, runs: Runs, base, emitted: set) -> None:
    """One run of ``text`` with the formatting of mark ``key`` (the paragraph's own where
    ``None``), inside a copy of its hyperlink where it has one."""
    properties, link = runs.styles.get(key, (None, None)) if key is not None else (None, None)
    if properties is None:
        properties = base
    if key in runs.fixed:  # its own words, once
        if key in emitted:
            return
        emitted.add(key)
        text = runs.words(key)
    run = etree.Element(w("r"))
    if properties is not None:
        run.append(_clone(properties))
    piece = etree.SubElement(run, w("t"))
    piece.text = text
    piece.set(_XML_SPACE, "preserve")
    if link is None:
        paragraph.append(run)
        return
    last = paragraph[-1] if len(paragraph) else None
    if last is not None and last.tag == link.tag and last.get("_source") == str(id(link)):
        _holder(last).append(run)
        return
    copy = etree.SubElement(paragraph, link.tag, dict(link.attrib))
    copy.set("_source", str(id(link)))
    if link.tag == w("sdt"):  # a content control: its properties, then its runs
        for child in link:
            if child.tag != w("sdtContent"):
                copy.append(_clone(child))
        etree.SubElement(copy, w("sdtContent"))
    _holder(copy).append(run)


def _holder(container):
    """Where a hyperlink's or a content control's runs go."""
    return container.find(w("sdtContent")) if container.tag == w("sdt") else container


def _line_break(paragraph, base) -> None:
    run = etree.SubElement(paragraph, w("r"))
    if base is not None:
        run.append(_clone(base))
    etree.SubElement(run, w("br"))
