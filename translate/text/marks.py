"""The inline structure of one unit, as every format's reader gives it: its text for the
model (lines joined by ``\n``) with :class:`Mark` for an element around words and
:class:`Anchor` for one without, read from the raw text with whitespace collapsed
(:func:`collapse`, :func:`moved`). Placing them in a translation is
:mod:`translate.text.inline`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from translate.text.decode import INVISIBLE

# A line break in a unit's raw text (an HTML <br>, a Word <w:br/>), before whitespace is
# collapsed: it becomes "\n" in the text the model sees, one line each side
BREAK = "\ue000"


@dataclass(frozen=True)
class Mark:
    """An inline element around the source words ``start:end`` (character offsets);
    ``keep``: it carries attributes and must never be dropped."""

    key: int
    start: int
    end: int
    keep: bool = False
    children: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class Anchor:
    """An inline element without words, at ``offset`` of the source text; ``padded``: a
    space on each side of it in the source (one is all the text keeps)."""

    key: int
    offset: int
    padded: bool = False


# A footnote or citation mark: a number of up to three digits, a letter, asterisks or
# daggers, maybe in brackets ("1", "[12]", "*")
_LABEL = re.compile(r"[\[(]?(?:\d{1,3}|[a-z]|[*†‡§]{1,3})[\])]?")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# Units written with a power ("m<sup>2</sup>", "cm<sup>3</sup>")
_POWERED = frozenset("cm dm km mm nm µm ft yd mi".split())


def is_label(text: str) -> bool:
    """Whether raised ``text`` can be a footnote's mark (``1``, ``[12]``, ``*``, ``a``)."""
    return _LABEL.fullmatch(text.strip()) is not None


def last_word(raw: Sequence[str]) -> str:
    """The word a unit's raw text read so far (its pieces) ends with, empty after a space."""
    text = raw[-1] if raw else ""
    return text.rsplit(None, 1)[-1] if text and not text[-1].isspace() else ""


def marks_note(label: str, before: str) -> bool:
    """Whether a raised ``label`` (an HTML ``<sup>``, a Word superscript run) marks a
    footnote: in brackets or daggers, or right after a word, a year or a point or comma
    (``before``: the word the text so far ends with, empty after a space). Right after
    other digits, one letter or a unit it is an exponent or an ordinal (``10<sup>6</sup>``,
    ``km<sup>2</sup>``, ``20<sup>e</sup>``), text for the model."""
    label = label.strip()
    if not is_label(label):
        return False
    if label[0] in "[(*†‡§":
        return True
    word = before.rstrip(".,;:!?)’”\"'")
    if len(word) < len(before) or _YEAR.fullmatch(word):
        return True  # after a point or comma, or a year ("in 2023¹")
    return len(word) >= 2 and word[-1].isalpha() and word.lower() not in _POWERED


def spaces_taken(target: str, anchors: dict[int, int], tabs: set[int]) -> set[int]:
    """The offsets of ``target``'s spaces a tab takes the place of: for each tab (its anchor
    key in ``tabs``, placed at its offset in ``anchors``), the space after it, or else the
    one before. A tab reaches the model as a space, so its words stay apart."""
    taken = set()
    for key in tabs & anchors.keys():
        offset = anchors[key]
        taken |= {next((i for i in (offset, offset - 1) if target[i : i + 1] == " "), -1)}
    return taken - {-1}


def cut(target: str, start: int, end: int, taken: set[int]) -> str:
    """``target[start:end]`` without the spaces at the offsets in ``taken``."""
    return "".join(c for k, c in enumerate(target[start:end], start) if k not in taken)


def padded(raw: str, offset: int) -> bool:
    """Whether the raw text has whitespace on both sides of ``offset``."""
    return raw[offset - 1 : offset].isspace() and raw[offset : offset + 1].isspace()


@dataclass
class Inlined:
    """A unit's text for the model (its lines joined by ``\n``) with its inline elements:
    what each format's reader gives (HTML blocks, Word and PowerPoint paragraphs)."""

    text: str = ""
    marks: list[Mark] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def words(self, key: int) -> str:
        """A mark's source words (what is translated alone)."""
        mark = next(m for m in flat(self.marks) if m.key == key)
        return " ".join(self.text[mark.start : mark.end].split())

    def keys(self) -> list[int]:
        """Every mark's key, in document order (the order :meth:`words` are translated in)."""
        return [m.key for m in flat(self.marks)]


def line_segments(source: str, target: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Each source line's span with its translated line's (lines split at ``\n``), the
    segments :func:`place` keeps a position fallback inside."""
    segments, s_at, t_at = [], 0, 0
    for source_line, target_line in zip(source.split("\n"), target.split("\n"), strict=False):
        segments.append(((s_at, s_at + len(source_line)), (t_at, t_at + len(target_line))))
        s_at += len(source_line) + 1
        t_at += len(target_line) + 1
    return segments


def flat(marks: Sequence[Mark]):
    """Every mark and its children, depth first, in order."""
    for mark in marks:
        yield mark
        yield from flat(mark.children)


def collapse(raw: str) -> tuple[str, list[int]]:
    """A unit's raw text as the model sees it: each run of whitespace one space, none at a
    line's ends, each :data:`BREAK` a ``\n``, no invisible character (a soft hyphen); with
    where every raw offset (and the end) lands in it."""
    out: list[str] = []
    where: list[int] = []
    pending = False  # a space to write before the next visible character
    for char in raw:
        # a pending space is written before the next visible character, never at a break
        where.append(len(out) + (pending and bool(out) and out[-1] != "\n" and char != BREAK))
        if char in INVISIBLE:
            continue  # a soft hyphen, a zero-width space: nothing in the text
        if char == BREAK:
            out.append("\n")
            pending = False
        elif char.isspace():
            pending = True
        else:
            if pending and out and out[-1] != "\n":
                out.append(" ")
            pending = False
            out.append(char)
    where.append(len(out))
    return "".join(out), [min(w, len(out)) for w in where]


def moved(mark: Mark, where: list[int], text: str) -> Mark:
    """``mark`` (and its children) with raw offsets moved to ``collapse``'s, edges trimmed."""
    start, end = where[mark.start], where[mark.end]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    children = tuple(moved(c, where, text) for c in mark.children)
    return Mark(mark.key, start, end, mark.keep, children)
