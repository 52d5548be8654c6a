"""Which way a length is measured, for the ``numbers`` check: ``8 meter hoog`` rendered "8
metres wide" keeps its number and its unit and changes what it measures; so does ``25 meter
lang en 2 meter diep`` rendered "25 metres deep and 2 metres long".

A length is read with the word for its dimension after it (``8 meter hoog``, ``een 60 meter
lange brug``, ``op 10.000 meter hoogte``, "8 metres high", "a 60-metre-long bridge", "30
metres in height") or before it (``een hoogte van 8 meter``, "a depth of 5 metres", "at an
altitude of 10,000 metres"). A change is told only where the translation gives the same
length another dimension and not the source's. ``hoog`` may be "deep" (snow and water stand
``hoog`` in Dutch and are deep in English) or "tall", ``lang`` "tall" (a person is ``2
meter lang``); "altitude" is a height.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from translate.checks.notation import number_text
from translate.checks.unit_tables import FACTORS, PLURAL
from translate.checks.units import UNIT_PATTERN, unit_of, with_units

_WORDS = {
    "nl": {
        "hoog": "high", "hoge": "high", "hoogte": "high", "breed": "wide", "brede": "wide",
        "breedte": "wide", "wijd": "wide", "wijde": "wide", "lang": "long", "lange": "long",
        "lengte": "long", "diep": "deep", "diepe": "deep", "diepte": "deep", "dik": "thick",
        "dikke": "thick", "dikte": "thick",
    },
    "en": {
        "high": "high", "tall": "tall", "height": "high", "altitude": "high", "wide": "wide",
        "broad": "wide", "width": "wide", "breadth": "wide", "long": "long", "length": "long",
        "deep": "deep", "depth": "deep", "thick": "thick", "thickness": "thick",
    },
}  # fmt: skip
_NOUNS = {
    "nl": "hoogte|breedte|lengte|diepte|dikte",
    "en": "height|altitude|width|breadth|length|depth|thickness",
}
_NUMBER = r"(\d+(?:[.,]\d+)*)[\s-]*"
_AFTER = {
    lang: re.compile(
        r"(?<![\w.,])" + _NUMBER + "(" + UNIT_PATTERN[lang] + r")[\s-]+"
        + (r"(?:in\s+)?" if lang == "en" else "")
        + r"(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b",
        re.IGNORECASE,
    )
    for lang, words in _WORDS.items()
}  # fmt: skip
_BEFORE = {
    lang: re.compile(
        r"\b(" + _NOUNS[lang] + r")\s+(?:van|of)\s+(?:[a-z]+\s+)?"
        + _NUMBER + "(" + UNIT_PATTERN[lang] + ")",
        re.IGNORECASE,
    )
    for lang in _WORDS
}  # fmt: skip
_DIMENSION_WORD = re.compile(r"\b(?:" + "|".join(_WORDS["en"]) + r")\b", re.IGNORECASE)
# The English dimensions a Dutch one may become: snow lies "hoog" and is deep; a person
# is "lang" and tall, as a tower is "hoog" and tall
_RENDERS = {"high": {"high", "deep", "tall"}, "long": {"long", "tall"}}


@lru_cache(maxsize=4096)
def measured(text: str, lang: str) -> Counter:
    """The lengths of ``text`` with their dimension: ``("8", "metre", "high")``."""
    text = with_units(text, lang)
    found: Counter = Counter()
    if not text:
        return found
    for pattern, groups in ((_AFTER[lang], (1, 2, 3)), (_BEFORE[lang], (2, 3, 1))):
        for match in pattern.finditer(text):
            number, unit, word = (match.group(g) for g in groups)
            unit, number = unit_of(unit, lang), number_text(number, lang)
            if number is not None and FACTORS[unit][0] == "length":
                found[(number, unit, _WORDS[lang][word.lower()])] += 1
    return found


def dimension_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The lengths of ``source`` that ``translation`` measures another way, and those other
    lengths ("8 metres high", "8 metres wide"); empty lists when there are none."""
    if not _DIMENSION_WORD.search(translation):
        return [], []
    theirs = measured(translation, "en")
    ours = measured(source, "nl") if theirs else Counter()
    lost, added = [], []
    for number, unit, dimension in sorted(ours - theirs):
        allowed = _RENDERS.get(dimension, {dimension})
        if any((number, unit, d) in theirs for d in allowed):
            continue
        others = sorted(d for n, u, d in theirs if (n, u) == (number, unit) and d not in allowed)
        if others:
            lost.append(_said(number, unit, dimension))
            added.extend(_said(number, unit, other) for other in others)
    return lost, added


def _said(number: str, unit: str, dimension: str) -> str:
    units = unit if number == "1" else PLURAL.get(unit, unit + "s")
    return f"{number} {units} {dimension}"
