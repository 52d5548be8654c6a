"""The language check: Dutch translated, English copied through, others refused."""

import re

import pytest

from tests.fakes import EchoEngine
from translate.run.core import DONE, FAILED, Article, Pipeline
from translate.stages.translation import Translator
from translate.text.language import detect

pytest.importorskip("py3langid")

DUTCH = (
    "De gemeenteraad van Amsterdam heeft dinsdag ingestemd met het nieuwe fietsplan. "
    "Volgens de wethouder kost het project ongeveer duizend euro per straat."
)
ENGLISH = (
    "The Amsterdam city council approved the new cycling plan on Tuesday. According to the "
    "alderman the project costs about a thousand euros per street."
)
FRENCH = (
    "Le conseil municipal d'Amsterdam a approuvé mardi le nouveau plan vélo. Selon l'adjoint "
    "au maire, le projet coûte environ mille euros par rue."
)
GERMAN = (
    "Der Amsterdamer Stadtrat hat am Dienstag den neuen Fahrradplan beschlossen. Laut dem "
    "Stadtrat kostet das Projekt etwa tausend Euro pro Straße."
)
QUOTING = (
    "De minister citeerde zijn Britse collega: 'We need to act now, this is not a drill.' "
    "Daarna vertrok hij naar Den Haag voor overleg met de coalitie over de begroting en de "
    "plannen voor het komende jaar."
)


def _run(text: str, check: str = "auto"):
    engine = EchoEngine()
    pipeline = Pipeline(Translator(engine), language_check=check)
    (result,) = pipeline.process([Article("a.txt", text)])
    return result, engine


@pytest.mark.parametrize("text", [DUTCH, QUOTING])
def test_dutch_and_dutch_quoting_english_are_translated(text):
    result, engine = _run(text)
    assert result.status == DONE and engine.batches
    assert result.record.language["code"] == "nl" and result.record.language["decided"]


def test_english_is_copied_through_as_its_own_translation():
    result, engine = _run(ENGLISH)
    assert result.status == DONE and not engine.batches  # never sent to the nl-en model
    assert result.translation == ENGLISH + "\n"
    assert result.record.language["code"] == "en" and result.record.counts.segments == 0
    assert any("copied through" in w for w in result.record.warnings)


@pytest.mark.parametrize(
    ("text", "name", "code"), [(FRENCH, "French", "fr"), (GERMAN, "German", "de")]
)
def test_other_languages_fail_naming_language_and_confidence(text, name, code):
    result, engine = _run(text)
    assert result.status == FAILED and not engine.batches
    assert re.match(
        rf"a\.txt: written in {name} \({code}, confidence (0\.9\d|1\.00)\)", result.reason
    )
    assert result.reason.endswith("(--force-language nl to translate it anyway)")


def test_force_language_translates_anything_as_dutch():
    result, engine = _run(FRENCH, check="nl")
    assert result.status == DONE and engine.batches and result.record.language is None
    assert result.record.settings["translation"]["language_check"] == "nl"


def test_short_texts_are_not_judged():
    assert not detect("Hallo.").decided
    result, _ = _run("Hallo daar.")
    assert result.status == DONE
