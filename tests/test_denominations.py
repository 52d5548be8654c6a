"""What an amount is counted in (``numbers``): a currency replaced, and percentage points
given as percent or the other way round."""

from __future__ import annotations

import pytest

from tests.helpers import check_messages as _all
from translate.checks.denominations import currencies, denomination_changes


def test_currencies_are_read_by_word_and_symbol():
    assert currencies("Het kost € 5, 20 dollar of 3 pond.", "nl") == {"euro", "dollar", "pound"}
    assert currencies("It costs $5, €3 or £2; 100 yen.", "en") == {"dollar", "euro", "pound", "yen"}


@pytest.mark.parametrize(
    ("source", "translation", "lost", "added"),
    [
        ("Het is 60 miljard dollar waard.", "It is worth 60 billion euros.", ["dollar"], ["euro"]),
        ("Het kost € 5.", "It costs $5.", ["euro"], ["dollar"]),
        ("Het steeg 0,2 procentpunt.", "It rose 0.2 percent.", ["percentage points"], ["percent"]),
        (
            "Het steeg 2 procent.",
            "It rose 2 percentage points.",
            ["percent"],
            ["percentage points"],
        ),
    ],
)
def test_a_currency_or_percentage_points_replaced_is_a_finding(source, translation, lost, added):
    assert denomination_changes(source, translation) == (lost, added)
    assert any(m.startswith("numbers:") for m in _all(source, translation))


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Het kost 2,50 euro.", "It costs €2.50."),
        ("Het kost 5 euro.", "It costs 5."),  # left out: no finding
        ("De PVV steeg twee procentpunt.", "The PVV rose two points."),
        (
            "Hij scoorde 20 punten, 50 procent van zijn schoten.",
            "He scored 20 points, 50 percent of his shots.",
        ),
        ("Het weegt een pond.", "It weighs a pound."),
    ],
)
def test_the_same_denomination_or_none_is_no_finding(source, translation):
    assert _all(source, translation) == []


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        # a unit glued to its number, millions after a currency sign
        ("Het weegt 10 kilo.", "It weighs 10kg.", False),
        ("Hij liep 5 kilometer.", "He ran 5km.", False),
        ("Hij nam 500 milligram.", "He took 500mg.", False),
        ("Hij nam 500 milligram.", "He took 500 grams.", True),
        ("Het kost 10 miljoen pond.", "It costs £10m.", False),
        ("Het kost 10 miljoen pond.", "It costs £100m.", True),
        # a race's time in hours, minutes and seconds is one value
        ("Hij finishte in 2.05.41.", "He finished in 2:05:41.", False),
        ("Hij finishte in 2.05.41.", "He finished in 2:05:14.", True),
        # a time written as a decimal ("11.30", read as 11.3)
        ("Het duurde tot half 12.", "It lasted until 11.30.", False),
        ("Het duurde tot half 12.", "It lasted until 11.40.", True),
        # text2num's plural ordinal ("two 10ths") is no number 0
        ("Hij won met twee tienden.", "He won by two tenths of a second.", False),
    ],
)
def test_how_english_writes_amounts_in_short(source, translation, flagged):
    assert any(m.startswith("numbers:") for m in _all(source, translation)) is flagged
