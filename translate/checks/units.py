"""Numbers with their unit, for the ``numbers`` check: ``vier jaar cel`` rendered "four
months in prison" keeps its number and changes what it counts; so do ``100 kilometer per
uur`` rendered "100 miles per hour" and ``drie dagen per week`` rendered "three days a month"
(a rate's unit).

A number is read with the unit of time or measure that follows it (``4 jaar``, ``vier
weken``, "a four-year sentence", ``80 millimeter``, "400 feet", ``500 vierkante meter``,
``35 graden``, "86°F"), a part of one with its unit (``een half jaar`` is 0.5 year, ``een
kwart eeuw`` 0.25 century, "an hour and a half" 1.5 hours) and "a" or "an" as one ("a
year"; the units are in ``unit_tables.py``). A change is told only where the translation
holds the same number with another unit and not with the source's: an amount said another
way ("48 uur" = "two days", "400 meter" = "1,300 feet") has other numbers, which
``conversions.py`` judges, and a unit the translation leaves out is no change of unit.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from translate.checks.fractions import mixed_numbers
from translate.checks.notation import number_text, scaled
from translate.checks.unit_tables import PLURAL, UNITS

UNIT_PATTERN = {
    lang: "(?:"
    + "|".join(re.escape(u).replace(r"\ ", r"\s+") for u in sorted(units, key=len, reverse=True))
    + r")(?!\w)"
    for lang, units in UNITS.items()
}
_SPAN = {
    lang: re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)[\s-]*(" + unit + ")", re.IGNORECASE)
    for lang, unit in UNIT_PATTERN.items()
}
_UNIT_WORD = {
    lang: re.compile(r"(?:(?<!\w)|(?<=half)|(?<=kwart)|(?=[°º]))" + unit, re.I)  # halfuur, 86°F
    for lang, unit in UNIT_PATTERN.items()
}
# "a four-year sentence", "a twenty-mile tailback": the number word joined to its unit,
# which alpha2digit leaves
_JOINED = re.compile(
    r"\b([a-z]+)-(" + "|".join(u for u in UNITS["en"] if " " not in u) + r")\b", re.IGNORECASE
)
# A half before a unit ("een half jaar", "halfuur", "half a kilo", "a half hour") is 0.5 of
# it, as "a" or "an" before a unit is one ("a year"); "kwartier" and "etmaal" are one of
# their unit where no number comes before ("elk kwartier")
_PARTS = {
    "nl": [
        (r"\b(?:een\s+)?hal(?:f|ve)\s*", "0,5 "),
        (r"\bdriekwart\s*", "0,75 "),
        (r"\b(?:een\s+)?kwart\s*", "0,25 "),  # een kwart eeuw, kwartuur
    ],
    "en": [
        (r"\b(?:an?\s+)?half(?:\s+an?)?\s+", "0.5 "),
        (r"\bthree[\s-]quarters\s+of\s+an?\s+", "0.75 "),
        (r"\b(?:a|one)\s+quarter\s+of\s+an?\s+", "0.25 "),  # a quarter of a century
    ],
}
_PART = {
    lang: [(re.compile(p + "(?=" + UNIT_PATTERN[lang] + ")", re.I), r) for p, r in parts]
    for lang, parts in _PARTS.items()
}
# "a year", not "a second" (time)
_ONE = re.compile(r"(?<!\bof\s)\b(?:an?)\s+(?!second\b)(?=" + UNIT_PATTERN["en"] + ")", re.I)
_BARE = re.compile(r"(?<!\d )\b(kwartier|etmaal)\b", re.I)
FORTNIGHT = re.compile(r"\b(?:a\s+)?fortnight\b", re.IGNORECASE)
# A score said in words: "doelpuntloos", "een brilstand", "ended goalless" are 0-0
GOALLESS = {
    "nl": re.compile(
        r"\b(?:doelpuntloo(?:s|ze)|zonder\s+(?:doelpunten|te\s+scoren)|brilstand)\b", re.I
    ),
    "en": re.compile(r"\b(?:goalless|scoreless|nil-nil)\b", re.IGNORECASE),
}

# Rates: "per week" = "a week", "per week", "every week", "weekly"
_RATE = {
    "nl": re.compile(
        r"\bper\s+(jaar|maand|week|dag|uur|minuut|seconde)\b"
        r"|\b(dagelijks|wekelijks|maandelijks|jaarlijks)e?\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:a|an|per|each|every)\s+(year|month|week|day|hour|minute|second)\b"
        r"|\b(daily|weekly|monthly|yearly|annually|annual|hourly)\b",
        re.IGNORECASE,
    ),
}
_RATE_WORDS = {
    "dagelijks": "day", "wekelijks": "week", "maandelijks": "month", "jaarlijks": "year",
    "daily": "day", "weekly": "week", "monthly": "month", "yearly": "year",
    "annually": "year", "annual": "year", "hourly": "hour",
}  # fmt: skip


@lru_cache(maxsize=4096)
def rates(text: str, lang: str) -> frozenset[str]:
    """The units of time ``text`` counts something per (``per week``, "a week", "weekly")."""
    found = set()
    for match in _RATE[lang].finditer(text):
        if match.group(1):
            found.add(UNITS[lang][match.group(1).lower()])
        else:
            found.add(_RATE_WORDS[match.group(2).lower()])
    return frozenset(found)


@lru_cache(maxsize=4096)
def spans(text: str, lang: str) -> Counter:
    """The numbers of ``text`` with their unit, as (number, unit) pairs: ``("4", "year")``."""
    found: Counter = Counter()
    for match in _SPAN[lang].finditer(with_units(text, lang)):
        number = number_text(match.group(1), lang)
        if number is not None:
            found[(number, unit_of(match.group(2), lang))] += 1
    return found


def unit_of(word: str, lang: str) -> str:
    """The one name of a unit as ``lang`` writes it (``"kilo's"``: ``kilogram``)."""
    return UNITS[lang][re.sub(r"\s+", " ", word.lower())]


@lru_cache(maxsize=4096)
def with_units(text: str, lang: str) -> str:
    """``text`` with each number before a unit in digits ("een half jaar" as ``0,5 jaar``,
    "an hour and a half" as ``1.5 hour``, "elk kwartier" as ``elk 1 kwartier``); the empty
    string where no unit is named."""
    from text_to_num import alpha2digit

    if not _UNIT_WORD[lang].search(text):
        return ""  # no unit: spare the number words' reading
    text = mixed_numbers(text.replace("\u00a0", " "), lang)
    for pattern, part in _PART[lang]:
        text = pattern.sub(part, text)
    if lang == "en":
        text = FORTNIGHT.sub(" 2 weeks ", _ONE.sub("1 ", _JOINED.sub(r"\1 \2", text)))
    text = alpha2digit(scaled(text, lang), lang, threshold=0)
    return _BARE.sub(r"1 \1", text) if lang == "nl" else text


def unit_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The spans of ``source`` whose number ``translation`` counts in another unit, and
    those other spans ("4 years", "4 months"); empty lists when there are none."""
    theirs = spans(translation, "en")
    ours = spans(source, "nl") if theirs else Counter()
    lost, added = [], []
    for number, unit in sorted(ours - theirs):
        others = sorted(u for n, u in theirs - ours if n == number and u != unit)
        if others:
            lost.append(_said(number, unit))
            added.extend(_said(number, other) for other in others)
    ours, theirs = rates(source, "nl"), rates(translation, "en")
    if theirs - ours:
        lost.extend(f"per {unit}" for unit in sorted(ours - theirs))
        if ours - theirs:
            added.extend(f"per {unit}" for unit in sorted(theirs - ours))
    return lost, sorted(set(added))


def _said(number: str, unit: str) -> str:
    if number == "1":
        return f"1 {unit}"
    return f"{number} {PLURAL.get(unit, unit + 's')}"
