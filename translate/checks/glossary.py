"""The glossary in the outputs: which terms each sentence holds and whether its translation
realizes them (a ``glossary`` finding where not), and the same terms in the summary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from translate.checks.base import Sentence
from translate.findings import Finding
from translate.glossary import Glossary, realized, terms_in

# How close a summary's words must be to a term to count as that term, altered
# (``the house of representative``): rapidfuzz's ratio, 0-100
NEAR = 85


def applied_terms(glossary: Glossary, sentences: Sequence[Sentence]) -> tuple[list, list]:
    """Every glossary term in the article's sentences, with whether the translation holds
    it, and a ``glossary`` finding per term it does not hold."""
    applied, findings = [], []
    for sentence in sentences:
        for term in terms_in(glossary, sentence.source):
            held = realized(term.english, sentence.translation)
            applied.append({"sentence": sentence.index, **term.to_json(), "realized": held})
            if not held:
                wanted = "kept as it is" if term.keep else f"as {term.english!r}"
                message = (
                    f"sentence {sentence.index + 1}: glossary term {term.dutch!r} (line "
                    f"{term.line}) is not in the translation {wanted}"
                )
                data = {"dutch": term.dutch, "english": term.english, "line": term.line}
                findings.append(Finding("glossary", message, sentence.index, data))
    return applied, findings


def summary_terms(terms: Sequence[str], summary: str) -> tuple[str, dict]:
    """The summary with the glossary's English terms (those the translation holds) kept
    where it mentions them: a near form (other case, a letter off, a word's ending) is
    put back to the term. Returns the summary and counts: ``terms`` the translation
    holds, ``kept`` in the summary as they are, ``restored`` from a near form."""
    kept = restored = 0
    for term in dict.fromkeys(terms):
        if realized(term, summary):
            kept += 1
            continue
        span = _near(term, summary)
        # an inflected form of the term is the term, used otherwise (city councils)
        if span is not None and not _inflected(term, summary[span[0] : span[1]]):
            summary = summary[: span[0]] + term + summary[span[1] :]
            restored += 1
    return summary, {"terms": len(dict.fromkeys(terms)), "kept": kept, "restored": restored}


def _inflected(term: str, words: str) -> bool:
    term, words = term.lower(), words.lower()
    return any(words == term + ending for ending in ("s", "es", "'s", "’s"))


def _near(term: str, text: str) -> tuple[int, int] | None:
    """The span of whole words of ``text`` closest to ``term`` when at least :data:`NEAR`
    alike and as many words long (give or take one), else ``None``."""
    words = list(re.finditer(r"\w+(?:[-'’]\w+)*", text))
    size = len(term.split())
    best, best_span = 0.0, None
    for n in {max(1, size - 1), size, size + 1}:
        for i in range(len(words) - n + 1):
            start, end = words[i].start(), words[i + n - 1].end()
            score = fuzz.ratio(term.lower(), text[start:end].lower())
            if score > best:
                best, best_span = score, (start, end)
    return best_span if best >= NEAR else None
