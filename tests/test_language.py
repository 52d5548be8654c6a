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


QUOTE = '"We will not give up on this fight for a better future," said the minister.'
FRAMED = (
    "De premier sprak dinsdag in Den Haag met de pers over de plannen.\n\n"
    f"{QUOTE}\n\nDaarna vertrok hij naar Brussel voor overleg met de andere leiders.\n"
)


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        (QUOTE, True),
        ("The port of Antwerp handled a record number of containers.", True),
        ("We need to act now, this is not a drill.", True),
        # Dutch with English loans, a Dutch word in English, a short quotation: not kept
        ("De startup lanceerde een nieuwe app voor online marketing en social media.", False),
        ("De CEO zei dat de deal een game changer is voor de hele business.", False),
        ("The cabinet wants to raise the zorgpremie next year by twelve euros.", False),
        ("Yes, we can.", False),
        ("Door de lockdown werkten veel mensen thuis via Zoom en Teams.", False),
    ],
)
def test_a_sentence_that_reads_as_english(sentence, english):
    from translate.text.language import reads_as_english

    assert reads_as_english(sentence) is english


def test_the_evaluation_sets_sentences_by_language():
    """No Dutch sentence of the evaluation data reads as English; most English ones of six
    words or more do (the README gives the figures)."""
    from tests.test_checks import _rows
    from translate.text.language import reads_as_english

    correct, corrupted = _rows("checks-correct.tsv"), _rows("checks-corrupted.tsv")
    dutch = [s for s, _ in correct] + [row[0] for row in corrupted]
    assert not [s for s in dutch if reads_as_english(s)]
    english = [t for _, t in correct if len(t.split()) >= 6]
    assert sum(map(reads_as_english, english)) >= 0.7 * len(english)


def test_an_english_sentence_of_a_dutch_article_is_kept_as_it_is():
    from translate.config import TranslationOptions

    result, engine = _run(FRAMED)
    assert result.status == DONE
    assert QUOTE not in [s for batch in engine.batches for s in batch]  # never sent
    assert f"\n\n{QUOTE}\n\n" in result.translation
    (kept,) = [f for f in result.record.findings if f.kind == "english"]
    assert kept.sentence == 1 and kept.message == "sentence 2 is in English already: kept as it is"
    assert result.record.counts.segments == 2 and result.record.counts.reused == 0
    # off (every article forced to be Dutch): the model gets it
    engine = EchoEngine()
    translator = Translator(engine, TranslationOptions(keep_english=False))
    (result,) = Pipeline(translator, language_check="nl").process([Article("a.txt", FRAMED)])
    assert QUOTE in [s for batch in engine.batches for s in batch]
    assert not [f for f in result.record.findings if f.kind == "english"]
    assert translator.settings()["keep_english"] is False


@pytest.mark.slow
def test_force_language_sends_english_sentences_to_the_model(tiny_marian, tmp_path):
    from typer.testing import CliRunner

    from translate.cli import app

    article = tmp_path / "a.txt"
    article.write_text(FRAMED, encoding="utf-8")
    base = ["file", str(article), "--model", str(tiny_marian), "--no-summary", "--offline"]
    kept = CliRunner().invoke(app, base)
    assert kept.exit_code == 0, kept.output
    assert QUOTE in kept.stdout  # the random model's output, the quotation kept as it was
    forced = CliRunner().invoke(app, [*base, "--force-language", "nl"])
    assert forced.exit_code == 0, forced.output
    assert QUOTE not in forced.stdout  # translated (into the random model's nonsense)
