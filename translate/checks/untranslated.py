"""``untranslated``: the translation is (mostly) the Dutch source, or still Dutch."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate.checks.base import Sentence
from translate.findings import Finding

# Dutch words that do not occur in English (function words and frequent verbs)
DUTCH_ONLY = frozenset(
    "de het een en van op met voor niet dat die te zijn er aan om ook als bij naar uit wordt "
    "worden werd werden heeft hebben had maar nog wel geen deze dit wat wie waar hoe omdat "
    "dan toen ze zij hij wij jullie hun haar onze ons mijn jouw zijn tot tussen tegen zonder "
    "onder boven na vanaf volgens ongeveer ruim bijna meer minder veel weinig ook alleen "
    "gaat gaan komt komen kan kunnen moet moeten wil willen zal zullen zou zouden mag "
    "moest kon wilde ter door nieuwe grote kleine jaar procent euro daar hier".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
SHARE = 0.15  # of the translation's words being Dutch-only words


def untranslated(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``untranslated`` for one translated sentence."""
    words = [w.lower() for w in _WORD.findall(sentence.translation)]
    dutch = [w for w in words if w in DUTCH_ONLY]
    source_dutch = [w for w in _WORD.findall(sentence.source.lower()) if w in DUTCH_ONLY]
    if not source_dutch:
        return  # a name, a figure, a title: the same in both languages
    if _same(sentence.source, sentence.translation):
        yield Finding("untranslated", "untranslated: the translation is the Dutch source")
    elif len(dutch) >= 2 and len(dutch) >= SHARE * len(words):
        shown = ", ".join(dict.fromkeys(dutch))
        message = f"untranslated: {len(dutch)} of {len(words)} words are Dutch ({shown})"
        yield Finding("untranslated", message, data={"dutch": len(dutch), "words": len(words)})


def _same(source: str, translation: str) -> bool:
    from rapidfuzz import fuzz

    return fuzz.ratio(source.lower().strip(), translation.lower().strip()) >= 90
