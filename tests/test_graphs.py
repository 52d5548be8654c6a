"""The decoder step over static buffers (CUDA graphs on a GPU): buckets, step functions
built once per shape, growing buffers, out of memory, the fallback, the defaults and the
capture's protocol. Token equality with ``generate`` is in test_decoding.py, which runs
every comparison with both steps."""

import logging

import pytest
import torch

from tests.test_decoding import _batch, _model
from translate.engines.hf_loop import graphs, loop_for

pytestmark = pytest.mark.slow


@pytest.fixture
def forced(monkeypatch):
    monkeypatch.setattr(graphs, "GRAPHS", True)


def test_buckets_waste_at_most_a_third():
    sizes = [graphs.bucket(n, 1) for n in range(1, 50)]
    assert sizes[:8] == [1, 2, 3, 4, 6, 6, 8, 8]
    assert all(n <= size and (n == 1 or size <= 1.5 * n) for n, size in enumerate(sizes, 1))
    assert [graphs.bucket(n, 32) for n in (1, 32, 33, 49, 65, 97)] == [32, 32, 48, 64, 96, 128]


def test_step_functions_are_built_once_per_shape_and_buffers_grow(tiny_marian, forced):
    model = _model(tiny_marian, 0.2)
    loop, eager_loop = loop_for(model), loop_for(model, use_graphs=False)
    config = model.generation_config
    config.num_beams, config.max_length = 4, 40
    captured = []
    with torch.inference_mode():
        for n in (4, 16, 16):  # the second batch outgrows the first one's buffers
            ids, mask = _batch(model, n=n, seed=n)
            ours, _ = loop.generate(ids, mask, loop.prepare(config, ids))
            expected, _ = eager_loop.generate(ids, mask, eager_loop.prepare(config, ids))
            assert torch.equal(ours, expected)
            captured.append(loop.graphed.captured)
    # every step ran, but a step function was built only for a shape not seen before
    assert 0 < captured[0] < 39 and captured[1] > captured[0]
    assert captured[2] == captured[1]
    assert "static step" in loop.describe()


def test_a_failing_capture_falls_back_to_the_eager_step(tiny_marian, monkeypatch, caplog):
    model = _model(tiny_marian, 0.2)
    config = model.generation_config
    config.num_beams, config.max_length = 4, 40
    ids, mask = _batch(model)
    eager_loop = loop_for(model, use_graphs=False)
    with torch.inference_mode():
        expected, expected_scores = eager_loop.generate(ids, mask, eager_loop.prepare(config, ids))

    def refuses(run):
        raise RuntimeError("operation not permitted when stream is capturing\nmore")

    loop = loop_for(model, use_graphs=True)
    with caplog.at_level(logging.WARNING):
        with torch.inference_mode():
            loop._graphed(ids.device).capture = refuses
            for _ in range(2):
                got, scores = loop.generate(ids, mask, loop.prepare(config, ids))
                assert torch.equal(got, expected) and torch.equal(scores, expected_scores)
    warnings = [r for r in caplog.records if "CUDA graphs unavailable" in r.getMessage()]
    assert len(warnings) == 1 and "RuntimeError: operation not permitted" in warnings[0].message
    assert loop.graphed is None and loop.describe() == "own loop"


def test_buffers_that_do_not_fit_leave_nothing_reserved(tiny_marian, monkeypatch, forced):
    """Out of memory while the buffers grow: the error reaches the engine (which halves the
    batch), and the next batch reserves afresh."""
    model = _model(tiny_marian, 0.2)
    loop, eager_loop = loop_for(model), loop_for(model, use_graphs=False)
    config = model.generation_config
    config.num_beams, config.max_length = 4, 40
    ids, mask = _batch(model)
    graphed = loop._graphed(ids.device)
    real, calls = graphed._zeros, []

    def short_of_memory(numel, dtype=None):
        calls.append(numel)
        if len(calls) == 3:
            raise torch.OutOfMemoryError("CUDA out of memory")
        return real(numel, dtype)

    monkeypatch.setattr(graphed, "_zeros", short_of_memory)
    with torch.inference_mode():
        with pytest.raises(torch.OutOfMemoryError):
            loop.generate(ids, mask, loop.prepare(config, ids))
        assert set(graphed._sizes.values()) == {0} and not graphed._steps
        ours, _ = loop.generate(ids, mask, loop.prepare(config, ids))
        expected, _ = eager_loop.generate(ids, mask, eager_loop.prepare(config, ids))
    assert torch.equal(ours, expected)


def test_eager_is_the_default_on_the_cpu(tiny_marian):
    model = _model(tiny_marian)
    loop = loop_for(model)
    ids, mask = _batch(model, n=2)
    with torch.inference_mode():
        loop.generate(ids, mask, loop.prepare(model.generation_config, ids))
    assert loop.graphed is None and loop.describe() == "own loop"


cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")


@pytest.mark.cuda
@cuda
def test_cuda_graphs_are_captured_and_reused(tiny_marian):
    model = _model(tiny_marian, 0.2, dtype=torch.float16).cuda()
    loop = loop_for(model)
    config = model.generation_config
    config.num_beams, config.max_length = 4, 60
    with torch.inference_mode():
        for seed in (1, 2):
            ids, mask = (t.cuda() for t in _batch(model, seed=seed))
            loop.generate(ids, mask, loop.prepare(config, ids))
            if seed == 1:
                first = loop.graphed.captured
    assert loop.graphs_unavailable is None
    assert "CUDA graphs" in loop.describe()
    assert loop.graphed.captured < 2 * first  # the second batch reuses most shapes


def test_no_cuda_graphs_reaches_the_engine(tiny_marian, forced):
    """``--no-cuda-graphs`` (RuntimeOptions.cuda_graphs) turns the static step off even where
    it would be on; the CLI passes it in the runtime group."""
    from translate.cli.options import Options
    from translate.config import ModelSpec, RuntimeOptions
    from translate.engines.torch import TorchEngine
    from translate.models.hub import resolve_model

    model = resolve_model(ModelSpec(str(tiny_marian), offline=True))
    assert TorchEngine(model, RuntimeOptions("cpu")).loop.use_graphs is None
    runtime = Options(device="cpu", cuda_graphs=False).runtime()
    engine = TorchEngine(model, runtime)
    ids, mask = _batch(engine.model, n=2)
    with torch.inference_mode():
        engine.loop.generate(ids, mask, engine.loop.prepare(engine.model.generation_config, ids))
    assert engine.loop.graphed is None and engine.loop.describe() == "own loop"


class _FakeCuda:
    """Enough of torch.cuda for CudaCapture's protocol, recording what it is asked."""

    def __init__(self, monkeypatch, fail_capture_end=False):
        self.calls: list[str] = []
        fake = self

        class Stream:
            def __init__(self, device=None):
                self.name = "side"

            def wait_stream(self, other):
                fake.calls.append(f"{self.name} waits for {other.name}")

        class Graph:
            def capture_begin(self, pool=None, capture_error_mode="global"):
                fake.calls.append(f"begin {pool} {capture_error_mode}")

            def capture_end(self):
                fake.calls.append("end")
                if fail_capture_end:
                    raise RuntimeError("capture invalidated")

            def replay(self):
                fake.calls.append("replay")

        class StreamContext:
            def __init__(self, stream):
                self.stream = stream

            def __enter__(self):
                fake.calls.append(f"on {self.stream.name}")

            def __exit__(self, *exc):
                fake.calls.append(f"off {self.stream.name}")

        current = Stream()
        current.name = "current"
        monkeypatch.setattr(torch.cuda, "graph_pool_handle", lambda: "pool")
        monkeypatch.setattr(torch.cuda, "Stream", Stream)
        monkeypatch.setattr(torch.cuda, "current_stream", lambda: current)
        monkeypatch.setattr(torch.cuda, "stream", StreamContext)
        monkeypatch.setattr(torch.cuda, "CUDAGraph", Graph)


def test_cuda_capture_warms_up_on_a_side_stream_then_records_once(monkeypatch):
    cuda = _FakeCuda(monkeypatch)
    capture = graphs.CudaCapture(torch.device("cpu"))
    replay = capture(lambda: cuda.calls.append("step"))
    assert cuda.calls == [
        "side waits for current",
        "on side",
        "step",
        "step",
        "off side",
        "current waits for side",
        "on side",
        "begin pool thread_local",
        "step",
        "end",
        "off side",
    ]
    replay()
    assert cuda.calls[-1] == "replay"


def test_a_step_failing_mid_capture_reports_its_own_error(monkeypatch, tiny_marian):
    cuda = _FakeCuda(monkeypatch, fail_capture_end=True)
    runs = []

    def step():
        runs.append(1)
        if len(runs) > graphs._WARMUP:  # fails while being recorded, not in the warm-up
            raise RuntimeError("operation not permitted when stream is capturing")

    with pytest.raises(RuntimeError, match="not permitted"):
        graphs.CudaCapture(torch.device("cpu"))(step)
    assert cuda.calls[-2:] == ["end", "off side"]
    # and the loop turns it into one warning and the eager step (test above)
    model = _model(tiny_marian)
    graphed = graphs.GraphedStep(loop_for(model).step, graphs.CudaCapture(torch.device("cpu")))
    ids, mask = _batch(model, n=2)
    with torch.inference_mode():
        encoded = graphed.encode(ids, mask, 1, 10)
        cache = graphed.new_cache(2, 10, encoded)
        monkeypatch.setattr(graphed, "_forward", lambda *a: step())
        runs.clear()
        with pytest.raises(graphs.GraphUnavailable, match="RuntimeError: operation not"):
            graphed(ids[:, 0], 0, cache, encoded, 1)
