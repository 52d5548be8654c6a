"""What a check receives: one sentence of an article with its translation."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from translate.findings import Finding


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article and its translation.

    Args:
        index: its place in the article's sentences (from 0).
        source: the Dutch sentence.
        translation: the English, as the model gave it.
        score: the model's mean log-probability per token (``None``: the engine gives none).
        named: the words its article writes capitalised inside a sentence (lower case): a
            name, even where it opens this one.
    """

    index: int
    source: str
    translation: str
    score: float | None = None
    named: frozenset[str] = frozenset()


Check = Callable[[Sentence], Iterable[Finding]]
