"""Our decoding loop must give exactly what HF ``generate`` gives, token for token: step by
step, and with the static step that CUDA graphs record (on the CPU without the recording,
where a step function built once per shape is called again on every later step of that
shape, so a step input carried anywhere but in its buffers would show as a wrong token)."""

import random

import pytest
import torch
from transformers import AutoModelForSeq2SeqLM

from translate.engines.hf_loop import graphs, loop_for

pytestmark = pytest.mark.slow


@pytest.fixture(params=["step by step", "static step"])
def either_step(request, monkeypatch):
    """Each comparison twice: the eager step, and the static step of CUDA graphs."""
    monkeypatch.setattr(graphs, "GRAPHS", request.param == "static step")
    return request.param


def _model(path, eos_boost=None, dtype=torch.float32):
    """The tiny model; with ``eos_boost``, one whose output length depends on its input.

    Random tiny weights barely listen to the source, so every input decodes the same tokens
    to the length cap. Amplifying cross-attention makes outputs input-dependent, and a bias on
    end-of-sequence makes inputs finish at different steps: the case where inputs leave the
    batch early.
    """
    model = AutoModelForSeq2SeqLM.from_pretrained(path, dtype=dtype).eval()
    if eos_boost is not None:
        eos = model.generation_config.eos_token_id
        with torch.no_grad():
            for layer in model.get_decoder().layers:
                layer.encoder_attn.out_proj.weight.mul_(300)
            model.final_logits_bias[0, eos] += eos_boost
    return model


def _batch(model, n=16, seed=1):
    rng = random.Random(seed)
    eos, pad = model.generation_config.eos_token_id, model.config.pad_token_id
    top = min(model.config.vocab_size, 300)
    rows = [[rng.randrange(5, top) for _ in range(rng.randint(3, 30))] + [eos] for _ in range(n)]
    width = max(map(len, rows))
    ids = torch.tensor([r + [pad] * (width - len(r)) for r in rows])
    return ids, (ids != pad).long()


def _until_eos(row, eos):
    row = row.tolist()[1:]
    return row[: row.index(eos) + 1] if eos in row else row


def _compare(model, settings):
    ids, mask = (t.to(model.device) for t in _batch(model))
    config = model.generation_config
    for name, value in settings.items():
        setattr(config, name, value)
    decoder = loop_for(model)
    assert decoder is not None
    with torch.inference_mode():
        reference = model.generate(input_ids=ids, attention_mask=mask, generation_config=config)
        prepared = decoder.prepare(config, ids)
        assert prepared is not None
        ours, _ = decoder.generate(ids, mask, prepared)
    if graphs.GRAPHS:  # the static step ran, not the eager one
        assert decoder.graphed is not None and decoder.graphed.captured > 0
    else:
        assert decoder.graphed is None
    eos = config.eos_token_id
    expected = [_until_eos(r, eos) for r in reference]
    got = [_until_eos(r, eos) for r in ours]
    for i in (i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b):
        # HF itself can decode a row differently alone than in a batch (the batch shape changes
        # the float rounding, and the amplified weights here make near-ties common). Accept
        # HF's own result for that row alone, as padded in the batch, never anything else.
        with torch.inference_mode():
            alone = model.generate(
                input_ids=ids[i : i + 1], attention_mask=mask[i : i + 1], generation_config=config
            )
        assert got[i] == _until_eos(alone[0], eos), f"row {i}"
    return [len(r) for r in expected]


@pytest.mark.parametrize("beams", [1, 4])
def test_marian_to_the_length_cap(tiny_marian, beams, either_step):
    lengths = _compare(_model(tiny_marian), {"num_beams": beams, "max_length": 40})
    assert set(lengths) == {39}


def test_marian_forced_lengths_as_in_bench(tiny_marian, either_step):
    _compare(_model(tiny_marian), {"num_beams": 4, "max_length": 30, "min_length": 30})


@pytest.mark.parametrize(
    ("boost", "beams"), [(0.2, 4), (0.3, 1), (0.3, 4)], ids=["beam-a", "greedy", "beam-b"]
)
def test_marian_inputs_finishing_at_different_steps(tiny_marian, boost, beams, either_step):
    lengths = _compare(_model(tiny_marian, boost), {"num_beams": beams, "max_length": 40})
    if beams == 1 or boost == 0.2:
        assert len(set(lengths)) > 1, "the test must exercise inputs leaving the batch"


@pytest.mark.parametrize(
    "settings",
    [
        {"num_beams": 1, "max_length": 40, "min_length": 0},
        {"num_beams": 4, "max_length": 40, "min_length": 0},
        {"num_beams": 4, "max_length": 40, "min_length": 0, "early_stopping": False},
        {"num_beams": 4, "max_length": 40, "min_length": 0, "early_stopping": "never"},
        {"num_beams": 4, "max_length": 40, "min_length": 6, "length_penalty": 1.0},
        {"num_beams": 4, "max_length": 40, "min_length": 0, "repetition_penalty": 1.3},
        {"num_beams": 1, "max_length": 40, "min_length": 0, "min_new_tokens": 5},
    ],
    ids=[
        "greedy",
        "beam-early-stop",
        "beam-heuristic",
        "beam-never",
        "beam-min-length",
        "beam-repetition-penalty",
        "greedy-min-new-tokens",
    ],
)
@pytest.mark.parametrize("boost", [0.0, 0.1, 0.2])
def test_bart_checkpoint_settings(tiny_bart, settings, boost, either_step):
    """distilbart's own settings: n-gram blocking, forced BOS/EOS, length penalty 2."""
    lengths = _compare(_model(tiny_bart, boost), settings)
    floor = max(settings["min_length"], settings.get("min_new_tokens", 0))
    assert all(n >= floor for n in lengths)


@pytest.mark.parametrize("beams", [1, 4])
@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["fp16", "bf16"])
@pytest.mark.parametrize("which", ["marian", "bart"])
def test_half_precision_as_on_gpu(tiny_marian, tiny_bart, which, dtype, beams, either_step):
    """The GPU default is fp16: the same loop in half precision (here on the CPU), where the
    logits stay in half precision until the log-softmax (beam) or the chosen token's score
    (greedy) widens them."""
    model = _model(tiny_marian if which == "marian" else tiny_bart, dtype=dtype)
    _compare(model, {"num_beams": beams, "max_length": 40, "min_length": 0})


@pytest.mark.parametrize("beams", [1, 4])
def test_half_precision_with_a_penalty_on_score_values(tiny_bart, beams, either_step):
    """A repetition penalty scales scores, so greedy search widens logits to float32 before
    it, as generate does; in half precision its results would differ."""
    model = _model(tiny_bart, 0.1, dtype=torch.float16)
    settings = {"num_beams": beams, "max_length": 40, "min_length": 0, "repetition_penalty": 1.3}
    _compare(model, settings)


def test_unsupported_settings_fall_back(tiny_marian):
    model = _model(tiny_marian)
    ids, _ = _batch(model)
    loop = loop_for(model)
    config = model.generation_config
    config.do_sample = True
    assert loop.prepare(config, ids) is None
    config.do_sample = False
    config.repetition_penalty = None
    config.temperature = None
    config.suppress_tokens = [5]
    assert loop.prepare(config, ids) is None


@pytest.mark.cuda
@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
@pytest.mark.parametrize("widen", [False, True], ids=["softmax-widens", "widened-first"])
@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16], ids=["fp16", "bf16"])
@pytest.mark.parametrize("beams", [1, 4])
@pytest.mark.parametrize("which", ["marian", "bart"])
def test_on_cuda(tiny_marian, tiny_bart, which, beams, dtype, widen, either_step, monkeypatch):
    """Runs where a GPU is present (skipped in CI): the same comparison on the device, step by
    step and with CUDA graphs, rows ending at different steps (so the batch moves down the
    graphs' row buckets); with the log-softmax reading half precision (the default) and with
    the logits widened first, so a failure of the default alone says it is the reading."""
    from translate.engines.hf_loop import search

    monkeypatch.setattr(search, "WIDEN_FIRST", widen)
    model = _model(tiny_marian if which == "marian" else tiny_bart, 0.2, dtype=dtype).cuda()
    _compare(model, {"num_beams": beams, "max_length": 60, "min_length": 0})


def test_a_changed_transformers_internal_falls_back_to_generate(tiny_marian, monkeypatch, caplog):
    """The loop builds processors with private transformers methods; if one changes, the
    engine must keep working through generate, not fail."""
    from translate.config import ModelSpec
    from translate.engines import GenerationSettings
    from translate.engines.load import load_engine

    engine = load_engine(ModelSpec(str(tiny_marian)))
    rows = engine.encode(["Een zin.", "Nog een andere zin."])
    expected = [r.token_ids for r in engine.generate(rows, GenerationSettings(8, num_beams=4))]

    def renamed(*args, **kwargs):  # what a renamed keyword in a private method looks like
        raise TypeError("_get_logits_processor() got an unexpected keyword argument")

    monkeypatch.setattr("translate.engines.hf_loop.build_plan", renamed)
    calls = []
    real = engine.model.generate
    monkeypatch.setattr(engine.model, "generate", lambda **kw: calls.append(1) or real(**kw))
    with caplog.at_level("WARNING"):
        for _ in range(2):
            got = engine.generate(rows, GenerationSettings(8, num_beams=4))
            assert [r.token_ids for r in got] == expected
    assert len(calls) == 2
    assert sum("own decoding loop unavailable" in r.message for r in caplog.records) == 1


def test_a_model_missing_expected_parts_uses_generate(tiny_bart):
    model = _model(tiny_bart)
    assert loop_for(model) is not None
    del model.get_decoder().layernorm_embedding
    assert loop_for(model) is None


@pytest.mark.parametrize("beams", [1, 4])
def test_top_k_per_beam_first_equals_the_full_top_k(beams):
    from translate.engines.hf_loop.search import top_candidates

    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(6, beams, 500, generator=generator).log_softmax(-1)
    running = torch.randn(6, beams, generator=generator) * 5
    running[:, 1:] -= 1.0e9  # the first step: only the first beam runs
    for past in (running[:, :1].expand(6, beams).clone(), running):
        k = 2 * beams
        values, indices = top_candidates(scores, past, k)
        full_values, full_indices = torch.topk((scores + past[:, :, None]).view(6, -1), k=k)
        assert torch.equal(values, full_values) and torch.equal(indices, full_indices)
    # Ties: the same values; every index chosen holds its value, none twice
    tied = torch.zeros(3, beams, 50)
    tied[:, :, ::7] = 1.0
    running = torch.zeros(3, beams)
    values, indices = top_candidates(tied, running, k)
    assert torch.equal(values, torch.topk(tied.view(3, -1), k=k).values)
    assert torch.equal(tied.view(3, -1).gather(1, indices), values)
    assert all(len(set(row.tolist())) == k for row in indices)
    # Log-probabilities apart whose sums round to a tie: the same values as the full top-k
    close = torch.full((1, beams, 50), -30.0)
    close[0, 0, 3], close[0, 0, 4] = -1.0, -1.0 - 1.0e-6
    running = torch.full((1, beams), -1.0e9)
    running[0, 0] = -1.0e4
    values, indices = top_candidates(close, running, 2)
    full = torch.topk((close + running[:, :, None]).view(1, -1), k=2).values
    assert torch.equal(values, full) and values[0, 0] == values[0, 1]
    assert set(indices[0].tolist()) == {3, 4}


@pytest.mark.parametrize("boost", [None, 3.0])
def test_beam_search_with_top_k_per_beam_matches_generate(
    tiny_marian, boost, monkeypatch, either_step
):
    from translate.engines.hf_loop import search

    monkeypatch.setattr(search, "PER_BEAM_TOPK", True)  # the GPU's path, on the CPU
    _compare(_model(tiny_marian, boost), {"num_beams": 4, "max_length": 40})


class _Scripted:
    """A decoder step that gives every row the same set logits at each position (fp16), to
    drive the search alone; its cache keeps nothing."""

    def __init__(self, logits: torch.Tensor):
        self.logits = logits

    def new_cache(self, rows, length, encoded):
        return self

    def select(self, rows, filled):
        pass

    def __call__(self, tokens, t, cache, encoded, beams):
        return self.logits[t].expand(tokens.shape[0], -1).clone()


def test_greedy_widens_logits_before_a_penalty_on_values(tiny_marian):
    """Where the repetition penalty's division rounds to a tie in fp16 (2.0 / 1.3 is
    1.53846 in float32, 1.53809 in fp16), float32 keeps the penalized token ahead, as in
    generate; the same search on fp16 scores would pick the lower-numbered tied token."""
    from translate.engines.hf_loop import search
    from translate.engines.hf_loop.step import Encoded

    model = _model(tiny_marian, dtype=torch.float16)
    config = model.generation_config
    config.num_beams, config.max_length, config.min_length = 1, 6, 0
    config.repetition_penalty = 1.3
    ids, _ = _batch(model, n=1)
    plan = loop_for(model).prepare(config, ids)
    assert plan.processors.float32
    vocab, chosen, rival = model.config.vocab_size, 20, 10
    logits = torch.full((6, vocab), -10.0, dtype=torch.float16)
    logits[0, chosen] = 5.0  # the first token, penalized from then on
    logits[1, chosen], logits[1, rival] = 2.0, 1.5380859375
    logits[2:, config.eos_token_id] = 5.0
    encoded = Encoded([], torch.zeros(1, 1, 1, 3))
    out, _ = search.greedy(_Scripted(logits), plan, encoded)
    assert out[0, 1:3].tolist() == [chosen, chosen]
    plan.processors.float32 = False
    out, _ = search.greedy(_Scripted(logits), plan, encoded)
    assert out[0, 1:3].tolist() == [chosen, rival]


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32])
def test_the_log_softmax_gives_generates_values_from_half_precision(dtype, monkeypatch):
    """generate widens the logits, then normalizes; the search's log-softmax reads them in
    the model's dtype. On the CPU both are the same values, bit for bit."""
    from translate.engines.hf_loop import search

    logits = (torch.randn(8, 5000, generator=torch.Generator().manual_seed(2)) * 6).to(dtype)
    logits[0, :10] = -torch.inf  # processors' bans come after, but a model may emit -inf
    expected = torch.log_softmax(logits.to(torch.float32), dim=-1)
    assert torch.equal(search.log_softmax(logits), expected)
    monkeypatch.setattr(search, "WIDEN_FIRST", True)
    assert torch.equal(search.log_softmax(logits), expected)
