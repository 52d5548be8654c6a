"""A PDF's text layer as lines in reading order, with ``pdfplumber``: each line's words, box,
font size and weight; two columns read column by column; running headers, footers and page
numbers found and left out. :mod:`translate.formats.pdf` makes paragraphs of them."""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from translate.errors import DocumentError, first_line
from translate.formats.pdf_notes import line_text

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—\s]*\d{1,4}[-–—\s]*|(?:pagina|page|blz\.?|p\.)\s*\d{1,4}(?:\s*(?:van|of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)


@dataclass
class PdfLine:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    margin: bool = False  # in the page's top or bottom margin, where running lines are


def read_lines(data: bytes, name: str):
    """Lines (outside tables) and tables of every page, page by page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[PdfLine] = []
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


def _lines(page: int, words: list[dict]) -> list[PdfLine]:
    """The page's words as lines: words at one height (raised and lowered figures with
    them), cut where a gap wider than about a word separates them (two columns side by side
    are two lines, not one)."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        # a word near the row's top, or whose height and the row's overlap by half the
        # smaller one, is of that line: a raised or lowered small figure too
        size = max(word["size"], rows[-1][0]["size"]) if rows else 0
        if rows and (
            abs(rows[-1][0]["top"] - word["top"]) <= 0.4 * size
            or 0 < 0.5 * _height(rows[-1], word) <= _overlap(rows[-1], word)
        ):
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


def _height(row: list[dict], word: dict) -> float:
    row_height = max(w["bottom"] for w in row) - min(w["top"] for w in row)
    return min(row_height, word["bottom"] - word["top"])


def _overlap(row: list[dict], word: dict) -> float:
    top = min(w["top"] for w in row)
    bottom = max(w["bottom"] for w in row)
    return min(bottom, word["bottom"]) - max(top, word["top"])


def _line(page: int, words: list[dict]) -> PdfLine:
    return PdfLine(
        page,
        line_text(page, words),
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


def _columns(lines: list[PdfLine], width: float) -> None:
    """Puts the lines in reading order, in place: page by page, band by band (a line
    across the middle of the page ends a band), and in a band of two columns the left one
    first."""
    middle = width / 2
    ordered: list[PdfLine] = []
    by_page: dict[int, list[PdfLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for page in sorted(by_page):
        band: list[PdfLine] = []
        for line in sorted(by_page[page], key=lambda ln: (ln.top, ln.x0)):
            if line.x0 < middle - 2 and line.x1 > middle + 2:  # across the middle: not a column
                ordered += _band(band, middle)
                band = []
                ordered.append(line)
            else:
                band.append(line)
        ordered += _band(band, middle)
    lines[:] = ordered


def _band(band: list[PdfLine], middle: float) -> list[PdfLine]:
    left = [ln for ln in band if ln.x1 <= middle + 2]
    right = [ln for ln in band if ln.x1 > middle + 2]
    if len(left) >= 2 and len(right) >= 2 and all(ln.x0 >= middle - 2 for ln in right):
        return sorted(left, key=lambda ln: ln.top) + sorted(right, key=lambda ln: ln.top)
    return sorted(band, key=lambda ln: (ln.top, ln.x0))


def without_running_lines(lines: list[PdfLine], pages: int) -> tuple[list[PdfLine], int]:
    """The lines less running headers and footers (in the top or bottom margin, at one height
    on most pages, digits aside) and page numbers, and how many went."""

    def shape(line: PdfLine) -> tuple:
        return (round(line.top / 4), re.sub(r"\d+", "#", line.text.strip().lower()))

    seen = Counter(shape(line) for line in {(ln.page, shape(ln)): ln for ln in lines}.values())
    repeated = {s for s, n in seen.items() if pages >= 2 and n >= max(2, 0.5 * pages)}
    kept = [
        ln
        for ln in lines
        if not (ln.margin and shape(ln) in repeated) and not _PAGE_NUMBER.match(ln.text.strip())
    ]
    return kept, len(lines) - len(kept)
