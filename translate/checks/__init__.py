"""Checks on every translated sentence: pure functions over one :class:`Sentence`, each
producing findings of its own kinds. A new check is one function plus its entry in
:data:`CHECKS` (and its kind in :data:`translate.findings.KINDS`); its findings reach the
sidecar, the review page (by sentence index), the run table and the JSON report untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from translate.findings import Finding


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article and its translation.

    Args:
        index: its place in the article's sentences (from 0).
        source: the Dutch sentence.
        translation: the English, as the model gave it.
        score: the model's mean log-probability per token (``None``: the engine gives none).
    """

    index: int
    source: str
    translation: str
    score: float | None = None


Check = Callable[[Sentence], Iterable[Finding]]

# The checks every translated article goes through, in order
CHECKS: tuple[Check, ...] = ()


def run_checks(sentences: Iterable[Sentence], checks: Sequence[Check]) -> list[Finding]:
    """Every check over every sentence; each finding is tied to its sentence's index."""
    return [
        replace(finding, sentence=sentence.index)
        for sentence in sentences
        for check in checks
        for finding in check(sentence)
    ]
