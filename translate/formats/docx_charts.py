"""The titles of the charts in a Word document: each chart part's own title and its axes'
titles (DrawingML paragraphs, read and rebuilt with :mod:`translate.formats.drawingml_runs`
as PowerPoint's are). A chart's categories and series names are its embedded workbook's
data, and stay as they are."""

from __future__ import annotations

from translate.formats.drawingml_runs import read_runs

CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def chart_roots(document) -> list[tuple[object, object]]:
    """Each chart part of ``document`` (python-docx keeps them as bytes) with its parsed
    XML, in part-name order, parsed once per document; a part that is no readable XML is
    left out (and left as it is: :func:`unreadable_charts` counts them)."""
    cache = getattr(document, "_translate_charts", None)
    if cache is None:
        from lxml import etree

        parts = [p for p in document.part.package.iter_parts() if p.content_type == CHART]
        parts.sort(key=lambda p: str(p.partname))
        cache, broken = [], 0
        for part in parts:
            try:
                cache.append((part, etree.fromstring(part.blob)))
            except etree.XMLSyntaxError:
                broken += 1
        document._translate_charts = cache
        document._translate_broken_charts = broken
    return cache


def unreadable_charts(document) -> int:
    """How many chart parts of ``document`` could not be read (their titles untranslated)."""
    chart_roots(document)
    return document._translate_broken_charts


def title_paragraphs(document) -> list:
    """The paragraphs (``a:p``) of every chart title and axis title that have words."""
    return [
        paragraph
        for _, root in chart_roots(document)
        for title in root.iter(f"{{{_C}}}title")
        for paragraph in title.iter(f"{{{_A}}}p")
        if read_runs(paragraph).text.strip()
    ]


def store_charts(document) -> None:
    """Every chart part gets its edited XML back."""
    from lxml import etree

    for part, root in chart_roots(document):
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
