"""Capitalised words and runs of a translation that no name of its source accounts for,
for the ``names`` check: a new name in the place of the source's ("Van Gogh Museum" for
"Stedelijk Museum"), or a long Dutch name translated into words ("Book Week")."""

from __future__ import annotations

import re
from functools import lru_cache

from translate.checks.folding import fold
from translate.checks.name_worded import source_words, words
from translate.checks.name_words import ENGLISH_TITLES, NAME_WORDS
from translate.text.vocabulary import common_english, zipf


def dutch_leaning(new_names: list[str]) -> set[str]:
    """The new names (folded) more common in Dutch text than in English: a Dutch name."""
    folded = {fold(w).removesuffix("'s") for w in new_names}
    return {w for w in folded if zipf(w, "nl") > zipf(w, "en")}


def renamed_groups(translation: str, found, new_names: list[str]) -> set[int]:
    """The groups whose English word stands in a run of capitalised words of the
    translation with a new Dutch name: the name was replaced, not translated ("Van Gogh
    Museum" for "Stedelijk Museum")."""
    dutch = dutch_leaning(new_names)
    if not dutch:
        return set()
    out = set()
    for run in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", translation):
        words = {fold(w).removesuffix("'s") for w in run.group().split()}
        if words & dutch:
            out |= {
                group
                for name, forms, _, group in found
                if any(w in words for f in forms for w in fold(f).split())
            }
    return out


_STARTERS = frozenset(
    "the a an in on at for from to of with by after before during and but this that these "
    "those his her its their our it he she they we i you according since while when".split()
)


def new_capitalised_runs(translation: str, source: str, opening: bool = False) -> list[str]:
    """Runs of two or more capitalised words in ``translation`` with no word from
    ``source``, not starting a sentence (``opening``: they may, unless with a word like
    "The"); titles are left out before a name ("Prime Minister Netanjahoe"), kept before a
    common English word ("State Lottery")."""
    known = source_words(fold(source))
    runs, current, titles, opened = [], [], [], False
    for match in re.finditer(r"[\w'’-]+", translation):
        word = match.group()
        capital = word[0].isupper() and not after_break(translation, match.start())
        title = fold(word).removesuffix("'s") in ENGLISH_TITLES
        if title and (capital or opening and word[0].isupper()):
            if opened:
                current = []  # "Israeli Prime Minister ...": an adjective, then a title
            titles.append(word)
            continue
        # a sentence's first word may open a run ("Book Week starts"), unless it is "The" ...
        opened = opening and word[0].isupper() and not capital and fold(word) not in _STARTERS
        capital = capital or opened
        if capital and (folded := fold(word).removesuffix("'s")) not in known:
            current += (titles if common_english(folded) else []) + [word]
            titles = []
            continue
        titles = []
        if len(current) >= 2:
            runs.append(" ".join(current))
        current = []
    if len(current) >= 2:
        runs.append(" ".join(current))
    return runs


def new_names(translation: str, source: str, found) -> list[str]:
    """Capitalised words of ``translation`` (not starting a sentence, not a title) that are
    neither a word of ``source``, nor a word of an English form of its names or of the
    tables' words of names, nor a cognate of a source word (the same first four letters:
    "Senate" for "Senaat", "Tropical" for "Tropen"), nor a common English word ("Cold" of
    "Cold War": a word of a translated name, not another name) unless it owns ("Mozart's")."""
    ours = source_words(fold(source))
    known = ours | _name_word_forms()
    known |= {w for _, forms, _, _ in found for form in forms for w in words(fold(form))}
    stems = {w[:4] for w in ours if len(w) >= 4}
    return [
        word
        for match in re.finditer(r"[\w'’-]+", translation)
        if (word := match.group())[0].isupper()
        and not after_break(translation, match.start())
        and (folded := fold(word).removesuffix("'s")) not in known
        and folded not in ENGLISH_TITLES
        and folded[:4] not in stems
        and (not common_english(folded) or fold(word).endswith("'s"))
    ]


@lru_cache(maxsize=1)
def _name_word_forms() -> frozenset[str]:
    return frozenset(w for forms in NAME_WORDS.values() for f in forms for w in words(fold(f)))


def after_break(text: str, start: int) -> bool:
    """Whether the word at ``start`` begins a sentence or a quotation inside the text."""
    before = text[:start].rstrip(" \"'“‘(«")
    return not before or before[-1] in ".!?:;"
