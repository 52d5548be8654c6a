"""Web and e-mail addresses: found in a sentence as written, kept out of the untranslated
check's Dutch words, and a ``names`` finding where the translation changes one."""

import pytest

from tests.helpers import check_messages
from translate.text.addresses import addresses


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Zie https://www.portofrotterdam.com/nl/cijfers of mail naar info@haven.nl.",
            ("https://www.portofrotterdam.com/nl/cijfers", "info@haven.nl"),
        ),
        ("Kijk op www.haven.nl/kaart (gratis).", ("www.haven.nl/kaart",)),
        ("Meer op kvk.nl/inschrijven, zegt hij.", ("kvk.nl/inschrijven",)),
        ("Dat meldt nu.nl vandaag.", ("nu.nl",)),
        (
            "(zie https://nl.wikipedia.org/wiki/Haven_(Rotterdam)).",
            ("https://nl.wikipedia.org/wiki/Haven_(Rotterdam)",),
        ),
        ("Mail j.de.vries@gemeente.rotterdam.nl!", ("j.de.vries@gemeente.rotterdam.nl",)),
        ("Dat meldt NU.nl vandaag.", ()),  # a capitalised domain is a name
        ("Het bedrijf Booking.com groeit.", ()),
        ("Het kost 3.5 miljoen, o.a. voor de haven.", ()),
    ],
)
def test_addresses_are_found_as_written(text, found):
    assert addresses(text) == found


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        (
            "Kijk voor de uitslagen op www.verkiezingen.nl/uitslag.",
            "For the results, see www.verkiezingen.nl/uitslag.",
            [],
        ),
        (
            "Zie https://www.haven.nl/nl/cijfers of mail info@haven.nl.",
            "See https://www.haven.nl/nl/cijfers or email info@haven.nl.",
            [],  # the address's Dutch words are not the translation's
        ),
        ("Meer op WWW.HAVEN.NL, zegt hij.", "More at www.haven.nl, he says.", []),
        (
            "Kijk voor de uitslagen op www.verkiezingen.nl/uitslag.",
            "For the results, see www.elections.nl/result.",
            ["names: www.verkiezingen.nl/uitslag in the source, not in the translation as written"],
        ),
        (
            "Zie https://www.haven.nl/nl/cijfers voor meer.",
            "See https://www.haven.nl/en/figures for more.",
            [
                "names: https://www.haven.nl/nl/cijfers in the source, "
                "not in the translation as written"
            ],
        ),
        (
            "Stuur uw vragen naar info@haven.nl.",
            "Send your questions to info @ haven.nl.",
            ["names: info@haven.nl in the source, not in the translation as written"],
        ),
    ],
)
def test_a_changed_address_is_a_names_finding(source, translation, expected):
    assert check_messages(source, translation) == expected
