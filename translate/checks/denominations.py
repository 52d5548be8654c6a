"""What an amount is counted in, for the ``numbers`` check: its currency (``60 miljard
dollar`` rendered "60 billion euros" has changed the amount) and percent against percentage
points (``0,25 procentpunt`` rendered "0.25 percent").

Both sides' currencies are compared by name (``euro``, ``€``, "euros" are one); only a
replacement counts (one lost and another added), since a translation may leave one out
("it costs 5" for ``het kost 5 euro``) or say it again. ``pond`` is a weight as often as
money; where English has "pound" either way, the two agree."""

from __future__ import annotations

import re

_CURRENCIES = {
    "nl": {
        "euro": (r"euro'?s?|eurocent(?:en|s)?|cent", "€"),
        "dollar": (r"dollars?|us-dollars?", r"\$"),
        "pound": (r"pond(?:en)?|pond\s+sterling", "£"),
        "yen": (r"yen", "¥"),
        "yuan": (r"yuan|renminbi", ""),
        "rouble": (r"roebels?", ""),
        "franc": (r"franken|frank", ""),
        "krone": (r"kronen|kroon", ""),
        "lira": (r"lira'?s?", ""),
        "peso": (r"peso'?s?", ""),
        "rupee": (r"roepies?", ""),
    },
    "en": {
        "euro": (r"euros?|euro\s?cents?|cents?", "€"),
        "dollar": (r"dollars?", r"\$"),
        "pound": (r"pounds?|sterling", "£"),
        "yen": (r"yen", "¥"),
        "yuan": (r"yuan|renminbi", ""),
        "rouble": (r"roubles?|rubles?", ""),
        "franc": (r"francs?", ""),
        "krone": (r"kron[aeo]r?|krone", ""),
        "lira": (r"liras?|lire", ""),
        "peso": (r"pesos?", ""),
        "rupee": (r"rupees?", ""),
    },
}
# One pattern per language, a named group per currency
_PATTERNS = {
    lang: re.compile(
        "|".join(
            rf"(?P<{name}>\b(?:{words})\b" + (f"|{symbol}" if symbol else "") + ")"
            for name, (words, symbol) in table.items()
        ),
        re.IGNORECASE,
    )
    for lang, table in _CURRENCIES.items()
}
_POINT = re.compile(r"\bprocentpunt(?:en)?\b", re.IGNORECASE)
# "percentage points", or "points" after a number ("rose 2 points")
_POINTS = re.compile(r"\bpercentage[\s-]points?\b", re.IGNORECASE)
_SOME_POINTS = re.compile(
    r"\bpercentage[\s-]points?\b|(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine"
    r"|ten|half\s+a))\s*points?\b",
    re.IGNORECASE,
)
_PERCENT = {
    "nl": re.compile(r"\bprocent\b|%", re.IGNORECASE),
    "en": re.compile(r"\bper\s?cent\b|\bpercent\b|%", re.IGNORECASE),
}


def currencies(text: str, lang: str) -> set[str]:
    """The currencies ``text`` counts in, by their English names."""
    return {match.lastgroup for match in _PATTERNS[lang].finditer(text)}


def denomination_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The currencies (or percentage points) of ``source`` that the translation has
    replaced by others, and those others; two empty lists where none was."""
    ours, theirs = currencies(source, "nl"), currencies(translation, "en")
    lost, added = sorted(ours - theirs), sorted(theirs - ours)
    if not (lost and added):
        lost, added = [], []
    if _POINT.search(source) and not _SOME_POINTS.search(translation):
        if _PERCENT["en"].search(translation):  # "0,25 procentpunt": "0.25 percent"
            lost, added = [*lost, "percentage points"], [*added, "percent"]
    elif _POINTS.search(translation) and not _POINT.search(source):
        if _PERCENT["nl"].search(source):  # "0,25 procent": "0.25 percentage points"
            lost, added = [*lost, "percent"], [*added, "percentage points"]
    return lost, added
