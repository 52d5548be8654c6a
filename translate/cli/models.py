"""``translate models pull`` and ``translate models list``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.app import fail, models_app, setup_logging
from translate.cli.options import MODELS_DIR_ENV
from translate.config import DEFAULT_MODELS_DIR, ModelSpec
from translate.errors import TranslateError

# The name these commands had before they took --models-dir, as batch and file do
_OLD_DIR = typer.Option("--dir", hidden=True, help="Old name of --models-dir.")


@models_app.command("pull")
def models_pull(
    model: Annotated[
        list[str] | None,
        typer.Option("--model", "-m", help="Hub id to pull (repeatable); default: all known."),
    ] = None,
    revision: Annotated[
        str | None, typer.Option(help="Hub branch, tag or commit of --model.")
    ] = None,
    models_dir: Annotated[
        Path,
        typer.Option("--models-dir", envvar=MODELS_DIR_ENV, help="Where to write."),
    ] = DEFAULT_MODELS_DIR,
    old_dir: Annotated[Path | None, _OLD_DIR] = None,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")] = 0,
) -> None:
    """Download the models into models/ with only the files loading needs."""
    from translate.models.hub import KNOWN_MODELS, pull_model

    models_dir = old_dir or models_dir
    setup_logging(verbose)
    for name in model or KNOWN_MODELS:
        try:
            resolved = pull_model(ModelSpec(name, revision, models_dir=models_dir))
        except TranslateError as exc:
            raise fail(exc) from None
        typer.echo(f"{name} -> {resolved.path} (revision {resolved.revision})")


@models_app.command("list")
def models_list(
    models_dir: Annotated[
        Path,
        typer.Option("--models-dir", envvar=MODELS_DIR_ENV, help="Folder of snapshots."),
    ] = DEFAULT_MODELS_DIR,
    old_dir: Annotated[Path | None, _OLD_DIR] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON list on stdout.")] = False,
) -> None:
    """Show each known model, whether and where it is present locally, and its size."""
    from rich.console import Console
    from rich.table import Table

    from translate.models.hub import list_models

    rows = list_models(old_dir or models_dir)
    if as_json:
        records = [
            {
                "model": row.model_id,
                "where": row.location,
                "path": str(row.path) if row.path else None,
                "size_bytes": row.size_bytes,
                "broken": row.broken,
            }
            for row in rows
        ]
        typer.echo(json.dumps(records, indent=2))
        return
    table = Table("model", "where", "path", "size", "state")
    for row in rows:
        size = f"{row.size_bytes / 1e6:,.1f} MB" if row.path else "-"
        state = f"broken: {row.broken}" if row.broken else ("ok" if row.path else "-")
        table.add_row(row.model_id, row.location, str(row.path or "-"), size, state)
    Console().print(table)
