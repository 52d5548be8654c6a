"""Fractions and multiples said in words, for the ``numbers`` check: ``een kwart`` is "a
quarter", ``driekwart`` "three quarters", ``de helft`` and ``half`` "half", ``gehalveerd``
"halved" (all 1/2), ``verdubbeld`` "doubled" (2, as "twice"), ``verdrievoudigd`` "tripled".

A whole number and a half is one number (``mixed_numbers``): ``anderhalf`` and ``anderhalve``
are 1.5, ``tweeënhalf`` and ``twee en een half`` 2.5, as are "two and a half" and "an hour
and a half" (1.5 hours); a half before a scale word is a number too (``een half miljoen`` =
"half a million" = 500,000).

"Half past eight" and ``kwart over acht`` are times, read before these; "half-time" and other
words joined to ``half`` by a hyphen are no fraction, nor is a quarter of the year ("the third
quarter") or of an hour.
"""

from __future__ import annotations

import re

# The hours a quarter is past or to ("kwart voor acht", "a quarter to eight"): a time, read
# before these; "met een kwart voor de helft", "by a quarter to reduce" are fractions
_HOURS = {
    "nl": r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)",
    "en": r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)",
}
_WORDS = {
    "nl": [
        (r"\bdriekwart\b", "3/4"),
        (r"\bkwart\b(?!\s+(?:over|voor)\s+(?:\d|" + _HOURS["nl"] + r")\b)", "1/4"),
        (r"\b(?:helft|halve|half|halfuur|halfjaar)\b|½", "1/2"),
        (r"\b(?:ge)?halve(?:er|erd|ert|ren|ring)\b", "1/2"),
        (r"\b(?:ver)?dubbel(?:d|de|en|t|ing|e)?\b", "2"),
        (r"\b(?:ver)?drievoudig(?:d|de|en|t|ing|e)?\b", "3"),
        (r"\b(?:ver)?viervoudig(?:d|de|en|t|ing|e)?\b", "4"),
    ],
    "en": [
        (r"\bthree[\s-]quarters?\b(?!\s+of\s+an\s+hour\b)", "3/4"),
        (
            r"\b(?:a|one)\s+quarter\b"
            r"(?!\s+(?:(?:past|to)\s+(?:\d|" + _HOURS["en"] + r")|of\s+an\s+hour)\b)",
            "1/4",
        ),
        (r"\bhalf\b(?!-)|½", "1/2"),
        (r"\bhalv(?:e|ed|es|ing)\b", "1/2"),
        (r"\b(?:doubl(?:e|ed|es|ing)|dual|twofold|two-fold)\b", "2"),
        (r"\b(?:tripl|trebl)(?:e|ed|es|ing)\b|\bthreefold\b|\bthree-fold\b", "3"),
        (r"\bquadrupl(?:e|ed|es|ing)\b|\bfourfold\b|\bfour-fold\b", "4"),
    ],
}
_PATTERNS = {
    lang: [(re.compile(pattern, re.IGNORECASE), value) for pattern, value in words]
    for lang, words in _WORDS.items()
}


_SCALE_WORDS = {
    "nl": r"(?:duizend|miljoen|miljard|biljoen)",
    "en": r"(?:thousand|million|billion|trillion)",
}
_MIXED = {
    "nl": [
        (r"\banderhal(?:f|ve)\b", lambda m: "1"),
        (r"\b([a-z]+?)(?:ë|e)nhal(?:f|ve)\b", lambda m: m.group(1)),  # tweeënhalf, vierenhalf
        (r"\b(\d+|[a-zé]+)\s+en\s+een\s+hal(?:f|ve)\b", lambda m: m.group(1)),  # twee en een half
    ],
    "en": [
        (r"\b(\d+|[a-z]+)\s+and\s+a\s+half\b", lambda m: m.group(1)),  # two and a half
    ],
}
_MIXED_PATTERNS = {
    lang: [(re.compile(p, re.IGNORECASE), whole) for p, whole in rules]
    for lang, rules in _MIXED.items()
}
# "an hour and a half", "a year and a half", "two days and a half": the unit between
_AND_A_HALF = re.compile(r"\b(\d+|[a-z]+)\s+([a-z]+)\s+and\s+a\s+half\b", re.IGNORECASE)
_GLYPH = re.compile(r"(?<![\d.,])(\d+)\s?½")
_HALF_SCALE = {
    "nl": re.compile(r"\b(?:een\s+)?hal(?:f|ve)\s+(?=" + _SCALE_WORDS["nl"] + r"\b)", re.I),
    "en": re.compile(r"\b(?:half\s+an?|an?\s+half)\s+(?=" + _SCALE_WORDS["en"] + r"\b)", re.I),
}


def mixed_numbers(text: str, lang: str) -> str:
    """``text`` with each whole number and a half written in digits, in the notation of
    ``lang`` (``anderhalf`` as ``1,5``, "two and a half" as ``2.5``, "an hour and a half" as
    ``1.5 hour``), and a half before a scale word as ``0,5`` (``een half miljoen``)."""
    point = "," if lang == "nl" else "."
    text = _GLYPH.sub(lambda m: f"{m.group(1)}{point}5", text)  # 1½
    if "hal" not in text.lower():
        return text
    for pattern, whole in _MIXED_PATTERNS[lang]:

        def take(match: re.Match, whole=whole) -> str:
            number = _whole(whole(match), lang)
            return match.group() if number is None else f"{number}{point}5"

        text = pattern.sub(take, text)
    if lang == "en":

        def take_unit(match: re.Match) -> str:
            number = _whole(match.group(1), lang)
            if number is None or match.group(2).lower() in ("and", "a", "an", "half"):
                return match.group()
            return f"{number}.5 {match.group(2)}"

        text = _AND_A_HALF.sub(take_unit, text)
    return _HALF_SCALE[lang].sub(f"0{point}5 ", text)


def _whole(word: str, lang: str) -> int | None:
    """A whole number from 1 written in digits or as a word (``twee``, "a"), or None."""
    from text_to_num import alpha2digit

    if word.lower() in ("a", "an", "one", "een", "één"):
        return 1
    digits = word if word.isdigit() else alpha2digit(word, lang, threshold=0)
    return int(digits) if digits.isdigit() and int(digits) > 0 else None


def take_fractions(text: str, lang: str) -> tuple[str, list[str]]:
    """``text`` with its fractions and multiples in words taken out, and their values
    (``"1/2"``; a multiple as its number, ``"2"``)."""
    found: list[str] = []
    for pattern, value in _PATTERNS[lang]:

        def take(match: re.Match, value=value) -> str:
            found.append(value)
            return " "

        text = pattern.sub(take, text)
    return text, found
