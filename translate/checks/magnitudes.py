"""Plural magnitudes, for the ``numbers`` check: ``honderden`` is "hundreds", ``duizenden``
"thousands", ``tienduizenden`` "tens of thousands", ``enkele honderden`` "several hundred".
They are no one number, so the number comparison leaves them out; a magnitude replaced by
another (``duizenden`` rendered "hundreds") is a finding. Only a replacement counts: a
translation may give a magnitude as a number ("thousands" for ``ruim 2.000``) or drop it."""

from __future__ import annotations

import re

_NL = {"tientallen": 10, "honderden": 100, "duizenden": 1000, "miljoenen": 10**6}
_NL |= {"miljarden": 10**9, "tienduizenden": 10**4, "honderdduizenden": 10**5}
_NL_ONE = {"honderd": 100, "duizend": 1000, "miljoen": 10**6, "miljard": 10**9}
_EN = {"tens": 10, "dozens": 10, "hundreds": 100, "thousands": 1000, "millions": 10**6}
_EN |= {"billions": 10**9}
_EN_ONE = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

_PLURAL = {
    # "honderden miljoenen", "tienduizenden"; "enkele honderden"
    "nl": re.compile(rf"\b({'|'.join(_NL)})(?:\s+({'|'.join(_NL)}))?\b", re.IGNORECASE),
    # "hundreds of thousands", "tens of millions"
    "en": re.compile(rf"\b({'|'.join(_EN)})(?:\s+of\s+({'|'.join(_EN)}))?\b", re.IGNORECASE),
}
# "enkele honderden" and "een paar honderd" are "several hundred", "a few hundred"
_FEW = {
    "nl": re.compile(
        rf"\b(?:enkele|een\s+paar|vele|ettelijke)\s+({'|'.join(_NL_ONE)})(?:en)?\b", re.I
    ),
    "en": re.compile(
        rf"\b(?:several|a\s+few|some|many)\s+({'|'.join(_EN_ONE)})s?\b(?!\s+and)", re.I
    ),
}


def magnitudes(text: str, lang: str) -> set[int]:
    """The plural magnitudes of ``text`` as powers of ten (``tienduizenden``: 10,000)."""
    plural, one = (_NL, _NL_ONE) if lang == "nl" else (_EN, _EN_ONE)
    found = set()
    for match in _FEW[lang].finditer(text):
        found.add(one[match.group(1).lower()])
    for match in _PLURAL[lang].finditer(text):
        first, second = (g.lower() if g else None for g in match.groups())
        found.add(plural[first] * (plural[second] if second else 1))
    return found


def magnitude_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The source's magnitudes the translation has replaced by others, and those others,
    as words (``["thousands"]``, ``["hundreds"]``); two empty lists where none was."""
    ours, theirs = magnitudes(source, "nl"), magnitudes(translation, "en")
    lost, added = ours - theirs, theirs - ours
    if not lost or not added:
        return [], []
    return [_words(n) for n in sorted(lost)], [_words(n) for n in sorted(added)]


def _words(number: int) -> str:
    """A magnitude in English words: 100 is "hundreds", 10,000 "tens of thousands"."""
    for big, name in ((10**9, "billions"), (10**6, "millions"), (1000, "thousands")):
        if number >= big:
            rest = number // big
            return name if rest == 1 else f"{_words(rest)} of {name}"
    return {10: "tens", 100: "hundreds"}[number]


_DUTCH = (
    "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien "
    "zestien zeventien achttien negentien twintig"
).split()
_DUTCH_WORDS = {n: w for n, w in enumerate(_DUTCH, 2)}
_DUTCH_WORDS |= {30: "dertig", 40: "veertig", 50: "vijftig", 60: "zestig", 70: "zeventig"}
_DUTCH_WORDS |= {80: "tachtig", 90: "negentig", 100: "honderd", 1000: "duizend"}
# Per number: it in figures, and a capitalised compound it opens ("Elfstedentocht")
_NAMED = [
    (n, re.compile(rf"(?<![\w.,]){n}(?!\w)"), re.compile(rf"\b{w.capitalize()}[a-zë]{{4,}}"))
    for n, w in _DUTCH_WORDS.items()
]


def named_numbers(source: str, translation: str) -> list[int]:
    """The numbers the translation writes in words that a capitalised compound of the
    source opens (``Elfstedentocht``: "Eleven Cities Tour" gives 11); not where the
    translation writes the number in figures."""
    return [
        number
        for number, in_figures, opening in _NAMED
        if opening.search(source) and not in_figures.search(translation)
    ]


def magnitudes_settled(missing, extra, source: str, translation: str, value) -> None:
    """Takes out of ``extra`` and ``missing`` the number of a magnitude both sides hold,
    where one side reads it as a number ("several hundred", ``een paar honderd``: 100) and
    the other not (``enkele honderden``); ``value(text)`` makes a number's key."""
    for number in magnitudes(source, "nl") & magnitudes(translation, "en"):
        key = value(str(number))
        for side in (missing, extra):
            if side.get(key, 0) > 0:
                side[key] -= 1


_TON_WORDS = {"een": 1, "één": 1, "anderhalve": 1.5, "anderhalf": 1.5}
_TON_WORDS |= {w: n for n, w in _DUTCH_WORDS.items() if n <= 10}
_TON = re.compile(rf"\b({'|'.join(_TON_WORDS)}|\d+(?:,\d+)?)\s+ton\b(?!\s*(?:zwaar|gewicht))", re.I)


def money_tons(source: str, translation: str) -> str:
    """``source`` with each ton it counts money in as its euros (``vier ton``: ``400.000
    euro``), where the translation has that many ("400,000 euros"); a ton of weight (the
    translation has no such amount) stays."""

    def euros(match: re.Match) -> str:
        word = match.group(1).lower()
        amount = round((_TON_WORDS.get(word) or float(word.replace(",", "."))) * 100_000)
        english = f"{amount:,}"
        if re.search(rf"(?<![\d.,]){re.escape(english)}(?![\d]|[.,]\d)", translation):
            return f"{amount:,}".replace(",", ".") + " euro"
        return match.group()

    return _TON.sub(euros, source) if "ton" in source else source
