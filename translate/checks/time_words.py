"""Times of day and dates, for the ``numbers`` check: the tables it reads them by, and
whether a time kept its half of the day (``half_day_changes``).

A time of day in figures (``8.15 uur``, ``20.00 uur``, ``8:15 p.m.``: ``TIME``), spoken
(``half negen`` = 8:30, ``kwart voor drie`` = 2:45: ``spoken``, ``HOURS``) or as a word
(``middernacht``, "noon": ``TIME_WORDS``); how many times (``tweemaal`` = "twice":
``TIMES``); days of the week and months by name, in either language (``DATE_NAMES``; a
Dutch day in a compound, ``dinsdagavond``, and an English day a Dutch text borrows, "Black
Friday"). English capitalises its days and months ("may" and "march" are verbs). Decades
are read as their tens (``jaren negentig``, ``jaren '90``, "the 1990s": ``decades``).
"""

from __future__ import annotations

import re

TIME = {
    "nl": re.compile(
        r"(?<!\d[.,])\b([01]?\d|2[0-4])(?:[.:]([0-5]\d))?\s*uur\b|\b([01]?\d|2[0-3]):([0-5]\d)\b"
    ),
    "en": re.compile(
        r"(?<!\d[.,])\b([01]?\d|2[0-3])(?:[:.]([0-5]\d))?\s*(a\.m\.|p\.m\.|am\b|pm\b)"
        r"|\b([01]?\d|2[0-3]):([0-5]\d)\b",
        re.IGNORECASE,
    ),
}
HOURS = {
    lang: {word: i + 1 for i, word in enumerate(words.split())}
    for lang, words in (
        ("nl", "één twee drie vier vijf zes zeven acht negen tien elf twaalf"),
        ("en", "one two three four five six seven eight nine ten eleven twelve"),
    )
}
HOURS["nl"]["een"] = 1
# Minutes said before or after an hour ("tien voor half vier" 3:20, "vijf over drie" 3:05,
# "twenty past three" 3:20); one to an hour, not before a word that makes it a range or an
# amount ("five to ten percent", "tien voor drie vakken"): only after "om" or "at", or
# before a point or a word of the time
_MINUTES = {
    "nl": {"vijf": 5, "tien": 10, "twintig": 20},
    "en": {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25, "twenty five": 25},
}
_AT = {
    "nl": r"\b(?:om|tot|vanaf|rond|tegen|omstreeks)\s+",
    "en": r"\b(?:at|until|till|by|around|about|after|before)\s+",
}
_TIME_WORD = {
    "nl": r"uur|'s|’s|vanochtend|vanmiddag|vanavond|vannacht|en|toen|in|op",
    "en": r"in|on|at|this|tonight|tomorrow|yesterday|o'clock|am|pm|a\.m\.|p\.m\.|and|when|the",
}


def _minutes(lang: str) -> list[tuple[str, int, int]]:
    after, before = ("over", "voor") if lang == "nl" else ("past", "to")
    out = []
    then = rf"(?=\s*(?:[.,;:!?)]|$|\s(?:{_TIME_WORD[lang]})\b))"
    for word, minute in sorted(_MINUTES[lang].items(), key=lambda item: -len(item[0])):
        said = word.replace(" ", r"[\s-]")
        if lang == "nl":
            out += [
                (rf"\b{said}\s+over\s+half\s+(\w+)", -1, 30 + minute),
                (rf"\b{said}\s+voor\s+half\s+(\w+)", -1, 30 - minute),
            ]
        for at, then_ in ((_AT[lang], ""), ("", then)):  # after "om" or "at", or before a point
            out += [
                (rf"{at}\b{said}\s+{after}\s+(\w+){then_}", 0, minute),
                (rf"{at}\b{said}\s+{before}\s+(\w+){then_}", -1, 60 - minute),
            ]
    return out


# Spoken times: "half negen" is 8:30, "kwart voor drie" 2:45, "half past eight" 8:30
_HALVES = {
    "nl": [
        (r"\bhalf\s+(\w+)", -1, 30),
        (r"\bkwart\s+over\s+(\w+)", 0, 15),
        (r"\bkwart\s+voor\s+(\w+)", -1, 45),
    ],
    "en": [
        (r"\bhalf\s+past\s+(\w+)", 0, 30),
        (r"\bquarter\s+past\s+(\w+)", 0, 15),
        (r"\bquarter\s+to\s+(\w+)", -1, 45),
    ],
}


def _compiled(said: list[tuple[str, int, int]]) -> list[tuple[re.Pattern, int, int]]:
    # compiled once: the checks use more expressions than ``re``'s cache holds
    return [(re.compile(p, re.IGNORECASE), shift, minute) for p, shift, minute in said]


_SPOKEN = {lang: (_compiled(_minutes(lang)), _compiled(_HALVES[lang])) for lang in ("nl", "en")}
_SAID_MINUTES = {
    lang: re.compile(rf"\b(?:{'|'.join(_MINUTES[lang])})[\s-]+(?:{after}|{before})\b", re.I)
    for lang, (after, before) in (("nl", ("over", "voor")), ("en", ("past", "to")))
}


def spoken(text: str, lang: str) -> list[tuple[re.Pattern, int, int]]:
    """The expressions of spoken times to read ``text`` with, each with the hour's shift
    and the minute, in order: those of minutes before or after an hour (or its half) only
    where ``text`` says some (they are many, and rare), then the halves and quarters."""
    minutes, halves = _SPOKEN[lang]
    return minutes + halves if _SAID_MINUTES[lang].search(text) else halves


# Days of the week and months, in Dutch and in English; a Dutch day in a compound
# ("dinsdagavond", "Aswoensdag"), and an English day a Dutch text borrows ("Black Friday")
_DUTCH_DATE_WORDS = (
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april "
    "mei juni juli augustus september oktober november december"
).split()
ENGLISH_DATE_WORDS = (
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December"
).split()
DATE_WORDS = frozenset(ENGLISH_DATE_WORDS)
DATE_INDEX = {
    w.lower(): i for words in (_DUTCH_DATE_WORDS, ENGLISH_DATE_WORDS) for i, w in enumerate(words)
}
_ENGLISH_DAYS = "|".join(ENGLISH_DATE_WORDS[:7])
# Dutch day and month names English never writes (not "april", "september", ...)
_DUTCH_ONLY_DATES = re.compile(
    r"\b(?:"
    + "|".join(w for w in _DUTCH_DATE_WORDS if w.capitalize() not in ENGLISH_DATE_WORDS)
    + r")\b",
    re.IGNORECASE,
)


def kept_dates(source: str, translation: str) -> str:
    """``source`` without the Dutch day and month names the translation keeps as written (a
    title kept in Dutch: ``Zondag met Lubach``): words of a name, no date."""
    for match in reversed(list(_DUTCH_ONLY_DATES.finditer(source))):
        if re.search(rf"\b{match.group()}\b", translation):
            source = source[: match.start()] + " " + source[match.end() :]
    return source


DATE_NAMES = {
    "nl": re.compile(
        r"(?i:\b(?:as|palm)?(" + "|".join(_DUTCH_DATE_WORDS[:7]) + r")(?:en|s)?"
        r"(?:ochtend|middag|avond|nacht|morgen)?\b"
        r"|\b(" + "|".join(_DUTCH_DATE_WORDS[7:]) + r")(?:maand)?\b)"
        r"|\b(" + _ENGLISH_DAYS + r")s?\b"
    ),
    "en": re.compile(r"\b(" + "|".join(ENGLISH_DATE_WORDS) + r")(?:s\b|\b)"),
}
# Midnight and noon, with the 12 that may stand before them ("12 noon", "12 uur 's nachts")
_TWELVE = r"12(?:[.:]00)?\s*uur\s+(?:'s|’s)\s+"
TIME_WORDS = {
    "nl": re.compile(
        r"\b(middernacht|" + _TWELVE + r"nachts)\b|\b(middaguur|" + _TWELVE + r"middags)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(r"\b(?:12\s+)?(midnight)\b|\b(?:12\s+)?(noon|midday)\b", re.IGNORECASE),
}
TIMES = {"tweemaal": 2, "driemaal": 3, "viermaal": 4, "twice": 2, "thrice": 3}
TIMES_WORDS = {
    "nl": re.compile(r"\b(tweemaal|driemaal|viermaal)\b", re.IGNORECASE),
    "en": re.compile(r"\b(twice|thrice)\b", re.IGNORECASE),
}

# Dutch words that say the half of the day: a time of the sentence may be on a 12-hour clock
_DAYPART = re.compile(
    r"(?<!\w)(?:'s|’s|des)\s+(?:avonds|middags|nachts|ochtends|morgens)\b|\w*avond\b"
)


def half_day_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The times of day whose half of the day changed (``00.15 uur`` rendered "12:15 p.m."):
    times the other side has modulo 12 but in the other half, as ``hour:minute`` on 24
    hours. Only times that say their half count: Dutch minutes on the 24-hour clock
    (``8.15 uur``, ``20.00 uur``; not ``8 uur``, nor a sentence that says ``'s avonds``),
    English "a.m." and "p.m." or an hour past 12."""
    ours, theirs = _halves(source, "nl"), _halves(translation, "en")
    lost, added = [], []
    for key in sorted(ours.keys() & theirs.keys()):
        if ours[key] != theirs[key]:
            lost += [f"{hour}:{key[1]:02d}" for hour in sorted(ours[key] - theirs[key])]
            added += [f"{hour}:{key[1]:02d}" for hour in sorted(theirs[key] - ours[key])]
    return lost, added


# "van 12 tot 17 uur", "tussen 9.30 en 11 uur": the first is a time of day too
_RANGE = re.compile(
    r"\b(van|tussen)\s+(\d{1,2}(?:[.:][0-5]\d)?)\s+(tot|en)\s+(?=\d{1,2}(?:[.:][0-5]\d)?\s*uur\b)"
)
# Holidays English names by their weekday ("Eerste Paasdag": Easter Sunday)
_HOLIDAYS = (
    (re.compile(r"\b(?:eerste\s+(?:paas|pinkster)dag|palmpasen)\b", re.IGNORECASE), "zondag"),
    (re.compile(r"\btweede\s+(?:paas|pinkster)dag\b", re.IGNORECASE), "maandag"),
)


def said_times(text: str, lang: str) -> str:
    """``text`` with the first time of a Dutch range said as one (``van 12 uur tot 17
    uur``), and a holiday English names by its weekday followed by that weekday."""
    if lang != "nl":
        return text
    text = _RANGE.sub(r"\1 \2 uur \3 ", text)
    for pattern, day in _HOLIDAYS:
        text = pattern.sub(lambda m, day=day: f"{m.group()} ({day})", text)
    return text


def _halves(text: str, lang: str) -> dict[tuple[int, int], set[int]]:
    """Each time of day of ``text`` that says its half, by (hour modulo 12, minute): the
    hours on 24 it is given as."""
    said: dict[tuple[int, int], set[int]] = {}
    twelve_hour = lang == "nl" and _DAYPART.search(text) is not None
    for match in TIME[lang].finditer(said_times(text, lang)):
        groups = match.groups()
        if lang == "nl":
            written, minute = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
            hour = int(written) % 24  # 24.00 uur is midnight
            explicit = (minute is not None or hour > 12) and not (twelve_hour and hour <= 12)
        elif groups[0] is not None:
            hour, minute, suffix = int(groups[0]) % 12, groups[1], groups[2].lower()
            hour, explicit = hour + (12 if suffix.startswith("p") else 0), True
        else:
            hour, minute = int(groups[3]), groups[4]
            explicit = hour == 0 or hour > 12
        if explicit:
            said.setdefault((hour % 12, int(minute or 0)), set()).add(hour)
    return said


# Decades: "jaren negentig", "jaren '90", "the nineties", "the 1990s"
_TENS = "twenties thirties forties fifties sixties seventies eighties nineties".split()
_DECADE = {
    "nl": re.compile(r"\bjaren\s+(?:'|’|1[5-9]|20)?([1-9])0\b", re.IGNORECASE),
    "en": re.compile(
        r"(?<![\w.,])(?:'|’|1[5-9]|20)?([1-9])0(?:'|’)?s\b|\b(" + "|".join(_TENS) + r")\b",
        re.IGNORECASE,
    ),
}


def decades(text: str, lang: str) -> str:
    """``text`` with each decade as its tens (``jaren '90``, "the 1990s": 90)."""
    return _DECADE[lang].sub(lambda m: f" {_decade(m)} ", text)


def _decade(match: re.Match) -> str:
    """The tens of a decade (``90`` for the 1990s), as digits; a Dutch number word after
    ``jaren`` ("jaren negentig") is read later, as any number word."""
    if match.group(1):
        return f"{match.group(1)}0"
    if match.lastindex == 2 and match.group(2):
        return str(20 + 10 * _TENS.index(match.group(2).lower()))
    return match.group()
