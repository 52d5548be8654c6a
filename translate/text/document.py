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
_MARK = "\u2063"  # invisible separator: marks where a link target was taken out
# A reference definition ("[1]: https://example.org/ref"): kept as it is, never translated
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_REFERENCE_LINK = re.compile(r"\[[^\[\]\s][^\[\]]*\]")  # the "[label]" of "[text][label]"
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
    if markdown and _REFERENCE.match(prefix + body):
        return Line("verbatim", prefix + body, ())
    masked, targets = _hide_targets(body) if markdown else (body, [])
    if not targets:
        return Line(kind, prefix, tuple(split_sentences(body)))
    # Link targets never reach the model: "[tekst](url "titel")" is sent as "[tekst]" and
    # "(url "titel")" is put back after the matching "]" of the translation.
    remaining = iter(targets)
    sentences, links = [], []
    for sentence in split_sentences(masked):
        links.append(tuple(next(remaining) for _ in range(sentence.count(_MARK))))
        sentences.append(sentence.replace(_MARK, ""))
    return Line(kind, prefix, tuple(sentences), tuple(links))


def _hide_targets(body: str) -> tuple[str, list[str]]:
    """``body`` with the target of every inline link or image (``(url)``, ``(<url>)``,
    ``(url "title")``, parentheses inside the URL) and every reference label
    (``[label]`` of ``[text][label]``) after a ``]`` replaced by a mark, and the targets."""
    out, targets = [], []
    i = 0
    while True:
        close = body.find("]", i)
        if close < 0:
            out.append(body[i:])
            return "".join(out), targets
        end = _target_end(body, close + 1)
        out.append(body[i : close + 1])
        if end is None:
            i = close + 1
            continue
        out.append(_MARK)
        targets.append(body[close + 1 : end])
        i = end


def _target_end(text: str, start: int) -> int | None:
    """Where a link target starting at ``start`` (right after a ``]``) ends, or None when
    there is none: CommonMark's inline destination and title, or a reference label."""
    if start < len(text) and text[start] == "[":
        label = _REFERENCE_LINK.match(text, start)
        return label.end() if label else None
    if not text.startswith("(", start):
        return None
    i = _skip_spaces(text, start + 1)
    if i < len(text) and text[i] == "<":  # <destination with spaces>
        close = text.find(">", i + 1)
        if close < 0 or "<" in text[i + 1 : close]:
            return None
        i = close + 1
    else:  # a run without spaces, parentheses balanced, backslash escapes kept
        depth, begin = 0, i
        while i < len(text) and not text[i].isspace():
            if text[i] == "\\" and i + 1 < len(text):
                i += 2
                continue
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        if depth or i == begin and not text.startswith(")", i):
            return None
    gap = _skip_spaces(text, i)
    if gap > i and gap < len(text) and text[gap] in "\"'(":  # a title
        closing = {'"': '"', "'": "'", "(": ")"}[text[gap]]
        end = text.find(closing, gap + 1)
        if end < 0:
            return None
        i = end + 1
    i = _skip_spaces(text, i)
    return i + 1 if text.startswith(")", i) else None


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


def _restore_links(sentence: str, targets: tuple[str, ...]) -> str:
    if not targets:
        return sentence
    parts = sentence.split("]")
    if len(parts) - 1 != len(targets):  # the model moved or dropped brackets: keep them all
        return sentence + "".join(f" {target}" for target in targets)
    out = parts[0]
    for target, part in zip(targets, parts[1:], strict=True):
        out += f"]{target}{part}"
    return out
