"""Points of the compass, for the ``names`` check: ``in het zuiden van het land`` rendered
"in the north of the country" has changed where it happened, as a changed place name would.

Both sides' compass words are compared as points (``noordoosten``, "north-east" and
"northeastern" are one); only a replacement counts (one lost and another added), since a
translation may drop one ("Noord-Holland" kept as it is) or add one ("the North Sea" for
``de Noordzee``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from translate.findings import Finding

_POINTS = {"noord": "north", "zuid": "south", "oost": "east", "west": "west"}
_NL = re.compile(
    r"\b((?:noord|zuid)(?:oost|west)?|oost|west)(?:en|elijke?|waarts)?\b", re.IGNORECASE
)
_EN = re.compile(
    r"\b((?:north|south)(?:-?(?:east|west))?|east|west)(?:ern|erly|wards?)?\b", re.IGNORECASE
)


def points(text: str, lang: str) -> set[str]:
    """The compass points of ``text`` in English ("north", "south-east")."""
    found = set()
    for match in (_NL if lang == "nl" else _EN).finditer(text):
        word = match.group(1).lower().replace("-", "")
        if lang == "nl":
            for dutch, english in _POINTS.items():
                word = word.replace(dutch, english)
        found.add(re.sub(r"^(north|south)(east|west)$", r"\1-\2", word))
    return found


def direction_changes(source: str, translation: str) -> tuple[list[str], list[str]]:
    """The source's compass points the translation has replaced by others, and those
    others; two empty lists where none was."""
    ours, theirs = points(source, "nl"), points(translation, "en")
    lost, added = ours - theirs, theirs - ours
    if not lost or not added:
        return [], []
    return sorted(lost), sorted(added)


def direction_findings(source: str, translation: str) -> Iterator[Finding]:
    """A ``names`` finding where the translation has replaced a compass point."""
    lost, added = direction_changes(source, translation)
    if lost:
        message = f"names: {', '.join(lost)} in the source, {', '.join(added)} in the translation"
        yield Finding("names", message, data={"source_only": lost, "translation_only": added})
