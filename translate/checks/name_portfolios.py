"""A minister's portfolio, for the ``names`` check: its capitalised words are words,
translated (``minister Klever van Buitenlandse Handel``: Foreign Trade Minister Klever), not
names to find in the translation.

A portfolio is the run of capitalised words after ``minister``, ``staatssecretaris``,
``ministerie`` and the like and ``van`` or ``voor``. Where no surname came before ``van``,
its last word may be the surname (``minister van Buitenlandse Zaken Veldkamp``): it counts
as the portfolio's only if it is a common word or an abstract noun (``Ruimtelijke
Ordening``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate.text.vocabulary import common_dutch

# Endings of the abstract nouns portfolios are made of (Ordening, Veiligheid, Migratie)
_ABSTRACT = re.compile(r"(?:ing|heid|tie|sie|schap|zorg|beleid|relaties|zaken|hulp|ontwikkeling)$")
_PORTFOLIO = re.compile(
    r"\b(?i:minister|ministers|staatssecretaris|staatssecretarissen|ministerie|ministeries|"
    r"bewindspersoon|eurocommissaris|commissaris|departement)\b"
    r"(?P<surname>(?:\s+[A-Z][\w'’-]*){0,3})"
    r"\s+(?:van|voor)\s+(?P<run>[A-Z][\w'’-]*(?:\s+(?:(?:en|van|voor|&)\s+)?[A-Z][\w'’-]*)*)"
)


def portfolio_words(source: str) -> Iterator[tuple[int, int]]:
    """Where each word of a portfolio in ``source`` starts and ends."""
    for match in _PORTFOLIO.finditer(source):
        words = list(re.finditer(r"[\w'’-]+", match.group("run")))
        last = words[-1].group().lower()
        if not (match.group("surname") or common_dutch(last) or _ABSTRACT.search(last)):
            words = words[:-1]
        for word in words:
            yield match.start("run") + word.start(), match.start("run") + word.end()
