import shutil

import pytest
import torch

from tests.fakes import EchoEngine
from translate.config import ModelSpec, TranslationOptions
from translate.engines import CheckpointDefaults, GenerationSettings
from translate.engines.load import load_engine
from translate.stages.translation import Translator
from translate.text.document import parse

pytestmark = pytest.mark.slow


def test_over_long_sentence_is_split_and_every_word_reaches_the_model():
    engine = EchoEngine(max_input_tokens=50)
    words = " ".join(f"woord{i}," for i in range(300)) + " einde."
    document = parse(f"Kop\n\n{words}\n")
    result = Translator(engine).translate(document)
    assert result.translation.render() == document.render()
    assert result.segments == 1 + 7
    (split,) = result.findings
    assert split.kind == "split" and split.sentence == 1 and split.data["pieces"] == 7
    assert "over the model's 50-token limit: translated in 7 pieces" in split.message
    assert all(len(text.split()) < 50 for batch in engine.batches for text in batch)


def test_length_cap_derives_from_source_and_warns_when_hit():
    engine = EchoEngine()
    translator = Translator(engine, options=TranslationOptions(length_ratio=0.5, length_slack=0))
    result = translator.translate(parse("Een twee drie vier vijf zes.\n"))
    assert engine.settings[0].max_new_tokens == 4  # ceil(0.5 * 7 tokens)
    (capped,) = result.findings
    assert capped.kind == "capped" and capped.sentence == 0 and "4-token cap" in capped.message


def test_cap_never_exceeds_checkpoint_max_length():
    engine = EchoEngine(defaults=CheckpointDefaults(max_length=20))
    Translator(engine).translate(parse("Een lange zin " + "met woorden " * 30 + "klaar.\n"))
    assert engine.settings[0].max_new_tokens == 20


def test_batches_across_documents_and_keeps_order():
    engine = EchoEngine()
    translator = Translator(engine, options=TranslationOptions(batch_tokens=4096))
    documents = [parse(f"Artikel {i}.\n\nZin een van {i}. Zin twee van {i}.\n") for i in range(20)]
    results = list(translator.translate_many(documents))
    assert [r.translation.render() for r in results] == [d.render() for d in documents]
    assert len(engine.batches) == 1  # 60 short sentences of 20 documents in one batch


def test_window_bounds_batches():
    engine = EchoEngine()
    translator = Translator(engine, options=TranslationOptions(window_segments=5))
    documents = [parse(f"Zin een van {i}. Zin twee van {i}.\n") for i in range(10)]
    assert len(list(translator.translate_many(documents))) == 10
    assert max(len(b) for b in engine.batches) <= 6


def test_tiny_model_loads_by_path_and_keeps_structure(tiny_marian):
    translator = Translator(load_engine(ModelSpec(str(tiny_marian))))
    document = parse("Kop\n\nDe raad vergaderde. Het plan is klaar.\n\n- punt een\n- punt twee\n")
    result = translator.translate(document)
    english = result.translation
    assert len(english.paragraphs) == 3
    assert [len(p) for p in english.paragraphs] == [1, 1, 2]
    assert [line.prefix for line in english.paragraphs[2]] == ["- ", "- "]
    assert len(english.sentences) == len(document.sentences)
    assert all(s for s in english.sentences)


def test_tiny_model_from_models_dir(tiny_marian, tmp_path):
    shutil.copytree(tiny_marian, tmp_path / "Helsinki-NLP--opus-mt-nl-en")
    engine = load_engine(ModelSpec("Helsinki-NLP/opus-mt-nl-en", offline=True, models_dir=tmp_path))
    assert engine.max_input_tokens == 512
    assert engine.defaults.num_beams == 4


@pytest.mark.parametrize("path", ["own-decoder", "hf-generate"])
def test_engine_halves_batch_on_out_of_memory(tiny_marian, monkeypatch, path):
    engine = load_engine(ModelSpec(str(tiny_marian)))
    sizes = []
    if path == "own-decoder":
        assert engine.loop is not None
        owner, name = engine.loop, "generate"
    else:
        engine.loop = None
        owner, name = engine.model, "generate"
    real = getattr(owner, name)

    def flaky(*args, **kwargs):
        ids = args[0] if args else kwargs["input_ids"]
        sizes.append(ids.shape[0])
        if ids.shape[0] > 2:
            raise torch.OutOfMemoryError("CUDA out of memory")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, flaky)
    rows = engine.encode(["Een zin.", "Nog een zin.", "Drie.", "Vier zinnen hier.", "Vijf."])
    out = engine.generate(rows, GenerationSettings(max_new_tokens=5))
    assert len(out) == 5
    assert sizes == [5, 2, 3, 1, 2]  # 5 fails, 2 runs, 3 fails, 1 and 2 run


class Looping(EchoEngine):
    """Loops on every row ("salad salad ..." to the cap) unless decoding with a repetition
    guard, when it returns the row as the echo engine does."""

    def _result(self, text, settings):
        if settings.repetition_penalty:
            return super()._result(text, settings)
        loop = " ".join(["salade"] * settings.max_new_tokens)
        return type(super()._result(text, settings))(loop, settings.max_new_tokens, True, (), -3.0)


def test_runaway_rows_are_decoded_once_more_together_and_the_repair_kept():
    engine = Looping()
    translator = Translator(engine)
    document = parse("De brug is open.\n\nHet plan is klaar. De raad vergaderde dinsdag.\n")
    result = translator.translate(document)
    assert result.translation.render() == document.render()  # the repairs, kept
    guarded = [s for s in engine.settings if s.repetition_penalty]
    assert len(guarded) == 1 and guarded[0].no_repeat_ngram_size == 3  # one batched retry
    assert len(engine.batches) == 2
    assert [f.kind for f in result.findings] == ["repaired"] * 3
    assert all(r == {"score": None, "kept": True} for r in result.retries)


def test_a_retry_that_does_not_pass_is_not_kept():
    class AlwaysLooping(EchoEngine):
        def _result(self, text, settings):
            loop = " ".join(["salade"] * settings.max_new_tokens)
            return type(super()._result(text, settings))(loop, settings.max_new_tokens, True)

    engine = AlwaysLooping()
    result = Translator(engine).translate(parse("De brug is open.\n"))
    assert len(engine.settings) == 2  # the first decode and one retry, never more
    (capped,) = result.findings
    assert capped.kind == "capped" and "retry_score" in capped.data
    assert result.retries == ({"score": None, "kept": False},)
    off = Translator(AlwaysLooping(), TranslationOptions(repair=False))
    off.translate(parse("De brug is open.\n"))
    assert len(off.engine.settings) == 1


def test_the_batch_budget_comes_from_free_device_memory():
    from translate.config import DEFAULT_BATCH_TOKENS, MAX_BATCH_TOKENS, tokens_that_fit

    class OnAGpu(EchoEngine):
        device = "cuda:0"

        def token_budget(self, beams):
            self.asked = beams
            return 100_000

    engine = OnAGpu()
    translator = Translator(engine, TranslationOptions(beams=4))
    assert engine.asked == 4
    assert translator.batch_tokens == 100_000 and translator.window_segments == 6_250
    # an explicit --batch-tokens wins; an estimate never goes below the device's default
    assert Translator(engine, TranslationOptions(batch_tokens=512)).batch_tokens == 512
    engine.token_budget = lambda beams: 1_000
    assert Translator(engine).batch_tokens == DEFAULT_BATCH_TOKENS["cuda"]
    assert Translator(EchoEngine()).batch_tokens == DEFAULT_BATCH_TOKENS["cpu"]
    # opus-mt's shape in fp16, beam 4: an 8 GB card fits about its default, an H200 the cap
    assert 12_000 < tokens_that_fit(8 * 2**30, 6, 512, 67028, 4, 2) < 20_000
    assert tokens_that_fit(130 * 2**30, 6, 512, 67028, 4, 2) == MAX_BATCH_TOKENS or (
        tokens_that_fit(130 * 2**30, 6, 512, 67028, 4, 2) > 200_000
    )
