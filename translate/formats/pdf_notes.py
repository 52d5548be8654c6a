"""Footnotes of a PDF: the raised small figures in the text that refer to them (``wethouder¹``)
and the notes at the foot of the page, so that the Markdown translation keeps each
reference on its words (``[^1]``) and each note as a footnote (``[^1]: ...``).

A reference is a figure (or ``*``, ``†``, ``‡``) in a smaller font than its line's, raised
above the line's baseline; a unit's square or cube (``m``, ``km`` with a raised ``2``) is
written ``m²`` instead. A page's notes are its last lines, all in a smaller font than the
body's, from the first one that opens with the label of a reference on that page. A
reference with no note is kept as ``<sup>...</sup>``. In the text a reference travels as a
private-use marker the model never sees: :func:`references` takes them out again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate.text.decode import visible

OPEN, CLOSE = "\ue010", "\ue011"
_LABEL = re.compile(r"^(?:\d{1,3}|[*†‡]{1,3})$")
_UNITS = {"m", "km", "cm", "mm", "dm"}
_POWERS = {"2": "²", "3": "³"}
_MARKER = re.compile(f"{OPEN}(\\d+):([^{CLOSE}]+){CLOSE}")
# A note's first line: its label (raised, or a plain figure) and its text
_NOTE = re.compile(
    f"^(?:{OPEN}\\d+:([^{CLOSE}]+){CLOSE}\\s*|(\\d{{1,3}}|[*†‡]{{1,3}})[.)]?\\s+)(?=\\S)"
)
SMALL = 0.85  # of the body's font size, at most, for a note's lines


@dataclass
class Note:
    """A footnote: its label as printed, its page, its text."""

    label: str
    page: int
    text: str
    key: str = ""  # its label in the Markdown (unique in the document)


def line_text(page: int, words: list[dict]) -> str:
    """One line's words as text, each reference a marker glued to the word before it, and
    pieces of one word in different fonts joined."""
    size = max(w["size"] for w in words)
    bottom = max(w["bottom"] for w in words)
    out = ""
    previous = None
    for word in words:
        text = word["text"]
        raised = word["bottom"] < bottom - 0.15 * size and word["size"] <= 0.8 * size
        if raised and _LABEL.match(text):
            before = out.rsplit(" ", 1)[-1]
            if before in _UNITS and text in _POWERS:
                out += _POWERS[text]
            else:
                out += f"{OPEN}{page}:{text}{CLOSE}"
        else:
            # words the font split but no space parts ("20" and a raised "e", "CO" and a
            # lowered "2", a bold first letter) are one word
            glued = previous is not None and word["x0"] - previous["x1"] < 0.1 * size
            out += ("" if glued or not out else " ") + text
        previous = word
    return out


def references(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` without its markers (and invisible characters), and each reference as (its
    place: how many non-space characters come before it, its page, its label)."""
    refs = []
    clean = []
    seen = 0
    at = 0
    for match in _MARKER.finditer(text):
        part = text[at : match.start()]
        clean.append(part)
        seen += sum(not c.isspace() for c in visible(part))
        refs.append((seen, int(match.group(1)), match.group(2)))
        at = match.end()
    clean.append(text[at:])
    return " ".join(visible("".join(clean)).split()), refs


def at_visible(text: str, count: int) -> int:
    """The offset in ``text`` after ``count`` non-space characters."""
    seen = 0
    for i, char in enumerate(text):
        if seen == count:
            return i
        seen += not char.isspace()
    return len(text)


def split_notes(lines: list, body: float, join) -> tuple[list, list[Note]]:
    """The lines less each page's notes, and the notes (``join`` joins two lines of one)."""
    kept: list = []
    notes: list[Note] = []
    pages: dict[int, list] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    for page, page_lines in pages.items():
        labels = {label for ln in page_lines for _, _, label in references(ln.text)[1]}
        start = _notes_start(page_lines, labels, body)
        kept += page_lines[:start]
        for line in page_lines[start:]:
            opening = _NOTE.match(line.text)
            label = opening and (opening.group(1) or opening.group(2))
            if label in labels or not notes or notes[-1].page != page:
                text = line.text[opening.end() :] if opening else line.text
                notes.append(Note(label or "", page, text))
            else:
                notes[-1].text = join(notes[-1].text, line.text)
    for note in notes:
        note.text = references(note.text)[0]
    counts: dict[str, int] = {}
    for note in notes:
        counts[note.label] = counts.get(note.label, 0) + 1
    for note in notes:  # a label used on several pages is told apart by its page
        note.key = note.label if counts[note.label] == 1 else f"{note.page + 1}-{note.label}"
    return kept, notes


def _notes_start(page_lines: list, labels: set[str], body: float) -> int:
    """Where a page's notes begin: the first line opening with a label of the page's
    references from which every line is small; the page's end when there are none."""
    if not labels or not body:
        return len(page_lines)
    small = [ln.size <= SMALL * body for ln in page_lines]
    for i, line in enumerate(page_lines):
        opening = _NOTE.match(line.text)
        if opening and (opening.group(1) or opening.group(2)) in labels and all(small[i:]):
            return i
    return len(page_lines)


def reference_text(page: int, label: str, notes: list[Note]) -> str:
    """A reference as Markdown: ``[^key]`` of its note (on its page, or the next: a note
    may run over), else ``<sup>label</sup>``."""
    for note in notes:
        if note.label == label and note.page in (page, page + 1):
            return f"[^{note.key}]"
    return f"<sup>{label}</sup>"
