"""Checks on every translated sentence: pure functions over one :class:`Sentence`, each
producing findings of its own kind. A new check is one function (in a module here) plus its
entry in :data:`CHECKS` (and its kind in :data:`translate.findings.KINDS`); its findings
reach the sidecar, the review page (by sentence index), the run table and the JSON report
untouched.

``confidence`` is not among them: it judges a sentence against the others of its run, so it
runs over a whole window (:func:`translate.checks.confidence.confidence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from translate.checks.base import Check, Sentence
from translate.checks.length import length
from translate.checks.names import article_names, names
from translate.checks.negation import negation
from translate.checks.numbers import numbers
from translate.checks.repetition import repetition
from translate.checks.untranslated import untranslated
from translate.findings import Finding

__all__ = ["CHECKS", "Check", "Sentence", "check_pairs", "run_checks"]

# The checks every translated sentence goes through, in order
CHECKS: tuple[Check, ...] = (numbers, names, negation, length, repetition, untranslated)


def run_checks(sentences: Iterable[Sentence], checks: Sequence[Check]) -> list[Finding]:
    """Every check over every sentence (of one article); each finding is tied to its
    sentence's index. Each sentence knows the words the article writes as names."""
    sentences = list(sentences)
    named = article_names([s.source for s in sentences])
    return [
        replace(finding, sentence=sentence.index)
        for sentence in sentences
        for check in checks
        for finding in check(replace(sentence, named=named | sentence.named))
    ]


def check_pairs(
    pairs: Sequence[tuple[str, str]], scores: Sequence[float | None] | None = None
) -> list[list[Finding]]:
    """The checks over translations made elsewhere: per pair of (Dutch, English), its
    findings; with ``scores`` (the model's, one per pair) also ``confidence``, judged
    against all the pairs given."""
    from translate.checks.confidence import confidence, floor

    judged = floor(scores) if scores is not None else None
    named = article_names([source for source, _ in pairs])  # the pairs are one text's
    out = []
    for i, (source, translation) in enumerate(pairs):
        score = scores[i] if scores is not None else None
        found = run_checks([Sentence(i, source, translation, score, named)], CHECKS)
        low = confidence(score, judged)
        out.append(found + ([replace(low, sentence=i)] if low is not None else []))
    return out
