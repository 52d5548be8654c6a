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
  by their weight (a short bold line of its own, a question too);
- list items kept as Markdown lists: bullets as ``-``, numbers as the PDF gives them
  (``1.``, ``2)``), items in a row on lines of their own;
- tables kept as rows of cells, each cell translated on its own (a Markdown table).
- footnotes kept: a reference on its words (``[^1]``), the notes at each page's foot
  taken out of the text and written as Markdown footnotes at the end
  (:mod:`translate.formats.pdf_notes`); soft hyphens and zero-width spaces dropped.

A PDF without a text layer (a scan) and an encrypted one fail with one line.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from translate.errors import DocumentError
from translate.findings import Finding
from translate.formats.base import Format, Written
from translate.formats.pdf_lines import PdfLine, read_lines, without_running_lines
from translate.formats.pdf_notes import at_visible, reference_text, references, split_notes
from translate.text.document import Document, Line
from translate.text.inline import place
from translate.text.marks import Anchor
from translate.text.sentences import split_sentences

_ITEM = re.compile(r"^(?:[-•–*▪●]|\d{1,3}[.)]|[a-z]\))\s+")
_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")


@dataclass
class _Block:
    """A heading (``level``), a paragraph, a list item, or a table (``rows`` of cells)."""

    kind: str
    text: str = ""
    level: int = 0
    rows: list[list[str]] | None = None
    page: int = 0
    marker: str = "-"  # a list item's: its number as the PDF gives it (``2.``, ``b)``)
    refs: list[tuple[int, int, str]] = field(default_factory=list)  # see pdf_notes.references


class PdfLayout:
    """A parsed PDF (see the module docstring)."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        lines, tables, pages, images = read_lines(data, name)
        if not lines and not tables:
            if images:
                raise DocumentError(
                    f"{name}: no text layer: a scanned PDF; run OCR first, e.g. ocrmypdf"
                )
            raise DocumentError(f"{name}: no text to translate")
        lines, dropped = without_running_lines(lines, pages)
        sizes = [ln.size for ln in lines if ln.size]
        body = statistics.median(sizes) if sizes else 0
        lines, self._notes = split_notes(lines, body, _join)
        self._blocks = _blocks(lines, tables, body)
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
                block.text, block.refs = references(block.text)
                paragraphs.append((Line(block.kind, "", tuple(split_sentences(block.text))),))
        for note in self._notes:
            paragraphs.append((Line("note", "", tuple(split_sentences(note.text))),))
        self.document = Document(tuple(paragraphs))

    def write(self, english: Document) -> Written:
        """The translation as Markdown: headings, paragraphs, list items, tables, each
        reference to a footnote on its words and the footnotes at the end."""
        # every paragraph is one line: a block's, a cell's, a note's, in that order
        pairs = iter(
            (source[0], target[0])
            for source, target in zip(self.document.paragraphs, english.paragraphs, strict=True)
        )
        out: list[str] = []
        prior: _Block | None = None
        for block in self._blocks:
            prior, previous = block, prior
            if block.kind == "table":
                rows = [
                    [next(pairs)[1].render().replace("|", "\\|") for _ in row] for row in block.rows
                ]
                width = max(len(r) for r in rows)
                rows = [r + [""] * (width - len(r)) for r in rows]
                table = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
                table += ["| " + " | ".join(r) + " |" for r in rows[1:]]
                out.append("\n".join(table))
                continue
            text = self._with_references(block, *next(pairs))
            if block.kind == "heading":
                out.append("#" * block.level + " " + text)
            elif block.kind == "item":
                text = f"{block.marker} {text}"
                if previous and previous.kind == "item" and _one_list(previous, block):
                    out[-1] += "\n" + text  # one list, its items on lines of their own
                else:
                    out.append(text)
            else:
                out.append(text)
        for note, (_, line) in zip(self._notes, pairs, strict=True):
            out.append(f"[^{note.key}]: " + line.render())
        return Written("\n\n".join(out) + "\n")

    def _with_references(self, block: _Block, source: Line, target: Line) -> str:
        """A block's translation with its references to footnotes placed in it: beside the
        same relative word of the same sentence."""
        text = target.render()
        if not block.refs:
            return text
        segments, s_at, t_at = [], 0, 0
        for s, t in zip(source.sentences, target.sentences, strict=True):
            segments.append(((s_at, s_at + len(s)), (t_at, t_at + len(t))))
            s_at, t_at = s_at + len(s) + 1, t_at + len(t) + 1
        joined = source.render()
        anchors = [Anchor(i, at_visible(joined, seen)) for i, (seen, _, _) in enumerate(block.refs)]
        placed = place(joined, text, [], anchors, segments=segments)
        for i, (_, page, label) in sorted(
            enumerate(block.refs), key=lambda r: placed.anchors[r[0]], reverse=True
        ):
            at = placed.anchors[i]
            text = text[:at] + reference_text(page, label, self._notes) + text[at:]
        return text


def _blocks(
    lines: list[PdfLine], tables: list[tuple[int, float, list[list[str]]]], body: float
) -> list[_Block]:
    """Headings, paragraphs and list items from the lines in reading order (``body``: the
    body's font size); tables put in at their place (before the first line below them on
    their page)."""
    heading_sizes = sorted(
        {round(ln.size) for ln in lines if body and ln.size >= 1.15 * body}, reverse=True
    )
    blocks: list[_Block] = []
    pending = sorted(tables, key=lambda t: (t[0], t[1]))
    previous: PdfLine | None = None
    for line in lines:
        while pending and (pending[0][0], pending[0][1]) <= (line.page, line.top):
            page, _, rows = pending.pop(0)
            blocks.append(_Block("table", rows=rows, page=page))
            previous = None
        text = " ".join(line.text.split())
        larger = body and line.size >= 1.15 * body
        # A short bold line of its own, not ending a sentence (a question may: "Wat
        # verandert er?"): a heading at body size
        bold = (
            line.bold
            and len(text) <= 100
            and (not _END.search(text) or (text.endswith("?") and len(text) <= 60))
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
            marker = item.group().strip()
            marker = "-" if not marker[0].isalnum() else marker
            blocks.append(_Block("item", text[item.end() :], page=line.page, marker=marker))
        else:
            blocks.append(_Block("paragraph", text, page=line.page))
        previous = line
    for page, _, rows in pending:
        blocks.append(_Block("table", rows=rows, page=page))
    return [b for b in blocks if b.kind == "table" or b.text.strip()]


def _one_list(previous: _Block, item: _Block) -> bool:
    """Whether two list items in a row make one Markdown list: bullets, or numbers with the
    same delimiter (``1.`` ``2.``); a letter (``a)``) is no Markdown list marker."""
    a, b = previous.marker, item.marker
    if a == b == "-":
        return True
    return a[:-1].isdigit() and b[:-1].isdigit() and a[-1] == b[-1]


def _close(previous: PdfLine, line: PdfLine) -> bool:
    """Whether ``line`` follows ``previous`` in one paragraph (same page and column, no
    more than half a line of space between them)."""
    if line.page != previous.page:
        return False
    height = max(1.0, previous.bottom - previous.top)
    gap = line.top - previous.bottom
    return -height < gap <= 0.6 * height and abs(line.x0 - previous.x0) < 4 * height


def _close_to(previous: PdfLine | None, line: PdfLine) -> bool:
    return previous is not None and not previous.bold and _close(previous, line)


def _join(text: str, more: str) -> str:
    """Two lines of one paragraph; a word hyphenated at the line end rejoined, a real hyphen
    (before a capital: Oost-Oekraïne) kept."""
    if text.endswith("\u00ad"):  # a soft hyphen: the word goes on
        return text[:-1] + more
    if re.search(r"[^\W\d]-$", text) and more[:1].islower():
        return text[:-1] + more
    if text.endswith("-") and more[:1].isupper():
        return text + more
    return text + " " + more


FORMAT = Format("pdf", (".pdf",), PdfLayout, binary=True, output_suffix=".md", label="PDF")
