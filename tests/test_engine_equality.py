"""Our batched engine must produce exactly what plain HF generate produces per sentence."""

import pytest
import torch

from tests.helpers import SENTENCES
from translate.config import ModelSpec, TranslationOptions
from translate.engines import GenerationSettings
from translate.engines.load import load_engine
from translate.stages.translation import Translator
from translate.text import batching
from translate.text.document import parse

pytestmark = pytest.mark.slow


def _reference(engine, row, beams, max_new_tokens):
    with torch.inference_mode():
        out = engine.model.generate(
            input_ids=torch.tensor([row]),
            attention_mask=torch.ones(1, len(row), dtype=torch.long),
            num_beams=beams,
            max_length=max_new_tokens + 1,
        )
    ids = out[0, 1:].tolist()
    eos = engine._eos_ids
    return tuple(ids[: next((i + 1 for i, t in enumerate(ids) if t in eos), len(ids))])


@pytest.mark.parametrize("beams", [1, 4])
def test_sorted_padded_batches_match_one_at_a_time_generate(tiny_marian, beams):
    engine = load_engine(ModelSpec(str(tiny_marian)))
    assert engine.loop is not None  # our decoding loop, not generate, is under test
    rows = engine.encode(SENTENCES)
    batches = batching.plan([len(r) for r in rows], max_tokens=80)
    assert any(len(b) > 1 for b in batches)  # padding really happens
    settings = GenerationSettings(max_new_tokens=24, num_beams=beams)
    ours = {}
    for batch in batches:
        for i, result in zip(
            batch, engine.generate([rows[i] for i in batch], settings), strict=True
        ):
            ours[i] = result.token_ids
    for i, row in enumerate(rows):
        assert ours[i] == _reference(engine, row, beams, 24), SENTENCES[i]


@pytest.mark.parametrize("beams", [1, 4])
def test_translator_text_matches_plain_generate(tiny_marian, beams):
    translator = Translator(
        load_engine(ModelSpec(str(tiny_marian))), TranslationOptions(beams=beams)
    )
    document = parse(" ".join(SENTENCES) + "\n")
    assert document.sentences == SENTENCES
    english = translator.translate(document).translation.sentences
    engine = translator.engine
    for sentence, text, row in zip(SENTENCES, english, engine.encode(SENTENCES), strict=True):
        cap = translator._cap(len(row))
        reference = engine.tokenizer.decode(
            _reference(engine, row, beams, cap), skip_special_tokens=True
        ).strip()
        # batches share the cap of their longest row; compare the part both decoded
        assert text.startswith(reference) or reference.startswith(text), sentence


def test_int8_engine_runs_and_reports(tiny_marian):
    engine = load_engine(ModelSpec(str(tiny_marian)), runtime=_runtime("int8"))
    assert engine.dtype == "int8"
    out = engine.generate(engine.encode(["Een zin."]), GenerationSettings(max_new_tokens=5))
    assert len(out) == 1 and out[0].tokens <= 5


def _runtime(dtype):
    from translate.config import RuntimeOptions

    return RuntimeOptions("cpu", dtype)


@pytest.mark.parametrize("beams", [1, 4])
def test_rows_with_their_own_caps_match_generate_alone(tiny_marian, beams):
    engine = load_engine(ModelSpec(str(tiny_marian)))
    rows = engine.encode(SENTENCES)
    caps = tuple(min(40, 5 + 2 * len(row)) for row in rows)
    settings = GenerationSettings(max_new_tokens=max(caps), num_beams=beams, row_caps=caps)
    results = engine.generate(rows, settings)
    assert len(set(caps)) > 3  # the batch really mixes caps
    for row, cap, result in zip(rows, caps, results, strict=True):
        assert result.token_ids == _reference(engine, row, beams, cap)
        assert result.hit_cap == (len(result.token_ids) >= cap)


@pytest.mark.parametrize("engine_name", ["torch", "ctranslate2"])
@pytest.mark.parametrize("beams", [1, 4])
def test_a_sentence_translates_alone_as_among_longer_ones(tiny_marian, engine_name, beams):
    """Each sentence's output cap comes from its own length: its batch does not change it."""
    if engine_name == "ctranslate2":
        pytest.importorskip("ctranslate2")
    from translate.config import RuntimeOptions

    engine = load_engine(ModelSpec(str(tiny_marian)), RuntimeOptions(engine=engine_name))
    translator = Translator(engine, TranslationOptions(beams=beams, batch_tokens=8192))
    short = "Scholen krijgen geld."
    alone = translator.translate(parse(short + "\n")).translation.sentences
    longer = [s for s in SENTENCES if len(s) > len(short)]
    document = parse("\n\n".join(longer + [short]) + "\n")
    together = translator.translate(document).translation.sentences
    assert together[-1] == alone[0]
