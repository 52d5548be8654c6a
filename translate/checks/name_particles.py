"""A surname's particle translated as a word: ``premier De Croo`` rendered "Prime Minister
The Croo", ``Mathieu van der Poel`` rendered "Mathieu of the Poel".

A person's particle is told by what comes before it: a title (``premier De Croo``,
``minister Van Gennip``) or a capitalised word, a first name (``Bart De Wever``; for a
lower-case particle only one of two words or ``ter``/``ten``: ``Mathieu van der Poel``,
since ``Universiteit van Amsterdam`` is rightly "University of Amsterdam"). Such a name is a
finding where the translation holds its surname after an English rendering of the particle
(the, of, of the, from ...) and not after the particle itself.

After any other word a capitalised particle is a surname's (``volgens De Jonge``) or a
place's (``in De Kuip``): there only a rendering no English sentence would write is a
finding: "The" capitalised inside the sentence ("According to The Jonge"; "at the Kuip" is
right), or a ``van`` rendered at all ("said Of Gennip", "according to from Gennip").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate.checks.name_words import NOT_NAMES, TITLES

# Every word tried as ``before`` (a lookahead: "van De Croo" is "van" before "De Croo");
# "van de", "Van der" are one particle, "van De Croo" a preposition and a surname
_PARTICLE = re.compile(
    r"(?<![\w'’-])(?=(?P<before>[^\W\d_][\w'’-]*)\s+"
    r"(?P<particle>[Vv]an\s+(?:de[nr]?|het|'t)|(?i:van|de|den|der|ten|ter))\s+"
    r"(?P<surname>[A-Z][\w'’-]*[^\W\d_]))"
)
_TWO_WORDS = re.compile(r"van\s+\S+|ten|ter")
# What ends the name of a neighbourhood, street or square in a compound, never a surname
# ("Vogelwijk", "Kerkstraat"; "Van der Laan" is one)
_PLACE = re.compile(r"[a-z]{3}(?:wijk|buurt|straat|laan|plein|gracht|kade|singel|polder)$")
# A plural of people ("Bewoners", "Onderzoekers"), no first name
_PEOPLE = re.compile(r"..(?:ers|eurs|isten)$", re.I)
_RENDERED = r"(?:the|of|of\s+the|from|from\s+the)"
_RENDERED_VAN = r"(?:of|of\s+the|from|from\s+the)"


def translated_particles(source: str, translation: str) -> Iterator[tuple[str, str]]:
    """Each person's name of ``source`` whose particle ``translation`` renders as a word:
    the name and the translation's words for it (none in a heading in title case: "Kosten
    Van Het Plan")."""
    words = re.findall(r"[^\W\d_]+", source)
    if len(words) >= 3 and all(w[0].isupper() for w in words):
        return
    for match in _PARTICLE.finditer(source):
        before, particle, surname = match.group("before", "particle", "surname")
        if surname.isupper():
            continue  # an acronym: "Hof van Justitie van de EU"
        if _PLACE.search(surname):
            continue  # a neighbourhood or a street: "Bewoners van de Vogelwijk"
        title = before.lower() in TITLES
        first_name = before[0].isupper() and before.lower() not in NOT_NAMES and not title
        first_name = first_name and not _PEOPLE.search(before)  # "Bewoners", "Reizigers"
        rendering, flags = _RENDERED, re.IGNORECASE
        if particle[0].isupper() and not (title or first_name):
            if particle.lower().startswith("van"):
                rendering = _RENDERED_VAN
            else:  # "The" inside the sentence, capitalised as no article is
                rendering, flags = r"(?<=[\w,;:] )(?:The|Of\s+the|From\s+the)", 0
        elif not particle[0].isupper():
            if not (first_name and _TWO_WORDS.fullmatch(particle.lower())):
                continue
        kept = r"\b" + re.escape(particle) + r"\s+" + re.escape(surname) + r"\b"
        if re.search(kept, translation, re.IGNORECASE):
            continue
        rendered = re.search(
            r"\b" + rendering + r"\s+" + re.escape(surname) + r"\b", translation, flags
        )
        if rendered:
            yield f"{particle} {surname}", rendered.group()
