"""Which language an article is in (py3langid: its model ships inside the wheel, so nothing
is downloaded at run time), restricted to the languages a Dutch newsroom inbox collects."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

LIKELY = ("nl", "en", "de", "fr", "es", "it", "pt")
NAMES = {
    "nl": "Dutch",
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
}
# Below these the guess is too weak to act on: the article is treated as Dutch
MIN_WORDS = 8
MIN_CONFIDENCE = 0.9
_SAMPLE = 5_000  # characters: enough to tell, cheap on a 2 MB article


@dataclass(frozen=True)
class Language:
    """``code`` (ISO 639-1) with ``confidence`` (0-1); ``decided`` is False when the text
    was too short or the guess too weak to act on."""

    code: str
    confidence: float
    decided: bool

    @property
    def name(self) -> str:
        return NAMES.get(self.code, self.code)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LIKELY))
    return identifier


@lru_cache(maxsize=1)
def _dutch_or_english():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(["nl", "en"])
    return identifier


@lru_cache(maxsize=4096)
def reads_as_dutch(word: str, confidence: float = 0.95) -> bool:
    """Whether one word reads as Dutch, not English, with at least ``confidence`` (py3langid
    over the two languages only: ``gemeenteraad`` 0.98, ``binnenstad`` 0.96; English loans
    that Dutch text uses, ``lockdown``, ``marketing``, ``weekend``, stay below 0.95)."""
    code, probability = _dutch_or_english().classify(word)
    return code == "nl" and float(probability) >= confidence


# A sentence of a Dutch article that is English already (a quotation): at least this many
# words, no Dutch word among those not of names, and most of them English words
ENGLISH_WORDS = 6
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def reads_as_english(sentence: str) -> bool:
    """Whether one sentence of a Dutch article is written in English: six words or more;
    of its words that are not names (a capital after the first word), none Dutch and at
    least 60% English words (:mod:`translate.text.vocabulary`); and py3langid, over Dutch and
    English only, says English with 99% confidence (90% where 80% are English words). On
    this project's 723 Dutch sentences none is taken for English; 78% of its English
    sentences of six words or more are."""
    from translate.text.vocabulary import dutch_not_english, english_leaning

    found = list(_WORD.finditer(sentence))
    if len(found) < ENGLISH_WORDS:
        return False
    words = [m.group().lower() for i, m in enumerate(found) if i == 0 or not m.group()[0].isupper()]
    if len(words) < 4 or any(dutch_not_english(w) for w in words):
        return False
    share = sum(english_leaning(w) for w in words) / len(words)
    if share < 0.6:
        return False
    code, probability = _dutch_or_english().classify(sentence)
    return code == "en" and float(probability) >= (0.9 if share >= 0.8 else 0.99)


def detect(text: str) -> Language:
    """The language of ``text`` (its first 5,000 characters)."""
    sample = text[:_SAMPLE]
    code, confidence = _identifier().classify(sample)
    confidence = round(float(confidence), 4)
    decided = len(sample.split()) >= MIN_WORDS and confidence >= MIN_CONFIDENCE
    return Language(code, confidence, decided)


def check_language(name: str, sentences: list[str], check: str) -> Language | None:
    """The detected language of an article's ``sentences`` (None when ``check`` is ``nl``:
    every article is Dutch); a decided language other than Dutch or English fails the
    article, naming the language and the way around it.

    Raises:
        DocumentError: the article is in another language.
    """
    from translate.errors import DocumentError

    if check != "auto":
        return None
    language = detect(" ".join(sentences))
    if language.decided and language.code not in ("nl", "en"):
        raise DocumentError(
            f"{name}: written in {language.name} ({language.code}, confidence "
            f"{language.confidence:.2f}), not Dutch: not translated (--force-language nl to "
            "translate it anyway)"
        )
    return language


def is_english(language: Language | None) -> bool:
    return language is not None and language.decided and language.code == "en"
