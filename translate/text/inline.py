"""Placing inline markup in a translation: which span of the English renders each inline
element's Dutch words.

A unit (a paragraph, a heading, a cell) is plain text for the model plus its inline
elements: :class:`Mark` for an element around words (a link, emphasis, a Word run with its
own formatting), nested as in the source, and :class:`Anchor` for one without words (an
image, a comment, a footnote reference, a field). :func:`place` finds each mark's span in
the translation, in order of preference:

1. the element's own words, when the translation holds them exactly once (names, numbers,
   anything the model copies);
2. the element's words translated alone (the caller decodes them as rows of their own),
   found fuzzily among the translation's words (rapidfuzz, at least :data:`NEAR` alike);
3. otherwise, by position: the words at the same relative place of the same sentence.

A mark with attributes (a link's ``href``, a ``class``, a Word hyperlink) is always kept,
placed by position when nothing better is found; one without (plain emphasis) is left out
then, and the caller reports it. Children are placed inside their parent's span, siblings
never overlap (a span that would cross an earlier sibling's is cut back, and counted), and
anchors go to the same relative place of their sentence, or stay beside the mark they
touched in the source. Pure: no model, no markup library.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from translate.text.marks import Anchor, Mark, flat

_WORD = re.compile(r"\S+")
_DUTCH_ARTICLES = {"de", "het", "een", "'t", "’t"}
_DUTCH_ORDINAL = re.compile(r"(\d+)(e|ste|de)")
_ENGLISH_ARTICLES = {"the", "a", "an"}
# How close the words of an element translated alone must be to a span of the sentence's
# translation to take that span (rapidfuzz ratio, 0-100); short words must be closer (one
# letter changes a short word's ratio a lot)
NEAR, NEAR_SHORT, SHORT = 60, 80, 12


@dataclass
class Placed:
    """Where the marks and anchors go in the translation: each placed mark's span, each
    anchor's offset; the marks left out, those placed by position only, and how many
    spans had to be cut back to keep nesting and order."""

    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    anchors: dict[int, int] = field(default_factory=dict)
    dropped: list[int] = field(default_factory=list)
    approximate: list[int] = field(default_factory=list)
    crossed: int = 0


def place(
    source: str,
    target: str,
    marks: Sequence[Mark],
    anchors: Sequence[Anchor] = (),
    alone: Mapping[int, str] | None = None,
    segments: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> Placed:
    """Places ``marks`` and ``anchors`` of ``source`` in its translation ``target``.

    Args:
        alone: per mark key, its words translated on their own, where the caller has them.
        segments: pairs of ``(source span, target span)`` that translate each other (the
            sentences or lines), so a position fallback stays in its sentence; the whole
            texts by default.
    """
    placed = Placed()
    pairs = list(segments) or [((0, len(source)), (0, len(target)))]
    _place_level(source, target, marks, (0, len(target)), alone or {}, pairs, placed)
    for anchor in anchors:
        placed.anchors[anchor.key] = _anchor(source, target, anchor, marks, placed, pairs)
    return placed


def _place_level(source, target, marks, bounds, alone, pairs, placed: Placed, taken=None) -> None:
    """Places ``marks`` (siblings) inside ``bounds``, then each one's children inside its
    span; ``taken``: the spans of siblings placed already."""
    taken = [] if taken is None else taken
    for mark in sorted(marks, key=lambda m: m.start):
        # Its words, then its words translated alone, then (for a mark that must stay) its
        # position: the first of them clear of the siblings placed before it
        found = _find(source, target, mark, bounds, alone)
        tried = [(found, True)] if found is not None else []
        if mark.keep:
            tried.append((_position(source, target, mark.start, mark.end, pairs, bounds), False))
        span = exact = None
        for candidate, by_words in tried:
            clear = _clear(candidate, taken, bounds, target)
            if clear is not None and not clear[2]:
                span, exact = clear[:2], by_words
                break
        if span is None and mark.keep:  # cut back beside its siblings, else the nearest free
            clear = _clear(tried[-1][0], taken, bounds, target)  # word, else empty at the end
            span = clear[:2] if clear is not None and clear[1] > clear[0] else None
            span = span or _free_word(target, taken, bounds, tried[-1][0][0])
            span, exact = span or (bounds[1], bounds[1]), False
            placed.crossed += 1
        if span is None:  # left out: what it holds is placed among its siblings (a link
            placed.dropped.append(mark.key)  # inside plain emphasis is not lost with it)
            _place_level(source, target, mark.children, bounds, alone, pairs, placed, taken)
            continue
        if not exact:
            placed.approximate.append(mark.key)
        placed.spans[mark.key] = span
        taken.append(span)
        _place_level(source, target, mark.children, span, alone, pairs, placed)


def _find(source, target, mark, bounds, alone) -> tuple[int, int] | None:
    """The mark's span by its own words or by its words translated alone (``None`` when
    neither is in the translation)."""
    lo, hi = bounds
    words = " ".join(source[mark.start : mark.end].split())
    inside = _in_word(source, target, mark, bounds)
    if inside is not None:
        return inside
    if words:
        for flags in (0, re.IGNORECASE):  # as written, else in another case ("Grote")
            hits = [m.span() for m in _whole(words, flags).finditer(target, lo, hi)]
            if len(hits) == 1:
                return hits[0]
    translated = " ".join((alone.get(mark.key) or "").split())
    if not translated:
        return None
    span = _fuzzy(translated, target, bounds)
    if span is not None and words and words.split()[0].lower() not in _DUTCH_ARTICLES:
        # Translated alone, a phrase gains an article its Dutch words did not have
        # ("volledige verslag" -> "the complete report"): the element leaves it outside
        first = _WORD.match(target, span[0])
        if first and first.group().lower() in _ENGLISH_ARTICLES and first.end() < span[1]:
            span = (first.end() + 1, span[1])
    return span


def _in_word(source, target, mark, bounds) -> tuple[int, int] | None:
    """For a mark that starts or ends inside a word (``H<sub>2</sub>O``, ``m<sup>2</sup>``,
    ``20<sup>e</sup>``, a Word run split in a word) or an anchor inside one (an empty
    mark): the same letters where the translation holds its words, whole, once; or the
    English suffix of an ordinal whose Dutch suffix it marks ("20th" for ``20e``)."""
    start, end = mark.start, mark.end
    while start > 0 and source[start - 1].isalnum():
        start -= 1
    while end < len(source) and source[end].isalnum():
        end += 1
    if mark.start == mark.end:  # an anchor: only strictly inside a word
        if not start < mark.start < end:
            return None
    elif (start, end) == (mark.start, mark.end) or not source[mark.start : mark.end].strip():
        return None  # whole words
    word, lo, hi = " ".join(source[start:end].split()), *bounds
    for flags in (0, re.IGNORECASE):
        hits = [m.span() for m in _whole(word, flags).finditer(target, lo, hi)]
        if len(hits) == 1:  # the same letters: the parts of words outside it are as long
            return (hits[0][0] + mark.start - start, hits[0][1] - (end - mark.end))
    ordinal = _DUTCH_ORDINAL.fullmatch(word)
    if ordinal and mark.start - start == len(ordinal.group(1)) and mark.end == end:
        english = re.compile(rf"(?<!\w){ordinal.group(1)}(st|nd|rd|th)(?!\w)", re.IGNORECASE)
        hits = list(english.finditer(target, lo, hi))
        if len(hits) == 1:
            return hits[0].span(1)
    return None


def _whole(words: str, flags: int = 0) -> re.Pattern:
    start = r"(?<!\w)" if words[:1].isalnum() else ""
    end = r"(?!\w)" if words[-1:].isalnum() else ""
    return re.compile(start + r"\s+".join(map(re.escape, words.split(" "))) + end, flags)


def _fuzzy(words: str, target: str, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """The run of the target's words (within ``bounds``) most like ``words``."""
    lo, hi = bounds
    tokens = [(m.start() + lo, m.end() + lo) for m in _WORD.finditer(target[lo:hi])]
    size = len(words.split())
    wanted = _bare(words)
    best, best_span = 0.0, None
    for n in range(max(1, size - 2), size + 3):
        for i in range(len(tokens) - n + 1):
            start, end = tokens[i][0], tokens[i + n - 1][1]
            score = fuzz.ratio(wanted, _bare(target[start:end]))
            if score > best:
                best, best_span = score, (start, end)
    if best_span is None or best < (NEAR if len(wanted) >= SHORT else NEAR_SHORT):
        return None
    start, end = best_span
    while end > start and not target[end - 1].isalnum() and target[end - 1] not in ")]\"'”’":
        end -= 1  # the sentence's own punctuation stays outside the element
    return (start, end) if end > start else best_span


def _bare(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _position(source, target, start, end, pairs, bounds) -> tuple[int, int]:
    """The target words at the same relative place of the same sentence as source
    ``start:end`` (at least one word), inside ``bounds``."""
    (s_lo, s_hi), (t_lo, t_hi) = _pair(pairs, start)
    s_words = [m.span() for m in _WORD.finditer(source, s_lo, s_hi)] or [(s_lo, s_hi)]
    t_lo, t_hi = max(t_lo, bounds[0]), min(t_hi, bounds[1])
    t_words = [m.span() for m in _WORD.finditer(target, t_lo, t_hi)]
    if not t_words:
        return (t_lo, t_lo)
    first = sum(1 for a, _ in s_words if a < start)
    last = max(first + 1, sum(1 for a, _ in s_words if a < end))
    scale = len(t_words) / len(s_words)
    a = min(len(t_words) - 1, int(first * scale))
    b = max(a + 1, min(len(t_words), round(last * scale)))
    return (t_words[a][0], t_words[b - 1][1])


def _free_word(target, taken, bounds, near) -> tuple[int, int] | None:
    """The word within ``bounds`` that no sibling holds, nearest to ``near``."""
    words = [m.span() for m in _WORD.finditer(target, *bounds)]
    free = [(a, b) for a, b in words if all(b <= x or a >= y for x, y in taken)]
    return min(free, key=lambda span: abs(span[0] - near)) if free else None


def _pair(pairs, offset):
    for pair in pairs:
        if pair[0][0] <= offset <= pair[0][1]:
            return pair
    return pairs[-1]


def _clear(span, taken, bounds, target):
    """``span`` inside ``bounds`` and clear of the siblings placed before it, with whether
    it had to be cut; ``None`` when nothing is left."""
    start, end = max(span[0], bounds[0]), min(span[1], bounds[1])
    cut = (start, end) != tuple(span)
    for a, b in sorted(taken):
        if start < b and a < end:  # overlaps this sibling: keep the part after (or before) it
            if end > b:
                start = b
            else:
                end = a
            cut = True
    while start < end and target[start].isspace():
        start += 1
    while end > start and target[end - 1].isspace():
        end -= 1
    if end <= start and span[1] > span[0]:
        return None
    return (start, end, cut)


def _anchor(source, target, anchor, marks, placed: Placed, pairs) -> int:
    """Beside the mark it touches in the source (after it, or before it); at its line's
    start or end where it is there; beside the word it is glued to where the translation
    holds that word once; else at the same relative place of its line, on a word
    boundary."""
    for mark in flat(marks):
        span = placed.spans.get(mark.key)
        if span is None:
            continue
        if anchor.offset == mark.end:
            return span[1]
        if anchor.offset == mark.start:
            return span[0]
    (s_lo, s_hi), (t_lo, t_hi) = _pair(pairs, anchor.offset)
    inside = _in_word(source, target, Mark(-1, anchor.offset, anchor.offset), (t_lo, t_hi))
    if inside is not None:  # inside a word ("H<sub>2</sub>O" of Markdown's inline HTML)
        return inside[0]
    s_words = [m.start() for m in _WORD.finditer(source, s_lo, s_hi)]
    t_words = [m.span() for m in _WORD.finditer(target, t_lo, t_hi)]
    if not s_words or not t_words:
        return t_lo if anchor.offset <= s_lo else t_hi
    before = sum(1 for a in s_words if a < anchor.offset)
    if before == 0:
        return t_words[0][0]
    tail = source[anchor.offset : s_hi].strip()  # ... or before its closing punctuation
    if not any(c.isalnum() for c in tail):
        end = t_words[-1][1]
        return end - len(tail) if tail and target[end - len(tail) : end] == tail else end
    # Glued to a word inside its line ("2023" of "2023[1]", "rivier" of "{\\i1}rivier"):
    # beside that word, where the translation holds it once (a name, a number)
    after = re.search(r"(?<!\S)\S*\w\Z", source[s_lo : anchor.offset])
    following = re.match(r"\w\S*(?!\S)", source[anchor.offset : s_hi])
    for glued, side in ((after, 1), (following, 0)) if not anchor.padded else ():
        if glued:
            hits = list(_whole(glued.group()).finditer(target, t_lo, t_hi))
            if len(hits) == 1:
                return hits[0].span()[side]
    k = min(len(t_words) - 1, max(1, round(before * len(t_words) / len(s_words))))
    offset = t_words[k - 1][1]
    if source[anchor.offset - 1 : anchor.offset].isspace() and target[offset : offset + 1] == " ":
        offset += 1  # the space before it, as in the source
    return offset
