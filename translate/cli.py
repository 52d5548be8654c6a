"""Command line: a thin Typer layer over the library."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from translate.config import (
    DEFAULT_MODELS_DIR,
    DEFAULT_SUMMARIZATION_MODEL,
    DEFAULT_TRANSLATION_MODEL,
    ModelSpec,
    RuntimeOptions,
    SummaryOptions,
    TranslationOptions,
)
from translate.errors import TranslateError, UsageError

logger = logging.getLogger("translate")

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Translate Dutch articles to English and summarize them.",
)
models_app = typer.Typer(no_args_is_help=True, help="Download and inspect local model snapshots.")
app.add_typer(models_app, name="models")

ModelOpt = Annotated[
    str, typer.Option("--model", "-m", help="Translation model: hub id or local folder.")
]
RevisionOpt = Annotated[str | None, typer.Option(help="Hub branch, tag or commit of --model.")]
DeviceOpt = Annotated[str, typer.Option(help="auto, cpu, cuda, cuda:N or mps.")]
DtypeOpt = Annotated[str, typer.Option(help="auto, fp32, fp16 or bf16.")]
BeamsOpt = Annotated[
    int | None, typer.Option(min=1, help="Beam size (default: the checkpoint's own).")
]
BatchTokensOpt = Annotated[
    int | None, typer.Option(min=16, help="Padded source tokens per batch (default by device).")
]
OfflineOpt = Annotated[
    bool, typer.Option("--offline", help="Never touch the network (as HF_HUB_OFFLINE=1).")
]
ModelsDirOpt = Annotated[Path, typer.Option(help="Folder of local model snapshots.")]
SummarizerOpt = Annotated[
    str, typer.Option("--summarizer", help="Summarization model: hub id or local folder.")
]
SummaryLengthOpt = Annotated[
    str, typer.Option("--summary-length", help="short, medium (the checkpoint's own) or long.")
]
SummaryMinOpt = Annotated[
    int | None, typer.Option("--summary-min-tokens", min=0, help="Explicit lower bound.")
]
SummaryMaxOpt = Annotated[
    int | None, typer.Option("--summary-max-tokens", min=1, help="Explicit upper bound.")
]
NoSummaryOpt = Annotated[bool, typer.Option("--no-summary", help="Translate only.")]
VerboseOpt = Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")]


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(stream=sys.stderr, level=level, format="%(levelname)s: %(message)s")
    logging.getLogger().setLevel(level)
    # The hub client logs each retry; our own one-line error says what matters.
    logging.getLogger("huggingface_hub").setLevel(logging.ERROR if verbose == 0 else level)


def _load_models(
    translation: ModelSpec,
    translation_options: TranslationOptions,
    summarization: ModelSpec | None,
    summary_options: SummaryOptions,
    runtime: RuntimeOptions,
):
    """Loads the translator and, unless ``summarization`` is None, the summarizer."""
    from translate.summarization import Summarizer
    from translate.translation import Translator

    translator = Translator(translation, runtime, translation_options)
    if summarization is None:
        return translator, None
    return translator, Summarizer(summarization, runtime, summary_options)


def _fail(exc: TranslateError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


@app.command("file")
def file_command(
    path: Annotated[str, typer.Argument(help="Dutch article (.txt or .md), or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the translation here.")
    ] = None,
    summary_out: Annotated[
        Path | None, typer.Option("--summary-out", help="Write the summary here.")
    ] = None,
    no_summary: NoSummaryOpt = False,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Print only the summary.")
    ] = False,
    model: ModelOpt = DEFAULT_TRANSLATION_MODEL,
    revision: RevisionOpt = None,
    summarizer: SummarizerOpt = DEFAULT_SUMMARIZATION_MODEL,
    summary_length: SummaryLengthOpt = "medium",
    summary_min_tokens: SummaryMinOpt = None,
    summary_max_tokens: SummaryMaxOpt = None,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "auto",
    beams: BeamsOpt = None,
    batch_tokens: BatchTokensOpt = None,
    offline: OfflineOpt = False,
    models_dir: ModelsDirOpt = DEFAULT_MODELS_DIR,
    verbose: VerboseOpt = 0,
) -> None:
    """Translate one Dutch article, then summarize it.

    Prints the English translation, a blank line, "Summary:" and the summary. -o and
    --summary-out write either part to a file instead of stdout.
    """
    from translate.documents import decode, parse, read_source
    from translate.files import atomic_write_text

    _setup_logging(verbose)
    if no_summary and (summary_only or summary_out):
        raise _fail(UsageError("--no-summary cannot be combined with --summary-only/--summary-out"))
    runtime = RuntimeOptions(device, dtype)
    try:
        if path == "-":
            text = decode(sys.stdin.buffer.read(), "<stdin>").text
        else:
            text = read_source(Path(path)).text
        document = parse(text, markdown=path.lower().endswith(".md"))
        translator, summarizer_ = _load_models(
            ModelSpec(model, revision, offline, models_dir),
            TranslationOptions(beams=beams, batch_tokens=batch_tokens),
            None if no_summary else ModelSpec(summarizer, None, offline, models_dir),
            SummaryOptions(summary_length, summary_min_tokens, summary_max_tokens),
            runtime,
        )
        result = translator.translate(document)
        for warning in result.warnings:
            logger.warning("%s: %s", path, warning)
        english = result.translation.render()
        parts = []
        if output is not None:
            atomic_write_text(output, english)
        elif not summary_only:
            parts.append(english)
        if summarizer_ is not None:
            summary = summarizer_.summarize(english)
            if summary.note:
                logger.info("%s: %s", path, summary.note)
            if summary_out is not None:
                atomic_write_text(summary_out, summary.text + "\n")
            elif parts:
                parts.append(f"\nSummary:\n{summary.text}\n")
            else:
                parts.append(summary.text + "\n")
        sys.stdout.write("".join(parts))
    except TranslateError as exc:
        raise _fail(exc) from None


@app.command("batch")
def batch_command(
    inbox: Annotated[Path, typer.Argument(help="Folder of Dutch articles.")] = Path("inbox"),
    outbox: Annotated[Path, typer.Argument(help="Folder for the outputs.")] = Path("outbox"),
    glob: Annotated[
        list[str] | None,
        typer.Option("--glob", help="File pattern to include (repeatable; default *.txt, *.md)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles that are current.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="List what would be done.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors.")] = False,
    window: Annotated[
        int, typer.Option(min=1, help="Articles batched together; outputs are written per window.")
    ] = 256,
    max_mb: Annotated[
        float, typer.Option(min=0.001, help="Refuse source files larger than this.")
    ] = 2.0,
    no_summary: NoSummaryOpt = False,
    model: ModelOpt = DEFAULT_TRANSLATION_MODEL,
    revision: RevisionOpt = None,
    summarizer: SummarizerOpt = DEFAULT_SUMMARIZATION_MODEL,
    summary_length: SummaryLengthOpt = "medium",
    summary_min_tokens: SummaryMinOpt = None,
    summary_max_tokens: SummaryMaxOpt = None,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "auto",
    beams: BeamsOpt = None,
    batch_tokens: BatchTokensOpt = None,
    offline: OfflineOpt = False,
    models_dir: ModelsDirOpt = DEFAULT_MODELS_DIR,
    verbose: VerboseOpt = 0,
) -> None:
    """Translate and summarize every article in INBOX into OUTBOX.

    Per article: <stem>.en.txt, <stem>.summary.txt and the <stem>.json sidecar, at the same
    relative path. Current articles are skipped, so a rerun after a crash finishes the rest.
    Exit code 0: all done or skipped; 1: some articles failed; 2: usage or model error.
    """
    from translate.batch_view import BatchView
    from translate.outbox import OutboxLock, remove_stale_temp_files, scan
    from translate.pipeline import BatchJob, BatchRunner

    _setup_logging(verbose)
    patterns = tuple(glob or ("*.txt", "*.md"))
    try:
        sources = list(scan(inbox, patterns, exclude=outbox))
        if dry_run:
            for rel in sources:
                typer.echo(str(rel))
            typer.echo(f"{len(sources)} files would be processed", err=True)
            return
        with OutboxLock(outbox):
            removed = remove_stale_temp_files(outbox)
            if removed:
                logger.info("removed %d temporary files left by an interrupted run", removed)
            translator, summarizer_ = _load_models(
                ModelSpec(model, revision, offline, models_dir),
                TranslationOptions(beams=beams, batch_tokens=batch_tokens),
                None if no_summary else ModelSpec(summarizer, None, offline, models_dir),
                SummaryOptions(summary_length, summary_min_tokens, summary_max_tokens),
                RuntimeOptions(device, dtype),
            )
            runner = BatchRunner(
                translator, summarizer_, BatchJob(inbox, outbox, force, window, int(max_mb * 1e6))
            )
            view = BatchView(len(sources), quiet)
            with view:
                try:
                    for outcome in runner.run(sources, view.segments_done):
                        view.article_done(outcome)
                except KeyboardInterrupt:
                    view.interrupted()
                    raise typer.Exit(130) from None
            view.print_table()
    except TranslateError as exc:
        raise _fail(exc) from None
    if view.failed:
        raise typer.Exit(1)


@app.command("bench")
def bench_command(
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "auto",
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
            "--generate", help="Also run our batching with plain generate, not our decoding loop."
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
    verbose: VerboseOpt = 0,
) -> None:
    """Measure our engine against the naive and pipeline-style loops on the same data.

    By default builds random-weight models with the default checkpoints' shapes (cached in
    .bench-models/) and forces identical decoding lengths for every engine.
    """
    import json

    from rich.console import Console

    from translate.bench_report import print_bench, print_soak

    _setup_logging(verbose)
    console = Console(stderr=True, soft_wrap=True)
    try:
        if soak is not None:
            from translate.soak import run_soak

            result = run_soak(soak, device, report=console.print)
            print_soak(result, Console(width=120))
        else:
            from translate.bench import BenchOptions, run_bench

            options = BenchOptions(
                device,
                dtype,
                beams,
                articles,
                sentences,
                summary_tokens,
                seed,
                real,
                models_dir=models_dir,
                naive=naive,
                naive_sentences=naive_sentences,
                int8=int8,
                generate=generate,
            )
            result = run_bench(options, report=console.print)
            print_bench(result, Console(width=140))
    except TranslateError as exc:
        raise _fail(exc) from None
    if json_out is not None:
        json_out.write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")


@models_app.command("pull")
def models_pull(
    model: Annotated[
        list[str] | None,
        typer.Option("--model", "-m", help="Hub id to pull (repeatable); default: all known."),
    ] = None,
    revision: RevisionOpt = None,
    models_dir: Annotated[Path, typer.Option("--dir", help="Where to write.")] = (
        DEFAULT_MODELS_DIR
    ),
    verbose: VerboseOpt = 0,
) -> None:
    """Download the models into models/ with only the files loading needs."""
    from translate.hub import KNOWN_MODELS, pull_model

    _setup_logging(verbose)
    for name in model or KNOWN_MODELS:
        try:
            resolved = pull_model(ModelSpec(name, revision, models_dir=models_dir))
        except TranslateError as exc:
            raise _fail(exc) from None
        typer.echo(f"{name} -> {resolved.path} (revision {resolved.revision})")


@models_app.command("list")
def models_list(
    models_dir: Annotated[Path, typer.Option("--dir", help="Folder of snapshots.")] = (
        DEFAULT_MODELS_DIR
    ),
) -> None:
    """Show each known model, whether and where it is present locally, and its size."""
    from rich.console import Console
    from rich.table import Table

    from translate.hub import list_models

    table = Table("model", "where", "path", "size")
    for row in list_models(models_dir):
        size = f"{row.size_bytes / 1e6:,.1f} MB" if row.path else "-"
        table.add_row(row.model_id, row.location, str(row.path or "-"), size)
    Console().print(table)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
