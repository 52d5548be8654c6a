"""Names translated word by word, for the ``names`` check: ``Glazen Koets`` is the Glass
Coach, a name of common Dutch words that English translates, where the translation holds as
many capitalised common English words that no name of the source accounts for."""

from __future__ import annotations

import re

from translate.checks.folding import fold
from translate.text.vocabulary import common_english, zipf

_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*[^\W_])?", re.UNICODE)


def words(text: str) -> list[str]:
    """The words of ``text`` (names' words: "O'Neill", "St.-Petersburg" are one)."""
    return [w.group() for w in _WORD.finditer(text)]


def source_words(folded: str) -> set[str]:
    """The words of a folded source, and the parts of those with a point ("m.c" of "M.C.
    Escher": the translation's words are read without points)."""
    found = set(words(folded))
    return found | {part for word in found if "." in word for part in word.split(".")}


def translated_word_by_word(found, present, translated: set[int], runs: list[str]) -> set[int]:
    """The groups of the source's names that were translated word by word: a name of two or
    more words the tables do not know, none of them in the translation, for each a run of
    as many (one more or less) capitalised common English words of the translation that no
    name of the source accounts for ("Glazen Koets": Glass Coach), its words Dutch words
    (not a person's: "Herman Koch"). A person's name put in another's place ("Dick Schoof")
    is no such run; each run accounts for one name, and with more such names than runs none
    is excused."""
    known = {w for _, forms, _, _ in found for form in forms for w in words(fold(form))}
    worded: list[int] = []  # the runs' sizes
    for run in runs:
        size = 0
        for word in [*run.split(), ""]:
            folded = fold(word).removesuffix("'s")
            if folded and folded not in known and common_english(folded):
                size += 1
                continue
            if size >= 2:
                worded.append(size)
            size = 0
    groups: dict[int, int] = {}
    for (name, forms, initial, group), here in zip(found, present, strict=True):
        if here or group in translated or forms != (name,) or not _dutch_word(name):
            groups[group] = -1  # a word of it is there, the tables know it, or a person's
        elif groups.get(group, 0) >= 0:
            # a sentence's first word may be a common one: "Directeur De Boer" is one name
            groups[group] = groups.get(group, 0) + (not initial)
    candidates = {group: size for group, size in groups.items() if size >= 2}
    if len(candidates) > len(worded):
        return set()  # which name a run stands for is not known: none is excused
    matched = set()
    for group, size in candidates.items():
        fits = [i for i, words in enumerate(worded) if abs(words - size) <= 1]
        if fits:
            worded.pop(fits[0])
            matched.add(group)
    return matched


def _dutch_word(word: str) -> bool:
    """A Dutch word a name may be made of, and English would translate: clearly more common
    in Dutch than in English ("Glazen", "Koets"; not the names of people, which English
    text holds as much: "Herman", "Koch")."""
    lowered = fold(word)
    return zipf(lowered, "nl") >= zipf(lowered, "en") + 1.0
