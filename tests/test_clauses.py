"""Joints between clauses, counted for the ``length`` check's dropped-clause rule."""

from __future__ import annotations

from translate.checks.clauses import clauses_lost, joints


def test_joints_are_conjunctions_and_commas_not_decimals_or_names():
    assert joints("Hij kwam, zag en overwon, maar ging toen weg.", "nl") == 4
    assert joints("De prijs steeg met 5,4 procent.", "nl") == 0
    assert joints("De minister van Volksgezondheid, Welzijn en Sport sprak.", "nl") == 0
    assert joints("Rutte en Wilders spraken elkaar.", "nl") == 0
    assert joints("Het college van burgemeester en wethouders besloot.", "nl") == 0
    assert joints("He came, saw and conquered, but then left.", "en") == 4


def test_clauses_lost_counts_what_the_translation_lacks():
    source = "De school sluit, omdat er te weinig leerlingen zijn en het gebouw te oud is."
    assert clauses_lost(source, "The school is closing because there are too few pupils.") == 2
    full = "The school is closing because there are too few pupils and the building is too old."
    assert clauses_lost(source, full) == 1  # the comma before "omdat" English does without
    assert clauses_lost("Het regent.", "It is raining, and cold.") == 0
