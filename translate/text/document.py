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
_FENCE = re.compile(r"^\s*(```|~~~)")
_TERMINAL = ".!?:;…,\"'”’)»"
_HEADING_MAX = 100
_LINK = re.compile(r"\]\(([^()\s]+)\)")
_MARK = "\u2063"  # invisible separator: marks where a link target was taken out
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Line:
    """One output line: ``prefix`` (markup kept as is) followed by translatable sentences.

    ``kind`` is ``heading``, ``item``, ``prose`` or ``verbatim`` (kept untranslated).
    """

    kind: str
    prefix: str
    sentences: tuple[str, ...]
    links: tuple[tuple[str, ...], ...] = ()

    def render(self) -> str:
        if not self.links:
            return self.prefix + " ".join(self.sentences)
        return self.prefix + " ".join(
            _restore_links(s, urls) for s, urls in zip(self.sentences, self.links, strict=True)
        )


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


def parse(text: str, markdown: bool = False) -> Document:
    """Splits decoded text into paragraphs (blank-line separated), lines and sentences.

    Headings, list items and markdown markup keep their own lines; hard-wrapped prose lines
    are joined before sentence splitting. With ``markdown`` fenced code blocks are kept
    verbatim.
    """
    paragraphs = []
    for block in _blocks(text, markdown):
        lines = tuple(_to_line(kind, prefix, body, markdown) for kind, prefix, body in block)
        if lines:
            paragraphs.append(lines)
    return Document(tuple(paragraphs))


def _blocks(text: str, markdown: bool) -> Iterator[list[tuple[str, str, str]]]:
    raw_lines = [line.rstrip() for line in text.split("\n")]
    block: list[str] = []
    in_fence = False
    fence: list[str] = []
    for raw in raw_lines:
        if markdown and _FENCE.match(raw):
            if in_fence:
                fence.append(raw)
                yield [("verbatim", line, "") for line in fence]
                fence, in_fence = [], False
            else:
                if block:
                    yield _units(block)
                    block = []
                in_fence, fence = True, [raw]
            continue
        if in_fence:
            fence.append(raw)
        elif raw.strip():
            block.append(raw)
        elif block:
            yield _units(block)
            block = []
    if fence:
        yield [("verbatim", line, "") for line in fence]
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


def _to_line(kind: str, prefix: str, body: str, markdown: bool) -> Line:
    body = _SPACES.sub(" ", body).strip()
    if kind == "verbatim" or not any(ch.isalpha() for ch in body):
        return Line("verbatim", prefix + body, ())
    if not (markdown and _LINK.search(body)):
        return Line(kind, prefix, tuple(split_sentences(body)))
    # Link targets never reach the model: "[tekst](url)" is sent as "[tekst]" and the URL
    # is put back after the matching "]" of the translation.
    urls = iter(_LINK.findall(body))
    sentences, links = [], []
    for sentence in split_sentences(_LINK.sub("]" + _MARK, body)):
        links.append(tuple(next(urls) for _ in range(sentence.count(_MARK))))
        sentences.append(sentence.replace(_MARK, ""))
    return Line(kind, prefix, tuple(sentences), tuple(links))


def _restore_links(sentence: str, urls: tuple[str, ...]) -> str:
    if not urls:
        return sentence
    parts = sentence.split("]")
    if len(parts) - 1 != len(urls):  # the model moved or dropped brackets: keep every URL
        return sentence + "".join(f" ({url})" for url in urls)
    out = parts[0]
    for url, part in zip(urls, parts[1:], strict=True):
        out += f"]({url}){part}"
    return out
