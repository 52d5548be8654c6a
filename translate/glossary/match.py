"""Finding a glossary's terms in Dutch sentences, and checking a translation realizes them.

Matching is on whole words (a word is letters and digits, joined by ``-`` or an
apostrophe: ``minister-president`` is one word, ``gemeenteraad`` does not match inside
``gemeenteraadslid``), with any run of spaces between the words of a term; where terms
overlap, the longest wins, then the first. A term matches as written with each word's first
letter in either case (``Gemeenteraad``, a heading's ``Raad Van State``), or all in
capitals (``GEMEENTERAAD``, ``RAAD VAN STATE``); an acronym (``NS``) does not match ``ns``. A
term written in capitals in the sentence asks for its English in capitals. An index by first
word makes it one dictionary lookup per word of a sentence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from translate.glossary.reader import Entry, Glossary

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Term:
    """A glossary term found in a sentence: the Dutch words as written there (``start`` and
    ``end`` are character offsets), and the English the translation must hold: the
    glossary's (capitalized where the Dutch term is capitalized at the sentence's start)
    or, for a keep-term, the Dutch words themselves."""

    dutch: str
    english: str
    start: int
    end: int
    line: int
    keep: bool

    def to_json(self) -> dict:
        return {"dutch": self.dutch, "english": self.english, "keep": self.keep}


@dataclass(frozen=True)
class _Pattern:
    entry: Entry
    first: str  # the term's first word
    rest: tuple[str, ...]  # the term's words after the first
    gaps: tuple[str, ...]  # what is between its words, spaces collapsed
    length: int


class Index:
    """A glossary's patterns by their first word (built once per glossary)."""

    def __init__(self, glossary: Glossary):
        self.by_first: dict[str, list[_Pattern]] = {}
        for entry in glossary.entries:
            words = list(_WORD.finditer(entry.dutch))
            if not words:
                continue
            gaps = tuple(
                " ".join(entry.dutch[a.end() : b.start()].split()) or " "
                for a, b in zip(words, words[1:], strict=False)
            )
            pattern = _Pattern(
                entry,
                words[0].group(),
                tuple(w.group() for w in words[1:]),
                gaps,
                len(entry.dutch),
            )
            self.by_first.setdefault(words[0].group().casefold(), []).append(pattern)
        for patterns in self.by_first.values():
            patterns.sort(key=lambda p: -p.length)


def terms_in(glossary: Glossary, sentence: str) -> list[Term]:
    """The glossary's terms in ``sentence``, in order, none overlapping."""
    index = glossary.index
    words = list(_WORD.finditer(sentence))
    found: list[tuple[int, int, Entry]] = []
    for i, word in enumerate(words):
        for pattern in index.by_first.get(word.group().casefold(), ()):
            end = _match(pattern, words, i, sentence)
            if end is not None:
                found.append((word.start(), end, pattern.entry))
    chosen: list[tuple[int, int, Entry]] = []
    for start, end, entry in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, entry))
    return [_term(sentence, start, end, entry) for start, end, entry in sorted(chosen)]


def _match(pattern: _Pattern, words: list[re.Match], i: int, sentence: str) -> int | None:
    """Where the pattern ends if it matches at word ``i``."""
    if i + len(pattern.rest) >= len(words):
        return None
    if not _same(words[i].group(), pattern.first):
        return None
    for k, (word, gap) in enumerate(zip(pattern.rest, pattern.gaps, strict=True)):
        before, current = words[i + k], words[i + k + 1]
        if not _same(current.group(), word):
            return None
        if (" ".join(sentence[before.end() : current.start()].split()) or " ") != gap:
            return None
    return words[i + len(pattern.rest)].end()


def _term(sentence: str, start: int, end: int, entry: Entry) -> Term:
    dutch = sentence[start:end]
    if entry.english is None:
        return Term(dutch, dutch, start, end, entry.line, True)
    english = entry.english
    opening = not sentence[:start].strip(" \t\"'“‘„«(-–—")
    if _capitals(dutch) and not _capitals(entry.dutch):
        english = english.upper()  # a heading in capitals
    elif opening and dutch[:1].isupper() and entry.dutch[:1].islower() and english[:1].islower():
        english = english[:1].upper() + english[1:]
    return Term(dutch, english, start, end, entry.line, False)


def _same(written: str, word: str) -> bool:
    """Whether a sentence's word is a term's word: as written with its first letter in
    either case, or in capitals."""
    return (
        written[1:] == word[1:]
        and written[:1].casefold() == word[:1].casefold()
        or (_capitals(written) and written == word.upper())
    )


def _capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals (two letters at least: "A" is no heading)."""
    return sum(c.isalpha() for c in text) > 1 and text.isupper()


def realized(english: str, translation: str) -> bool:
    """Whether ``translation`` holds ``english`` as whole words (each word's first letter in
    either case: "City Council" is "city council"; any spaces between its words)."""
    return _realization(english).search(translation) is not None


@functools.lru_cache(maxsize=4096)
def _realization(english: str) -> re.Pattern:
    body = r"\s+".join(_word_pattern(part) for part in english.split())
    start = r"(?<!\w)" if english[:1].isalnum() else ""
    end = r"(?!\w)" if english[-1:].isalnum() else ""
    return re.compile(start + body + end)


def _word_pattern(word: str) -> str:
    """A word with its first letter in either case, or in capitals ("City", "CITY")."""
    first, rest = word[:1], word[1:]
    if not first.isalpha():
        return re.escape(word)
    either = f"[{re.escape(first.lower())}{re.escape(first.upper())}]{re.escape(rest)}"
    return either if word.upper() == word else f"(?:{either}|{re.escape(word.upper())})"
