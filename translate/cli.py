"""Command line: a thin Typer layer over the library."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

from translate.config import (
    DEFAULT_MODELS_DIR,
    DEFAULT_TRANSLATION_MODEL,
    ModelSpec,
    RuntimeOptions,
    TranslationOptions,
)
from translate.errors import TranslateError

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
VerboseOpt = Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")]


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(stream=sys.stderr, level=level, format="%(levelname)s: %(message)s")
    logging.getLogger().setLevel(level)


def _fail(exc: TranslateError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


@app.command("file")
def file_command(
    path: Annotated[str, typer.Argument(help="Dutch article (.txt or .md), or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the translation here.")
    ] = None,
    model: ModelOpt = DEFAULT_TRANSLATION_MODEL,
    revision: RevisionOpt = None,
    device: DeviceOpt = "auto",
    dtype: DtypeOpt = "auto",
    beams: BeamsOpt = None,
    batch_tokens: BatchTokensOpt = None,
    offline: OfflineOpt = False,
    models_dir: ModelsDirOpt = DEFAULT_MODELS_DIR,
    verbose: VerboseOpt = 0,
) -> None:
    """Translate one Dutch article and print the English text (or write it with -o)."""
    from translate.documents import decode, parse, read_source
    from translate.files import atomic_write_text
    from translate.translation import Translator

    _setup_logging(verbose)
    try:
        if path == "-":
            text = decode(sys.stdin.buffer.read(), "<stdin>").text
            markdown = False
        else:
            text = read_source(Path(path)).text
            markdown = path.lower().endswith(".md")
        document = parse(text, markdown=markdown)
        translator = Translator(
            ModelSpec(model, revision, offline, models_dir),
            RuntimeOptions(device, dtype),
            TranslationOptions(beams=beams, batch_tokens=batch_tokens),
        )
        result = translator.translate(document)
        for warning in result.warnings:
            logger.warning("%s: %s", path, warning)
        english = result.translation.render()
        if output is not None:
            atomic_write_text(output, english)
        else:
            sys.stdout.write(english)
    except TranslateError as exc:
        raise _fail(exc) from None


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
    app()
