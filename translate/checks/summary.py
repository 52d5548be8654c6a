"""``summary``: a number or a name in the summary that the translation does not hold
(summarizers invent them). Both texts are English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate.checks.folding import fold, has_word
from translate.checks.numbers import values
from translate.checks.time_words import DATE_WORDS
from translate.findings import Finding

_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*[\w]|(?<![\w'’])[A-Z](?![\w'’])")
# Capitalised words that are not names, wherever they stand
_COMMON = frozenset("I A The This That These Those It He She We They Mr Mrs Ms Dr".split())


def faithfulness(summary: str, translation: str) -> Iterator[Finding]:
    """Findings of kind ``summary`` for a summary of ``translation``."""
    extra = values(summary, "en") - values(translation, "en")
    if extra:
        shown = ", ".join(sorted(map(str, extra.elements())))
        message = f"summary: {shown} in the summary, not in the translation"
        yield Finding("summary", message, data={"numbers": sorted(map(str, extra))})
    folded = fold(translation)
    missing = []
    for match in _CAPITALISED.finditer(summary):
        word = match.group()
        if word in _COMMON or word in DATE_WORDS or _sentence_start(summary, match.start()):
            continue  # (a day or a month is a date: the numbers above)
        if not has_word(folded, fold(word)) and word not in missing:
            missing.append(word)
    if missing:
        message = f"summary: {', '.join(missing)} in the summary, not in the translation"
        yield Finding("summary", message, data={"names": missing})


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(«")
    return not before or before[-1] in ".!?:;"
