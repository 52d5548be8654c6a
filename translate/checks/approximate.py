"""Numbers said roughly, for the ``numbers`` check.

Dutch counts roughly with a collective numeral: ``een twintigtal`` is "about twenty" or "some
20", ``een honderdtal`` "about a hundred", ``een drietal`` "three" (``collectives``; below
ten only after ``een``: ``het drietal`` is as often "the trio"); the plural (``tientallen``:
"dozens", "tens of") is no one number and is left out. A dozen is 12 on either side (``een
dozijn``, "a dozen"); a collective is rough, so a number within a fifth of it is the same
amount (``een tiental`` rendered "a dozen", ``een twintigtal`` "two dozen"). People by the
decade of their age hold its tens (``dertigers``: "people in their thirties", 30).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

ROUGHLY = 0.2  # how far a number may be from a collective's and be the same amount
# "twintigtal", "honderdtal", "vijftiental", "drietal"; not "aantal", "getal", "kristal", nor
# "elftal" (a football team)
_COLLECTIVE = re.compile(r"\b(?!elftal)([a-zë]+?)tal\b", re.IGNORECASE)
# A dozen, or a few: "twee dozijn" and "two dozen" are 24; "dozens" is no one number
_DOZENS = {
    "nl": "een één twee drie vier vijf zes zeven acht negen tien",
    "en": "a one two three four five six seven eight nine ten",
}
_DOZEN = {
    lang: re.compile(
        r"\b(?:("
        + words.replace(" ", "|")
        + r")\s+)?"
        + ("dozijn" if lang == "nl" else "dozen")
        + r"\b",
        re.IGNORECASE,
    )
    for lang, words in _DOZENS.items()
}


def collectives(text: str, lang: str) -> str:
    """``text`` with each Dutch collective numeral as its number (``een twintigtal`` =
    ``20``) and dozens as theirs, on either side (``a dozen`` = 12, ``two dozen`` = 24)."""
    if lang == "nl":
        text = _COLLECTIVE.sub(_collective, text)
    return _DOZEN[lang].sub(lambda m: f" {12 * _dozens(m.group(1), lang)} ", text)


def _dozens(word: str | None, lang: str) -> int:
    """How many dozens ``word`` says: ``a``, ``een`` or none is one."""
    return 1 if word is None else max(1, _DOZENS[lang].split().index(word.lower()))


def _collective(match: re.Match) -> str:
    number = _collective_number(match)
    return match.group() if number is None else f" {number} "


def _collective_number(match: re.Match) -> int | None:
    """A collective's number; below ten only after ``een`` (``een drietal`` is "three",
    ``het drietal`` as often "the trio")."""
    number = _number(match.group(1))
    if number is None or number >= 10:
        return number
    before = match.string[max(0, match.start() - 4) : match.start()].lower()
    return number if before.endswith("een ") else None


@lru_cache(maxsize=512)
def _number(word: str) -> int | None:
    """The number a Dutch number word is (``twintig`` = 20), or ``None``."""
    from text_to_num import alpha2digit

    digits = alpha2digit(word.lower(), "nl", threshold=0)
    return int(digits) if digits.isdigit() and int(digits) > 1 else None


def rough_numbers(source: str) -> list[int]:
    """The numbers the source's collective numerals give (``een tiental``: 10)."""
    found = []
    for match in _COLLECTIVE.finditer(source):
        number = _collective_number(match)
        if number is not None:
            found.append(number)
    return found


def settle(missing: Counter, extra: Counter, source: str, value) -> None:
    """Takes out of ``missing`` and ``extra`` each collective's number and a number of the
    translation within a fifth of it (``een tiental``, "a dozen"); ``value(text)`` makes a
    number's key."""
    for number in rough_numbers(source):
        ours = value(str(number))
        if missing.get(ours, 0) <= 0:
            continue
        near = next(
            (
                v
                for v, count in sorted(extra.items(), key=lambda kv: str(kv[0]))
                if count > 0 and v.kind == "number" and _near(v.text, number)
            ),
            None,
        )
        if near is not None:
            missing[ours] -= 1
            extra[near] -= 1


def _near(text: str, number: int) -> bool:
    try:
        return abs(float(text) - number) <= ROUGHLY * number
    except ValueError:
        return False


_AGED_TENS = {"twin": 20, "der": 30, "veer": 40, "vijf": 50, "zes": 60, "zeven": 70}
_AGED_TENS |= {"tach": 80, "negen": 90, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_AGED_TENS |= {"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_AGED = {
    "nl": re.compile(r"\b(twin|der|veer|vijf|zes|zeven|tach|negen)tigers?\b", re.IGNORECASE),
    "en": re.compile(
        r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-?somethings?\b", re.I
    ),
}


def ages_by_decade(text: str, lang: str) -> str:
    """``text`` with each word for people by the decade of their age as its tens
    (``dertigers``, "thirtysomethings": 30; "people in their thirties" is a decade, read as
    one)."""
    return _AGED[lang].sub(lambda m: f" {_AGED_TENS[m.group(1).lower()]} ", text)
