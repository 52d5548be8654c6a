"""OpenDocument text and presentations (``.odt``, ``.odp``) in, the same kind out (lxml on
the package's ``content.xml``): paragraphs, headings, list items, table cells, frames and
text boxes, footnotes and endnotes, and a presentation's speaker notes.

A paragraph (``text:p``, ``text:h``) is one unit, however its spans split it; its
translation is written back with every span (its style) and link on the words that render
it, line breaks between the same lines, and tabs, fields (page numbers, dates), bookmarks,
frames, images, notes and a footnote's number typed in superscript in their sentence (the
HTML layout's placement, :mod:`translate.formats.html_inline`, over OpenDocument's
elements; superscript is read from the styles of ``content.xml`` and ``styles.xml``). Paragraphs
inside a frame or a note are units of their own, translated before the paragraph that
holds them.
Pictures' titles and descriptions (alt text) and the document's title, subject and
description (``meta.xml``: File > Properties) are translated, and the title and subject
fields in the text show the English ones. Every other part of the package is copied as it
is, the ``mimetype`` entry first and uncompressed; ``meta.xml`` says the language is
English.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence

from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    placement_findings,
    repack_zip,
    split_tail,
    unit_document,
    unit_texts,
    unreadable,
)
from translate.formats.html_inline import Inline, read_inline, rebuild
from translate.text.document import Document
from translate.text.marks import marks_note

_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
}
_PARAGRAPHS = {f"{{{_NS['text']}}}p", f"{{{_NS['text']}}}h"}
# Inside a paragraph, these hold paragraphs of their own (translated as their own units)
_NESTED = {f"{{{_NS['draw']}}}frame", f"{{{_NS['text']}}}note", f"{{{_NS['office']}}}annotation"}
# Kept whole where they stand: fields (their shown value is the document's, not words),
# notes and frames (their paragraphs are units of their own), tracked-change marks
_KEPT = _NESTED | {
    f"{{{_NS['text']}}}{name}"
    for name in (
        "note-citation page-number page-count date time chapter sequence sequence-ref "
        "variable-get variable-set user-defined author-name author-initials title subject "
        "file-name sheet-name bookmark-ref reference-ref note-ref change change-start "
        "change-end soft-page-break bookmark bookmark-start bookmark-end"
    ).split()
}
_SPACE, _TAB, _BREAK = (f"{{{_NS['text']}}}{n}" for n in ("s", "tab", "line-break"))
_STYLE_NAME = f"{{{_NS['text']}}}style-name"


def _inline(paragraph, raised: frozenset[str] = frozenset()) -> Inline:
    """A paragraph's inline structure; ``raised``: the styles in superscript (a span in one
    holding a footnote's number typed after a word, ``juli¹``, never reaches the model)."""
    return read_inline(
        paragraph,
        is_break=lambda e: e.tag == _BREAK,
        is_anchor=lambda e: e.tag in _KEPT,
        fixed=lambda e: False,
        is_space=lambda e: e.tag == _SPACE,
        is_gap=lambda e: e.tag == _TAB,
        is_reference=lambda e, before: (
            e.get(_STYLE_NAME) in raised and marks_note("".join(e.itertext()), before)
        ),
    )


def _raised(*roots) -> frozenset[str]:
    """The names of the text styles set in superscript: the automatic ones of
    ``content.xml`` and the named ones of ``styles.xml`` (a character style such as
    LibreOffice's "Footnote Symbol"), each also through the style it is based on."""
    style = f"{{{_NS['style']}}}"
    parents, raised = {}, set()
    for root in roots:
        for element in root.iter(f"{style}style"):
            name = element.get(f"{style}name")
            parents[name] = element.get(f"{style}parent-style-name")
            for props in element.iter(f"{style}text-properties"):
                position = props.get(f"{style}text-position") or ""
                if position.startswith("super"):
                    raised.add(name)
                elif position:
                    parents[name] = None  # its own position, not its parent's
    for name in parents:
        seen, current = set(), name
        while current is not None and current not in raised and current not in seen:
            seen.add(current)
            current = parents.get(current)
        if current in raised:
            raised.add(name)
    return frozenset(raised)


class OdfLayout:
    """A parsed ``.odt`` or ``.odp`` (see the module docstring)."""

    findings: tuple[Finding, ...] = ()

    def __init__(self, data: bytes, name: str):
        self.name, self._data = name, data
        root = _content(data, name)
        self._raised = _raised(root, *_styles(data))
        read = [(kind, _inline(p, self._raised)) for kind, p in _paragraphs(root)]
        self._inline = [inline for _, inline in read if inline.text.strip()]
        self.units = [Unit(kind, inline.text) for kind, inline in read if inline.text.strip()]
        # Pictures' titles and descriptions (alt text), then the document's properties
        alts = _alt_texts(root)
        self._alts = len(alts)
        self.units += [Unit("alt", " ".join(e.text.split())) for e in alts]
        self._meta = _properties(data)
        self.units += [Unit(field, text) for field, text in self._meta]
        self.document = unit_document(self.units)

    @property
    def inline_texts(self) -> list[str]:
        """The words of every span and link, in order, to be translated alone and given to
        :meth:`write`."""
        return [inline.words(key) for inline in self._inline for key in inline.keys()]

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        from lxml import etree

        texts = unit_texts(english)
        texts, english_properties = split_tail(texts, len(self._meta))
        properties = dict(zip([f for f, _ in self._meta], english_properties, strict=True))
        texts, alts = split_tail(texts, self._alts)
        root = _content(self._data, self.name)
        for element, text in zip(_alt_texts(root), alts, strict=True):
            element.text = text
        # Read once, before any rebuild: a paragraph's reading never looks inside the notes
        # and frames it holds, so it stays true while those are rebuilt
        read = [
            (p, inline)
            for _, p in _paragraphs(root)
            if (inline := _inline(p, self._raised)).text.strip()
        ]
        if len(texts) != len(read):
            raise ValueError(f"expected {len(read)} translations, got {len(texts)}")
        spare = iter(alone)
        given = [{k: t for k, t in zip(inline.keys(), spare, strict=False)} for _, inline in read]
        placements = []
        # Deepest first: a frame's or a note's paragraphs are English before the paragraph
        # that holds them is rebuilt around a copy of it
        for i in sorted(range(len(read)), key=lambda i: -_depth(read[i][0])):
            paragraph, inline = read[i]
            placements.append(rebuild(paragraph, inline, texts[i].split("\n"), given[i]))
        for field, english_text in properties.items():  # the fields that show them
            for shown in root.iter(f"{{{_NS['text']}}}{field}"):
                for child in list(shown):
                    shown.remove(child)
                shown.text = english_text
        content = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        package = repack_zip(
            self._data,
            {"content.xml": content, "meta.xml": lambda meta: _english_meta(meta, properties)},
        )
        return Written(package, placement_findings(placements))


def _alt_texts(root) -> list:
    """The titles and descriptions of frames (pictures) that have words."""
    return [
        e
        for e in root.iter(f"{{{_NS['svg']}}}title", f"{{{_NS['svg']}}}desc")
        if any(c.isalpha() for c in e.text or "")
    ]


def _depth(element) -> int:
    return sum(1 for _ in element.iterancestors())


def _content(data: bytes, name: str):
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return etree.fromstring(package.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError) as exc:
        raise unreadable(name, "OpenDocument file", exc) from None


def _styles(data: bytes) -> list:
    """The package's ``styles.xml``, parsed (none where it is missing or broken: its styles
    only tell superscript)."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return [etree.fromstring(package.read("styles.xml"))]
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError):
        return []


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


_PROPERTIES = ("title", "subject", "description")


def _properties(data: bytes) -> list[tuple[str, str]]:
    """The document's title, subject and description (``meta.xml``) that have words."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            root = etree.fromstring(package.read("meta.xml"))
    except (KeyError, etree.XMLSyntaxError):
        return []  # no properties, or unreadable ones: the text is what counts
    meta = root.find("office:meta", _NS)
    found = []
    for field in _PROPERTIES:
        element = meta.find(f"dc:{field}", _NS) if meta is not None else None
        text = " ".join((element.text or "").split()) if element is not None else ""
        if any(c.isalpha() for c in text):
            found.append((field, text))
    return found


def _english_meta(data: bytes, properties: dict[str, str]) -> bytes:
    from lxml import etree

    root = etree.fromstring(data)
    meta = root.find("office:meta", _NS)
    if meta is None:
        return data
    for field, text in properties.items():
        meta.find(f"dc:{field}", _NS).text = text
    language = meta.find("dc:language", _NS)
    if language is None:
        language = etree.SubElement(meta, f"{{{_NS['dc']}}}language")
    language.text = "en"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


ODT = Format("odt", (".odt",), OdfLayout, binary=True, label="OpenDocument text")
ODP = Format("odp", (".odp",), OdfLayout, binary=True, label="OpenDocument presentation")
FORMATS = (ODT, ODP)
