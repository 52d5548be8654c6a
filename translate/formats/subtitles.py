"""Subtitles: SRT (``srt``) and WebVTT (``webvtt-py``) in, the same kind out.

Cue numbers, timings, cue settings and every block that is not a cue (``NOTE``, ``STYLE``,
``REGION``) are kept byte for byte: only cue text is replaced. A sentence that runs over
several cues is translated whole, and its translation shared back over those cues in
proportion to their length, at word boundaries, never leaving a cue empty. A speaker's dash
(``- ``) or label (``JAN:``), positioning overrides at a line's start (``{\\an8}``) and
styling tags around a line (``<i>...</i>``) stay where they were. Tags inside a line
(``<i>``, ``<b>``, ``<font>``, WebVTT's ``<c.x>``) are put back around the words that render
theirs (:func:`translate.text.inline.place`, each tag's words also translated alone, as for
HTML), cut at a cue's edge when the words they cover end up in two cues; a tag without words
(``{\\i1}``, a WebVTT timestamp) goes to the same relative place. A WebVTT header's
``Language: nl`` becomes ``Language: en``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from translate.errors import DocumentError, first_line
from translate.findings import Finding
from translate.formats.base import Format, Written, placement_findings
from translate.text.document import Document, Line
from translate.text.inline import place
from translate.text.marks import Anchor, Mark, flat
from translate.text.sentences import split_sentences

_TIMING = re.compile(r"-->")
_SPEAKER = re.compile(r"^(\s*(?:\{\\[^}]*\}\s*)*(?:-\s*|[A-ZÀ-Þ][A-ZÀ-Þ .'-]{0,30}:\s+)?)(?=\S)")
_WRAP = re.compile(r"^((?:<[a-z][^>]*>)+)(.*?)((?:</[a-z]+>)+)$", re.DOTALL)
# A tag inside a line: an opening or closing tag, an override ({\i1}), a WebVTT timestamp
_TAG = re.compile(r"</?[a-z][^>]*>|\{\\[^}]*\}|<\d[\d:.]*>")
_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_LANGUAGE = re.compile(r"^(Language:\s*)nl\b", re.IGNORECASE)


@dataclass
class _Piece:
    """One line of a cue: where it is, its kept prefix and wrapping tags, its text, and the
    tags inside it (marks around words and anchors, with the line's own offsets)."""

    cue: int
    prefix: str
    opening: str
    closing: str
    text: str
    line: str
    marks: list[Mark]
    anchors: list[Anchor]


class _Tags:
    """The inline tags of a file: each one's key, and how it is written back."""

    def __init__(self):
        self.opens: dict[int, str] = {}
        self.closes: dict[int, str] = {}
        self.raw: dict[int, str] = {}
        self._keys = itertools.count()

    def read(self, body: str) -> tuple[str, list[Mark], list[Anchor]]:
        """A line's text with whitespace collapsed, its tags around words as marks (nested
        as written) and the others as anchors; a tag never closed, or closed without being
        opened, is an anchor."""
        text: list[str] = []
        size = 0
        stack: list[tuple[int, int, str, list[Mark]]] = []  # key, start, name, children
        top: list[Mark] = []
        anchors: list[Anchor] = []
        position = 0
        for match in [*_TAG.finditer(body), None]:
            chunk = body[position : match.start() if match else len(body)]
            for ch in chunk:
                if not ch.isspace():
                    text.append(ch)
                    size += 1
                elif size and text[-1] != " ":
                    text.append(" ")
                    size += 1
            if match is None:
                break
            position = match.end()
            tag = match.group()
            name = re.match(r"</?([a-z][\w]*)", tag)
            key = next(self._keys)
            if name and not tag.startswith("</") and not tag.endswith("/>"):
                stack.append((key, size, name.group(1), []))
                self.opens[key] = tag
                continue
            if name and tag.startswith("</") and stack and stack[-1][2] == name.group(1):
                opened, start, _, children = stack.pop()
                self.closes[opened] = tag
                mark = Mark(opened, start, size, keep=True, children=tuple(children))
                (stack[-1][3] if stack else top).append(mark)
                continue
            self.raw[key] = tag
            anchors.append(Anchor(key, size))
        for opened, start, _, children in stack:  # never closed: kept where it was opened
            self.raw[opened] = self.opens.pop(opened)
            anchors.append(Anchor(opened, start))
            top.extend(children)
        end = size - 1 if text and text[-1] == " " else size
        return (
            "".join(text[:end]),
            [_clip(m, end) for m in top],
            [Anchor(a.key, min(a.offset, end)) for a in anchors],
        )


def _clip(mark: Mark, end: int) -> Mark:
    children = tuple(_clip(c, end) for c in mark.children)
    return Mark(mark.key, min(mark.start, end), min(mark.end, end), mark.keep, children)


def _shifted(mark: Mark, by: int) -> Mark:
    children = tuple(_shifted(c, by) for c in mark.children)
    return Mark(mark.key, mark.start + by, mark.end + by, mark.keep, children)


class SubtitleLayout:
    """A parsed ``.srt`` or ``.vtt`` (see the module docstring).

    Args:
        text: the decoded file.
        name: how messages name the file.
        kind: ``srt`` or ``vtt``.
    """

    def __init__(self, text: str, name: str, kind: str):
        self.name, self.kind = name, kind
        _validate(text, name, kind)
        # Blocks split on blank lines; a cue's header (number, timing) is kept as it is
        self._blocks: list[list[str]] = [
            b.split("\n") for b in re.split(r"\n{2,}", text.strip("\n"))
        ]
        self._cues: list[tuple[int, int]] = []  # (block, first text line) of each cue
        for b, lines in enumerate(self._blocks):
            timing = next((i for i, line in enumerate(lines[:3]) if _TIMING.search(line)), None)
            if timing is not None and not lines[0].startswith(("NOTE", "STYLE", "REGION")):
                self._cues.append((b, timing + 1))
        pieces: list[_Piece] = []
        self._tags = _Tags()
        for c, (b, first) in enumerate(self._cues):
            for line in self._blocks[b][first:]:
                if not line.strip():
                    continue
                speaker = _SPEAKER.match(line)
                prefix = speaker.group(1) if speaker else ""
                body = line[len(prefix) :]
                wrap = _WRAP.match(body)
                opening, closing = (wrap.group(1), wrap.group(3)) if wrap else ("", "")
                inner = wrap.group(2) if wrap else body
                if wrap and _TAG.search(inner) and not _balanced(inner):
                    opening, closing, inner = "", "", body  # "<i>a</i> b <i>c</i>": inside
                text, marks, anchors = self._tags.read(inner)
                pieces.append(_Piece(c, prefix, opening, closing, text, line, marks, anchors))
        self._pieces = pieces
        # A sentence runs on from one cue to the next until it ends; a speaker starts anew
        self._groups: list[list[int]] = []
        last = None  # the last line with words
        for i, piece in enumerate(pieces):
            if not piece.text:
                continue  # a line without words (tags only): kept as it is
            if last is None or piece.prefix or _END.search(pieces[last].text):
                self._groups.append([i])
            else:
                self._groups[-1].append(i)
            last = i
        self.document = Document(
            tuple(
                (Line("cue", "", tuple(split_sentences(" ".join(pieces[i].text for i in group)))),)
                for group in self._groups
                if any(pieces[i].text for i in group)
            )
        )
        self._translated = [g for g in self._groups if any(pieces[i].text for i in g)]
        self.findings: tuple[Finding, ...] = ()

    def _group(self, group: list[int]) -> tuple[str, list[Mark], list[Anchor]]:
        """A group's text as the model sees it, with its lines' tags at its offsets."""
        text, marks, anchors = "", [], []
        for i in group:
            piece = self._pieces[i]
            at = len(text) + (1 if text else 0)
            text = f"{text} {piece.text}" if text else piece.text
            marks += [_shifted(m, at) for m in piece.marks]
            anchors += [Anchor(a.key, a.offset + at) for a in piece.anchors]
        return text, marks, anchors

    @property
    def inline_texts(self) -> list[str]:
        """The words of every tag around words, in order, to be translated alone."""
        texts = []
        for group in self._translated:
            text, marks, _ = self._group(group)
            texts += [" ".join(text[m.start : m.end].split()) for m in flat(marks)]
        return texts

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        """The file with every cue's text translated, everything else as it was; ``alone``:
        the :attr:`inline_texts` translated, where the caller has them."""
        texts = [line.render() for paragraph in english.paragraphs for line in paragraph]
        if len(texts) != len(self._translated):
            raise ValueError(f"expected {len(self._translated)} translations, got {len(texts)}")
        spare = iter(alone)
        lines: dict[int, str] = {}
        placements = []
        for group, text in zip(self._translated, texts, strict=True):
            text = " ".join(text.split())
            source, marks, anchors = self._group(group)
            given = {m.key: t for m, t in zip(flat(marks), spare, strict=False)}
            placed = place(source, text, marks, anchors, given)
            placements.append(placed)
            shares = _share(text, [len(self._pieces[i].text) for i in group])
            at = 0  # where the next line's share starts in the text
            for i, share in zip(group, shares, strict=True):
                piece = self._pieces[i]
                start = text.find(share, at)
                if share != "…" and start >= 0:
                    at = start + len(share)
                    share = self._render(text, start, at, placed)
                lines[i] = f"{piece.prefix}{piece.opening}{share}{piece.closing}"
        by_cue: dict[int, list[str]] = {}
        for i, piece in enumerate(self._pieces):
            by_cue.setdefault(piece.cue, []).append(lines.get(i, piece.line))
        blocks = [list(block) for block in self._blocks]
        for c, (b, first) in enumerate(self._cues):
            blocks[b] = blocks[b][:first] + by_cue.get(c, [])
        if self.kind == "vtt":
            blocks[0] = [_LANGUAGE.sub(r"\1en", line) for line in blocks[0]]
        content = "\n\n".join("\n".join(block) for block in blocks) + "\n"
        return Written(content, placement_findings(placements))

    def _render(self, text: str, start: int, end: int, placed) -> str:
        """``text[start:end]`` (one line's share) with the tags placed in it: a tag whose
        words run on into another line is closed at this line's end and opened again in the
        next; a tag without words goes to the line its place falls in."""
        tags = self._tags
        events = []
        last = end == len(text)

        def here(offset: int) -> bool:  # a point in this line (the text's end in the last)
            return start <= offset < end or (last and offset == end)

        for key, (a, b) in placed.spans.items():
            if a == b and not here(a):
                continue
            a, b = max(a, start), min(b, end)
            if a > b or (a == b and placed.spans[key][0] != placed.spans[key][1]):
                continue  # its words are all in other lines
            # at one offset: closes, anchors, opens; the outer tag (the lower key, opened
            # first) opens first and closes last
            events.append((a, 2, -b, key, tags.opens[key]))
            events.append((b, 0 if b > a else 3, -a, -key, tags.closes[key]))
        for key, offset in placed.anchors.items():
            if here(offset):
                events.append((offset, 1, 0, key, tags.raw[key]))
        out, cursor = [], start
        for offset, _, _, _, tag in sorted(events):
            out.append(text[cursor:offset])
            out.append(tag)
            cursor = offset
        out.append(text[cursor:end])
        return "".join(out)


def _balanced(inner: str) -> bool:
    """Whether the tags around a line wrap it whole: ``<i>a</i> b <i>c</i>`` is not wrapped,
    its inner text closes the first tag before opening another."""
    depth = 0
    for match in _TAG.finditer(inner):
        tag = match.group()
        if tag.startswith("</"):
            depth -= 1
            if depth < 0:
                return False
        elif re.match(r"<[a-z]", tag) and not tag.endswith("/>"):
            depth += 1
    return depth == 0


def _share(text: str, weights: Sequence[int]) -> list[str]:
    """``text`` cut at word boundaries into ``len(weights)`` parts whose lengths in
    characters follow the weights as closely as the words allow, none empty while there
    are words enough."""
    words = text.split()
    if len(weights) == 1:
        return [" ".join(words)]
    if len(words) <= len(weights):  # a word a cue, and a mark where the words ran out
        return words + ["…"] * (len(weights) - len(words))
    ends, length = [], 0  # the text's length after each word
    for word in words:
        length += len(word) + (1 if ends else 0)
        ends.append(length)
    total = sum(max(1, w) for w in weights)
    parts, start, used = [], 0, 0
    for k, weight in enumerate(weights):
        used += max(1, weight)
        left = len(weights) - k - 1
        if left == 0:
            end = len(words)
        else:
            target = length * used / total
            lowest, highest = start + 1, len(words) - left
            candidates = range(lowest, highest + 1) if lowest <= highest else [start]
            end = min(candidates, key=lambda j: abs(ends[j - 1] - target) if j else target)
        parts.append(" ".join(words[start:end]) if end > start else "…")
        start = max(start, end)
    return parts


def _validate(text: str, name: str, kind: str) -> None:
    """Refuses what the format's own parser refuses, with one line."""
    try:
        if kind == "srt":
            import srt

            cues = list(srt.parse(text))
        else:
            import webvtt

            cues = list(webvtt.from_string(text))
    except Exception as exc:  # both parsers raise their own error types
        raise DocumentError(
            f"{name}: not a readable {kind.upper()} file ({first_line(exc)})"
        ) from None
    if not cues:
        raise DocumentError(f"{name}: no subtitles in it")


def _parse_srt(text: str, name: str) -> SubtitleLayout:
    return SubtitleLayout(text, name, "srt")


def _parse_vtt(text: str, name: str) -> SubtitleLayout:
    return SubtitleLayout(text, name, "vtt")


SRT = Format("srt", (".srt",), _parse_srt, label="SRT")
VTT = Format("vtt", (".vtt",), _parse_vtt, label="WebVTT")
FORMATS = (SRT, VTT)
