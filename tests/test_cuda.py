"""The GPU paths on a real GPU: skipped without CUDA, run by ``benchmarks/gpu-check.sh``.

Every path here is also covered on the CPU (fp16/bf16 decoding in ``test_decoding.py``,
device policy in ``test_devices.py``, OOM halving in ``test_translation.py``); these prove the
same code on the device itself.
"""

import json

import pytest
import torch
from typer.testing import CliRunner

from tests.conftest import INBOX
from tests.helpers import SENTENCES, batch_args
from translate.cli import app
from translate.config import ModelSpec, RuntimeOptions
from translate.engines import GenerationSettings
from translate.engines.load import load_engine

pytestmark = [
    pytest.mark.slow,
    pytest.mark.cuda,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU"),
]


@pytest.mark.parametrize("dtype", ["auto", "bf16"])
@pytest.mark.parametrize("beams", [1, 4])
def test_engine_loop_equals_generate_on_the_gpu(tiny_marian, dtype, beams):
    """Our loop and plain generate, same padded (to 8) batch, same half precision."""
    engine = load_engine(ModelSpec(str(tiny_marian)), RuntimeOptions("auto", dtype))
    assert engine.device.startswith("cuda")
    assert engine.dtype == ("fp16" if dtype == "auto" else "bf16")
    assert not torch.backends.cuda.cudnn_sdp_enabled()
    assert engine.loop is not None
    rows = engine.encode(SENTENCES)
    settings = GenerationSettings(40, num_beams=beams)
    ours = [r.token_ids for r in engine.generate(rows, settings)]
    loop, engine.loop = engine.loop, None
    reference = [r.token_ids for r in engine.generate(rows, settings)]
    engine.loop = loop
    for i, (a, b) in enumerate(zip(ours, reference, strict=True)):
        if a != b:  # half-precision rounding differs with the batch shape: HF alone decides
            engine.loop = None
            alone = engine.generate([rows[i]], settings)[0].token_ids
            engine.loop = loop
            assert a == alone, f"row {i}"


def test_batch_job_on_the_gpu(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for path in sorted(INBOX.rglob("*.txt"))[:3]:
        (inbox / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert result.exit_code == 0, result.output
    sidecars = sorted(outbox.glob("*.json"))
    assert len(sidecars) == 3
    for sidecar in sidecars:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        assert record["device"].startswith("cuda") and record["dtype"] == "fp16"
        assert (outbox / f"{sidecar.stem}.en.txt").read_text(encoding="utf-8").strip()


def test_out_of_memory_on_the_gpu_is_retried_in_halves(tiny_marian, monkeypatch):
    engine = load_engine(ModelSpec(str(tiny_marian)))
    rows = engine.encode(SENTENCES)
    settings = GenerationSettings(12, num_beams=4)
    real = engine._generate
    ran = []

    def small_batches_only(batch, settings):
        if len(batch) > 2:
            raise torch.OutOfMemoryError("CUDA out of memory (simulated)")
        ran.append(len(batch))
        return real(batch, settings)

    monkeypatch.setattr(engine, "_generate", small_batches_only)
    got = engine.generate(rows, settings)
    assert ran == [2, 2, 2, 2]
    assert len(got) == len(rows) and all(r.token_ids for r in got)
