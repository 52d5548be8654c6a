"""The Typer application, logging and error policy shared by the commands."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from translate.errors import TranslateError

logger = logging.getLogger("translate")

DISTRIBUTION = "translate-nl-en"

app = typer.Typer(
    no_args_is_help=True,
    help="Translate Dutch articles to English and summarize them.",
)
models_app = typer.Typer(no_args_is_help=True, help="Download and inspect local model snapshots.")
app.add_typer(models_app, name="models")


def versions() -> str:
    """This tool's version and those of the libraries its engines run on."""
    from importlib.metadata import PackageNotFoundError, version

    from translate import __version__

    parts = [f"{DISTRIBUTION} {__version__}"]
    for name in ("torch", "transformers", "ctranslate2"):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} not installed")
    return ", ".join(parts)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(versions())
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Show versions and exit."
        ),
    ] = False,
) -> None:
    """Translate Dutch articles to English and summarize them."""


def setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(stream=sys.stderr, level=level, format="%(levelname)s: %(message)s")
    logging.getLogger().setLevel(level)
    # The hub client logs each retry; our own one-line error says what matters.
    logging.getLogger("huggingface_hub").setLevel(logging.ERROR if verbose == 0 else level)


def fail(exc: TranslateError) -> typer.Exit:
    """The one-line message for a domain error, and the exit carrying its code."""
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
