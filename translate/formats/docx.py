"""Word in, Word out (python-docx for the package, lxml for the paragraphs): paragraphs,
headings, list items, table cells, headers and footers (a different first page's and even
pages' too), text boxes, footnotes and endnotes, charts' titles and axis titles
(:mod:`translate.formats.docx_charts`), pictures' descriptions (alt text) and the document's
title (its properties) are translated; styles, numbering, tables, images,
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
    split_tail,
    unit_document,
    unit_texts,
    unreadable,
)
from translate.formats.docx_charts import store_charts, title_paragraphs, unreadable_charts
from translate.formats.docx_parts import (
    accept_changes,
    alt_texts,
    depth,
    mirror_fallbacks,
    note_roots,
    paragraphs,
    store,
)
from translate.formats.docx_runs import read_runs, rebuild_runs
from translate.formats.drawingml_runs import read_runs as read_drawing
from translate.formats.drawingml_runs import rebuild_runs as rebuild_drawing
from translate.formats.shown import safe_runs
from translate.text.document import Document


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
        # Charts' titles and axis titles, then pictures' descriptions (alt text: what a
        # screen reader says), after the text
        charted = title_paragraphs(document)
        self._charts = [read_drawing(p) for p in charted]
        self.units += [Unit("caption", runs.text) for runs in self._charts]
        alts = alt_texts(document)
        self._alts = len(alts)
        self.units += [Unit("alt", alt_text(e)) for e in alts]
        # The document's title (File > Properties; a viewer's window shows it), last
        self._title = property_title(document.core_properties.title)
        if self._title:
            self.units.append(Unit("title", self._title))
        self.document = unit_document(self.units)
        tracked = sum(runs.tracked for runs in self._runs)
        findings = []
        if tracked:
            message = (
                f"{tracked} paragraphs with tracked changes, read as if every change were "
                "accepted: deleted text is neither translated nor kept"
            )
            findings.append(Finding("tracked_changes", message, data={"paragraphs": tracked}))
        broken = unreadable_charts(document)
        if broken:
            message = f"{broken} chart parts are no readable XML: their titles are left as they are"
            findings.append(Finding("markup", message, data={"charts": broken}))
        self.findings: tuple[Finding, ...] = tuple(findings)

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
        translations, alts = split_tail(translations, self._alts)
        translations, charts = split_tail(translations, len(self._charts))
        document = _open(self._data, self.name)
        read = _read(document, self.name)

        for element, text in zip(alt_texts(document), alts, strict=True):
            element.set("descr", text)
        spare = iter(alone)
        given = [{k: t for k, t in zip(runs.keys(), spare, strict=False)} for _, _, runs in read]
        placements = [
            rebuild_drawing(paragraph, read_drawing(paragraph), text.split("\n"), {})
            for paragraph, text in zip(title_paragraphs(document), charts, strict=True)
        ]
        store_charts(document)
        # Text boxes before the paragraphs that hold them: a host's drawing is kept as a
        # copy made when it is read, so what is inside must be English by then
        order = sorted(range(len(read)), key=lambda i: -depth(read[i][1]))
        links = {k: r.target_ref for k, r in document.part.rels.items() if r.is_external}
        shown: list[str | None] = [None] * len(read)
        for i in order:
            _, paragraph, _ = read[i]
            runs = read_runs(paragraph)
            placed = rebuild_runs(paragraph, runs, translations[i].split("\n"), given[i])
            placements.append(placed)
            shown[i] = safe_runs(paragraph, links)
        mirror_fallbacks(document)
        accept_changes(document)
        for part, root in note_roots(document):
            store(part, root)
        document.core_properties.language = "en"
        shown += [None] * (len(self._charts) + self._alts)
        if title is not None:
            document.core_properties.title = title
            shown.append(None)
        out = io.BytesIO()
        document.save(out)
        findings = placement_findings(placements)
        return Written(out.getvalue(), findings, tuple(shown))


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
    for kind, paragraph in paragraphs(document):
        runs = read_runs(paragraph)
        if runs.text.strip():
            yield Unit(kind, runs.text), paragraph, runs


FORMAT = Format("docx", (".docx",), DocxLayout, binary=True, label="Word")
