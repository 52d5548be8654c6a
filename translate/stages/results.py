"""A translated document: the stage's result, and how it is put together from decoded rows
(pieces of one sentence joined, sentences a memory knew put in)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from translate.engines import Generated
from translate.findings import Finding
from translate.text.document import Document


@dataclass(frozen=True)
class TranslationResult:
    """One translated document.

    ``segments`` counts the rows sent to the model (a sentence over the input limit counts
    once per piece; a row that took an identical row's translation does not); ``findings``
    name sentences that were split (``split``), hit the length cap (``capped``) or were
    repaired (``repaired``); ``scores`` holds each sentence's mean log-probability per
    token (the mean over its pieces' tokens for a split sentence; ``None`` where the engine
    gives none); ``retries`` says, per sentence, whether a runaway decode was decoded again
    (``{"score": ..., "kept": ...}``) or not (``None``); ``duplicates`` counts the rows that
    took the translation of an identical row of the window instead of being decoded, and
    ``remembered`` the sentences a translation memory gave.
    """

    source: Document
    translation: Document
    segments: int
    findings: tuple[Finding, ...] = field(default=())
    scores: tuple[float | None, ...] = field(default=())
    retries: tuple[dict | None, ...] = field(default=())
    duplicates: int = 0
    remembered: int = 0


@dataclass(frozen=True)
class Given:
    """A sentence's translation that is not the model's (an English sentence kept as it
    is), in the shape of a memory's entry."""

    translation: str
    findings: tuple[dict, ...] = ()
    score: float | None = None
    retry: dict | None = None


def with_memory(result: TranslationResult, entries: dict, given: dict | None = None):
    """``result`` with the sentences the memory knew put in (and those ``given``): their
    translation, score, retry and findings (renumbered for their place in this article)."""
    remembered = len(entries)
    entries = {**entries, **(given or {})}
    if not entries:
        return result
    english = list(result.translation.sentences)
    scores = list(result.scores)
    retries = list(result.retries)
    findings = list(result.findings)
    for s, entry in entries.items():
        english[s], scores[s], retries[s] = entry.translation, entry.score, entry.retry
        for old in entry.findings:
            message = re.sub(r"^sentence \d+", f"sentence {s + 1}", old["message"])
            findings.append(Finding(old["kind"], message, s, dict(old.get("data") or {})))
    findings.sort(key=lambda f: (f.kind != "split", f.sentence if f.sentence is not None else -1))
    return replace(
        result,
        translation=result.source.with_sentences(english),
        scores=tuple(scores),
        retries=tuple(retries),
        findings=tuple(findings),
        remembered=remembered,
    )


def reassemble(
    documents: list[Document],
    owners: list[tuple[int, int]],
    outputs: list[Generated],
    findings: list[list[Finding]],
    retries: dict[int, tuple[Generated, bool]],
) -> list[TranslationResult]:
    """Each document with its sentences' pieces (rows owned by ``(document, sentence)``)
    joined and put back into its structure."""
    translated: list[list[list[Generated]]] = [[[] for _ in d.sentences] for d in documents]
    retried: list[list[dict | None]] = [[None for _ in d.sentences] for d in documents]
    for i, ((d, s), result) in enumerate(zip(owners, outputs, strict=True)):
        translated[d][s].append(result)
        if i in retries:
            retry, kept = retries[i]
            retried[d][s] = {"score": retry.score, "kept": kept}
    results = []
    for d, document in enumerate(documents):
        english = [" ".join(p.text for p in parts if p.text) for parts in translated[d]]
        results.append(
            TranslationResult(
                source=document,
                translation=document.with_sentences(english),
                segments=sum(1 for owner in owners if owner[0] == d),
                findings=tuple(findings[d]),
                scores=tuple(_mean_score(parts) for parts in translated[d]),
                retries=tuple(retried[d]),
            )
        )
    return results


def _mean_score(parts: list[Generated]) -> float | None:
    """A sentence's score: over all its pieces' tokens."""
    if not parts or any(p.score is None for p in parts):
        return None
    tokens = [max(1, p.tokens) for p in parts]
    return sum(p.score * n for p, n in zip(parts, tokens, strict=True)) / sum(tokens)
