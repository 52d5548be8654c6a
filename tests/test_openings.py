"""A name that opens the sentence, dropped or replaced (``names``): read as a name by its
frequencies, and found missing only where the translation opens with a pronoun the source
does not give, or with another name."""

from __future__ import annotations

import pytest

from tests.helpers import check_messages as _all
from translate.checks.name_openings import dropped_opening


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Wilders wil nieuwe verkiezingen.", "He wants new elections."),
        ("Verstappen won in Monaco.", "He won in Monaco."),
        ("Ajax verloor van PSV.", "They lost to PSV."),
        ("Rutte zei dat het kabinet doorgaat.", "Wilders said that the cabinet will continue."),
        # one "he" more than the source gives
        ("Rutte zei dat hij blijft.", "He said that he is staying."),
        # a name Dutch transliterates (English text holds "Yeltsin", "Dostoyevsky")
        ("Jeltsin was de eerste president.", "He was the first president."),
        ("Dostojevski schreef de roman in 1866.", "Tolstoy wrote the novel in 1866."),
    ],
)
def test_a_name_opening_the_sentence_dropped_or_replaced_is_missing(source, translation):
    name = source.split()[0]
    assert dropped_opening(name, source, translation)
    assert f"names: {name} in the source, not in the translation" in _all(source, translation)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("Wilders wil nieuwe verkiezingen.", "Wilders wants new elections."),
        # a common word: translated, or the translation's pronoun is the source's
        ("Regen zorgde voor overlast.", "Rain caused a nuisance."),
        ("Pest brak uit in de stad.", "Plague broke out in the city."),
        ("Pas later zag hij het gevaar.", "He only saw the danger later."),
        ("Hen werd gevraagd te vertrekken.", "They were asked to leave."),
        ("Elk jaar komt hij terug.", "He comes back every year."),
        ("Volgens hem is het klaar.", "He says it is ready."),
        # a name as English writes it
        ("Poetin sprak met Xi.", "Putin spoke with Xi."),
        ("Jeltsin was de eerste president.", "Yeltsin was the first president."),
        # a common Dutch word that English writes with a rare word is no name
        ("Hagel beschadigde auto's.", "Hail damaged cars."),
    ],
)
def test_a_common_word_opening_the_sentence_is_no_missing_name(source, translation):
    assert _all(source, translation) == []
