"""Numbers with their unit, for the ``numbers`` check: ``vier jaar cel`` rendered "four
months in prison" keeps its number and changes what it counts; so do ``100 kilometer per
uur`` rendered "100 miles per hour" and ``drie dagen per week`` rendered "three days a month"
(a rate's unit).

A number is read with the unit of time or measure that follows it (``4 jaar``, ``vier
weken``, "a four-year sentence", ``80 millimeter``, "400 feet"). A change is told only where
the translation holds the same number with another unit and not with the source's: an amount
said another way ("48 uur" = "two days", "400 meter" = "1,300 feet") has other numbers,
which the value check judges, and a unit the translation leaves out is no change of unit.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_MEASURES = {
    "nl": {
        "millimeter": "millimetre", "mm": "millimetre", "centimeter": "centimetre",
        "cm": "centimetre", "meter": "metre", "meters": "metre", "kilometer": "kilometre",
        "kilometers": "kilometre", "km": "kilometre", "mijl": "mile", "voet": "foot",
        "inch": "inch", "kilo": "kilogram", "kilo's": "kilogram", "kilogram": "kilogram",
        "kg": "kilogram", "gram": "gram", "pond": "pound", "ton": "tonne", "liter": "litre",
        "liters": "litre", "hectare": "hectare",
    },
    "en": {
        "millimetre": "millimetre", "millimetres": "millimetre", "millimeter": "millimetre",
        "millimeters": "millimetre", "mm": "millimetre", "centimetre": "centimetre",
        "centimetres": "centimetre", "centimeter": "centimetre", "centimeters": "centimetre",
        "cm": "centimetre", "metre": "metre", "metres": "metre", "meter": "metre",
        "meters": "metre", "kilometre": "kilometre", "kilometres": "kilometre",
        "kilometer": "kilometre", "kilometers": "kilometre", "km": "kilometre",
        "mile": "mile", "miles": "mile", "foot": "foot", "feet": "foot", "inch": "inch",
        "inches": "inch", "yard": "yard", "yards": "yard", "kilo": "kilogram",
        "kilos": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram",
        "kg": "kilogram", "gram": "gram", "grams": "gram", "pound": "pound",
        "pounds": "pound", "ton": "tonne", "tons": "tonne", "tonne": "tonne",
        "tonnes": "tonne", "litre": "litre", "litres": "litre", "liter": "litre",
        "liters": "litre", "gallon": "gallon", "gallons": "gallon", "hectare": "hectare",
        "hectares": "hectare", "acre": "acre", "acres": "acre",
    },
}  # fmt: skip
_TIMES = {
    "nl": {
        "jaar": "year", "jaren": "year", "maand": "month", "maanden": "month",
        "week": "week", "weken": "week", "dag": "day", "dagen": "day", "etmaal": "day",
        "etmalen": "day", "uur": "hour", "uren": "hour", "minuut": "minute",
        "minuten": "minute", "seconde": "second", "seconden": "second", "eeuw": "century",
        "eeuwen": "century", "decennium": "decade", "decennia": "decade",
    },
    "en": {
        "year": "year", "years": "year", "month": "month", "months": "month",
        "week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "hour",
        "hours": "hour", "minute": "minute", "minutes": "minute", "second": "second",
        "seconds": "second", "century": "century", "centuries": "century",
        "decade": "decade", "decades": "decade",
    },
}  # fmt: skip
_UNITS = {lang: {**_TIMES[lang], **_MEASURES[lang]} for lang in _TIMES}
_PLURAL = {"century": "centuries", "foot": "feet", "inch": "inches"}
_SPAN = {
    lang: re.compile(
        r"(?<![\w.,])(\d+(?:[.,]\d+)*)[\s-]+("
        + "|".join(sorted(units, key=len, reverse=True))
        + r")\b",
        re.IGNORECASE,
    )
    for lang, units in _UNITS.items()
}
_UNIT_WORD = {
    lang: re.compile(r"\b(?:" + "|".join(sorted(units, key=len, reverse=True)) + r")\b", re.I)
    for lang, units in _UNITS.items()
}
# "a four-year sentence": the number word joined to its unit, which alpha2digit leaves
_JOINED = re.compile(r"\b([a-z]+)-(" + "|".join(_TIMES["en"]) + r")\b", re.IGNORECASE)

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
            found.add(_UNITS[lang][match.group(1).lower()])
        else:
            found.add(_RATE_WORDS[match.group(2).lower()])
    return frozenset(found)


@lru_cache(maxsize=4096)
def spans(text: str, lang: str) -> Counter:
    """The numbers of ``text`` with their unit, as (number, unit) pairs: ``("4", "year")``."""
    from text_to_num import alpha2digit

    if not _UNIT_WORD[lang].search(text):
        return Counter()  # no unit: spare the number words' reading
    if lang == "en":
        text = _JOINED.sub(r"\1 \2", text)
    text = alpha2digit(text, lang, threshold=0)
    from translate.checks.numbers import number_text  # it imports this module

    found: Counter = Counter()
    for match in _SPAN[lang].finditer(text):
        number = number_text(match.group(1), lang)
        if number is not None:
            found[(number, _UNITS[lang][match.group(2).lower()])] += 1
    return found


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
    return f"{number} {_PLURAL.get(unit, unit + 's')}"
