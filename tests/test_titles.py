"""Names translated in the ``names`` and ``untranslated`` checks: a work's title translated
or kept in Dutch, the maker after ``van`` (a name of their own), and a known name rendered
word by word (``Tweede Kamer``: "Second Chamber")."""

from __future__ import annotations

import pytest

from tests.helpers import check_messages as _all
from translate.checks.name_titles import kept_titles, makers, title_words, titles


def test_a_title_runs_from_the_word_for_the_work_to_its_last_capital_or_its_maker():
    assert titles("Het programma Boer zoekt Vrouw trok twee miljoen kijkers.") == [
        ["Boer", "zoekt", "Vrouw"]
    ]
    assert titles("De film Turks Fruit van Paul Verhoeven is terug.") == [["Turks", "Fruit"]]
    assert titles("Het lied Het is een nacht van Guus Meeuwis scoort.") == [
        ["Het", "is", "een", "nacht"]
    ]
    assert titles("De film van Verhoeven is terug.") == []
    source = "De film Turks Fruit van Paul Verhoeven is terug."
    assert makers(source) == {source.index("Paul")}
    assert makers("Ze studeert aan de Universiteit van Amsterdam.") == set()
    assert "Verhoeven" not in title_words(source)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            "Het programma Boer zoekt Vrouw trok twee miljoen kijkers.",
            "The programme Farmer Wants a Wife drew two million viewers.",
        ),
        (
            "De musical Soldaat van Oranje speelt al jaren.",
            "The musical Soldier of Orange has been running for years.",
        ),
        (
            "De film Bankier van het Verzet trok veel bezoekers.",
            "The film The Resistance Banker drew many visitors.",
        ),
        (
            "Het lied Het is een nacht van Guus Meeuwis scoort weer.",
            "Guus Meeuwis's song Het is een nacht is a hit again.",
        ),
    ],
)
def test_a_title_translated_or_kept_is_no_finding(source, translation):
    assert _all(source, translation) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # the maker dropped or replaced, while the title is translated
        ("De film Turks Fruit van Paul Verhoeven is terug.", "The film Turkish Delight is back."),
        (
            "Het boek Het Diner van Herman Koch werd verfilmd.",
            "Harry Mulisch's book The Dinner was made into a film.",
        ),
        # a title's words missing with no title of the translation's own
        (
            "Het programma Boer zoekt Vrouw trok twee miljoen kijkers.",
            "The programme drew two million viewers.",
        ),
    ],
)
def test_the_maker_of_a_work_is_still_looked_for(source, translation):
    assert any(m.startswith("names:") for m in _all(source, translation))


def test_a_title_kept_in_dutch_is_taken_out_of_the_untranslated_check_only():
    source = "Het lied Het is een nacht van Guus Meeuwis scoort weer."
    assert kept_titles(source, "The song Het is een nacht scores.") == ["Het is een nacht"]
    assert any(
        m.startswith("untranslated:")
        for m in _all(source, "Het lied Het is een nacht van Guus Meeuwis scoort again.")
    )


@pytest.mark.parametrize(
    ("source", "translation", "flagged"),
    [
        # a known name rendered word by word is no other name
        ("De Tweede Kamer nam de motie aan.", "The Second Chamber adopted the motion.", False),
        ("De Hoge Raad bevestigde het vonnis.", "The High Council confirmed the verdict.", False),
        ("Het Openbaar Ministerie ging in beroep.", "The Public Ministry appealed.", False),
        ("De Tweede Kamer nam de motie aan.", "The First Chamber adopted the motion.", True),
        ("Het Openbaar Ministerie ging in beroep.", "The Ministry appealed.", True),
        # ... and a place in a translated name is still looked for
        (
            "Provinciale Staten van Gelderland stemden tegen.",
            "The Provincial States of Overijssel voted against.",
            True,
        ),
        (
            "Provinciale Staten van Gelderland stemden tegen.",
            "The Provincial States of Gelderland voted against.",
            False,
        ),
    ],
)
def test_a_known_name_may_be_rendered_word_by_word(source, translation, flagged):
    assert any(m.startswith("names:") for m in _all(source, translation)) is flagged
