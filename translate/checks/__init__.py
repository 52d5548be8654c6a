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
from translate.checks.names import names
from translate.checks.numbers import numbers
from translate.checks.repetition import repetition
from translate.checks.untranslated import untranslated
from translate.findings import Finding

__all__ = ["CHECKS", "Check", "Sentence", "run_checks"]

# The checks every translated sentence goes through, in order
CHECKS: tuple[Check, ...] = (numbers, names, length, repetition, untranslated)


def run_checks(sentences: Iterable[Sentence], checks: Sequence[Check]) -> list[Finding]:
    """Every check over every sentence; each finding is tied to its sentence's index."""
    return [
        replace(finding, sentence=sentence.index)
        for sentence in sentences
        for check in checks
        for finding in check(sentence)
    ]
