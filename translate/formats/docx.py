"""Word in, Word out (python-docx): paragraphs, headings, list items, table cells, headers
and footers are translated; styles, numbering, tables and images are kept.

A paragraph is one unit, however its runs split it by formatting; its translation goes into
the first run that holds text (so the paragraph's style and that run's formatting carry
over), and the other runs' text is emptied (their formatting has no place in the new word
order).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from translate.errors import DocumentError
from translate.formats import Unit


class DocxLayout:
    """A parsed ``.docx`` (see the module docstring).

    Args:
        data: the file's bytes.
        name: how messages name the file.
    """

    format = "docx"
    notes: tuple[str, ...] = ()
    dropped = 0

    def __init__(self, data: bytes, name: str):
        import docx

        self.name = name
        try:
            self.document = docx.Document(io.BytesIO(data))
        except Exception as exc:  # python-docx raises zip, key and package errors alike
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise DocumentError(
                f"{name}: not a readable Word .docx (encrypted, corrupt or another format: "
                f"{reason})"
            ) from None
        self.units: list[Unit] = []
        self._paragraphs = []
        for kind, paragraph in _paragraphs(self.document):
            text = " ".join(_text(paragraph).split())
            if text:
                self.units.append(Unit(kind, text))
                self._paragraphs.append(paragraph)

    def write(self, translations: Sequence[str]) -> bytes:
        """The document with every paragraph translated and its language set to English."""
        from docx.oxml.ns import qn

        if len(translations) != len(self.units):
            raise ValueError(f"expected {len(self.units)} translations, got {len(translations)}")
        for paragraph, text in zip(self._paragraphs, translations, strict=True):
            pieces = list(paragraph._p.iter(qn("w:t")))
            pieces[0].text = text
            pieces[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            for piece in pieces[1:]:
                piece.text = ""
        self.document.core_properties.language = "en"
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()


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
