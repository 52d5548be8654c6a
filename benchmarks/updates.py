"""Updated articles with and without the translation memory: 50 articles of 30 sentences,
10% of them boilerplate shared by all; a first run, then one paragraph of every article
edited and a rerun. The real batch job (tiny models, greedy, translation only), one process;
reported: seconds and segments sent to the model. Then the memory itself: its size per
100,000 entries and a lookup's time at 1,000,000 entries.

    python benchmarks/updates.py [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.config import ModelSpec, TranslationOptions  # noqa: E402
from translate.memory import Entry, TranslationMemory, memory_key  # noqa: E402
from translate.outputs.outbox import scan  # noqa: E402
from translate.run.build import PipelineSpec, build_pipeline  # noqa: E402
from translate.run.local import BatchJob, BatchRunner  # noqa: E402
from translate.testing.samples import DUTCH_SAMPLE  # noqa: E402
from translate.testing.tinymodels import build_marian  # noqa: E402

BOILERPLATE = [
    "Lees ook: ons dossier over de stad.",
    "Deze tekst is eerder verschenen in de ochtendeditie.",
    "Foto: ANP.",
]


def _articles(root: Path, edited: bool) -> None:
    rng = random.Random(0)
    lines = [s for s in DUTCH_SAMPLE if s]
    for a in range(50):
        sentences = [f"{rng.choice(lines)} (artikel {a}, zin {s})" for s in range(27)]
        paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, 27, 3)]
        if edited:
            paragraphs[4] = (
                f"Bijgewerkt om {a} uur: de raad besluit vanavond. Meer volgt. Later meer."
            )
        text = "\n\n".join(paragraphs + BOILERPLATE) + "\n"
        (root / f"{a:02}.txt").write_text(text, encoding="utf-8")


def _run(runner: BatchRunner, inbox: Path) -> dict:
    segments = reused = 0
    started = time.perf_counter()
    for outcome in runner.run(scan(inbox, ("*.txt",)).sources):
        segments += outcome.segments
    seconds = time.perf_counter() - started
    for sidecar in runner.job.outbox.glob("*.json"):
        reused += json.loads(sidecar.read_text(encoding="utf-8"))["counts"]["reused"]
    return {"seconds": round(seconds, 2), "segments_sent": segments, "reused": reused}


def _jobs(tmp: Path, marian: Path) -> dict:
    spec = PipelineSpec(
        ModelSpec(str(marian)), None, translation_options=TranslationOptions(beams=1)
    )
    pipeline = build_pipeline(spec)
    results = {}
    for memory_on in (False, True):
        inbox, outbox = tmp / f"in-{memory_on}", tmp / f"out-{memory_on}"
        inbox.mkdir()
        _articles(inbox, edited=False)
        memory = TranslationMemory(tmp / f"m-{memory_on}.sqlite") if memory_on else None
        runner = BatchRunner(pipeline, BatchJob(inbox, outbox), memory)
        first = _run(runner, inbox)
        _articles(inbox, edited=True)
        rerun = _run(runner, inbox)
        if memory is not None:
            memory.close()
        results["with memory" if memory_on else "without memory"] = {"first": first, "rerun": rerun}
    off, on = results["without memory"], results["with memory"]
    results["ratios"] = {
        "rerun_speedup": round(off["rerun"]["seconds"] / on["rerun"]["seconds"], 2),
        "first_run_memory_overhead": round(on["first"]["seconds"] / off["first"]["seconds"] - 1, 3),
    }
    return results


def _store(tmp: Path) -> dict:
    path = tmp / "big.sqlite"
    memory = TranslationMemory(path)
    # A key as a real run makes it: the model's fingerprint and every decoding setting
    key = memory_key(
        {"model": "sha256:" + "0" * 64, "engine": "torch", "dtype": "fp32", "beams": 4,
         "length_ratio": 1.5, "length_slack": 10}
    )  # fmt: skip
    sentence = (
        "De gemeenteraad besprak dinsdag het nieuwe verkeersplan voor de binnenstad, nummer {}."
    )
    translation = (
        "On Tuesday the city council discussed the new traffic plan for the centre, number {}."
    )
    sizes = {}
    for block in range(10):
        memory.store(
            key,
            (
                Entry(sentence.format(i), translation.format(i), -0.4)
                for i in range(block * 100_000, (block + 1) * 100_000)
            ),
        )
        if block == 0:  # closed, so the write-ahead log is folded into the file
            memory.close()
            sizes["bytes_per_100k"] = path.stat().st_size
            memory = TranslationMemory(path)
    wanted = [sentence.format(i) for i in random.Random(1).sample(range(1_000_000), 1000)]
    started = time.perf_counter()
    found = memory.lookup(key, wanted)
    sizes["lookup_1000_sentences_at_1m_s"] = round(time.perf_counter() - started, 4)
    sizes["found"] = len(found)
    memory.close()
    sizes["bytes_at_1m"] = path.stat().st_size
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="translate-updates-") as name:
        tmp = Path(name)
        marian = build_marian(tmp / "marian")
        result = {"jobs": _jobs(tmp, marian), "memory": _store(tmp)}
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
