"""``translate bench``: our engine against the hand-written loops, on this machine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.app import app, fail, setup_logging
from translate.cli.options import Options, shared
from translate.errors import TranslateError


@app.command("bench")
@shared("runtime")
def bench_command(
    beams: Annotated[int, typer.Option(min=1, help="Beam size for every engine.")] = 4,
    articles: Annotated[
        int | None, typer.Option(min=1, help="Articles (default: 3 on CPU, 64 on GPU).")
    ] = None,
    sentences: Annotated[
        int | None, typer.Option(min=1, help="Sentences per article (default 10 CPU, 16 GPU).")
    ] = None,
    summary_tokens: Annotated[int, typer.Option(min=8, help="Forced summary length.")] = 100,
    seed: Annotated[int, typer.Option(help="Workload seed.")] = 0,
    real: Annotated[
        bool, typer.Option("--real", help="Use the real checkpoints from models/ instead.")
    ] = False,
    naive: Annotated[
        bool, typer.Option(help="Also run the one-sentence-at-a-time baseline.")
    ] = True,
    naive_sentences: Annotated[
        int | None,
        typer.Option(min=1, help="Sentences the naive baseline decodes (default: all; GPU 96)."),
    ] = None,
    int8: Annotated[
        bool, typer.Option(help="Also run our engine with int8 dynamic quantization (CPU).")
    ] = True,
    generate: Annotated[
        bool,
        typer.Option(
            "--generate",
            help="Also run our batching with plain generate, not our decoding loop "
            "(on a GPU also our loop without CUDA graphs).",
        ),
    ] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the results as JSON here.")
    ] = None,
    models_dir: Annotated[
        Path, typer.Option(help="Where the random-weight models are built and cached.")
    ] = Path(".bench-models"),
    soak: Annotated[
        int | None,
        typer.Option(min=100, help="Instead: run the batch job over N tiny articles, report RSS."),
    ] = None,
    *,
    options: Options,
) -> None:
    """Measure our engine against the naive and pipeline-style loops on the same data.

    By default builds random-weight models with the default checkpoints' shapes (cached in
    .bench-models/) and forces identical decoding lengths for every engine.
    """
    from rich.console import Console

    from translate.bench.report import print_bench, print_soak

    setup_logging(options.verbose)
    console = Console(stderr=True, soft_wrap=True)
    try:
        if soak is not None:
            from translate.bench.soak import run_soak

            result = run_soak(soak, options.device, report=console.print)
            print_soak(result, Console(width=120))
        else:
            from translate.bench.run import BenchOptions, run_bench

            bench = BenchOptions(
                runtime=options.runtime(),
                beams=beams,
                articles=articles,
                sentences_per_article=sentences,
                summary_tokens=summary_tokens,
                seed=seed,
                real=real,
                models_dir=models_dir,
                naive=naive,
                naive_sentences=naive_sentences,
                int8=int8,
                generate=generate,
            )
            result = run_bench(bench, report=console.print)
            print_bench(result, Console(width=140))
    except TranslateError as exc:
        raise fail(exc) from None
    if json_out is not None:
        json_out.write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")
