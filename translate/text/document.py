"""Documents: paragraphs, lines and sentences of decoded text, and their reassembly.

Pure Python, no torch. A :class:`Document` keeps the source's structure (paragraphs,
headings, list items, markup prefixes) so a translation can be rendered back into exactly
the same shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from translate.text.sentences import split_sentences

_ITEM = re.compile(r"^(\s*(?:[-*•–+]|\d{1,3}[.)]|[a-z]\))\s+)(?=\S)")
_MD_HEADING = re.compile(r"^(#{1,6}\s+)(?=\S)")
_TERMINAL = ".!?:;…,\"'”’)»"
_HEADING_MAX = 100
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Line:
    """One output line: ``prefix`` (markup kept as is) followed by translatable sentences.

    ``kind`` is ``heading``, ``item``, ``prose`` or ``verbatim`` (kept untranslated).
    """

    kind: str
    prefix: str
    sentences: tuple[str, ...]

    def render(self) -> str:
        return self.prefix + " ".join(self.sentences)


@dataclass(frozen=True)
class Document:
    """Paragraphs of lines of sentences; ``render()`` gives the normalised text."""

    paragraphs: tuple[tuple[Line, ...], ...]

    @property
    def sentences(self) -> list[str]:
        """All translatable sentences in document order."""
        return [s for para in self.paragraphs for line in para for s in line.sentences]

    @property
    def words(self) -> int:
        return sum(len(s.split()) for s in self.sentences)

    def with_sentences(self, sentences: Sequence[str]) -> Document:
        """The same structure with every sentence replaced, in order (e.g. by its translation)."""
        if len(sentences) != len(self.sentences):
            raise ValueError(f"expected {len(self.sentences)} sentences, got {len(sentences)}")
        it = iter(sentences)
        return Document(
            tuple(
                tuple(
                    replace(line, sentences=tuple(next(it) for _ in line.sentences)) for line in p
                )
                for p in self.paragraphs
            )
        )

    def render(self) -> str:
        return "\n\n".join("\n".join(line.render() for line in p) for p in self.paragraphs) + "\n"


def parse(text: str) -> Document:
    """Splits decoded text into paragraphs (blank-line separated), lines and sentences.

    Headings (``#`` lines too) and list items keep their own lines; hard-wrapped prose
    lines are joined before sentence splitting. Markdown has its own parser
    (:mod:`translate.formats.markdown`).
    """
    paragraphs = []
    for block in _blocks(text):
        lines = tuple(_to_line(kind, prefix, body) for kind, prefix, body in block)
        if lines:
            paragraphs.append(lines)
    return Document(tuple(paragraphs))


def _blocks(text: str) -> Iterator[list[tuple[str, str, str]]]:
    block: list[str] = []
    for raw in (line.rstrip() for line in text.split("\n")):
        if raw.strip():
            block.append(raw)
        elif block:
            yield _units(block)
            block = []
    if block:
        yield _units(block)


def _units(block: list[str]) -> list[tuple[str, str, str]]:
    width = max(len(line.strip()) for line in block)
    units: list[list] = []  # [kind, prefix, [body parts], last line]
    for raw in block:
        heading = _MD_HEADING.match(raw)
        item = _ITEM.match(raw)
        if heading:
            units.append(["heading", heading.group(1), [raw[heading.end() :]], raw])
        elif item:
            units.append(["item", item.group(1), [raw[item.end() :]], raw])
        elif units and _continues(units[-1], raw, width):
            units[-1][2].append(raw.strip())
            units[-1][3] = raw
        else:
            units.append(["prose", "", [raw.strip()], raw])
    for unit in units:
        if unit[0] == "prose" and len(unit[2]) == 1 and _heading_like(unit[3], 2 * _HEADING_MAX):
            unit[0] = "heading"
    return [(kind, prefix, " ".join(parts)) for kind, prefix, parts, _ in units]


def _continues(unit: list, raw: str, width: int) -> bool:
    kind, _, _, last = unit
    if kind == "heading" or _heading_like(last, width):
        return False
    if kind == "item":
        return raw[:1].isspace() or len(last.strip()) >= 0.6 * width
    return True


def _heading_like(line: str, width: int) -> bool:
    stripped = line.strip()
    return stripped[-1] not in _TERMINAL and len(stripped) < 0.6 * width


def _to_line(kind: str, prefix: str, body: str) -> Line:
    body = _SPACES.sub(" ", body).strip()
    if not any(ch.isalpha() for ch in body):
        return Line("verbatim", prefix + body, ())
    return Line(kind, prefix, tuple(split_sentences(body)))
