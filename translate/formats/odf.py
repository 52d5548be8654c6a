"""OpenDocument text and presentations (``.odt``, ``.odp``) in, the same kind out (lxml on
the package's ``content.xml``): paragraphs, headings, list items, table cells, frames and
text boxes, footnotes and endnotes, and a presentation's speaker notes.

A paragraph (``text:p``, ``text:h``) is one unit, however its spans split it; its
translation goes into its first piece of text and the others are emptied, as for Word runs,
so the paragraph's style and its first span's style carry over; links, frames, images and
note citations inside it stay. Every other part of the package is copied as it is, the
``mimetype`` entry first and uncompressed; ``meta.xml`` says the language is English.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    repack_zip,
    unit_document,
    unit_texts,
    unreadable,
)
from translate.text.document import Document

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_PARAGRAPHS = {f"{{{_NS['text']}}}p", f"{{{_NS['text']}}}h"}
# Inside a paragraph, these hold paragraphs of their own (translated as their own units)
_NESTED = {f"{{{_NS['draw']}}}frame", f"{{{_NS['text']}}}note", f"{{{_NS['office']}}}annotation"}
_CITATION = f"{{{_NS['text']}}}note-citation"
_SPACE, _TAB, _BREAK = (f"{{{_NS['text']}}}{n}" for n in ("s", "tab", "line-break"))


class OdfLayout:
    """A parsed ``.odt`` or ``.odp`` (see the module docstring)."""

    findings: tuple[Finding, ...] = ()

    def __init__(self, data: bytes, name: str):
        self.name, self._data = name, data
        root = _content(data, name)
        self.units = [Unit(kind, _own_text(p)) for kind, p in _paragraphs(root)]
        self.units = [u for u in self.units if u.text]
        self.document = unit_document(self.units)

    def write(self, english: Document) -> Written:
        from lxml import etree

        texts = iter(unit_texts(english))
        root = _content(self._data, self.name)
        for _, paragraph in _paragraphs(root):
            if _own_text(paragraph):
                _fill(paragraph, next(texts))
        content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        return Written(repack_zip(self._data, {"content.xml": content, "meta.xml": _english_meta}))


def _content(data: bytes, name: str):
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return etree.fromstring(package.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise unreadable(name, "OpenDocument file", exc) from None


def _paragraphs(root) -> Iterator[tuple[str, object]]:
    """Every paragraph in document order, with its kind."""
    for element in root.iter(*_PARAGRAPHS):
        yield _kind(element), element


def _kind(paragraph) -> str:
    if paragraph.tag.endswith("}h"):
        return "heading"
    for ancestor in paragraph.iterancestors():
        tag = ancestor.tag.rsplit("}", 1)[-1]
        if tag == "list-item":
            return "item"
        if tag == "table-cell":
            return "cell"
        if tag == "note-body":
            return "note"
        if tag == "notes":
            return "notes"
        if tag == "frame":
            return "frame"
    return "paragraph"


def _own_pieces(paragraph) -> Iterator[tuple[object, str]]:
    """The paragraph's own text pieces in order, as (element, ``text``/``tail``), skipping
    what nested frames, notes and note citations hold."""
    if paragraph.text:
        yield paragraph, "text"
    for child in paragraph:
        if not isinstance(child.tag, str):
            pass
        elif child.tag in _NESTED or child.tag == _CITATION:
            pass
        elif child.tag not in (_SPACE, _TAB, _BREAK):
            yield from _own_pieces(child)
        if child.tail:
            yield child, "tail"


def _own_text(paragraph) -> str:
    parts = []
    for element, where in _own_pieces(paragraph):
        parts.append(getattr(element, where))
    for node in paragraph.iter(_SPACE, _TAB, _BREAK):
        if not any(a.tag in _NESTED for a in node.iterancestors() if a is not paragraph):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _fill(paragraph, translation: str) -> None:
    # Spaces, tabs and line breaks stay as elements: only the text around them changes
    pieces = list(_own_pieces(paragraph))
    first, where = pieces[0]
    for element, place in pieces:
        setattr(element, place, "")
    setattr(first, where, translation)


def _english_meta(data: bytes) -> bytes:
    from lxml import etree

    root = etree.fromstring(data)
    meta = root.find("office:meta", _NS)
    if meta is None:
        return data
    language = meta.find("dc:language", _NS)
    if language is None:
        language = etree.SubElement(meta, f"{{{_NS['dc']}}}language")
    language.text = "en"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


ODT = Format("odt", (".odt",), OdfLayout, binary=True, label="OpenDocument text")
ODP = Format("odp", (".odp",), OdfLayout, binary=True, label="OpenDocument presentation")
FORMATS = (ODT, ODP)
