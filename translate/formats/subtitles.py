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
(``{\\i1}``, a WebVTT timestamp) goes to the same relative place. A cue's only line that
the translation makes longer than 42 characters (where its source line was not) is wrapped
in two near its middle, outside any tag if it can be; the two lines of a cue are shared
again, balanced, where one grows over the limit and both then fit; a line left over the
limit is a ``subtitle_lines`` finding, and a cue that reads faster than 20 characters a
second where its source did not a ``subtitle_speed`` finding (``subtitle_reading.py``). A
WebVTT header's ``Language: nl`` becomes ``Language: en``; WebVTT's character references
(``&amp;``, ``&lt;``, ``&nbsp;``) reach the model as the characters they stand for, and
``&``, ``<`` and ``>`` in the translation are written as references again.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from translate.errors import DocumentError, first_line
from translate.findings import Finding
from translate.formats.base import Format, Written, placement_findings
from translate.formats.subtitle_reading import (
    LINE_LIMIT,
    SPEED_LIMIT,
    cue_seconds,
    rebalanced,
    too_fast,
)
from translate.formats.subtitle_tags import TAG, Tags, balanced, shifted
from translate.text.document import Document, Line
from translate.text.inline import place
from translate.text.marks import Anchor, Mark, flat
from translate.text.sentences import split_sentences

_TIMING = re.compile(r"-->")
_SPEAKER = re.compile(r"^(\s*(?:\{\\[^}]*\}\s*)*(?:-\s*|[A-ZÀ-Þ][A-ZÀ-Þ .'-]{0,30}:\s+)?)(?=\S)")
_WRAP = re.compile(r"^((?:<[a-z][^>]*>)+)(.*?)((?:</[a-z]+>)+)$", re.DOTALL)
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
        self._tags = Tags(entities=kind == "vtt")
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
                if wrap and TAG.search(inner) and not balanced(inner):
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
            marks += [shifted(m, at) for m in piece.marks]
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
        per_cue = Counter(piece.cue for piece in self._pieces)
        alone_in_cue = {cue: n == 1 for cue, n in per_cue.items()}
        long = 0  # lines still over the limit whose source line was not
        read: Counter = Counter()  # each cue's translated characters
        for group, text in zip(self._translated, texts, strict=True):
            text = " ".join(text.split())
            source, marks, anchors = self._group(group)
            given = {m.key: t for m, t in zip(flat(marks), spare, strict=False)}
            placed = place(source, text, marks, anchors, given)
            placements.append(placed)
            pieces = [self._pieces[i] for i in group]
            shares = rebalanced(
                _share(text, [len(p.text) for p in pieces]),
                [(p.cue, p.opening, p.closing) for p in pieces],
                [p.text for p in pieces],
            )
            at = 0  # where the next line's share starts in the text
            for i, share in zip(group, shares, strict=True):
                piece = self._pieces[i]
                start = text.find(share, at)
                if share == "…" or start < 0:
                    share = self._tags.escaped(share)
                    lines[i] = f"{piece.prefix}{piece.opening}{share}{piece.closing}"
                    continue
                at = start + len(share)
                read[piece.cue] += len(share)
                # A cue's only line grown past the limit becomes two, split near its middle
                wrap = alone_in_cue[piece.cue] and _long(share, piece)
                middle = _middle(share, start, placed.spans.values()) if wrap else -1
                parts = [(start, at)] if middle < 0 else [(start, start + middle)]
                parts += [(start + middle + 1, at)] if middle >= 0 else []
                rendered = [self._render(text, a, b, placed) for a, b in parts]
                lines[i] = "\n".join(
                    f"{piece.prefix if n == 0 else ''}{piece.opening}{r}{piece.closing}"
                    for n, r in enumerate(rendered)
                )
                shown = [html.unescape(TAG.sub("", r)) for r in rendered]
                long += sum(len(r) > LINE_LIMIT >= len(piece.text) for r in shown)
        by_cue: dict[int, list[str]] = {}
        for i, piece in enumerate(self._pieces):
            by_cue.setdefault(piece.cue, []).append(lines.get(i, piece.line))
        blocks = [list(block) for block in self._blocks]
        for c, (b, first) in enumerate(self._cues):
            blocks[b] = blocks[b][:first] + by_cue.get(c, [])
        if self.kind == "vtt":
            blocks[0] = [_LANGUAGE.sub(r"\1en", line) for line in blocks[0]]
        content = "\n\n".join("\n".join(block) for block in blocks) + "\n"
        findings = placement_findings(placements)
        if long:
            message = (
                f"{long} cue lines over {LINE_LIMIT} characters where the source's were not (cues "
                "of two lines are not wrapped to three): check them"
            )
            findings += (Finding("subtitle_lines", message, data={"lines": long}),)
        return Written(content, findings + self._speed(read))

    def _speed(self, read: Counter) -> tuple[Finding, ...]:
        """A ``subtitle_speed`` finding for the cues whose translation (``read``: each
        cue's characters) reads faster than the limit where the source did not."""
        source: Counter = Counter()
        for piece in self._pieces:
            source[piece.cue] += len(piece.text)
        fast = [
            c + 1
            for c, (b, first) in enumerate(self._cues)
            if too_fast(cue_seconds(self._blocks[b][first - 1]), source[c], read[c])
        ]
        if not fast:
            return ()
        shown = ", ".join(map(str, fast[:10])) + (", ..." if len(fast) > 10 else "")
        message = (
            f"{len(fast)} cues read faster than {SPEED_LIMIT} characters a second where the "
            f"source's did not (cues {shown}): check them"
        )
        return (Finding("subtitle_speed", message, data={"cues": fast}),)

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
            # at this line's end too: the next line starts after the space between them
            if start <= offset <= end:
                events.append((offset, 1, 0, key, tags.raw[key]))
        out, cursor = [], start
        for offset, _, _, _, tag in sorted(events):
            out.append(tags.escaped(text[cursor:offset]))
            out.append(tag)
            cursor = offset
        out.append(tags.escaped(text[cursor:end]))
        return "".join(out)


def _long(share: str, piece: _Piece) -> bool:
    """Whether a line's translation is over the limit where its source line was not (a
    subtitler who wrote long lines meant them)."""
    return len(share) > LINE_LIMIT >= len(piece.text)


def _middle(share: str, start: int, spans) -> int:
    """Where to wrap ``share`` (at ``start`` of the text): the space nearest its middle,
    outside the tags placed around words if there is one (``spans``), or -1."""
    spaces = [i for i, ch in enumerate(share) if ch == " "]
    outside = [i for i in spaces if not any(a < start + i < b for a, b in spans)]
    return min(outside or spaces, key=lambda i: abs(len(share) / 2 - i)) if spaces else -1


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
