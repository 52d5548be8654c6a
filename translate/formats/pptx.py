"""PowerPoint in, PowerPoint out (python-pptx): every text frame of every slide (in grouped
shapes too), table cells, charts' titles and axis titles, the speaker notes, the text the
slide masters and layouts put on every slide, pictures' descriptions (alt text) and the
presentation's title (its properties) are translated; layouts, positions, images and
formatting are kept.

A paragraph is one unit, however its runs split it; its translation is written back in runs
of the source's formatting, each formatted run (bold, a colour, a hyperlink) on the words
that render it, line breaks between the same lines and fields (the slide number) in their
sentence (:mod:`translate.formats.drawingml_runs`). The translation is written into a fresh
copy of the presentation.
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
from translate.formats.drawingml_runs import read_runs, rebuild_runs
from translate.text.document import Document


class PptxLayout:
    """A parsed ``.pptx`` (see the module docstring)."""

    findings: tuple[Finding, ...] = ()

    def __init__(self, data: bytes, name: str):
        self.name, self._data = name, data
        presentation = _open(data, name)
        read = _read(presentation, name)
        self.units = [unit for unit, _ in read]
        self._runs = [read_runs(paragraph._p) for _, paragraph in read]
        # Pictures' descriptions (alt text: what a screen reader says), after the text
        alts = _alt_texts(presentation)
        self._alts = len(alts)
        self.units += [Unit("alt", alt_text(e)) for e in alts]
        # The presentation's title (its properties), last
        self._title = property_title(presentation.core_properties.title)
        if self._title:
            self.units.append(Unit("title", self._title))
        self.document = unit_document(self.units)

    @property
    def inline_texts(self) -> list[str]:
        """The words of every formatted run, in order, to be translated alone and given to
        :meth:`write`."""
        return [runs.words(key) for runs in self._runs for key in runs.keys()]

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        texts = unit_texts(english)
        title = texts.pop() if self._title else None
        texts, alts = split_tail(texts, self._alts)
        presentation = _open(self._data, self.name)
        for element, text in zip(_alt_texts(presentation), alts, strict=True):
            element.set("descr", text)
        paragraphs = [paragraph for _, paragraph in _read(presentation, self.name)]
        if len(texts) != len(paragraphs):
            raise ValueError(f"expected {len(paragraphs)} translations, got {len(texts)}")
        spare = iter(alone)
        placements = []
        for paragraph, text in zip(paragraphs, texts, strict=True):
            runs = read_runs(paragraph._p)
            given = {k: t for k, t in zip(runs.keys(), spare, strict=False)}
            placed = rebuild_runs(paragraph._p, runs, text.split("\n"), given)
            placements.append(placed)
        if title is not None:
            presentation.core_properties.title = title
        out = io.BytesIO()
        presentation.save(out)
        return Written(out.getvalue(), placement_findings(placements))


_SHAPE_NAME = "{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr"


def _alt_texts(presentation) -> list:
    """The shapes of the slides (pictures mostly) whose description has words."""
    return [
        element
        for slide in presentation.slides
        for element in slide.shapes._spTree.iter(_SHAPE_NAME)
        if any(c.isalpha() for c in alt_text(element))
    ]


def _open(data: bytes, name: str):
    from pptx import Presentation

    try:
        return Presentation(io.BytesIO(data))
    except Exception as exc:  # python-pptx raises zip, key and package errors alike
        raise unreadable(name, "PowerPoint .pptx", exc) from None


def _read(presentation, name: str) -> list[tuple[Unit, object]]:
    try:
        return list(_units(presentation))
    except Exception as exc:  # a damaged part surfaces while walking the slides
        raise damaged(name, "PowerPoint .pptx", exc) from None


def _units(presentation) -> Iterator[tuple[Unit, object]]:
    """Every paragraph with text: the text on the slide masters and layouts that shows on
    every slide using them (not their placeholders' prompts), then slide by slide: the
    shapes in their order (groups, tables and charts' titles opened), then the slide's
    speaker notes."""
    for master in presentation.slide_masters:
        for template in (master, *master.slide_layouts):
            for shape in template.shapes:
                if not shape.is_placeholder:
                    yield from _shape(shape, "master")
    for slide in presentation.slides:
        for shape in slide.shapes:
            yield from _shape(shape)
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None:
                yield from _frame(frame, "notes")


def _shape(shape, kind: str | None = None) -> Iterator[tuple[Unit, object]]:
    if shape.shape_type is not None and getattr(shape, "shapes", None) is not None:
        for inner in shape.shapes:  # a group
            yield from _shape(inner, kind)
        return
    if getattr(shape, "has_chart", False) and shape.has_chart:
        yield from _chart(shape.chart)
        return
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                if not cell.is_spanned:
                    yield from _frame(cell.text_frame, "cell")
        return
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        kind = kind or ("title" if _is_title(shape) else "paragraph")
        yield from _frame(shape.text_frame, kind)


def _chart(chart) -> Iterator[tuple[Unit, object]]:
    """A chart's title and its axes' titles (its categories and series names are the data
    of its embedded workbook, kept)."""
    if chart.has_title and chart.chart_title.has_text_frame:
        yield from _frame(chart.chart_title.text_frame, "caption")
    for axis in ("category_axis", "value_axis"):
        try:
            found = getattr(chart, axis)
        except ValueError:  # a pie chart has no axes
            continue
        if found.has_title and found.axis_title.has_text_frame:
            yield from _frame(found.axis_title.text_frame, "caption")


def _frame(frame, kind: str) -> Iterator[tuple[Unit, object]]:
    for paragraph in frame.paragraphs:
        text = read_runs(paragraph._p).text
        if text.strip():
            yield Unit(kind, text), paragraph


def _is_title(shape) -> bool:
    if not shape.is_placeholder:
        return False
    return "TITLE" in str(shape.placeholder_format.type)


FORMAT = Format("pptx", (".pptx",), PptxLayout, binary=True, label="PowerPoint")
