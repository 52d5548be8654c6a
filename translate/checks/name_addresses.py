"""Web and e-mail addresses, for the ``names`` check: one the translation changes
(``www.haven.nl/nl/cijfers`` rendered ``www.haven.nl/en/figures``) is a finding."""

from __future__ import annotations

from collections.abc import Iterator

from translate.findings import Finding
from translate.text.addresses import addresses


def address_findings(source: str, translation: str) -> Iterator[Finding]:
    """A ``names`` finding per web or e-mail address of the source the translation does not
    hold as written, case aside."""
    lowered = translation.lower()
    for address in addresses(source):
        if address not in translation and address.lower() not in lowered:
            message = f"names: {address} in the source, not in the translation as written"
            yield Finding("names", message, data={"name": address})
