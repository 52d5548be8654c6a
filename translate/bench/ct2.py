"""The ctranslate2 rows of ``translate bench``: our stages on the ctranslate2 engine, and bare
CTranslate2 on the very same batches, so the wrapper's own overhead shows."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import torch

from translate.bench.baselines import LENGTH_RATIO
from translate.bench.measure import Measure, Run
from translate.config import (
    DEFAULT_BATCH_TOKENS,
    DEFAULT_SUMMARY_BATCH_TOKENS,
    ModelSpec,
    RuntimeOptions,
    available_cpus,
    batch_budget,
)
from translate.text import batching


def ct2_runs(
    ours,
    marian: Path,
    bart: Path,
    beams: int,
    summary_tokens: int,
    runtime,
    report: Callable[[str], None],
) -> list[Run]:
    """Translation and summarization with the ctranslate2 engine (and its int8 on the CPU),
    each followed by bare CTranslate2 on the same batches."""
    int8 = runtime.device in ("auto", "cpu") and not _cuda(runtime)
    runs = []
    for stage, folder in (("translation", marian), ("summarization", bart)):
        run = ours.translate if stage == "translation" else ours.summarize
        report(f"{stage}: ours on ctranslate2 ({runtime.dtype})")
        runs.append(run("ours-ct2", folder, runtime))
        report(f"{stage}: bare ctranslate2, same batches")
        if stage == "translation":
            sentences = [s for d in ours.documents for s in d.sentences]
            runs.append(_bare_translate(folder, sentences, beams, runtime))
        else:
            runs.append(_bare_summarize(folder, ours.texts, beams, summary_tokens, runtime))
        if int8 and runtime.dtype != "int8":
            report(f"{stage}: ours on ctranslate2, int8")
            int8_runtime = replace(runtime, dtype="int8")
            runs.append(run("ours-ct2-int8", folder, int8_runtime))
    return runs


def ct2_ratios(runs: Sequence[Run]) -> dict[str, float]:
    by = {(r.stage, r.engine): r for r in runs}
    ratios = {}
    for stage in ("translation", "summarization"):
        torch_run, ours = by.get((stage, "ours")), by.get((stage, "ours-ct2"))
        if torch_run is None or ours is None:
            continue
        ratios[f"ct2_{stage}_vs_torch"] = round(ours.rate / torch_run.rate, 2)
        bare = by.get((stage, "bare-ct2"))
        if bare is not None:
            ratios[f"ct2_{stage}_wrapper_vs_bare"] = round(ours.rate / bare.rate, 2)
        int8 = by.get((stage, "ours-ct2-int8"))
        if int8 is not None:
            ratios[f"ct2_int8_{stage}_vs_torch"] = round(int8.rate / torch_run.rate, 2)
    return ratios


def _cuda(runtime: RuntimeOptions) -> bool:
    import ctranslate2

    return runtime.device.startswith("cuda") or (
        runtime.device == "auto" and ctranslate2.get_cuda_device_count() > 0
    )


def _open(folder: Path, runtime: RuntimeOptions):
    import ctranslate2
    from transformers import AutoTokenizer, GenerationConfig

    from translate.engines.ctranslate2 import compute_type, converted
    from translate.models.hub import resolve_model

    resolved = resolve_model(ModelSpec(str(folder), offline=True))
    device = "cuda" if _cuda(runtime) else "cpu"
    translator = ctranslate2.Translator(
        str(converted(resolved)),
        device=device,
        compute_type=compute_type(device, runtime.dtype),
        intra_threads=runtime.threads or available_cpus() if device == "cpu" else 0,
    )
    return (
        translator,
        AutoTokenizer.from_pretrained(folder),
        GenerationConfig.from_pretrained(folder),
        device,
    )


def _bare_translate(folder: Path, sentences: list[str], beams: int, runtime) -> Run:
    def options(lengths: list[int]) -> dict:
        steps = math.ceil(LENGTH_RATIO * max(lengths))
        return {"beam_size": beams, "max_decoding_length": steps, "min_decoding_length": steps}

    return _bare("translation", folder, sentences, DEFAULT_BATCH_TOKENS, options, runtime)


def _bare_summarize(folder: Path, texts: list[str], beams: int, tokens: int, runtime) -> Run:
    def options(lengths: list[int]) -> dict:
        return {
            "beam_size": beams,
            "length_penalty": generation.length_penalty,
            "no_repeat_ngram_size": generation.no_repeat_ngram_size,
            "max_decoding_length": tokens,
            "min_decoding_length": tokens,
        }

    from transformers import GenerationConfig

    generation = GenerationConfig.from_pretrained(folder)
    return _bare("summarization", folder, texts, DEFAULT_SUMMARY_BATCH_TOKENS, options, runtime)


def _bare(stage, folder: Path, texts: list[str], budgets, options, runtime) -> Run:
    """``translate_batch`` on our batch plan, with ``options(row lengths)`` per batch."""
    translator, tokenizer, generation, device = _open(folder, runtime)
    forced = generation.forced_bos_token_id
    bos = [tokenizer.convert_ids_to_tokens(forced)] if forced is not None else None
    with Measure(stage, "bare-ct2", len(texts), torch.device("cpu")) as measure:
        rows = tokenizer(texts, verbose=False)["input_ids"]
        for batch in batching.plan([len(r) for r in rows], batch_budget(device, budgets)):
            results = translator.translate_batch(
                [tokenizer.convert_ids_to_tokens(rows[i]) for i in batch],
                target_prefix=[bos] * len(batch) if bos else None,
                max_input_length=0,
                max_batch_size=0,
                **options([len(rows[i]) for i in batch]),
            )
            out = [tokenizer.convert_tokens_to_ids(r.hypotheses[0]) for r in results]
            tokenizer.batch_decode(out, skip_special_tokens=True)
            measure.add(out)
    measure.run.decoding = "ctranslate2"
    return measure.run
