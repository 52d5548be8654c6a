"""Tables for ``translate bench``."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table


def print_bench(result, console: Console) -> None:
    """The side-by-side table: rate, tokens/s, time, ratios and memory per engine and stage."""
    table = Table(title=f"translate bench on {result.device} ({result.settings['models']})")
    for column in ("stage", "engine", "items/s", "articles/s", "out tok/s", "seconds", "vs naive"):
        table.add_column(column, justify="right" if column not in ("stage", "engine") else "left")
    for column in ("vs pipeline", "peak RSS MB", "peak GPU MB"):
        table.add_column(column, justify="right")
    base = {(r.stage, r.engine): r.rate for r in result.runs}
    for run in result.runs:
        naive = base.get((run.stage, "naive"))
        table.add_row(
            run.stage,
            run.engine,
            f"{run.rate:.2f}",
            f"{run.articles_rate:.3f}",
            f"{run.output_tokens / run.seconds:.0f}",
            f"{run.seconds:.1f}",
            f"{run.rate / naive:.2f}x" if naive else "-",
            f"{run.rate / base[(run.stage, 'pipeline')]:.2f}x",
            f"{run.peak_rss_mb:.0f}",
            f"{run.peak_gpu_mb:.0f}" if run.peak_gpu_mb is not None else "-",
        )
    console.print(table)
    ratios = ", ".join(f"{k} {v}" for k, v in result.ratios.items())
    console.print(f"ratios: {ratios}")
    if result.int8_drift is not None:
        console.print(f"int8 translation drift: {result.int8_drift:.1%} of output words differ")
    if result.generate_drift is not None:
        console.print(
            f"our decoding loop vs plain generate: {result.generate_drift:.1%} of output words "
            "differ (0% expected)"
        )
    console.print(
        "items are sentences (translation) and articles (summarization, end to end); "
        f"settings: {result.settings}",
        soft_wrap=True,
    )


def print_soak(result, console: Console) -> None:
    """RSS and GPU memory at checkpoints of a long batch run."""
    table = Table(title=f"memory over {result.articles} articles on {result.device}")
    for column in ("articles done", "RSS MB", "GPU MB", "seconds"):
        table.add_column(column, justify="right")
    for point in result.points:
        gpu = f"{point.gpu_mb:.0f}" if point.gpu_mb is not None else "-"
        table.add_row(str(point.articles), f"{point.rss_mb:.0f}", gpu, f"{point.seconds:.0f}")
    console.print(table)
