"""Web and e-mail addresses in a sentence: what a translation must hold exactly as the source
writes it (``https://www.rijksoverheid.nl/nl/cijfers``, ``info@haven.nl``, ``nu.nl``).

A model left to itself translates the words of a path (``/nl/cijfers`` becomes
``/en/figures``) and drops or respaces the dots; the torch engine is held to the address as a
constraint (:class:`translate.stages.translation.Translator`) and the ``names`` check says
where a translation lacks one.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ADDRESS = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+"  # a web address with its scheme, or www.
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b"  # an e-mail address
    # a domain in lower case, with a path or none ("nu.nl", "kvk.nl/inschrijven")
    r"|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|be|com|org|net|eu|nu|info|io)\b"
    r"(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\"»”’"


@lru_cache(maxsize=4096)
def addresses(text: str) -> tuple[str, ...]:
    """The web and e-mail addresses in ``text``, in order, without the punctuation that
    ends the sentence after them (a closing bracket only where the address opened none)."""
    found = []
    for match in _ADDRESS.finditer(text):
        address = match.group()
        bare = "@" not in address and "://" not in address
        domain = address.split("/")[0]
        if bare and not domain.lower().startswith("www.") and domain != domain.lower():
            continue  # a bare domain is one in lower case ("NU.nl" is a name)
        while address and (
            address[-1] in _TRAILING
            or (address[-1] == ")" and address.count("(") < address.count(")"))
        ):
            address = address[:-1]
        if "." in address:
            found.append(address)
    return tuple(dict.fromkeys(found))


def without_addresses(text: str) -> str:
    """``text`` with a space for each of its addresses (no words of theirs are read)."""
    for address in addresses(text):
        text = text.replace(address, " ")
    return text
