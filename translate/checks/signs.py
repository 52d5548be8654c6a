"""Numbers below zero, for the ``numbers`` check: ``min vijf graden`` rendered "five
degrees" has lost its sign, which the comparison of values (signless) does not see.

Below zero is ``min``/``minus`` before a number, a minus sign before a temperature's figure,
and ``onder nul`` or ``vorst`` after one (``vijf graden vorst``: five degrees of frost);
English "minus", a minus sign, "below zero", "below freezing", "of frost".

A bound turned round is a finding too (``bound_changes``): ``meer dan 100`` rendered "fewer
than 100", ``twee graden boven normaal`` rendered "two degrees below normal"."""

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


# A number's bound: more or less than it; above or below normal (below zero is a sign)
_FIGURE = r"(\d+(?:[.,]\d+)*)"
_BOUNDS = {
    "nl": (
        (
            "more",
            re.compile(rf"\b(?:meer\s+dan|ruim|ruimschoots|boven\s+de)\s+{_FIGURE}", re.I),
        ),
        ("less", re.compile(rf"\b(?:minder\s+dan|nog\s+geen|onder\s+de|krap)\s+{_FIGURE}", re.I)),
        ("above", re.compile(r"\bboven\s+(?:het\s+)?(?:normaal|gemiddelde?)\b", re.I)),
        ("below", re.compile(r"\bonder\s+(?:het\s+)?(?:normaal|gemiddelde?)\b", re.I)),
    ),
    "en": (
        (
            "more",
            re.compile(
                rf"\b(?:more\s+than|over|above|upwards\s+of|in\s+excess\s+of)\s+{_FIGURE}", re.I
            ),
        ),
        (
            "less",
            re.compile(rf"\b(?:less\s+than|fewer\s+than|under|below|not\s+even)\s+{_FIGURE}", re.I),
        ),
        ("above", re.compile(r"\babove\s+(?:the\s+)?(?:normal|average)\b", re.I)),
        ("below", re.compile(r"\bbelow\s+(?:the\s+)?(?:normal|average)\b", re.I)),
    ),
}
_OPPOSITE = {"more": "less", "less": "more", "above": "below", "below": "above"}
_SAID = {
    "more": "more than {}",
    "less": "less than {}",
    "above": "above normal",
    "below": "below normal",
}


def bounds(text: str, lang: str) -> set[tuple[str, str]]:
    """The bounds of ``text``: (``more`` or ``less``, the number) and (``above`` or
    ``below`` normal, "")."""
    from translate.checks.notation import number_text

    found = set()
    for side, pattern in _BOUNDS[lang]:
        for match in pattern.finditer(text):
            number = number_text(match.group(1), lang) if match.groups() else ""
            if number is not None:
                found.add((side, number))
    return found


def bound_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The source's bounds the translation turned round, and the translation's side
    (``["more than 100"]``, ``["less than 100"]``); a bound dropped is no change."""
    ours, theirs = bounds(source, "nl"), bounds(translation, "en")
    turned = sorted(
        (side, number)
        for side, number in ours
        if (_OPPOSITE[side], number) in theirs and (side, number) not in theirs
    )
    lost = [_SAID[side].format(number) for side, number in turned]
    added = [_SAID[_OPPOSITE[side]].format(number) for side, number in turned]
    return lost, added
