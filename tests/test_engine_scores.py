"""Engine scores: each row's mean log-probability per chosen token, from both engines,
greedy and beam 4, equal in meaning (the model's own log-probabilities of those tokens)."""

import math
import shutil

import pytest
import torch

from tests.helpers import SENTENCES
from translate.config import ModelSpec, RuntimeOptions
from translate.engines import GenerationSettings
from translate.engines.load import load_engine
from translate.engines.torch import TorchEngine
from translate.models.hub import resolve_model

pytestmark = pytest.mark.slow
CAP = 24


@pytest.fixture(scope="module")
def early_ending(tiny_marian, tmp_path_factory):
    """The tiny Marian with its end token made likelier: rows end on EOS before the cap."""
    from transformers import MarianMTModel

    folder = tmp_path_factory.mktemp("models") / "early-ending"
    shutil.copytree(tiny_marian, folder)
    model = MarianMTModel.from_pretrained(folder)
    with torch.no_grad():
        model.final_logits_bias[0, model.config.eos_token_id] = 0.38
    model.save_pretrained(folder)
    return folder


def _teacher_forced_mean(engine, row, tokens, forced_eos):
    """The model's own mean log-probability of ``tokens`` after ``row``, the banned pad
    token excluded (as the greedy search's processors do), a forced final EOS left out."""
    model = engine.model
    decoder = [model.config.decoder_start_token_id, *tokens]
    with torch.inference_mode():
        logits = model(
            input_ids=torch.tensor([row]), decoder_input_ids=torch.tensor([decoder[:-1]])
        ).logits[0]
    logits = logits.clone()
    logits[:, model.config.pad_token_id] = -math.inf
    picked = logits.log_softmax(-1).gather(1, torch.tensor(tokens)[:, None])[:, 0]
    if forced_eos:
        picked = picked[:-1]
    return picked.mean().item()


@pytest.mark.parametrize("model", ["tiny_marian", "early_ending"])
def test_greedy_scores_are_the_models_log_probabilities(model, request):
    folder = request.getfixturevalue(model)
    engine = load_engine(ModelSpec(str(folder)))
    rows = engine.encode(SENTENCES)
    results = engine.generate(rows, GenerationSettings(max_new_tokens=CAP, num_beams=1))
    ended = [r.tokens < CAP - 1 for r in results]
    assert all(ended) if model == "early_ending" else not any(ended)
    for row, result in zip(rows, results, strict=True):
        expected = _teacher_forced_mean(engine, row, list(result.token_ids), result.hit_cap)
        assert result.score == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize("beams", [1, 4])
@pytest.mark.parametrize("model", ["tiny_marian", "early_ending"])
def test_both_engines_score_the_same_tokens_alike(model, beams, request):
    pytest.importorskip("ctranslate2")
    folder = request.getfixturevalue(model)
    rows = load_engine(ModelSpec(str(folder))).encode(SENTENCES)
    settings = GenerationSettings(max_new_tokens=CAP, num_beams=beams)
    engines = {
        "ours": load_engine(ModelSpec(str(folder))),
        "generate": TorchEngine(resolve_model(ModelSpec(str(folder))), own_loop=False),
        "ctranslate2": load_engine(ModelSpec(str(folder)), RuntimeOptions(engine="ctranslate2")),
    }
    results = {name: engine.generate(rows, settings) for name, engine in engines.items()}
    # HF's beam search takes the log-softmax before it bans the pad token, CTranslate2's
    # vocabulary has no pad: the banned token's share is all that may differ
    tolerance = 1e-3 if beams == 1 else 1e-2
    for i in range(len(rows)):
        ours = results["ours"][i]
        assert ours.score is not None and ours.score < 0
        for name in ("generate", "ctranslate2"):
            other = results[name][i]
            assert other.token_ids == ours.token_ids, (name, i)
            assert other.score == pytest.approx(ours.score, abs=tolerance), (name, i)
        assert results["generate"][i].score == pytest.approx(ours.score, abs=1e-5)


def test_summarizer_scores_leave_the_forced_first_token_out(tiny_bart):
    pytest.importorskip("ctranslate2")
    text = ["The council met on Tuesday to discuss the new plan for the city and its bridges."]
    torch_engine = load_engine(ModelSpec(str(tiny_bart)))
    ct2 = load_engine(ModelSpec(str(tiny_bart)), RuntimeOptions(engine="ctranslate2"))
    rows = torch_engine.encode(text)
    settings = GenerationSettings(max_new_tokens=20, min_new_tokens=3, num_beams=1)
    (ours,), (theirs,) = torch_engine.generate(rows, settings), ct2.generate(rows, settings)
    assert ours.token_ids[0] == 0  # BART-cnn's forced <s>
    assert ours.token_ids == theirs.token_ids
    assert ours.score == pytest.approx(theirs.score, abs=1e-3)
