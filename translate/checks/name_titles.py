"""Titles of works, for the ``names`` check: a film, book, programme or musical may be known
in English by its title translated (``het programma Boer zoekt Vrouw``: Farmer Wants a
Wife, ``de musical Soldaat van Oranje``: Soldier of Orange), so the words of its Dutch
title need not be in the translation, where it holds a title of its own.

A title is the capitalised words after a word for a work (``film``, ``boek``,
``programma``, ...) or for making one (``schreef``, ``componeerde``), to the last
capitalised word within the next five words (``Boer zoekt Vrouw trok``: ``Boer zoekt
Vrouw``), or up to its maker (``Het is een nacht van Guus Meeuwis``). The translation
holds a title of its own where it has a capitalised word, not the first of a sentence, that
is no word of the source. The person after ``van`` (``Turks Fruit van Paul Verhoeven``) is
the work's maker, a name of its own, looked for as such."""

from __future__ import annotations

import re

from translate.checks.folding import has_word

_WORKS = (
    "film|films|boek|roman|programma|serie|tv-serie|musical|album|lied|nummer|single|"
    "voorstelling|opera|toneelstuk|tentoonstelling|expositie|show|documentaire|podcast|"
    "gedicht|bundel|dichtbundel|schilderij|spel|game|strip|stripboek|hoorspel|talkshow|quiz|"
    # and what makes one: "Dostojevski schreef Misdaad en straf"
    "schreef|schrijft|componeerde|regisseerde|publiceerde|schilderde"
)
_AFTER_WORK = re.compile(rf"\b(?:{_WORKS})\s+((?:[\w'’-]+\s+){{0,4}}[\w'’-]+)", re.IGNORECASE)
_WORD = re.compile(r"[\w'’-]+")
DUTCH_WORD = 3.0  # a word of a title: wordfreq sees it in Dutch once in a million words
_LONGEST = 60  # characters a title before its maker may run to


def titles(source: str) -> list[list[str]]:
    """The source's titles of works, each as its words (as written)."""
    found, persons = [], None
    for match in _AFTER_WORK.finditer(source):
        persons = makers(source) if persons is None else persons
        following, maker = [], False
        for word in _WORD.finditer(source, match.start(1), match.end(1) + 1 + _LONGEST):
            if word.start() in persons:
                maker = True  # "Turks Fruit van Paul Verhoeven": the title ends before its maker
                break
            following.append(word.group())
        if not following or not following[0][0].isupper():
            continue  # "de film van Verhoeven": no title here
        if maker and len(following) >= 2:  # "Het is een nacht van Guus Meeuwis"
            found.append(following[:-1])
            continue
        following = following[:5]
        last = max(i for i, w in enumerate(following) if w[0].isupper())
        found.append(following[: last + 1])
    return found


def title_words(source: str) -> set[str]:
    """The words of the source's titles of works that are Dutch words, as a translated
    title's are (``Boer``, ``Vrouw``, ``Soldaat``, ``Bankier``; not a rare name in or after
    the title, nor the maker after ``van``)."""
    from translate.text.vocabulary import zipf

    return {w for title in titles(source) for w in title if zipf(w.lower(), "nl") >= DUTCH_WORD}


def kept_titles(source: str, translation: str) -> list[str]:
    """The source's titles that the translation keeps as they are (a song's: ``Het is een
    nacht``): Dutch in the translation, and no untranslated text."""
    found = []
    for title in titles(source):
        text = " ".join(title)
        if has_word(translation, text):
            found.append(text)
    return found


def titled(translation: str, source: str) -> bool:
    """Whether the translation has a capitalised word inside a sentence that is no word of
    the source: a title of its own, translated."""
    known = {w.lower() for w in _WORD.findall(source)}
    for match in _WORD.finditer(translation):
        word = match.group()
        before = translation[: match.start()].rstrip(" \"'“‘(«")
        if word[0].isupper() and before and before[-1] not in ".!?:" and word.lower() not in known:
            return True
    return False


# "van" and a person's name: first name and surname, capitalised ("van Paul Verhoeven")
_BY = re.compile(r"\bvan\s+(?=([A-Z][\w'’-]+)\s+(?:(?:van|de|der|den)\s+)*([A-Z][\w'’-]+))")


def makers(source: str) -> set[int]:
    """Where a person's name starts after ``van`` (``Turks Fruit van Paul Verhoeven``,
    ``Het Diner van Herman Koch``): the maker of a work, a name of its own and not a word
    of the work's (``Universiteit van Amsterdam`` is one name). A person's name is two
    capitalised words, the second no common Dutch word (first names are: ``Paul``), nor a
    portfolio's (``Buitenlandse Zaken``)."""
    from translate.text.vocabulary import common_dutch

    return {match.end() for match in _BY.finditer(source) if not common_dutch(match[2].lower())}
