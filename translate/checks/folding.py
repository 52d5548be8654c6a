"""Names compared as the ``names`` and ``summary`` checks compare them: folded to lower case
without accents (``Sánchez`` = ``sanchez``), found as whole words."""

from __future__ import annotations

import re
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
    """Whether ``form`` stands in ``text`` as a word or words of its own."""
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) is not None


def holds(text: str, folded: str, form: str) -> bool:
    """Whether ``text`` (``folded``: it folded) holds a name's English ``form``: an acronym
    in capitals or as a word ("Nato", "Unesco"), so that "us" is not the US nor "who" the
    WHO; any other form in any case and with or without accents."""
    if len(form) >= 2 and form.isupper() and form.isalpha():
        return has_word(text, form) or has_word(text, form.capitalize())
    return has_word(folded, fold(form))
