"""Cutting text to a model's input limit: never truncated, every character kept."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Encode = Callable[[Sequence[str]], list[list[int]]]


@dataclass(frozen=True)
class Fitted:
    """One text as rows a model can take: its pieces and their token ids (the text itself
    unless it was ``cut``), and the text's own token count."""

    pieces: tuple[str, ...]
    ids: tuple[list[int], ...]
    tokens: int
    cut: bool = False


def fit_to_limit(texts: Sequence[str], encode: Encode, limit: int) -> list[Fitted]:
    """Encodes ``texts`` and cuts any over ``limit`` tokens with :func:`split_to_fit`.

    Args:
        texts: sentences or other units, in order.
        encode: token ids per text, special tokens included (an engine's ``encode``).
        limit: most tokens per row.

    Returns:
        One :class:`Fitted` per text, in order; the pieces of a cut text are stripped, the
        empty ones dropped, and re-encoded.
    """

    def count(text: str) -> int:
        return len(encode([text.strip()])[0])

    fitted = []
    for text, ids in zip(texts, encode(list(texts)), strict=True):
        if len(ids) <= limit:
            fitted.append(Fitted((text,), (ids,), len(ids)))
            continue
        pieces = [p.strip() for p in split_to_fit(text, count, limit)]
        pieces = [p for p in pieces if p]
        fitted.append(Fitted(tuple(pieces), tuple(encode(pieces)), len(ids), cut=True))
    return fitted


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Cuts ``text`` into pieces of at most ``limit`` tokens; ``"".join(pieces) == text``.

    Cuts fall after clause punctuation (``;`` ``:``), then commas, then before dashes, then
    at any whitespace; a run without whitespace is cut into the longest prefixes that fit.
    No character is dropped.
    """
    if count_tokens(text) <= limit:
        return [text]
    for boundary in _CLAUSE_BOUNDARIES:
        cuts = [m.end() for m in boundary.finditer(text) if 0 < m.end() < len(text)]
        if cuts:
            parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
            return _pack(parts, count_tokens, limit)
    return _cut_run(text, count_tokens, limit)


_CLAUSE_BOUNDARIES = (
    re.compile(r"[;:]\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+(?=[-–—]\s)"),
    re.compile(r"\s+"),
)


def _pack(parts: list[str], count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Greedy: each piece is the longest run of whole parts, from where the last one ended,
    that fits. The run's end is found by doubling then bisecting, so a piece costs a few
    token counts, not one per part (a 2,000-word text without punctuation is 2,000 parts)."""
    pieces: list[str] = []
    start = 0
    while start < len(parts):

        def fits(end: int, start: int = start) -> bool:
            return count_tokens("".join(parts[start:end])) <= limit

        if not fits(start + 1):  # one part over the limit: cut it finer
            pieces.extend(split_to_fit(parts[start], count_tokens, limit))
            start += 1
            continue
        end = _longest(start + 1, len(parts), fits)
        pieces.append("".join(parts[start:end]))
        start = end
    return pieces


def _longest(good: int, most: int, fits: Callable[[int], bool]) -> int:
    """The largest ``n`` in ``good..most`` with ``fits(n)``, given ``fits(good)`` and that
    longer texts never hold fewer tokens."""
    step = 1
    while good < most:  # doubling: find an end that does not fit
        probe = min(most, good + step)
        if not fits(probe):
            most = probe - 1
            break
        good, step = probe, step * 2
    while good < most:  # bisect between the last end that fits and the first that does not
        middle = (good + most + 1) // 2
        if fits(middle):
            good = middle
        else:
            most = middle - 1
    return good


def _cut_run(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    pieces = []
    while text:
        end = _longest(1, len(text), lambda n, text=text: count_tokens(text[:n]) <= limit)
        pieces.append(text[:end])
        text = text[end:]
    return pieces
