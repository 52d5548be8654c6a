"""Numbers below zero, for the ``numbers`` check: ``min vijf graden`` rendered "five
degrees" has lost its sign, which the comparison of values (signless) does not see.

Below zero is ``min``/``minus`` before a number, a minus sign before a temperature's figure,
and ``onder nul`` or ``vorst`` after one (``vijf graden vorst``: five degrees of frost);
English "minus", a minus sign, "below zero", "below freezing", "of frost"."""

from __future__ import annotations

import re

_NUMBER = r"(\d+(?:[.,]\d+)?|[a-zë]+)"
# A minus sign, not a range's dash ("10-15 graden", "10 - 15 degrees")
_SIGN = r"(?<![\w.,])(?<!\d\s)[-−–]\s?"
_NEGATIVE = {
    "nl": re.compile(
        rf"\b(?:min|minus)\s+{_NUMBER}\b|{_SIGN}(\d+(?:,\d+)?)\s*(?:°|graden)"
        rf"|\b{_NUMBER}\s+graden\s+(?:onder\s+nul|vorst)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        rf"\bminus\s+{_NUMBER}\b|{_SIGN}(\d+(?:\.\d+)?)\s*(?:°|degrees)"
        rf"|\b{_NUMBER}\s+(?:degrees\s+)?(?:(?:celsius\s+)?below\s+(?:zero|freezing)|of\s+frost)\b",
        re.IGNORECASE,
    ),
}


_WORDS = {
    "nl": "nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
    "vijftien zestien zeventien achttien negentien twintig",
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty",
}
_VALUES = {lang: {w: str(n) for n, w in enumerate(words.split())} for lang, words in _WORDS.items()}


def negatives(text: str, lang: str) -> set[str]:
    """The numbers of ``text`` below zero, as values ("-5")."""
    from text_to_num import alpha2digit

    found = set()
    for match in _NEGATIVE[lang].finditer(text):
        number = next(g for g in match.groups() if g)
        if not number[0].isdigit():
            number = _VALUES[lang].get(number.lower()) or alpha2digit(number, lang)
            if not number.isdigit():
                continue  # "min of meer": no number
        found.add("-" + number.replace(",", "."))
    return found


def sign_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The source's numbers below zero that the translation gives above it, or the other
    way round: the source's side and the translation's (``["-5"]``, ``["5"]``)."""
    ours, theirs = negatives(source, "nl"), negatives(translation, "en")
    lost, added = sorted(ours - theirs), sorted(theirs - ours)
    return lost + [n.lstrip("-") for n in added], [n.lstrip("-") for n in lost] + added


_ZERO = {"nl": re.compile(r"\bonder\s+nul\b", re.I), "en": re.compile(r"\bbelow\s+zero\b", re.I)}


def zeros_settled(missing, extra, source: str, translation: str, value) -> None:
    """Takes out the zero of "below zero" and ``onder nul``, a sign and no number of its own
    (``min vijf graden`` = "five degrees below zero"); ``value(text)`` makes a number's
    key."""
    key = value("0")
    for side, text, lang in ((missing, source, "nl"), (extra, translation, "en")):
        for _ in _ZERO[lang].finditer(text):
            if side.get(key, 0) > 0:
                side[key] -= 1
