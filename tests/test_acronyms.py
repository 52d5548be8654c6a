"""Acronyms in the ``names`` and ``length`` checks: Dutch acronyms of things (``cao``,
``WW``) and bodies the tables know, acronyms the tables do not know spelled out in English,
acronym forms found only in capitals, and the repetition of a three-word phrase."""

from __future__ import annotations

import re

import pytest

from tests.helpers import check_messages as _all
from translate.checks.name_acronyms import spelled_out
from translate.checks.repetition import repeats


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            "De vakbonden eisen een nieuwe CAO met vijf procent loonsverhoging.",
            "The unions are demanding a new collective labour agreement with a five percent "
            "pay rise.",
        ),
        (
            "Na zijn ontslag kreeg hij drie maanden WW.",
            "After his dismissal he received three months of unemployment benefit.",
        ),
        ("De ICT-storing trof duizenden klanten.", "The IT outage hit thousands of customers."),
        (
            "Het ministerie van VWS wil de wachtlijsten verkorten.",
            "The Ministry of Health, Welfare and Sport wants to shorten the waiting lists.",
        ),
        (
            "Het LUMC start een proef met een nieuw medicijn.",
            "Leiden University Medical Center is starting a trial of a new drug.",
        ),
    ],
)
def test_a_tabled_acronym_of_a_thing_or_a_body_may_be_written_out(source, translation):
    assert _all(source, translation) == []


@pytest.mark.parametrize(
    ("source", "translation", "run"),
    [
        (
            "De KNHB schorste de speler voor vier wedstrijden.",
            "The Royal Dutch Hockey Association suspended the player for four matches.",
            "Royal Dutch Hockey Association",
        ),
        (
            "Volgens de ILO werken wereldwijd 160 miljoen kinderen.",
            "According to the International Labour Organization, 160 million children work.",
            "International Labour Organization",  # "According" opens no run
        ),
        (
            "De UNHCR schat dat een miljoen mensen op de vlucht zijn.",
            "The UN refugee agency estimates that a million people have fled.",
            "UN refugee agency",
        ),
        (
            "Het NRG in Petten produceert medische isotopen.",
            "The Nuclear Research and Consultancy Group in Petten produces medical isotopes.",
            "Nuclear Research and Consultancy Group",  # "Petten" is the source's
        ),
        (
            "Volgens de KNMG-richtlijn beslissen artsen zelf.",
            "According to the Royal Dutch Medical Association's guideline, doctors decide.",
            "Royal Dutch Medical Association's",
        ),
        (
            "De NVM en de VEH zijn het oneens.",
            "The Dutch Association of Estate Agents and the Dutch Homeowners' Association "
            "disagree.",
            "Dutch Homeowners' Association",  # the first is the tables' NVM
        ),
    ],
)
def test_an_acronym_the_tables_do_not_know_may_be_spelled_out(source, translation, run):
    acronym = [w for w in re.findall(r"\w+", source) if w.isupper() and len(w) > 1][-1]
    assert spelled_out(source, translation) == ((acronym, run),)
    assert _all(source, translation) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("De NVZ waarschuwt voor tekorten.", "The association warns of shortages."),
        # a body the tables know, in the place of the source's
        (
            "De KNMG wil dat artsen beter worden beschermd.",
            "The Royal Dutch Football Association wants doctors to be better protected.",
        ),
        ("Het LUMC start een proef.", "Erasmus MC is starting a trial."),
        ("De ESA lanceert een satelliet.", "NASA is launching a satellite."),
        # two acronyms, one name: one of them is missing
        (
            "De NVZ en de KNMG waarschuwen voor tekorten.",
            "The Dutch Hospital Association is warning of shortages.",
        ),
    ],
)
def test_an_acronym_dropped_or_replaced_is_still_missing(source, translation):
    assert any(m.startswith("names:") for m in _all(source, translation))


def test_a_spelled_out_acronym_lets_the_sentence_grow_but_not_without_bounds():
    source = "De IAEA stuurt inspecteurs naar de kerncentrale."
    spelled = "The International Atomic Energy Agency is sending inspectors to the power plant."
    assert _all(source, spelled) == []
    added = spelled[:-1] + " in the south, where fighting has gone on for many months now."
    assert any(m.startswith("length:") for m in _all(source, added))


def test_an_acronym_that_is_also_a_title_s_abbreviation_is_a_name_in_capitals():
    assert any("ING" in m for m in _all("De ING verhoogt de rente.", "The bank raises rates."))
    assert _all("Ing. Bakker tekende het plan.", "Engineer Bakker drew up the plan.") == []


def test_an_acronym_form_counts_in_capitals_or_as_a_word_not_in_lower_case():
    # "us" is not the US, "who" not the WHO; "Nato" is NATO
    assert any("VS" in m for m in _all("De VS sturen wapens.", "They send us weapons."))
    assert any("WHO" in m for m in _all("De WHO waarschuwt.", "The man who warns."))
    assert _all("De NAVO vergadert.", "Nato is meeting.") == []


def test_a_three_word_phrase_twice_in_a_row_is_a_repetition():
    assert repeats("He was banned for four matches for four matches.") == (
        "for four matches",
        2,
    )
    assert repeats("He was banned for four matches, and for four more.") is None
    assert repeats("They work from home, from home.") == ("from home", 2)
    assert repeats("They work from home, and from the office.") is None
    message = _all(
        "De KNHB schorste de speler voor vier wedstrijden.",
        "The Royal Dutch Hockey Association suspended him for four matches for four matches.",
    )
    assert any(m.startswith("repetition:") for m in message)


@pytest.mark.parametrize(
    ("text", "form", "found"),
    [
        ("the nato summit", "nato", True),
        ("nato's summit", "nato", True),
        ("the natoist", "nato", False),
        ("a snato b", "nato", False),
        ("'s-hertogenbosch, then", "'s-hertogenbosch", True),
        ("lgbtq+ rights", "lgbtq+", True),
        ("x_nato", "nato", False),
        ("nato nato2 nato", "nato", True),
        ("café-owner", "café", True),
        ("", "nato", False),
    ],
)
def test_has_word_finds_a_form_as_words_of_its_own(text, form, found):
    from translate.checks.folding import has_word

    assert has_word(text, form) is found
