"""Ordinals in the ``numbers`` check, and the names and abbreviations rules that came with
them: each rule on sentences it must flag and on sentences it must leave alone."""

from __future__ import annotations

import sys

import pytest

import translate.checks.numbers  # noqa: F401
from tests.helpers import check_messages as _all
from translate.checks import Sentence
from translate.checks.ordinals import ordinal_changes, ordinals

numbers = sys.modules["translate.checks.numbers"].numbers


def _numbers(source: str, translation: str) -> list[str]:
    return [f.message for f in numbers(Sentence(0, source, translation))]


def test_ordinals_are_read_in_words_and_digits_on_either_side():
    assert ordinals("Voor de derde keer, in de 19e eeuw, op de 21ste.", "nl") == (3, 19, 21)
    assert ordinals("For the third time, in the 19th century, firstly.", "en") == (1, 3, 19)
    # names, dates, the unit "second" and fractions are left out
    assert ordinals("De Tweede Kamer en de Eerste Kamer; een derde van de kiezers.", "nl") == ()
    assert ordinals("The Second World War, on March 3rd, one second behind, a third.", "en") == ()
    assert ordinals("On March 3rd.", "en", every=True) == (3,)


@pytest.mark.parametrize(
    ("source", "translation", "lost", "added"),
    [
        ("Hij won voor de derde keer.", "He won for the second time.", "3rd", "2nd"),
        ("De 19e eeuw was zwaar.", "The 18th century was hard.", "19th", "18th"),
        ("Het was de elfde editie.", "It was the twelfth edition.", "11th", "12th"),
        (
            "Ze werd derde, een seconde achter de winnaar.",
            "She came second, one second behind.",
            "3rd",
            "2nd",
        ),
    ],
)
def test_an_ordinal_replaced_by_another_is_a_finding(source, translation, lost, added):
    assert ordinal_changes(source, translation) == ([lost], [added])
    (message,) = _numbers(source, translation)
    assert message == f"numbers: {lost} in the source, {added} in the translation"


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("De Tweede Kamer stemt op 3 maart.", "The House votes on March 3rd."),
        ("Hij eindigde als tweede.", "He finished runner-up."),
        ("Rotterdam is de op één na grootste stad.", "Rotterdam is the second-largest city."),
        ("Ze werd derde, een seconde achter de winnaar.", "She came third, one second behind."),
        ("Ten eerste is het duur, ten tweede laat.", "Firstly it is dear, secondly late."),
        ("Op Tweede Kerstdag won hij voor de derde keer.", "On Boxing Day he won a third time."),
        ("Voor het eerst sinds de Tweede Wereldoorlog.", "For the first time since World War II."),
        ("Hij won de vijfde etappe.", "He won stage 5."),
        ("Op zijn zesde verhuisde hij.", "At six he moved."),
        ("Het gebouw telt eenentwintig verdiepingen.", "The building has twenty-one floors."),
    ],
)
def test_an_ordinal_dropped_kept_or_given_as_its_cardinal_is_no_finding(source, translation):
    assert _numbers(source, translation) == []


def test_a_compound_on_a_known_name_and_a_slash_between_names_are_no_missing_name():
    assert _all("Het Tweede Kamerlid stelde vragen.", "The MP asked questions.") == []
    assert _all("De Noord/Zuidlijn rijdt weer.", "The North/South line is running again.") == []
    assert _all("De Noord/Zuidlijn rijdt weer.", "The East/West line is running again.")
    assert _all("De Tweede Kamer stemde in.", "The Senate agreed.")


def test_an_agency_known_by_its_acronym_may_be_spelled_out_but_not_replaced():
    assert _all("Het UWV keert uit.", "The Employee Insurance Agency pays out.") == []
    assert (
        _all("Gemeenten voeren de Wmo uit.", "Municipalities carry out the Social Support Act.")
        == []
    )
    assert _all("De OVV onderzoekt het.", "The Dutch Safety Board is investigating it.") == []
    assert _all("Het RIVM adviseert een prik.", "The KNMI recommends a jab.")
    assert _all("Om vijf uur begint het.", "At five it begins.") == []  # "Om" is no OM


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("The waiting lists in the ggz are getting longer.", True),
        ("The waiting lists in the GGZ are getting longer.", False),
        ("The waiting lists in mental health care are getting longer.", False),
    ],
)
def test_a_dutch_abbreviation_kept_in_lower_case_is_untranslated(translation, flagged):
    found = _all("De wachtlijsten in de ggz worden langer.", translation)
    assert any(m.startswith("untranslated:") and "ggz" in m for m in found) is flagged, found
    assert _all("De vrachtwagen reed 90 km per uur.", "The lorry drove at 90 km an hour.") == []
