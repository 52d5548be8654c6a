"""How many operations our search issues per decoding step outside the decoder step: on a
GPU each launching one is a kernel the host must issue, which CUDA graphs do not cover (they
record the decoder step only). Counted with the torch profiler on the CPU, on a tiny Marian
with the static step (the graph path without the capture) and the GPU's per-beam top-k.

    python benchmarks/search_ops.py [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import torch
from torch.profiler import ProfilerActivity, profile

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.engines.hf_loop import loop_for, search  # noqa: E402
from translate.testing.tinymodels import build_marian  # noqa: E402

# Operations that only make a new view of a tensor: no kernel on a GPU
_VIEWS = {
    "aten::slice",
    "aten::view",
    "aten::unsqueeze",
    "aten::select",
    "aten::alias",
    "aten::reshape",
    "aten::transpose",
    "aten::resolve_conj",
    "aten::resolve_neg",
    "aten::lift_fresh",
    "aten::expand",
    "aten::as_strided",
    "aten::squeeze",
    "aten::detach",
}


def count(model, beams: int, inputs: int = 8, steps: int = 20) -> dict:
    search.PER_BEAM_TOPK = True
    loop = loop_for(model, use_graphs=True)
    config = model.generation_config
    config.num_beams, config.max_length, config.min_length = beams, steps + 1, steps + 1
    ids = torch.randint(5, 200, (inputs, 12), generator=torch.Generator().manual_seed(0))
    mask = torch.ones_like(ids)
    plan = loop.prepare(config, ids)
    with torch.inference_mode():
        loop.generate(ids, mask, plan)  # every shape built once
        forward = loop.graphed._forward

        def step(*args, **kwargs):  # its operations are counted under this range, not at top
            with torch.profiler.record_function("decoder step"):
                return forward(*args, **kwargs)

        loop.graphed._forward = step
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            out, _ = loop.generate(ids, mask, plan)
    done = out.shape[1] - 1
    top = Counter(
        e.name for e in prof.events() if e.cpu_parent is None and e.name.startswith("aten::")
    )
    kernels = {name: n for name, n in top.items() if name not in _VIEWS}
    return {
        "beams": beams,
        "inputs": inputs,
        "steps": done,
        "ops_per_step": round(sum(top.values()) / done, 1),
        "kernel_ops_per_step": round(sum(kernels.values()) / done, 1),
        "kernel_ops": dict(sorted(kernels.items(), key=lambda kv: -kv[1])),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from transformers import AutoModelForSeq2SeqLM

    with tempfile.TemporaryDirectory() as folder:
        build_marian(Path(folder) / "marian")
        model = AutoModelForSeq2SeqLM.from_pretrained(Path(folder) / "marian").eval()
        rows = [count(model, beams) for beams in (4, 1)]
    for row in rows:
        print(
            f"beam {row['beams']}: {row['ops_per_step']} operations a step outside the decoder "
            f"step, {row['kernel_ops_per_step']} of them kernels"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
