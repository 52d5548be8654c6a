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
