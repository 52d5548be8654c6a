"""Helpers of ``benchmarks/gpu-check.sh``: a batch-job inbox and a profile of one batch.

    python benchmarks/gpu_check.py inbox DIR N [S]    N articles of S sentences (default 25:
                                                      about 500 Dutch words)
    python benchmarks/gpu_check.py english DIR N      N English articles of 300-900 tokens
                                                      (the bench's summary workload)
    python benchmarks/gpu_check.py profile OUT DEVICE [SENTENCES ARTICLES]
                                                      one translation window and one summary
                                                      batch under the torch profiler
    python benchmarks/gpu_check.py throughput OUT DEVICE [SENTENCES]
                                                      our translator on 16,384 sentences
                                                      (default), beam 4 and greedy: with CUDA
                                                      graphs, step by step, plain generate

Both use ``translate bench``'s seeded workload and the models it built in ``.bench-models/``.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import torch
from transformers import AutoTokenizer

from translate.bench.baselines import LENGTH_RATIO
from translate.bench.workload import dutch_sentences, english_articles
from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.engines.load import load_engine
from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator
from translate.text.document import parse

MODELS = Path(".bench-models")
MARIAN, BART = MODELS / "opus-mt-shape", MODELS / "distilbart-shape"


def _counter(folder: Path):
    tokenizer = AutoTokenizer.from_pretrained(folder)
    return lambda text: len(tokenizer(text, verbose=False)["input_ids"])


def write_inbox(folder: Path, count: int, per_article: int = 25) -> None:
    rng = random.Random(1)
    sentences = dutch_sentences(rng, count * per_article, _counter(MARIAN))
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(count):
        body = sentences[i * per_article : (i + 1) * per_article]
        paragraphs = [" ".join(body[j : j + 5]) for j in range(0, per_article, 5)]
        text = f"Bericht {i}\n\n" + "\n\n".join(paragraphs) + "\n"
        words += len(text.split())
        (folder / f"artikel-{i:04}.txt").write_text(text, encoding="utf-8")
    print(f"{count} articles, {words / count:.0f} words each on average")


def write_english(folder: Path, count: int) -> None:
    """English articles: the language check copies them through as their own translation
    and the summarizer gets English-like input, as it would from a real model."""
    texts = english_articles(random.Random(2), count, _counter(BART), 100)
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"article-{i:04}.txt").write_text(f"Report {i}\n\n{text}\n", encoding="utf-8")
    print(f"{count} English articles, {sum(len(t.split()) for t in texts) / count:.0f} words each")


def _sync() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def _trace(label: str, run, out: Path) -> dict:
    from torch.profiler import ProfilerActivity, profile

    run()  # warm-up: allocator, kernels, cuBLAS handles
    _sync()
    activities = [ProfilerActivity.CPU]
    if torch.cuda.is_available():
        activities.append(ProfilerActivity.CUDA)
    started = time.perf_counter()
    with profile(activities=activities) as prof:
        run()
        _sync()
    wall = time.perf_counter() - started
    events = prof.key_averages()
    gpu_us = sum(getattr(e, "self_device_time_total", 0) for e in events)
    launches = sum(e.count for e in events if e.key.startswith("cudaLaunchKernel"))
    graphs = sum(e.count for e in events if e.key.startswith("cudaGraphLaunch"))
    table = events.table(sort_by="self_cuda_time_total", row_limit=25)
    host = events.table(sort_by="self_cpu_time_total", row_limit=15)
    (out / f"profile-{label}.txt").write_text(table + "\n\n" + host + "\n", encoding="utf-8")
    summary = {
        "wall_s_profiled": round(wall, 3),
        "gpu_busy_s": round(gpu_us / 1e6, 3),
        "gpu_busy_share": round(gpu_us / 1e6 / wall, 3),
        "kernel_launches": launches,
        "graph_launches": graphs,  # one per decoder step replayed as a CUDA graph
    }
    print(label, json.dumps(summary))
    print(table)
    return summary


def profile_batches(out: Path, device: str, count: int = 1024, articles: int = 64) -> None:
    runtime = RuntimeOptions(device)
    rng = random.Random(0)
    sentences = dutch_sentences(rng, count, _counter(MARIAN))
    documents = [parse(" ".join(sentences[i : i + 16]) + "\n") for i in range(0, count, 16)]
    translator = Translator(
        load_engine(ModelSpec(str(MARIAN), offline=True), runtime),
        TranslationOptions(beams=4, forced_length_ratio=LENGTH_RATIO),
    )
    translate_all = lambda: list(translator.translate_many(documents))  # noqa: E731
    results = {"translation": _trace("translation", translate_all, out)}
    results["translation"]["decoding"] = translator.engine.loop.describe()
    texts = english_articles(rng, articles, _counter(BART), 100)
    summarizer = Summarizer(
        load_engine(ModelSpec(str(BART), offline=True), runtime),
        SummaryOptions(min_tokens=100, max_tokens=100, beams=4, own_summary_words=0),
    )
    summarize_all = lambda: summarizer.summarize_many(texts)  # noqa: E731
    results["summarization"] = _trace("summarization", summarize_all, out)
    results["summarization"]["decoding"] = summarizer.engine.loop.describe()
    (out / "profile.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def throughput(out: Path, device: str, count: int = 16_384) -> None:
    """Sentences/s of our translator on ``count`` sentences (the bench's forced lengths), at
    beam 4 and greedy: our loop with CUDA graphs, our loop step by step, and plain
    ``generate`` on the same batches (the issue's baseline row), each after a warm-up window
    (kernels, cuBLAS, the common graph shapes); graphs first seen in the timed run are
    captured in its time."""
    from translate.engines.torch import TorchEngine
    from translate.models.hub import resolve_model

    sentences = dutch_sentences(random.Random(3), count, _counter(MARIAN))
    documents = [parse(" ".join(sentences[i : i + 16]) + "\n") for i in range(0, count, 16)]
    modes = {"graphs": (True, True), "step by step": (True, False), "generate": (False, False)}
    rows = []
    for beams in (4, 1):
        for mode, (own_loop, graphs) in modes.items():
            engine = TorchEngine(
                resolve_model(ModelSpec(str(MARIAN), offline=True)),
                RuntimeOptions(device),
                own_loop=own_loop,
                graphs=graphs,
            )
            options = TranslationOptions(beams=beams, forced_length_ratio=LENGTH_RATIO)
            translator = Translator(engine, options)
            list(translator.translate_many(documents[:64]))
            _sync()
            started = time.perf_counter()
            results = list(translator.translate_many(documents))
            _sync()
            seconds = time.perf_counter() - started
            done = sum(len(r.translation.sentences) for r in results)
            row = {
                "beams": beams,
                "mode": mode,
                "sentences": done,
                "window_segments": translator.window_segments,
                "batch_tokens": translator.batch_tokens,
                "seconds": round(seconds, 3),
                "sentences_per_s": round(done / seconds, 1),
                "decoding": engine.loop.describe() if engine.loop else "generate",
            }
            print(json.dumps(row))
            rows.append(row)
            del translator, engine, results
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
    ratios = {}
    for beams in (4, 1):
        rate = {r["mode"]: r["sentences_per_s"] for r in rows if r["beams"] == beams}
        name = "beam4" if beams == 4 else "greedy"
        ratios[f"{name}_graphs_vs_step_by_step"] = round(rate["graphs"] / rate["step by step"], 2)
        ratios[f"{name}_graphs_vs_generate"] = round(rate["graphs"] / rate["generate"], 2)
    print(json.dumps(ratios))
    report = {"device": device, "sentences": count, "rows": rows, "ratios": ratios}
    (out / "throughput.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "throughput":
        throughput(Path(sys.argv[2]), sys.argv[3], *map(int, sys.argv[4:5]))
    elif sys.argv[1] == "inbox":
        write_inbox(Path(sys.argv[2]), *map(int, sys.argv[3:5]))
    elif sys.argv[1] == "english":
        write_english(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        profile_batches(Path(sys.argv[2]), sys.argv[3], *map(int, sys.argv[4:6]))
