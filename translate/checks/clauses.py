"""Clauses counted on either side, for the ``length`` check: a translation that holds fewer
joints between clauses than its source ("en dreigt met acties", ", omdat ...") and is
clearly shorter has most likely dropped one ("De vakbond vindt het voorstel onvoldoende en
dreigt met acties" rendered "The union considers the proposal inadequate").

A joint is a conjunction or a comma (not a decimal comma), and in English a preposition
before a gerund ("fined for selling alcohol"). Those inside a name or a list of
names are left out: between capitalised words ("Volksgezondheid, Welzijn en Sport", "Rutte
en Wilders") and inside a name the tables know ("burgemeester en wethouders")."""

from __future__ import annotations

import re
from functools import lru_cache

_JOINTS = {
    "nl": re.compile(
        r"\b(?:en|maar|omdat|want|zodat|terwijl|doordat|hoewel|waardoor|wanneer|nadat|"
        r"voordat|totdat|zodra|of)\b|,(?!\d)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:and|but|because|as|since|so|while|whereas|although|though|which|who|when|"
        r"after|before|until|once|or|nor)\b|,(?!\d)"
        # a clause said with a preposition and a gerund ("omdat hij ... verkocht": "for
        # selling ...", "door ... te verkopen": "by selling ...")
        r"|\b(?:for|by|without|despite|from|on|upon)\s+\w+ing\b",
        re.IGNORECASE,
    ),
}
# A joint between capitalised words: a name's or a list of names'
_BETWEEN_NAMES = re.compile(r"\b([A-Z][\w'’-]*)(?:,\s*|\s+(?:en|and|of|or)\s+)(?=[A-Z])")


def joints(text: str, lang: str) -> int:
    """How many joints between clauses ``text`` holds."""
    text = _BETWEEN_NAMES.sub(r"\1 ", text)
    if lang == "nl":
        text = _named().sub(" ", text)
    return len(_JOINTS[lang].findall(text))


def clauses_lost(source: str, translation: str) -> int:
    """How many more joints the source holds than the translation (0 at least)."""
    return max(0, joints(source, "nl") - joints(translation, "en"))


@lru_cache(maxsize=1)
def _named() -> re.Pattern:
    """The tables' names with a joint in them ("burgemeester en wethouders")."""
    from translate.checks.name_places import PLACES
    from translate.checks.name_tables import INSTITUTIONS

    names = [k for k in (*INSTITUTIONS, *PLACES) if " en " in k or "," in k]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)
