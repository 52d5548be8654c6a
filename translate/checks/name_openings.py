"""A name that opens the sentence, for the ``names`` check: ``Rutte zei ...`` rendered "He
said ..." has lost its name, while ``Regen zorgde ...`` rendered "Rain caused ..." has not.

A sentence's first word is capitalised whatever it is, so ``names`` looks for it only where
its article writes it capitalised elsewhere or the translation nearly copies it. Here one
more case: the first word reads as a name, by its frequencies (wordfreq knows it in Dutch
and sees it in English text too, as names of the news are, but not as a common English
word, and it is no much commoner in Dutch than in English, as Dutch words are: ``Rutte``
3.8 against 2.0, ``Wilders`` 4.2 against 2.6, ``Verstappen`` 3.5 against 2.6; ``Volgens``
5.7 against 0) or as a name Dutch transliterates or ends its own way
(``Dostojevski``: English text holds Dostoyevsky, not the Dutch spelling; ``Catalonië``:
Catalonia); and the translation opens with a pronoun that no word
of the source gives (``Pas later zag hij``: "He only saw later" has its "he" from ``hij``)
or with another name in its place (a capitalised word, not the source's, rare in English:
"Tolstoy", not "Plague"). Where it opens with any other word, that word may be the first
word translated (``Zee``, 5.1 against 3.2: "Sea"), and nothing is said.
"""

from __future__ import annotations

import re

from translate.text.vocabulary import common_english, zipf

# How a name's frequencies lie (Zipf scale): seen in English text, rarer there than in
# Dutch by less than GAP, and no common English word
ENGLISH_AT_LEAST, ENGLISH_BELOW, GAP = 1.0, 4.0, 2.5
NAME_BELOW = 3.5  # a word put in its place is another name when rarer than this in English
DUTCH_NAME = 2.0  # ... or when more common in Dutch, and seen there this often
# A transliterated name: its English spelling seen in English text at least this often, and
# it rarer in Dutch text than this (common Dutch words are read as no name)
SPELLED_AT_LEAST, DUTCH_BELOW = 1.5, 4.0
# An English pronoun and the Dutch words that give it ("Pas later zag hij": "He only saw
# later" has its "he" from "hij")
_PRONOUNS = {
    "he": "hij",
    "she": "zij ze",
    "they": "zij ze hun hen",
    "it": "het dit dat er",
    "his": "zijn",
    "her": "haar",
    "their": "hun",
    "we": "wij we",
    "i": "ik",
}
_FIRST = re.compile(r"[\"'“‘(«\s]*([\w'’-]+)")


def _transliterated(word: str) -> bool:
    """A name Dutch transliterates or ends its own way (``Dostojevski``, ``Jeltsin``,
    ``Catalonië``): English text does not hold it so, but does in English transliteration
    or with an English ending (Dostoyevsky, Yeltsin, Catalonia), and it is no common Dutch
    word (``toen``: "tun")."""
    from translate.checks.folding import fold
    from translate.checks.name_forms import english_endings, english_spelling

    spelled = english_spelling(word)
    folded = fold(word)
    forms = {spelled, *english_endings(folded), *english_endings(spelled)} - {word, folded}
    return (
        zipf(word, "en") < ENGLISH_AT_LEAST
        and zipf(word, "nl") < DUTCH_BELOW
        and any(zipf(form, "en") >= SPELLED_AT_LEAST for form in forms)
    )


def _dutch_name(opening: str, source_words: list[str]) -> bool:
    """Whether a translation's first word is a name more common in Dutch text than in
    English that the source does not hold: no English word, another Dutch name."""
    other = opening.lower().removesuffix("'s")
    dutch = zipf(other, "nl")
    return (
        opening[0].isupper()
        and other not in source_words
        and dutch >= DUTCH_NAME
        and dutch > zipf(other, "en")
        and not common_english(other)  # "Museum", "Week", "Hotel" are English words too
    )


def dropped_opening(name: str, source: str, translation: str) -> bool:
    """Whether ``name``, the first word of ``source``, reads as a name that the
    translation has dropped (it opens with a pronoun the source's words do not give) or
    replaced (it opens with a capitalised word that is no word of the source and rare in
    English)."""
    word = name.lower()
    dutch, english = zipf(word, "nl"), zipf(word, "en")
    by_frequency = dutch > 0 and ENGLISH_AT_LEAST <= english < ENGLISH_BELOW
    first = _FIRST.match(translation)
    if first is None:
        return False
    opening = first.group(1)
    source_words = [w.lower() for w in re.findall(r"[\w'’-]+", source)]
    if english < ENGLISH_BELOW and _dutch_name(opening, source_words):
        return True  # "Groningen will host" for "Leeuwarden is gastheer": a Dutch name
    if not (by_frequency and dutch - english < GAP or _transliterated(word)):
        return False
    if opening.lower() in _PRONOUNS:
        # one more of it than the source's words give: the name became the pronoun
        given = sum(source_words.count(w) for w in _PRONOUNS[opening.lower()].split())
        said = re.findall(rf"\b{opening.lower()}\b", translation.lower())
        return len(said) > given
    # another name in its place: a capitalised word that is no word of the source and rare
    # in English ("Wilders" for "Rutte"; not "Plague" for "Pest")
    other = opening.lower().removesuffix("'s")
    return opening[0].isupper() and other not in source_words and zipf(other, "en") < NAME_BELOW
