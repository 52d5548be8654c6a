"""Subtitles: SRT (``srt``) and WebVTT (``webvtt-py``) in, the same kind out.

Cue numbers, timings, cue settings and every block that is not a cue (``NOTE``, ``STYLE``,
``REGION``) are kept byte for byte: only cue text is replaced. A sentence that runs over
several cues is translated whole, and its translation shared back over those cues in
proportion to their length, at word boundaries, never leaving a cue empty. A speaker's dash
(``- ``) or label (``JAN:``) and styling tags around a line (``<i>...</i>``) stay where they
were; tags inside a line are dropped (and counted).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from translate.errors import DocumentError, first_line
from translate.findings import Finding
from translate.formats.base import Format, Written
from translate.text.document import Document, Line
from translate.text.sentences import split_sentences

_TIMING = re.compile(r"-->")
_SPEAKER = re.compile(r"^(\s*(?:-\s*|[A-ZÀ-Þ][A-ZÀ-Þ .'-]{0,30}:\s+))(?=\S)")
_WRAP = re.compile(r"^((?:<[a-z][^>]*>)+)(.*?)((?:</[a-z]+>)+)$", re.DOTALL)
_TAG = re.compile(r"</?[a-z][^>]*>|\{\\[^}]*\}")
_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass
class _Piece:
    """One line of a cue: where it is, its kept prefix and wrapping tags, its text."""

    cue: int
    prefix: str
    opening: str
    closing: str
    text: str


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
        dropped = 0
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
                dropped += len(_TAG.findall(inner))
                pieces.append(
                    _Piece(c, prefix, opening, closing, " ".join(_TAG.sub("", inner).split()))
                )
        self._pieces = pieces
        # A sentence runs on from one cue to the next until it ends; a speaker starts anew
        self._groups: list[list[int]] = []
        for i, piece in enumerate(pieces):
            starts = not self._groups or piece.prefix or _END.search(pieces[i - 1].text or ".")
            if starts:
                self._groups.append([i])
            else:
                self._groups[-1].append(i)
        self.document = Document(
            tuple(
                (Line("cue", "", tuple(split_sentences(" ".join(pieces[i].text for i in group)))),)
                for group in self._groups
                if any(pieces[i].text for i in group)
            )
        )
        self._translated = [g for g in self._groups if any(pieces[i].text for i in g)]
        self.findings: tuple[Finding, ...] = ()
        if dropped:
            message = f"{dropped} styling tags inside subtitle lines were left out"
            self.findings = (Finding("markup", message, data={"dropped": dropped}),)

    def write(self, english: Document) -> Written:
        """The file with every cue's text translated, everything else as it was."""
        texts = [line.render() for paragraph in english.paragraphs for line in paragraph]
        if len(texts) != len(self._translated):
            raise ValueError(f"expected {len(self._translated)} translations, got {len(texts)}")
        lines: dict[int, str] = {}
        for group, text in zip(self._translated, texts, strict=True):
            shares = _share(text, [len(self._pieces[i].text) for i in group])
            for i, share in zip(group, shares, strict=True):
                piece = self._pieces[i]
                lines[i] = f"{piece.prefix}{piece.opening}{share}{piece.closing}"
        by_cue: dict[int, list[str]] = {}
        for i, piece in enumerate(self._pieces):
            by_cue.setdefault(piece.cue, []).append(lines.get(i, piece.prefix + piece.text))
        blocks = [list(block) for block in self._blocks]
        for c, (b, first) in enumerate(self._cues):
            blocks[b] = blocks[b][:first] + by_cue.get(c, [])
        return Written("\n\n".join("\n".join(block) for block in blocks) + "\n")


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
