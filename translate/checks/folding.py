"""Names compared as the ``names`` and ``summary`` checks compare them: folded to lower case
without accents (``Sánchez`` = ``sanchez``), found as whole words, acronyms in capitals, and
a near-copy found with ``rapidfuzz`` (a misspelling)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def fold(text: str) -> str:
    """Lower case without accents, one character for one (Sánchez = sanchez), so that
    positions in the folded text are positions in the text."""
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch == "’":
        return "'"
    base = unicodedata.normalize("NFKD", ch)[:1].lower()
    return base if len(base) == 1 else ch


def has_word(text: str, form: str) -> bool:
    """Whether ``form`` stands in ``text`` as a word or words of its own (no word character
    right before or after it). Found without a regular expression: the checks look for
    thousands of forms, more than ``re``'s cache of compiled patterns holds."""
    if not form:
        return False
    start = text.find(form)
    while start != -1:
        end = start + len(form)
        if not (start and _word_char(text[start - 1])) and not (
            end < len(text) and _word_char(text[end])
        ):
            return True
        start = text.find(form, start + 1)
    return False


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def holds(text: str, folded: str, form: str) -> bool:
    """Whether ``text`` (``folded``: it folded) holds a name's English ``form``: an acronym
    in capitals or as a word ("Nato", "Unesco"), so that "us" is not the US nor "who" the
    WHO; any other form in any case and with or without accents."""
    if len(form) >= 2 and form.isupper() and form.isalpha():
        return has_word(text, form) or has_word(text, form.capitalize())
    return has_word(folded, fold(form))


def closest(name: str, words: list[str], cutoff: float) -> str | None:
    """The translation's word closest to ``name``, if close enough (``cutoff``, of
    rapidfuzz's 0-100 ratio) to be the name misspelled."""
    from rapidfuzz import fuzz, process

    # A misspelling keeps the name's length (a translated compound such as "Financiën" for
    # "finance" does not)
    candidates = [w for w in words if 0.8 <= len(w) / max(1, len(name)) <= 1.25]
    best = process.extractOne(name, candidates, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is None or len(name) < 4:
        return None
    return best[0]
