"""Word in, Word out (python-docx for the package, lxml for the paragraphs): paragraphs,
headings, list items, table cells, headers and footers (a different first page's and even
pages' too), text boxes, footnotes and endnotes, pictures' descriptions (alt text) and the
document's title (its properties) are translated; styles, numbering, tables, images,
fields and comments are kept.

A paragraph is one unit, however its runs split it by formatting; its runs, hyperlinks and
anchors are put back on the words that render them (:mod:`translate.formats.docx_runs`).
Paragraphs and tables inside block-level content controls (a cover page's title) are read
where they stand.
A text box is translated once, in place, as units of its own (the copy Word keeps for old
readers, ``mc:Fallback``, gets the same translation). Tracked changes are read as if
accepted, and said so. The translation is written into a fresh copy of the document, never
into the parsed one, so a layout can be written more than once.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    alt_text,
    damaged,
    placement_findings,
    property_title,
    unit_document,
    unit_texts,
    unreadable,
)
from translate.formats.docx_runs import read_runs, rebuild_runs, w
from translate.formats.shown import safe_runs
from translate.text.document import Document

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


class DocxLayout:
    """A parsed ``.docx`` (see the module docstring).

    Args:
        data: the file's bytes.
        name: how messages name the file.
    """

    def __init__(self, data: bytes, name: str):
        self.name = name
        self._data = data
        document = _open(data, name)
        read = _read(document, name)
        self.units: list[Unit] = [unit for unit, _, _ in read]
        self._runs = [runs for _, _, runs in read]
        # Pictures' descriptions (alt text: what a screen reader says), after the text
        self._alts = len(_alt_texts(document))
        self.units += [Unit("alt", alt_text(e)) for e in _alt_texts(document)]
        # The document's title (File > Properties; a viewer's window shows it), last
        self._title = property_title(document.core_properties.title)
        if self._title:
            self.units.append(Unit("title", self._title))
        self.document = unit_document(self.units)
        tracked = sum(runs.tracked for runs in self._runs)
        self.findings: tuple[Finding, ...] = (
            (
                Finding(
                    "tracked_changes",
                    f"{tracked} paragraphs with tracked changes, read as if every change "
                    "were accepted: deleted text is neither translated nor kept",
                    data={"paragraphs": tracked},
                ),
            )
            if tracked
            else ()
        )

    @property
    def inline_texts(self) -> list[str]:
        """The words of every formatted run and hyperlink, in order, to be translated alone
        and given to :meth:`write`."""
        return [runs.words(key) for runs in self._runs for key in runs.keys()]

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        """The document with every unit translated and its language set to English."""
        return self.write_units(unit_texts(english), alone)

    def write_units(self, translations: Sequence[str], alone: Sequence[str] = ()) -> Written:
        """A copy of the document with each unit replaced by its translation, in order."""
        if len(translations) != len(self.units):
            raise ValueError(f"expected {len(self.units)} translations, got {len(translations)}")
        translations = list(translations)
        title = translations.pop() if self._title else None
        alts = translations[len(translations) - self._alts :]
        translations = translations[: len(translations) - self._alts]
        document = _open(self._data, self.name)
        read = _read(document, self.name)
        for element, text in zip(_alt_texts(document), alts, strict=True):
            element.set("descr", text)
        spare = iter(alone)
        given = [{k: t for k, t in zip(runs.keys(), spare, strict=False)} for _, _, runs in read]
        placements = []
        # Text boxes before the paragraphs that hold them: a host's drawing is kept as a
        # copy made when it is read, so what is inside must be English by then
        order = sorted(range(len(read)), key=lambda i: -_depth(read[i][1]))
        links = {k: r.target_ref for k, r in document.part.rels.items() if r.is_external}
        shown: list[str | None] = [None] * len(read)
        for i in order:
            _, paragraph, _ = read[i]
            runs = read_runs(paragraph)
            placed = rebuild_runs(paragraph, runs, translations[i].split("\n"), given[i])
            placements.append(placed)
            shown[i] = safe_runs(paragraph, links)
        _mirror_fallbacks(document)
        _accept_changes(document)
        for part, root in _note_roots(document):
            _store(part, root)
        document.core_properties.language = "en"
        shown += [None] * self._alts
        if title is not None:
            document.core_properties.title = title
            shown.append(None)
        out = io.BytesIO()
        document.save(out)
        findings = placement_findings(placements)
        return Written(out.getvalue(), findings, tuple(shown))


_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def _alt_texts(document) -> list:
    """The pictures (and other drawings) of the body, headers and footers whose description
    has words."""
    roots = [document.element] + [part._element for part, _ in _headers_and_footers(document)]
    return [
        e for root in roots for e in root.iter(_DRAWING) if any(c.isalpha() for c in alt_text(e))
    ]


def _open(data: bytes, name: str):
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, key and package errors alike
        raise unreadable(name, "Word .docx", exc) from None


def _read(source, name: str) -> list:
    """The units of a document (or of its bytes), with their ``w:p`` and runs.

    Raises:
        DocumentError: python-docx fails anywhere while reading it (a dangling header
            reference raises ``KeyError``, a broken part ``ValueError``, ...).
    """
    document = _open(source, name) if isinstance(source, bytes) else source
    try:
        return list(_units(document))
    except Exception as exc:  # python-docx raises whatever its parts' parsing raises
        raise damaged(name, "Word .docx", exc) from None


def _units(document) -> Iterator[tuple[Unit, object, object]]:
    """Each paragraph with text, as a unit, with its ``w:p`` and its runs."""
    for kind, paragraph in _paragraphs(document):
        runs = read_runs(paragraph)
        if runs.text.strip():
            yield Unit(kind, runs.text), paragraph, runs


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


def _paragraphs(document) -> Iterator[tuple[str, object]]:
    """Every paragraph, in reading order: body (tables in place, each text box after the
    paragraph holding it), each section's own headers and footers, then the footnotes and
    endnotes."""
    yield from _blocks(document, None)
    for part, kind in _headers_and_footers(document):
        yield from _blocks(part, kind)
    for _, root in _note_roots(document):
        kind = "footnote" if root.tag == w("footnotes") else "endnote"
        for note in root:
            if note.get(w("type")) in (None, "normal"):
                for paragraph in note.iter(w("p")):
                    yield kind, paragraph


def _headers_and_footers(document) -> Iterator[tuple[object, str]]:
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


def _depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def _mirror_fallbacks(document) -> None:
    """Each ``mc:Fallback`` text box gets its ``mc:Choice`` twin's translated paragraphs."""
    import copy

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


def _accept_changes(document) -> None:
    """Tracked deletions removed, insertions kept as ordinary text (in every part written)."""
    roots = [document.element] + [root for _, root in _note_roots(document)]
    roots += [part._element for part, _ in _headers_and_footers(document)]
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


def _note_roots(document):
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


def _store(part, root) -> None:
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


FORMAT = Format("docx", (".docx",), DocxLayout, binary=True, label="Word")
