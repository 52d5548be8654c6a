"""One DrawingML paragraph's runs (``a:p``, as PowerPoint writes its text frames, table
cells and notes): its text for the model and its inline structure, and the paragraph rebuilt
around a translation with every run's formatting kept (placement by
:mod:`translate.text.inline`, as for Word's runs in :mod:`translate.formats.docx_runs`).

- A run of its own formatting (bold, italic, colour, font, size, a hyperlink: anything in
  its ``a:rPr`` that differs from the paragraph's most common one) is a mark, kept on the
  words that render it; runs of equal formatting are merged. What only PowerPoint's proofing
  writes there (``lang``, ``err``, ``dirty``, ...) does not tell runs apart.
- A line break (``a:br``) ends a line, as in the source. A tab parts the words beside it
  (the model sees a space) and is written in that space's place.
- A field (``a:fld``: the slide number, a date) and anything else inside the paragraph (an
  equation) never reaches the model: an anchor, kept in its sentence. So does a footnote's
  number typed in a raised run right after a word (``juli¹``: ``baseline`` above 0), as in
  Word; a raised run after digits, one letter or a unit (``m²``) is text for the model.
- The paragraph's properties (``a:pPr``) and its end mark (``a:endParaRPr``) stay first and
  last.
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

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
# Attributes of a:rPr that only proofing and editing history write: not formatting
_PROOFING = ("lang", "altLang", "dirty", "err", "noProof", "smtClean", "smtId", "bmk")


def a(tag: str) -> str:
    return f"{{{A}}}{tag}"


@dataclass
class Runs(Inlined):
    """A paragraph's text (lines joined by ``\\n``), its marks and anchors, and what the
    rebuild needs: the elements kept as they are, by anchor key; each mark's ``a:rPr``; the
    paragraph's own ``a:rPr`` (the most common one)."""

    kept: dict[int, list] = field(default_factory=dict)
    styles: dict[int, object] = field(default_factory=dict)
    tabs: set[int] = field(default_factory=set)  # anchor keys of tabs: a space to the model
    base: object = None


def read_runs(paragraph) -> Runs:
    """The paragraph's (an ``a:p`` element) text and inline structure."""
    runs = Runs()
    pieces: list[tuple[int, str, bytes, object]] = []  # raw offset, text, style, a:rPr
    raw: list[str] = []
    size = 0
    for child in paragraph:
        if child.tag in (a("pPr"), a("endParaRPr")):
            continue
        if child.tag == a("r"):
            properties = child.find(a("rPr"))
            text = "".join(t.text or "" for t in child.iter(a("t")))
            if _raised(properties) and marks_note(text, last_word(raw)):
                key = len(runs.kept)  # a footnote's number typed in superscript
                runs.kept[key] = [_clone(child)]
                runs.anchors.append(Anchor(key, size))
                continue
            for k, part in enumerate(text.split("\t")):
                if k:  # a tab: kept as a run of its own, a space to the model
                    tab = _clone(child)
                    for t in tab.iter(a("t")):
                        t.text = ""
                    next(tab.iter(a("t"))).text = "\t"
                    runs.tabs.add(len(runs.kept))
                    runs.kept[len(runs.kept)] = [tab]
                    runs.anchors.append(Anchor(len(runs.kept) - 1, size))
                    raw.append(" ")
                    size += 1
                pieces.append((size, part, _style(properties), properties))
                raw.append(part)
                size += len(part)
        elif child.tag == a("br"):
            raw.append(BREAK)
            size += 1
        elif isinstance(child.tag, str):  # a field, an equation, ...
            key = len(runs.kept)
            runs.kept[key] = [_clone(child)]
            runs.anchors.append(Anchor(key, size))
    joined = "".join(raw)
    collapsed, where = collapse(joined)
    runs.text = collapsed
    weight: dict[bytes, int] = {}
    for _, text, style, _ in pieces:
        weight[style] = weight.get(style, 0) + len(text.strip())
    base = max(weight, key=weight.get) if weight else b""
    runs.base = next((p for _, _, s, p in pieces if s == base), None)
    marks = []
    for start, end, style, properties in _merged(pieces):
        if style != base:
            key = 10_000 + len(marks)  # apart from anchor keys
            runs.styles[key] = properties
            marks.append(Mark(key, start, end, True))
    runs.marks = [moved(m, where, collapsed) for m in marks]
    runs.anchors = [Anchor(x.key, where[x.offset], padded(joined, x.offset)) for x in runs.anchors]
    return runs


def _raised(properties) -> bool:
    try:
        return properties is not None and int(properties.get("baseline", "0")) > 0
    except ValueError:
        return False


def _style(properties) -> bytes:
    """A run's formatting, serialized without proofing attributes: equal formatting
    compares equal."""
    if properties is None:
        return b""
    copy = _clone(properties)
    for name in _PROOFING:
        copy.attrib.pop(name, None)
    if not len(copy) and not copy.attrib:
        return b""
    return etree.tostring(copy)


def _merged(pieces) -> list[tuple[int, int, bytes, object]]:
    """Adjacent runs of equal formatting as one: (start, end, style, a:rPr), raw offsets."""
    groups: list[tuple[int, int, bytes, object]] = []
    for offset, text, style, properties in pieces:
        if groups and groups[-1][1] == offset and groups[-1][2] == style:
            groups[-1] = (groups[-1][0], offset + len(text), style, groups[-1][3])
        else:
            groups.append((offset, offset + len(text), style, properties))
    return groups


def _clone(element):
    return etree.fromstring(etree.tostring(element))


def rebuild_runs(paragraph, runs: Runs, lines: list[str], alone: dict[int, str]) -> Placed:
    """Replaces the paragraph's runs, breaks and fields by the translated ``lines`` in runs
    of the source's formatting, with the fields where
    :func:`~translate.text.inline.place` puts them."""
    target = "\n".join(lines)
    segments = line_segments(runs.text, target)
    placed = place(runs.text, target, runs.marks, runs.anchors, alone, segments)
    end = paragraph.find(a("endParaRPr"))
    for child in list(paragraph):
        if child.tag != a("pPr"):
            paragraph.remove(child)
    owner: list[int | None] = [None] * len(target)
    for mark in flat(runs.marks):
        span = placed.spans.get(mark.key)
        if span is not None:
            owner[span[0] : span[1]] = [mark.key] * (span[1] - span[0])
    at_offset: dict[int, list] = {}
    for key, offset in sorted(placed.anchors.items()):
        at_offset.setdefault(offset, []).extend(runs.kept[key])
    taken = spaces_taken(target, placed.anchors, runs.tabs)
    start = 0
    for i in range(len(target) + 1):
        last = i == len(target)
        newline = not last and target[i] == "\n"
        changed = not last and i > start and owner[i] != owner[start]
        if not (last or newline or changed or i in at_offset):
            continue
        if i > start:
            text = cut(target, start, i, taken)
            if text:
                _emit(paragraph, text, runs.styles.get(owner[start], runs.base))
        start = i
        paragraph.extend(at_offset.pop(i, []))
        if newline:
            br = etree.SubElement(paragraph, a("br"))
            if runs.base is not None:
                br.append(_clone(runs.base))
            start = i + 1
    if end is not None:
        paragraph.append(end)
    return placed


def _emit(paragraph, text: str, properties) -> None:
    run = etree.SubElement(paragraph, a("r"))
    if properties is not None:
        run.append(_clone(properties))
    etree.SubElement(run, a("t")).text = text
