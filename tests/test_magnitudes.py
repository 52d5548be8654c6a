"""Plural magnitudes (``duizenden``: thousands) and names opened by a number word
(``Elfstedentocht``: Eleven Cities Tour) in the ``numbers`` check, and words of names
(``Vrede van Munster``: Peace of Münster) in ``names``."""

from __future__ import annotations

import pytest

from tests.helpers import check_messages as _all
from translate.checks.magnitudes import magnitude_changes, magnitudes, money_tons, named_numbers


def test_magnitudes_are_read_as_powers_of_ten_on_either_side():
    assert magnitudes("Duizenden mensen en tienduizenden dieren.", "nl") == {1000, 10**4}
    assert magnitudes("honderden miljoenen euro, enkele honderden mensen", "nl") == {10**8, 100}
    assert magnitudes("hundreds of thousands, a few hundred, dozens", "en") == {10**5, 100, 10}
    assert magnitudes("one hundred and five, 300 people", "en") == set()


@pytest.mark.parametrize(
    ("source", "translation", "lost", "added"),
    [
        ("Duizenden mensen kwamen.", "Hundreds of people came.", "thousands", "hundreds"),
        (
            "Tienduizenden dieren.",
            "Hundreds of thousands of animals.",
            "tens of thousands",
            "hundreds of thousands",
        ),
        (
            "Er kwamen enkele honderden fans.",
            "Several thousand fans came.",
            "hundreds",
            "thousands",
        ),
    ],
)
def test_a_magnitude_replaced_by_another_is_a_finding(source, translation, lost, added):
    assert magnitude_changes(source, translation) == ([lost], [added])
    assert any(m.startswith("numbers:") for m in _all(source, translation))


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Duizenden mensen kwamen.", "Thousands of people came."),
        ("Vele duizenden mensen kwamen.", "Many thousands of people came."),
        ("Tientallen miljoenen euro's.", "Tens of millions of euros."),
        ("Er kwamen een paar honderd fans.", "A few hundred fans came."),
        ("Duizenden mensen kwamen.", "People came in great numbers."),  # dropped: no finding
        ("Tientallen fans kwamen.", "Dozens of fans came."),
        ("Enkele honderden inwoners kwamen.", "Several hundred residents came."),
    ],
)
def test_a_magnitude_kept_or_dropped_is_no_finding(source, translation):
    assert _all(source, translation) == []


def test_a_name_opened_by_a_number_word_holds_the_number_in_words():
    source = "De laatste Elfstedentocht werd in 1997 verreden."
    assert named_numbers(source, "The last Eleven Cities Tour was held in 1997.") == [11]
    assert _all(source, "The last Eleven Cities Tour was held in 1997.") == []
    # in figures it is a number of its own; a changed year is still found
    assert named_numbers(source, "The 11 Cities Tour was held in 1997.") == []
    assert _all(source, "The last Eleven Cities Tour was held in 1987.") != []
    # a lower-case compound opens no name ("achtergrond")
    assert named_numbers("Op de achtergrond stond hij.", "Eight stood in the back.") == []


def test_words_of_historical_names_and_holidays_have_their_english_forms():
    source = "De Tachtigjarige Oorlog eindigde in 1648 met de Vrede van Munster."
    assert _all(source, "The Eighty Years' War ended in 1648 with the Peace of Münster.") == []
    assert _all(source, "The Thirty Years' War ended in 1648 with the Peace of Münster.") != []
    assert _all("Met Driekoningen eten we taart.", "At Epiphany we eat cake.") == []
    assert _all("Met Driekoningen eten we taart.", "At Easter we eat cake.") != []


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        ("Hij verdient een ton per jaar.", "He earns 100,000 euros a year.", False),
        ("De verbouwing kostte anderhalve ton.", "The renovation cost 150,000 euros.", False),
        ("Het kost 2,5 ton.", "It costs 250,000 euros.", False),
        ("Het huis kost vier ton.", "The house costs 40,000 euros.", True),
        # a ton of weight stays one
        ("De vrachtwagen woog vier ton.", "The lorry weighed four tonnes.", False),
        ("De vrachtwagen woog vier ton.", "The lorry weighed five tonnes.", True),
    ],
)
def test_a_ton_of_money_is_a_hundred_thousand_euros(source, translation, flagged):
    assert money_tons("Het huis kost vier ton.", "It costs 400,000 euros.") == (
        "Het huis kost 400.000 euro."
    )
    assert bool(_all(source, translation)) is flagged


def test_people_by_the_decade_of_their_age_hold_its_number():
    source = "Vooral dertigers verlaten de stad."
    assert _all(source, "Mainly thirtysomethings are leaving the city.") == []
    assert _all(source, "Mainly people in their thirties are leaving the city.") == []
    assert _all(source, "Mainly people in their forties are leaving the city.") != []
