"""Command line: a thin Typer layer over the library. Each command is a module here."""

from translate.cli import batch, bench, check, file, memory, models  # noqa: F401  (they register themselves)
from translate.cli.app import app, main

__all__ = ["app", "main"]
