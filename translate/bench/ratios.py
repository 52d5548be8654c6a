"""What a bench run's numbers mean together: end-to-end rows, ratios and output drift."""

from __future__ import annotations

from translate.bench.measure import Run


def end_to_end(runs: list[Run]) -> list[Run]:
    """Translation plus summary of the same articles, for every engine that ran both."""
    by = {(r.stage, r.engine): r for r in runs}
    out = []
    for (stage, engine), first in by.items():
        second = by.get(("summarization", engine))
        if stage != "translation" or second is None:
            continue
        gpu = [m for m in (first.peak_gpu_mb, second.peak_gpu_mb) if m is not None]
        out.append(
            Run(
                "end to end",
                engine,
                first.articles,
                first.seconds + second.seconds,
                first.output_tokens + second.output_tokens,
                max(first.peak_rss_mb, second.peak_rss_mb),
                max(gpu) if gpu else None,
                second.decoding,
                first.articles,
            )
        )
    return out


def ratios_of(runs: list[Run], articles: int) -> dict[str, float]:
    by = {(r.stage, r.engine): r for r in runs}
    ratios = {}
    ours_t, pipe_t = by[("translation", "ours")], by[("translation", "pipeline")]
    ours_s, pipe_s = by[("summarization", "ours")], by[("summarization", "pipeline")]
    ratios["translation_vs_pipeline"] = round(ours_t.rate / pipe_t.rate, 2)
    if ("translation", "naive") in by:
        ratios["translation_vs_naive"] = round(ours_t.rate / by[("translation", "naive")].rate, 2)
    ratios["summarization_vs_pipeline"] = round(ours_s.rate / pipe_s.rate, 2)
    ours_e2e = articles / (ours_t.seconds + ours_s.seconds)
    pipe_e2e = articles / (pipe_t.seconds + pipe_s.seconds)
    ratios["end_to_end_vs_pipeline"] = round(ours_e2e / pipe_e2e, 2)
    ratios["end_to_end_articles_per_s"] = round(ours_e2e, 3)
    for stage in ("translation", "summarization"):
        if (stage, "ours-generate") in by:
            loop = by[(stage, "ours")].rate / by[(stage, "ours-generate")].rate
            ratios[f"{stage}_decoding_loop_vs_generate"] = round(loop, 2)
        if (stage, "ours-eager") in by:
            graphed = by[(stage, "ours")].rate / by[(stage, "ours-eager")].rate
            ratios[f"{stage}_cuda_graphs_vs_step_by_step"] = round(graphed, 2)
    return ratios


def ct2_int8_drift(runs: list[Run]) -> float | None:
    by = {(r.stage, r.engine): r for r in runs}
    full, int8 = by.get(("translation", "ours-ct2")), by.get(("translation", "ours-ct2-int8"))
    return drift(full.outputs, int8.outputs) if full and int8 else None


def drift(reference: list[tuple[str, ...]], other: list[tuple[str, ...]]) -> float:
    """Share of output words that differ, position by position, sentence by sentence."""
    total = sum(len(r) for r in reference)
    pairs = zip(reference, other, strict=True)
    same = sum(a == b for ref, oth in pairs for a, b in zip(ref, oth, strict=False))
    return round(1 - same / total, 4) if total else 0.0
