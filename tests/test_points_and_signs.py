"""Compass points (``names``: ``in het zuiden`` rendered "in the north"), numbers below zero
(``numbers``: ``min vijf graden`` rendered "five degrees") and a country's people in the
singular (``Keniaan``: Kenyan)."""

from __future__ import annotations

import pytest

from tests.helpers import check_messages as _all
from translate.checks.directions import direction_changes, points
from translate.checks.signs import negatives, sign_changes


def test_compass_points_are_read_in_either_language():
    assert points("in het zuiden, het noordoosten, een westelijke wind", "nl") == {
        "south",
        "north-east",
        "west",
    }
    assert points("Zuidoost-Azië, het Midden-Oosten; de Noordzee, Oostenrijk", "nl") == {
        "south-east",
        "east",
    }
    assert points("the north-east, southeastern, Western Europe; Westminster", "en") == {
        "north-east",
        "south-east",
        "west",
    }


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        (
            "Het wordt warm in het zuiden van het land.",
            "It gets hot in the north of the country.",
            True,
        ),
        ("De wind komt uit het oosten.", "The wind is coming from the west.", True),
        (
            "Het wordt warm in het zuiden van het land.",
            "It gets hot in the south of the country.",
            False,
        ),
        ("Hij woont in Noord-Holland.", "He lives in Noord-Holland.", False),  # kept: no finding
        ("Er was storm op de Noordzee.", "There was a storm on the North Sea.", False),  # added
    ],
)
def test_a_compass_point_replaced_is_a_names_finding(source, translation, flagged):
    assert bool(direction_changes(source, translation)[0]) is flagged
    assert any(m.startswith("names:") for m in _all(source, translation)) is flagged


def test_numbers_below_zero_are_read_in_either_language_and_not_ranges():
    assert negatives("min vijf graden, -3 graden, tien graden vorst, 2 graden onder nul", "nl") == {
        "-5",
        "-3",
        "-10",
        "-2",
    }
    assert negatives("minus five, -3 degrees, two degrees below zero, ten of frost", "en") == {
        "-5",
        "-3",
        "-2",
        "-10",
    }
    assert negatives("tussen 10-15 graden, min of meer", "nl") == set()
    assert negatives("10 - 15 degrees", "en") == set()


@pytest.mark.parametrize(
    ("source", "translation", "lost", "added"),
    [
        ("Het wordt min vijf graden.", "It will be five degrees.", ["-5"], ["5"]),
        ("Het wordt vijf graden.", "It will be minus five degrees.", ["5"], ["-5"]),
        ("Het wordt min vijf graden.", "It will be five degrees below zero.", [], []),
    ],
)
def test_a_sign_lost_or_added_is_a_numbers_finding(source, translation, lost, added):
    assert sign_changes(source, translation) == (lost, added)
    assert any(m.startswith("numbers:") for m in _all(source, translation)) is bool(lost)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("De Keniaan liep het snelst.", "The Kenyan ran fastest."),
        ("Een Oostenrijker won.", "An Austrian won."),
        ("Een Engelsman won de race.", "An Englishman won the race."),
    ],
)
def test_a_country_s_person_in_the_singular_is_its_english_word(source, translation):
    assert _all(source, translation) == []
    assert _all(source, translation.replace(translation.split()[1], "Ethiopian")) != []
