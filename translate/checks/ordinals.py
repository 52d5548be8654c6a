"""Ordinals, for the ``numbers`` check: ``derde``, ``3e`` and "third", "3rd" are the ordinal 3.

An ordinal replaced by another is a finding (``voor de derde keer`` rendered "for the second
time", ``de 19e eeuw`` "the 18th century": ``ordinal_changes``). Only a replacement counts:
a translation drops an ordinal as often as it keeps one (``Tweede Kerstdag``: Boxing Day,
``de eerste minister``: the Prime Minister) and adds one where Dutch has none
("second-largest" for ``op één na grootste``). Left out: an ordinal in a name, before a
capitalised word (``Tweede Kamer``, "Second World War"); the day of an English date
("March 3rd"); "second" the unit ("one second behind"); and a fraction (``een derde``: "a
third", ``twee derde``: "two thirds").

An ordinal on one side and the cardinal on the other are one number (``de vijfde etappe``:
"stage 5", ``3 maart``: "March 3rd", ``op zijn zesde``: "at six"), unless that side has the
ordinal as well (``cardinals_settled``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from translate.checks.time_words import ENGLISH_DATE_WORDS

_DIGITS = {
    "nl": re.compile(r"\b(\d+)(?:e|ste|de|ᵉ)\b"),
    "en": re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE),
}
# Before a capitalised word (after a space or hyphen): part of a name
_IN_NAME = re.compile(r"[\s-]+[A-Z]")
_MONTHS = "|".join(ENGLISH_DATE_WORDS[7:])
_DATE_DAY = re.compile(
    rf"\b(?:{_MONTHS})\s+(\d+)(?:st|nd|rd|th)\b|\b(\d+)(?:st|nd|rd|th)\s+(?:of\s+)?(?:{_MONTHS})\b"
)
# "second" the unit: after "a", "one", "per", "split", "every", before a pause or a word that
# says when or how far ("a second later", "one second behind"); "a second term" is an ordinal
_SECOND_UNIT = re.compile(
    r"\b(?:a|one|per|split|every)\s+second\b(?=\s*(?:[.,;:!?)]|$|(?:later|earlier|ago|behind|"
    r"ahead|faster|slower|quicker|longer|sooner|before|after|too|off|or|and|of|to|in)\b))",
    re.IGNORECASE,
)
# A fraction: "een derde van", "twee derde", "a third of", "two thirds", "one-fifth"
_NL_PARTS = "derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|honderdste|duizendste"
_EN_PARTS = "third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|hundredth|thousandth"
_COUNTS = {
    "nl": "twee|drie|vier|vijf|zes|zeven|acht|negen|tien",
    "en": "two|three|four|five|six|seven|eight|nine|ten",
}
_FRACTION = {
    "nl": re.compile(
        rf"\b(?:(?:een|één)[\s-]+(?:{_NL_PARTS})(?=\s+(?:van|deel)\b|\s*[.,;:!?]|$)"
        rf"|(?:{_COUNTS['nl']}|\d+)[\s-]+(?:{_NL_PARTS})\b)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        rf"\b(?:(?:a|one)[\s-]+(?:{_EN_PARTS})(?=\s+of\b|\s*[.,;:!?]|$)|one-(?:{_EN_PARTS})\b"
        rf"|(?:{_COUNTS['en']}|\d+)[\s-]+(?:{_EN_PARTS})s\b)",
        re.IGNORECASE,
    ),
}
# "Last" is a place too: "als eerste" rendered "the last" is a replacement ("last week" and
# "at last" say when)
LAST = 0
_LAST = {
    "nl": re.compile(r"\blaatste\b", re.IGNORECASE),
    "en": re.compile(
        r"(?<!\bat )\blast\b(?!\s+(?:week|month|year|night|weekend|season|summer|winter|spring|"
        r"autumn|fall|time|few|couple|\d+|one|two|three|four|five|six|seven|eight|nine|ten)s?\b)",
        re.IGNORECASE,
    ),
}
_ADVERBS = {
    "nl": {r"\b(?:aller)?eerst\b": 1},
    "en": {r"\bfirstly\b": 1, r"\bsecondly\b": 2, r"\bthirdly\b": 3, r"\bfourthly\b": 4},
}


def ordinal_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The ordinals of ``source`` the translation has replaced by others, and those others
    (``["3rd"]``, ``["2nd"]``); two empty lists where nothing was replaced."""
    ours, theirs = set(ordinals(source, "nl")), set(ordinals(translation, "en"))
    ours |= {LAST} if _LAST["nl"].search(source) else set()
    theirs |= {LAST} if _LAST["en"].search(translation) else set()
    lost, added = ours - theirs, theirs - ours
    if not lost or not added:
        return [], []
    return [_english(n) for n in sorted(lost)], [_english(n) for n in sorted(added)]


# Medals: a place too ("won goud" rendered "won silver"); only a replacement counts, as for
# ordinals ("de Gouden Eeuw" is "the Golden Age", gold either way)
_MEDALS = {
    "nl": re.compile(r"\b(goud|gouden|zilver|zilveren|brons|bronzen)\b", re.IGNORECASE),
    "en": re.compile(r"\b(gold|golden|silver|bronze)\b", re.IGNORECASE),
}
_MEDAL = {"goud": "gold", "gouden": "gold", "zilver": "silver", "zilveren": "silver"}
_MEDAL |= {"brons": "bronze", "bronzen": "bronze", "golden": "gold"}


def medal_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The medals of ``source`` (gold, silver, bronze) the translation has replaced by
    others, and those others; two empty lists where nothing was replaced."""
    ours, theirs = (
        {_MEDAL.get(m.lower(), m.lower()) for m in _MEDALS[lang].findall(text)}
        for lang, text in (("nl", source), ("en", translation))
    )
    lost, added = ours - theirs, theirs - ours
    if not lost or not added:
        return [], []
    return sorted(lost), sorted(added)


def cardinals_settled(missing: Counter, extra: Counter, source: str, translation: str, value):
    """Takes out of ``extra`` each number the source has as an ordinal, and out of
    ``missing`` each the translation has as one, unless that side has the ordinal too;
    ``value(text)`` makes a number's key."""
    ours, theirs = ordinals(source, "nl", every=True), ordinals(translation, "en", every=True)
    for side, others, own in ((extra, ours, theirs), (missing, theirs, ours)):
        for number in others:
            key = value(str(number))
            if number not in own and side.get(key, 0) > 0:
                side[key] -= 1


@lru_cache(maxsize=2048)
def ordinals(text: str, lang: str, every: bool = False) -> tuple[int, ...]:
    """The ordinals of ``text`` (``lang``: ``"nl"`` or ``"en"``), fractions and "second"
    the unit left out; without ``every``, also those in names and in English dates."""
    from text_to_num import alpha2digit

    text = _FRACTION[lang].sub(" ", text)
    if lang == "en":
        text = _SECOND_UNIT.sub(" ", text)
    found = []
    for pattern, number in _ADVERBS[lang].items():
        found += [number] * len(re.findall(pattern, text, flags=re.IGNORECASE))
    if lang == "en" and not every:
        text = _DATE_DAY.sub(" ", text)
    text = alpha2digit(text, lang, threshold=0)
    for match in _DIGITS[lang].finditer(text):
        if every or not _IN_NAME.match(text, match.end()):
            found.append(int(match.group(1)))
    return tuple(found)


def _english(number: int) -> str:
    """``number`` written as an English ordinal: ``3rd``, ``11th``, ``22nd`` (``last``)."""
    if number == LAST:
        return "last"
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
