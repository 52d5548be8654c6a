"""Where a Word document's paragraphs are, in reading order: the body (tables in place,
content controls opened, each text box after the paragraph holding it), each section's own
headers and footers, the footnotes and endnotes; the pictures' descriptions; and what the
document needs before it is saved (text boxes' old-reader copies, tracked changes accepted,
the notes parts stored)."""

from __future__ import annotations

import copy
from collections.abc import Iterator

from translate.formats.base import alt_text
from translate.formats.docx_runs import w

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NOTES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml": (
        "footnote",
        "footnote",
    ),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml": (
        "endnote",
        "endnote",
    ),
}


_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def alt_texts(document) -> list:
    """The pictures (and other drawings) of the body, headers and footers whose description
    has words."""
    roots = [document.element] + [part._element for part, _ in headers_and_footers(document)]
    return [
        e for root in roots for e in root.iter(_DRAWING) if any(c.isalpha() for c in alt_text(e))
    ]


def _kind(paragraph) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.startswith(("Heading", "Title", "Subtitle")):
        return "heading"
    properties = paragraph._p.pPr
    if style.startswith("List") or (
        properties is not None and properties.find(w("numPr")) is not None
    ):
        return "item"
    return "paragraph"


def paragraphs(document) -> Iterator[tuple[str, object]]:
    """Every paragraph, in reading order: body (tables in place, each text box after the
    paragraph holding it), each section's own headers and footers, then the footnotes and
    endnotes."""
    yield from _blocks(document, None)
    for part, kind in headers_and_footers(document):
        yield from _blocks(part, kind)
    for _, root in note_roots(document):
        kind = "footnote" if root.tag == w("footnotes") else "endnote"
        for note in root:
            if note.get(w("type")) in (None, "normal"):
                for paragraph in note.iter(w("p")):
                    yield kind, paragraph


def headers_and_footers(document) -> Iterator[tuple[object, str]]:
    """Each section's own headers and footers (the default ones, a different first page's,
    even pages'), each part once."""
    seen = set()
    for section in document.sections:
        for part, kind in (
            (section.header, "header"),
            (section.footer, "footer"),
            (section.first_page_header, "header"),
            (section.first_page_footer, "footer"),
            (section.even_page_header, "header"),
            (section.even_page_footer, "footer"),
        ):
            if not part.is_linked_to_previous and id(part._element) not in seen:
                seen.add(id(part._element))
                yield part, kind


def _blocks(container, kind: str | None) -> Iterator[tuple[str, object]]:
    for block in _inner_content(container):
        if hasattr(block, "rows"):  # a table: its cells' paragraphs and nested tables
            for row in block.rows:
                for cell in _unique_cells(row):
                    yield from _blocks(cell, kind or "cell")
        else:
            yield (kind or _kind(block)), block._p
            yield from _text_boxes(block._p)


def _inner_content(container) -> Iterator[object]:
    """A container's paragraphs and tables in order, those in block-level content controls
    too (a cover page's title, a date: python-docx's own walk passes them over)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    parent = container._body if hasattr(container, "_body") else container

    def walk(element) -> Iterator[object]:
        for child in element:
            if child.tag == w("p"):
                yield Paragraph(child, parent)
            elif child.tag == w("tbl"):
                yield Table(child, parent)
            elif child.tag == w("sdt") and child.find(w("sdtContent")) is not None:
                yield from walk(child.find(w("sdtContent")))

    yield from walk(parent._element)


def _text_boxes(paragraph) -> Iterator[tuple[str, object]]:
    """The paragraphs of the text boxes drawn in a paragraph (not their old-reader copy)."""
    for content in paragraph.iter(w("txbxContent")):
        if _in_fallback(content) or content.getparent() is None:
            continue
        if _host(content) is not paragraph:
            continue  # a box in a box: found from its own host
        for inner in content.iterchildren(w("p")):
            yield "textbox", inner
            yield from _text_boxes(inner)


def _host(content):
    node = content.getparent()
    while node is not None and node.tag != w("p"):
        node = node.getparent()
    return node


def _in_fallback(element) -> bool:
    node = element.getparent()
    while node is not None:
        if node.tag == f"{{{_MC}}}Fallback":
            return True
        node = node.getparent()
    return False


def depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def mirror_fallbacks(document) -> None:
    """Each ``mc:Fallback`` text box gets its ``mc:Choice`` twin's translated paragraphs."""

    for alternate in document.element.body.iter(f"{{{_MC}}}AlternateContent"):
        choice = alternate.find(f"{{{_MC}}}Choice")
        fallback = alternate.find(f"{{{_MC}}}Fallback")
        if choice is None or fallback is None:
            continue
        chosen = list(choice.iter(w("txbxContent")))
        old = list(fallback.iter(w("txbxContent")))
        for new, stale in zip(chosen, old, strict=False):
            for child in list(stale):
                stale.remove(child)
            for child in new:
                stale.append(copy.deepcopy(child))


def accept_changes(document) -> None:
    """Tracked deletions removed, insertions kept as ordinary text (in every part written)."""
    roots = [document.element] + [root for _, root in note_roots(document)]
    roots += [part._element for part, _ in headers_and_footers(document)]
    for root in roots:
        for tag in ("del", "moveFrom"):
            for element in list(root.iter(w(tag))):
                if element.getparent() is not None and element.getparent().tag != w("rPr"):
                    element.getparent().remove(element)
        for tag in ("ins", "moveTo"):
            for element in list(root.iter(w(tag))):
                parent = element.getparent()
                if parent is None or parent.tag == w("rPr"):
                    continue
                at = parent.index(element)
                for child in list(element):
                    parent.insert(at, child)
                    at += 1
                parent.remove(element)


def note_roots(document):
    """The footnotes and endnotes parts with their XML root, parsed once per document."""
    cache = getattr(document, "_translate_notes", None)
    if cache is None:
        from lxml import etree

        cache = []
        for part in document.part.package.iter_parts():
            if part.content_type in _NOTES:
                element = getattr(part, "element", None)
                cache.append(
                    (part, element if element is not None else etree.fromstring(part.blob))
                )
        document._translate_notes = cache
    return cache


def store(part, root) -> None:
    """A notes part python-docx keeps as bytes gets the edited XML back."""
    if getattr(part, "element", None) is None:
        from lxml import etree

        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _unique_cells(row):
    # Merged cells appear once per grid column they span; translate each once
    seen = set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield cell
