"""Fractions and multiples said in words, for the ``numbers`` check: ``een kwart`` is "a
quarter", ``driekwart`` "three quarters", ``de helft`` and ``half`` "half", ``gehalveerd``
"halved" (all 1/2), ``verdubbeld`` "doubled" (2, as "twice"), ``verdrievoudigd`` "tripled".

"Half past eight" and ``kwart over acht`` are times, read before these; "half-time" and other
words joined to ``half`` by a hyphen are no fraction, nor is a quarter of the year ("the third
quarter") or of an hour.
"""

from __future__ import annotations

import re

_WORDS = {
    "nl": [
        (r"\bdriekwart\b", "3/4"),
        (r"\bkwart\b(?!\s+(?:over|voor)\b)", "1/4"),
        (r"\b(?:helft|halve|half|halfuur|halfjaar|anderhalf)\b", "1/2"),
        (r"\b(?:ge)?halve(?:er|erd|ert|ren|ring)\b", "1/2"),
        (r"\b(?:ver)?dubbel(?:d|de|en|t|ing|e)?\b", "2"),
        (r"\b(?:ver)?drievoudig(?:d|de|en|t|ing|e)?\b", "3"),
        (r"\b(?:ver)?viervoudig(?:d|de|en|t|ing|e)?\b", "4"),
    ],
    "en": [
        (r"\bthree[\s-]quarters?\b", "3/4"),
        (r"\b(?:a|one)\s+quarter\b(?!\s+(?:past|to|of\s+an\s+hour)\b)", "1/4"),
        (r"\bhalf\b(?!-)", "1/2"),
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
