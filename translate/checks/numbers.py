"""``numbers``: every number of the source is in the translation, and no other one.

Numbers are compared as values, each language read in its own notation: Dutch ``3,4`` and
``12.000`` are English ``3.4`` and ``12,000``; ``1,2 miljard`` is ``1.2 billion`` (not
``1.2 million``); number words count (``zes`` = ``six`` = 6, read by ``text2num``); times
(``8.15 uur`` = ``8:15``, ``20.00 uur`` = ``8 p.m.``), scores and ranges (``3-1``, ``14 tot
18``), dates (``1 juni`` = ``1 June``), decades (``jaren negentig`` = ``the 1990s``;
``dertigers`` = "people in their thirties") and a number word opening a compound
(``Vierdaagse`` = ``Four Days``) give their numbers. Where
the numbers agree, each keeps its unit of time or measure (``vier jaar`` is not "four
months", ``100 kilometer`` not "100 miles": ``units.py``) and each length its dimension
(``8 meter hoog`` is not "8 metres wide": ``dimensions.py``). Fractions and multiples in
words count (``een kwart`` = "a quarter", ``gehalveerd`` = "halved", ``anderhalf`` = 1.5:
``fractions.py``), and so do rough numbers (``een twintigtal`` = "about twenty":
``approximate.py``); a plural magnitude replaced by another is a finding (``duizenden``
rendered "hundreds": ``magnitudes.py``), and so is a number below zero given above it
(``min vijf graden`` rendered "five degrees": ``signs.py``), an amount in another currency
(``60 miljard dollar`` rendered "60 billion euros") and percentage points given as percent
(``denominations.py``). An amount said in another unit is no finding (``48 uur`` = "two
days", "400 metres (1,312 feet)": ``conversions.py``).
Ordinals (``derde``, ``3e``) are compared on their own: one replaced by another is a
finding, and an ordinal is its cardinal on the other side (``de vijfde etappe`` = "stage
5", ``op zijn zesde`` = "at six": ``ordinals.py``). The word ``een``/``one`` alone (an
article as often as a number) is left out. Times of day, dates in words and decades are read
by ``time_words.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from translate.checks.approximate import ages_by_decade, collectives, settle
from translate.checks.base import Sentence
from translate.checks.conversions import explain
from translate.checks.denominations import denomination_changes
from translate.checks.dimensions import dimension_changes
from translate.checks.fractions import mixed_numbers, take_fractions
from translate.checks.magnitudes import (
    magnitude_changes,
    magnitudes_settled,
    money_tons,
    named_numbers,
)
from translate.checks.notation import SCALED, number_text, scaled_number, short_forms
from translate.checks.ordinals import cardinals_settled, medal_changes, ordinal_changes
from translate.checks.signs import bound_changes, sign_changes, zeros_settled
from translate.checks.time_words import (
    DATE_INDEX,
    DATE_NAMES,
    ENGLISH_DATE_WORDS,
    HOURS,
    TIME,
    TIME_WORDS,
    TIMES,
    TIMES_WORDS,
    decades,
    half_day_changes,
    kept_dates,
    said_times,
    spoken,
)
from translate.checks.units import FORTNIGHT, GOALLESS, unit_changes
from translate.findings import Finding

# Words text2num would read as numbers where they are not (or not for the other language)
_GUARDED = {
    "nl": r"\b(?:een|één|eén)\b(?!\s+(?:honderd|duizend|miljoen|miljard|biljoen)\b)",
    "en": r"(?<!ty[-\s])\b(?:one|hundreds|thousands|millions|billions|dozens|tens)\b"
    r"(?!\s+(?:hundred|thousand|million|billion|trillion)\b)",
}
# A number word opening a Dutch compound whose English keeps the number ("Vierdaagse": Four
# Days, "vijftienjarige": fifteen-year-old, "vijfsterrenhotel": five-star hotel, "driedelige":
# three-part); any number word alpha2digit reads ("vijfentwintig"), but not "een"/"one"
# ("one-off" is no number). English writes them hyphenated: a number word's hyphen before a
# word that is no number word ("eighteen-kilometre", "twenty-four-hour") becomes a space.
_COMPOUND = {
    "nl": re.compile(
        r"\b([a-zë]+?)(daags|daagse|jarig|jarige|jarigen|urig|urige|weeks|weekse|maands|"
        r"maandse|sterren\w*|delig|delige|persoons\w*|baans\w*|koppig\w*)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b((?:twen|thir|for|fif|six|seven|eigh|nine)ty|(?:thir|four|fif|six|seven|eigh|nine)teen"
        r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand)"
        r"-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)(?=[a-z])",
        re.IGNORECASE,
    ),
}
_HMS = re.compile(r"(?<![\d.,:])(\d{1,2})[.:](\d{2})[.:](\d{2})(?![\d.,:]?\d)")
_ORDINAL = {
    "nl": re.compile(r"\b\d+(?:e|ste|de)\b"),
    "en": re.compile(r"\b\d+(?:st|nd|rd|th)s?\b", re.IGNORECASE),  # "two 10ths": text2num's
}
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])|(?<=\w)\d+(?:[.,]\d+)*")
_PLURAL = re.compile(r"(?<=\d)['’]?s\b")
_WORD_FORM = {
    "nl": re.compile(r"\b(?:een|één|eén)\b", re.I),
    "en": re.compile(r"\b(?:one|a|an|single)\b", re.I),
}


def numbers(sentence: Sentence) -> Iterator[Finding]:
    """Findings of kind ``numbers`` for one translated sentence."""
    if "ton" in sentence.source:  # "vier ton" = "400,000 euros"
        sentence = replace(sentence, source=money_tons(sentence.source, sentence.translation))
    kept = kept_dates(sentence.source, sentence.translation)  # "Zondag met Lubach"
    source, translation = values(kept, "nl"), values(sentence.translation, "en")
    missing, extra = source - translation, translation - source
    # One as a word on the other side ("1 op de 3" = "one in three")
    for side, text, lang in ((missing, sentence.translation, "en"), (extra, sentence.source, "nl")):
        if side.get(Value("1")) and _WORD_FORM[lang].search(text):
            side[Value("1")] -= 1
    _times_as_numbers(missing, extra)
    _times_as_numbers(extra, missing)
    _clock_words(missing, extra)
    _clock_words(extra, missing)
    if +missing or +extra:  # "48 uur" = "two days", "400 meter (1,312 feet)"
        explain(missing, extra, sentence.source, sentence.translation, _keys)
    if +missing or +extra:  # "de vijfde etappe" = "stage 5", "op zijn zesde" = "at six"
        cardinals_settled(missing, extra, sentence.source, sentence.translation, Value)
    if +missing or +extra:  # "een tiental" = "a dozen"
        settle(missing, extra, sentence.source, Value)
    if +missing or +extra:  # "five degrees below zero": no 0
        zeros_settled(missing, extra, sentence.source, sentence.translation, Value)
    if +missing or +extra:  # "enkele honderden" = "several hundred"
        magnitudes_settled(missing, extra, sentence.source, sentence.translation, Value)
    for number in named_numbers(sentence.source, sentence.translation) if +extra else ():
        if extra.get(key := Value(str(number)), 0) > 0:  # "Elfstedentocht": Eleven Cities
            extra[key] -= 1
    missing, extra = +missing, +extra
    if not missing and not extra:
        yield from _units(sentence)
        return
    lost, added = sorted(map(str, missing.elements())), sorted(map(str, extra.elements()))
    if lost and added:
        message = f"numbers: {', '.join(lost)} in the source, {', '.join(added)} in the translation"
    elif lost:
        message = f"numbers: {', '.join(lost)} in the source, not in the translation"
    else:
        message = f"numbers: {', '.join(added)} in the translation, not in the source"
    yield Finding("numbers", message, data={"source_only": lost, "translation_only": added})


def _units(sentence: Sentence) -> Iterator[Finding]:
    """A finding where the numbers agree and a span counts another unit ("vier jaar"
    rendered "four months"), a length another dimension ("8 meter hoog": "8 metres
    wide"), a time of day the other half of the day ("20.15 uur": "8:15 a.m.") or an
    ordinal another ("de derde keer": "the second time"), a magnitude another
    ("duizenden": "hundreds"), a number its sign ("min vijf graden": "five degrees") or an
    amount its currency ("dollar": "euros") or its percentage points ("procentpunt":
    "percent")."""
    lost: list[str] = []
    added: list[str] = []
    for changes in _CHANGES:
        more_lost, more_added = changes(sentence.source, sentence.translation)
        lost, added = lost + more_lost, added + more_added
    if lost:
        message = f"numbers: {', '.join(lost)} in the source, {', '.join(added)} in the translation"
        yield Finding("numbers", message, data={"source_only": lost, "translation_only": added})


# What may change where the numbers agree, each giving (the source's, the translation's)
_CHANGES = (
    unit_changes,
    dimension_changes,
    half_day_changes,
    ordinal_changes,
    medal_changes,
    magnitude_changes,
    sign_changes,
    bound_changes,
    denomination_changes,
)
_FRACTIONS = {"0.5": "1/2", "0.25": "1/4", "0.75": "3/4"}


def _keys(number: str) -> list[Value]:
    """The values a number read with its unit may be counted as: itself, a fraction said in
    words ("half" for 0.5), a whole hour as a time of day ("3 uur")."""
    keys = [Value(number)]
    if number in _FRACTIONS:
        keys.append(Value(_FRACTIONS[number], kind="fraction"))
    if number.isdigit() and int(number) <= 24:
        keys.append(Value("", int(number), 0))
    return keys


def _times_as_numbers(times: Counter, numbers: Counter) -> None:
    """Cancels each time in ``times`` against its plain number in ``numbers``: a decimal ("om
    8.15" = "at 8.15") or, for a whole hour, the hour ("om 17 uur" = "at 5 o'clock"; "3 uur"
    may be "3 hours")."""
    for time in [v for v in times if v.kind == "time"]:
        for hour in (time.hour, time.hour % 12 or 12):
            # "11.30" is read as the decimal 11.3
            decimal = f"{hour}.{time.minute:02d}".rstrip("0") if time.minute else str(hour)
            alt = Value(decimal)
            while times[time] > 0 and numbers.get(alt, 0) > 0:
                times[time] -= 1
                numbers[alt] -= 1


def _clock_words(words: Counter, times: Counter) -> None:
    """Cancels midnight and noon in ``words`` against the time of day they are in ``times``
    ("om 24.00 uur" = "at midnight", "om 12 uur" = "at noon"); hours count modulo 12
    elsewhere, but noon is never midnight."""
    for word in [v for v in words if v.kind == "clock"]:
        hours = (0, 24) if word.text == "midnight" else (12,)
        for time in [v for v in times if v.kind == "time" and v.hour in hours]:
            while words[word] > 0 and times[time] > 0:
                words[word] -= 1
                times[time] -= 1


class Value:
    """A number as a value (``"1200000000"``, ``"3.4"``) or a time of day (hour, minute)."""

    __slots__ = ("kind", "text", "hour", "minute")

    def __init__(self, text: str, hour: int = -1, minute: int = -1, kind: str = ""):
        self.kind = kind or ("time" if hour >= 0 else "number")
        self.text, self.hour, self.minute = text, hour, minute

    def _key(self):
        return (
            (self.kind, self.text)
            if self.kind != "time"
            else (self.kind, self.hour % 12, self.minute)
        )

    def __eq__(self, other) -> bool:
        return isinstance(other, Value) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        if self.kind == "time":
            return f"{self.hour}:{self.minute:02d}"
        if self.kind in ("date", "fraction", "clock", "duration"):
            return self.text
        whole, _, fraction = self.text.partition(".")
        grouped = f"{int(whole):,}" if len(whole) > 4 else whole
        return grouped + (f".{fraction}" if fraction else "")

    def __lt__(self, other) -> bool:
        return str(self) < str(other)


@lru_cache(maxsize=4096)
def values(text: str, lang: str) -> Counter:
    """The numbers of ``text`` (in ``lang``: ``nl`` or ``en``) as a multiset of values."""
    from text_to_num import alpha2digit

    found: Counter = Counter()
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    text = short_forms(text, lang)  # "10kg", "£10m"
    text = mixed_numbers(text, lang)  # "anderhalf" = 1,5, "two and a half" = 2.5
    text = collectives(text, lang)  # "een twintigtal" = 20, "a dozen" = 12

    # Times of day first: their digits are not numbers of their own
    def take_time(match: re.Match) -> str:
        groups = [g for g in match.groups()]
        if lang == "nl":
            hour, minute = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
            found[Value("", int(hour), int(minute or 0))] += 1
        else:
            if groups[0] is not None:
                hour, minute, suffix = int(groups[0]), int(groups[1] or 0), groups[2].lower()
                if suffix.startswith("p") and hour < 12:
                    hour += 12
                elif suffix.startswith("a") and hour == 12:  # 12 a.m. is midnight
                    hour = 0
            else:
                hour, minute = int(groups[3]), int(groups[4])
            found[Value("", hour, minute)] += 1
        return " "

    # Midnight and noon in a word, and the 12 that may go with them ("12 noon"): never each
    # other, though their hours are the same modulo 12
    for match in TIME_WORDS[lang].finditer(text):
        found[Value("midnight" if match.group(1) else "noon", kind="clock")] += 1
    text = TIME_WORDS[lang].sub(" ", text)
    # A race's time, hours, minutes and seconds ("2.05.41", "2:05:41"): one duration
    for match in _HMS.finditer(text):
        hours, minutes, seconds = match.groups()
        found[Value(f"{int(hours)}:{minutes}:{seconds}", kind="duration")] += 1
    text = _HMS.sub(" ", text)
    text = TIME[lang].sub(take_time, said_times(text, lang))
    if lang == "en":
        text = FORTNIGHT.sub(" 2 weeks ", text)
    text = GOALLESS[lang].sub(" 0-0 ", text)
    # Days of the week and months by name: part of a date as much as its figures
    for match in DATE_NAMES[lang].finditer(text):
        name = next(g for g in match.groups() if g)
        found[Value(ENGLISH_DATE_WORDS[DATE_INDEX[name.lower()]], kind="date")] += 1
    # Numbers said in a word ("twice", "tweemaal")
    text = TIMES_WORDS[lang].sub(lambda m: f" {TIMES[m.group(1).lower()]} ", text)
    text = _COMPOUND[lang].sub(_compound if lang == "nl" else r"\1 ", text)
    # Decades as their tens ("jaren negentig", "jaren '90" = "the nineties", "the 1990s")
    text = decades(text, lang)
    text = ages_by_decade(text, lang)  # "dertigers": people in their thirties, 30
    for pattern, shift, minute in spoken(text, lang):

        def take_spoken(match: re.Match, shift=shift, minute=minute) -> str:
            word = match.group(1).lower()
            hour = int(word) if word.isdigit() else HOURS[lang].get(word)
            if hour is None or not 1 <= hour <= 24:
                return match.group()
            found[Value("", (hour + shift - 1) % 12 + 1, minute)] += 1
            return " "

        text = pattern.sub(take_spoken, text)
    text, said = take_fractions(text, lang)  # "een kwart", "halved", "verdubbeld"
    found.update(Value(v, kind="fraction" if "/" in v else "") for v in said)
    text = _ORDINAL[lang].sub(" ", text)
    text = re.sub(_GUARDED[lang], " ", text, flags=re.IGNORECASE)

    # Digits with a scale word ("1,2 miljard", "2.5 billion"): one value
    def take_scaled(match: re.Match) -> str:
        number = scaled_number(match, lang)
        if number is not None:
            found[Value(number)] += 1
        return " "

    text = SCALED[lang].sub(take_scaled, text)
    text = alpha2digit(text, lang, threshold=0)
    text = _ORDINAL[lang].sub(" ", text)
    text = _PLURAL.sub("", text)  # "F-35s", "two Boeing 747s": the number, not its last digit
    for match in _NUMBER.finditer(text):
        number = number_text(match.group(), lang)
        if number is not None:
            found[Value(number)] += 1
    return found


def _compound(match: re.Match) -> str:
    """A Dutch compound opening with a number word, the number as digits ("15 jarige")."""
    from text_to_num import alpha2digit

    number = alpha2digit(match.group(1), "nl", threshold=0)
    if not number.isdigit() or number == "1":
        return match.group()
    return f" {number} {match.group(2)}"
