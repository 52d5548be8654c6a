"""PDF in (its text layer, with ``pdfplumber``: MIT, unlike AGPL PyMuPDF), Markdown out: a
PDF cannot be rewritten faithfully, so its translation is ``<name>.en.md``.

The article's text is rebuilt as a reader sees it, page by page (each page's objects freed
before the next is read):

- lines joined into paragraphs across line and page breaks; a word hyphenated at a line end
  rejoined (``hoofd-`` / ``kwartier``: ``hoofdkwartier``), a real hyphen kept
  (``Oost-`` / ``Oekraïne``);
- running headers and footers (a line at the same height on most pages, its digits aside)
  and page numbers (``12``, ``- 12 -``, ``Pagina 3 van 12``) left out, and counted;
- two columns read column by column; a line wider than half the page (a title) starts a
  new band;
- headings told by their font size against the body's (larger: ``#``, ``##``, ``###``), or
  by their weight (a short bold line of its own);
- tables kept as rows of cells, each cell translated on its own (a Markdown table).

A PDF without a text layer (a scan) and an encrypted one fail with one line.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from translate.errors import DocumentError, first_line
from translate.findings import Finding
from translate.formats.base import Format, Written
from translate.text.document import Document, Line
from translate.text.sentences import split_sentences

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—\s]*\d{1,4}[-–—\s]*|(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_ITEM = re.compile(r"^(?:[-•–*▪●]|\d{1,3}[.)]|[a-z]\))\s+")
_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


@dataclass
class _Line:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    margin: bool = False  # in the page's top or bottom margin, where running lines are


@dataclass
class _Block:
    """A heading (``level``), a paragraph, a list item, or a table (``rows`` of cells)."""

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] | None = None
    page: int = 0


class PdfLayout:
    """A parsed PDF (see the module docstring)."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        lines, tables, pages, images = _read(data, name)
        if not lines and not tables:
            if images:
                raise DocumentError(
                    f"{name}: no text layer: a scanned PDF; run OCR first, e.g. ocrmypdf"
                )
            raise DocumentError(f"{name}: no text to translate")
        lines, dropped = _without_running_lines(lines, pages)
        self._blocks = _blocks(lines, tables)
        self.findings: tuple[Finding, ...] = ()
        if dropped:
            message = f"{dropped} running header, footer and page-number lines left out"
            self.findings = (Finding("running_lines", message, data={"lines": dropped}),)
        paragraphs = []
        for block in self._blocks:
            if block.kind == "table":
                for row in block.rows:
                    for cell in row:
                        paragraphs.append((Line("cell", "", tuple(split_sentences(cell))),))
            else:
                kind = "item" if block.kind == "item" else block.kind
                paragraphs.append((Line(kind, "", tuple(split_sentences(block.text))),))
        self.document = Document(tuple(paragraphs))

    def write(self, english: Document) -> Written:
        """The translation as Markdown: headings, paragraphs, list items, tables."""
        texts = iter(line.render() for paragraph in english.paragraphs for line in paragraph)
        out = []
        for block in self._blocks:
            if block.kind == "table":
                rows = [[next(texts).replace("|", "\\|") for _ in row] for row in block.rows]
                width = max(len(r) for r in rows)
                rows = [r + [""] * (width - len(r)) for r in rows]
                table = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
                table += ["| " + " | ".join(r) + " |" for r in rows[1:]]
                out.append("\n".join(table))
            elif block.kind == "heading":
                out.append("#" * block.level + " " + next(texts))
            elif block.kind == "item":
                out.append("- " + next(texts))
            else:
                out.append(next(texts))
        return Written("\n\n".join(out) + "\n")


def _read(data: bytes, name: str):
    """Lines (outside tables) and tables of every page, page by page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[_Line] = []
    tables: list[tuple[int, float, list[list[str]]]] = []
    images = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            for number, page in enumerate(pdf.pages):
                found = page.find_tables()
                boxes = [t.bbox for t in found]
                for table in found:
                    rows = [[" ".join((c or "").split()) for c in row] for row in table.extract()]
                    rows = [r for r in rows if any(r)]
                    if rows:
                        tables.append((number, table.bbox[1], rows))
                images += len(page.images)
                words = page.extract_words(extra_attrs=["size", "fontname"])
                words = [w for w in words if not any(_inside(w, box) for box in boxes)]
                for line in _lines(number, words):
                    line.margin = line.top < 0.12 * page.height or line.bottom > 0.88 * page.height
                    lines.append(line)
                page.close()  # a long report: one page's objects at a time
            width = pdf.pages[0].width if pdf.pages else 0
    except Exception as exc:  # pdfminer raises many types for one cause: not a readable PDF
        causes = [exc, *exc.args, exc.__cause__, exc.__context__]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise DocumentError(
                f"{name}: an encrypted PDF (a password protects it); decrypt it first, e.g. "
                "qpdf --decrypt"
            ) from None
        raise DocumentError(f"{name}: not a readable PDF ({first_line(exc)})") from None
    _columns(lines, width)
    return lines, tables, pages, images


def _lines(page: int, words: list[dict]) -> list[_Line]:
    """The page's words as lines: words at one height, cut where a gap wider than about
    a word separates them (two columns side by side are two lines, not one)."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= 0.4 * word["size"]:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        segment = [row[0]]
        for word in row[1:]:
            if word["x0"] - segment[-1]["x1"] > 1.2 * word["size"]:
                lines.append(_line(page, segment))
                segment = []
            segment.append(word)
        lines.append(_line(page, segment))
    return lines


def _line(page: int, words: list[dict]) -> _Line:
    return _Line(
        page,
        " ".join(w["text"] for w in words),
        words[0]["x0"],
        words[-1]["x1"],
        min(w["top"] for w in words),
        max(w["bottom"] for w in words),
        statistics.median(w["size"] for w in words),
        all("bold" in w["fontname"].lower() for w in words),
    )


def _inside(line: dict, box: tuple) -> bool:
    x0, top, x1, bottom = box
    return (
        line["x0"] >= x0 - 1
        and line["x1"] <= x1 + 1
        and line["top"] >= top - 1
        and line["bottom"] <= bottom + 1
    )


def _columns(lines: list[_Line], width: float) -> None:
    """Puts the lines in reading order, in place: page by page, band by band (a line
    across the middle of the page ends a band), and in a band of two columns the left one
    first."""
    middle = width / 2
    ordered: list[_Line] = []
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page in sorted(by_page):
        band: list[_Line] = []
        for line in sorted(by_page[page], key=lambda ln: (ln.top, ln.x0)):
            if line.x0 < middle - 2 and line.x1 > middle + 2:  # across the middle: not a column
                ordered += _band(band, middle)
                band = []
                ordered.append(line)
            else:
                band.append(line)
        ordered += _band(band, middle)
    lines[:] = ordered


def _band(band: list[_Line], middle: float) -> list[_Line]:
    left = [ln for ln in band if ln.x1 <= middle + 2]
    right = [ln for ln in band if ln.x1 > middle + 2]
    if len(left) >= 2 and len(right) >= 2 and all(ln.x0 >= middle - 2 for ln in right):
        return sorted(left, key=lambda ln: ln.top) + sorted(right, key=lambda ln: ln.top)
    return sorted(band, key=lambda ln: (ln.top, ln.x0))


def _without_running_lines(lines: list[_Line], pages: int) -> tuple[list[_Line], int]:
    """The lines less running headers and footers (in the top or bottom margin, at one height
    on most pages, digits aside) and page numbers, and how many went."""

    def shape(line: _Line) -> tuple:
        return (round(line.top / 4), re.sub(r"\d+", "#", line.text.strip().lower()))

    seen = Counter(shape(line) for line in {(ln.page, shape(ln)): ln for ln in lines}.values())
    repeated = {s for s, n in seen.items() if pages >= 2 and n >= max(2, 0.5 * pages)}
    kept = [
        ln
        for ln in lines
        if not (ln.margin and shape(ln) in repeated) and not _PAGE_NUMBER.match(ln.text.strip())
    ]
    return kept, len(lines) - len(kept)


def _blocks(lines: list[_Line], tables: list[tuple[int, float, list[list[str]]]]) -> list[_Block]:
    """Headings, paragraphs and list items from the lines in reading order; tables put in
    at their place (before the first line below them on their page)."""
    sizes = [ln.size for ln in lines if ln.size]
    body = statistics.median(sizes) if sizes else 0
    heading_sizes = sorted(
        {round(ln.size) for ln in lines if body and ln.size >= 1.15 * body}, reverse=True
    )
    blocks: list[_Block] = []
    pending = sorted(tables, key=lambda t: (t[0], t[1]))
    previous: _Line | None = None
    for line in lines:
        while pending and (pending[0][0], pending[0][1]) <= (line.page, line.top):
            page, _, rows = pending.pop(0)
            blocks.append(_Block("table", rows=rows, page=page))
            previous = None
        text = " ".join(line.text.split())
        larger = body and line.size >= 1.15 * body
        # A short bold line of its own, not ending a sentence: a heading at body size
        bold = (
            line.bold
            and len(text) <= 100
            and not _END.search(text)
            and not _close_to(previous, line)
        )
        if larger or bold:
            rank = heading_sizes.index(round(line.size)) if larger else len(heading_sizes)
            level = min(3, rank + 1)
            if (
                blocks
                and blocks[-1].kind == "heading"
                and previous is not None
                and _close(previous, line)
                and blocks[-1].level == level
            ):
                blocks[-1].text += " " + text  # a heading over two lines
            else:
                blocks.append(_Block("heading", text, level, page=line.page))
            previous = line
            continue
        item = _ITEM.match(text)
        continues = (
            previous is not None
            and blocks
            and blocks[-1].kind in ("paragraph", "item")
            and not item
            and (
                _close(previous, line)
                or (line.page != previous.page and not _END.search(blocks[-1].text))
            )
        )
        if continues:
            blocks[-1].text = _join(blocks[-1].text, text)
        elif item:
            blocks.append(_Block("item", text[item.end() :], page=line.page))
        else:
            blocks.append(_Block("paragraph", text, page=line.page))
        previous = line
    for page, _, rows in pending:
        blocks.append(_Block("table", rows=rows, page=page))
    return [b for b in blocks if b.kind == "table" or b.text.strip()]


def _close(previous: _Line, line: _Line) -> bool:
    """Whether ``line`` follows ``previous`` in one paragraph (same page and column, no
    more than half a line of space between them)."""
    if line.page != previous.page:
        return False
    height = max(1.0, previous.bottom - previous.top)
    gap = line.top - previous.bottom
    return -height < gap <= 0.6 * height and abs(line.x0 - previous.x0) < 4 * height


def _close_to(previous: _Line | None, line: _Line) -> bool:
    return previous is not None and not previous.bold and _close(previous, line)


def _join(text: str, more: str) -> str:
    """Two lines of one paragraph; a word hyphenated at the line end rejoined, a real hyphen
    (before a capital: Oost-Oekraïne) kept."""
    if re.search(r"[^\W\d]-$", text) and more[:1].islower():
        return text[:-1] + more
    if text.endswith("-") and more[:1].isupper():
        return text + more
    return text + " " + more


FORMAT = Format("pdf", (".pdf",), PdfLayout, binary=True, output_suffix=".md", label="PDF")
