"""Word in, Word out (python-docx): paragraphs, headings, list items, table cells, headers
and footers are translated; styles, numbering, tables and images are kept.

A paragraph is one unit, however its runs split it by formatting; its translation goes into
the first run that holds text (so the paragraph's style and that run's formatting carry
over), and the other runs' text is emptied (their formatting has no place in the new word
order). The translation is written into a fresh copy of the document, never into the parsed
one, so a layout can be written more than once.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    damaged,
    unit_document,
    unit_texts,
    unreadable,
)
from translate.text.document import Document


class DocxLayout:
    """A parsed ``.docx`` (see the module docstring).

    Args:
        data: the file's bytes.
        name: how messages name the file.
    """

    findings: tuple[Finding, ...] = ()

    def __init__(self, data: bytes, name: str):
        self.name = name
        self._data = data
        self.units: list[Unit] = [unit for unit, _ in _read(data, name)]
        self.document = unit_document(self.units)

    def write(self, english: Document) -> Written:
        """The document with every paragraph translated and its language set to English."""
        return Written(self.write_units(unit_texts(english)))

    def write_units(self, translations: Sequence[str]) -> bytes:
        """A copy of the document with each unit replaced by its translation, in order."""
        from docx.oxml.ns import qn

        if len(translations) != len(self.units):
            raise ValueError(f"expected {len(self.units)} translations, got {len(translations)}")
        document = _open(self._data, self.name)
        paragraphs = [paragraph for _, paragraph in _read(document, self.name)]
        for paragraph, text in zip(paragraphs, translations, strict=True):
            pieces = list(paragraph._p.iter(qn("w:t")))
            pieces[0].text = text
            pieces[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for piece in pieces[1:]:
                piece.text = ""
        document.core_properties.language = "en"
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def _open(data: bytes, name: str):
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zip, key and package errors alike
        raise unreadable(name, "Word .docx", exc) from None


def _read(source, name: str) -> list[tuple[Unit, object]]:
    """The units of a document (or of its bytes), with their paragraphs.

    Raises:
        DocumentError: python-docx fails anywhere while reading it (a dangling header
            reference raises ``KeyError``, a broken part ``ValueError``, ...).
    """
    document = _open(source, name) if isinstance(source, bytes) else source
    try:
        return list(_units(document))
    except Exception as exc:  # python-docx raises whatever its parts' parsing raises
        raise damaged(name, "Word .docx", exc) from None


def _units(document) -> Iterator[tuple[Unit, object]]:
    """Each paragraph with text, as a unit, with the paragraph it came from."""
    for kind, paragraph in _paragraphs(document):
        text = " ".join(_text(paragraph).split())
        if text:
            yield Unit(kind, text), paragraph


def _text(paragraph) -> str:
    from docx.oxml.ns import qn

    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def _kind(paragraph) -> str:
    from docx.oxml.ns import qn

    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.startswith(("Heading", "Title", "Subtitle")):
        return "heading"
    properties = paragraph._p.pPr
    if style.startswith("List") or (
        properties is not None and properties.find(qn("w:numPr")) is not None
    ):
        return "item"
    return "paragraph"


def _paragraphs(document) -> Iterator[tuple[str, object]]:
    """Every paragraph with text, in reading order: body (tables in place), then each
    section's own headers and footers."""
    yield from _blocks(document, None)
    for section in document.sections:
        for part, kind in ((section.header, "header"), (section.footer, "footer")):
            if not part.is_linked_to_previous:
                yield from _blocks(part, kind)


def _blocks(container, kind: str | None) -> Iterator[tuple[str, object]]:
    for block in container.iter_inner_content():
        if hasattr(block, "rows"):  # a table: its cells' paragraphs and nested tables
            for row in block.rows:
                for cell in _unique_cells(row):
                    yield from _blocks(cell, kind or "cell")
        else:
            yield (kind or _kind(block)), block


def _unique_cells(row):
    # Merged cells appear once per grid column they span; translate each once
    seen = set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            yield cell


FORMAT = Format("docx", (".docx",), DocxLayout, binary=True, label="Word")
