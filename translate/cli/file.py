"""``translate file``: one article, through the same run core as the batch job."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.app import app, fail, logger, setup_logging
from translate.cli.options import Options, load_pipeline, shared
from translate.errors import DocumentError, TranslateError, UsageError


@app.command("file")
@shared("models", "decoding", "runtime")
def file_command(
    path: Annotated[str, typer.Argument(help="Dutch article (.txt or .md), or - for stdin.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the translation here.")
    ] = None,
    summary_out: Annotated[
        Path | None, typer.Option("--summary-out", help="Write the summary here.")
    ] = None,
    no_summary: Annotated[bool, typer.Option("--no-summary", help="Translate only.")] = False,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Print only the summary.")
    ] = False,
    *,
    options: Options,
) -> None:
    """Translate one Dutch article, then summarize it.

    Prints the English translation, a blank line, "Summary:" and the summary. -o and
    --summary-out write either part to a file instead of stdout.
    """
    from translate.run.core import FAILED, Article, reading_notes
    from translate.text.decode import decode, read_source

    setup_logging(options.verbose)
    if no_summary and (summary_only or summary_out):
        raise fail(UsageError("--no-summary cannot be combined with --summary-only/--summary-out"))
    try:
        _check_outputs(path, output, summary_out)
        if path == "-":
            source = decode(sys.stdin.buffer.read(), "<stdin>")
        else:
            source = read_source(Path(path))
        pipeline = load_pipeline(options, summarize=not no_summary)
        markdown = path.lower().endswith(".md")
        article = Article(path, source.text, markdown, notes=reading_notes(source.dropped))
        (result,) = pipeline.process([article])
        if result.status == FAILED:
            raise DocumentError(result.reason)
        for warning in result.record.warnings:
            logger.warning("%s: %s", path, warning)
        parts = []
        if output is not None:
            _write(output, result.translation)
        elif not summary_only:
            parts.append(result.translation)
        if result.summary is not None:
            if summary_out is not None:
                _write(summary_out, result.summary)
            elif parts:
                parts.append(f"\nSummary:\n{result.summary}")
            else:
                parts.append(result.summary)
        sys.stdout.write("".join(parts))
    except TranslateError as exc:
        raise fail(exc) from None


def _check_outputs(source: str, *outputs: Path | None) -> None:
    """Refuses an output that is a folder or the Dutch source itself (also through links)."""
    for output in (o for o in outputs if o is not None):
        if output.is_dir():
            raise UsageError(f"{output}: is a folder; give a file name to write")
        if source != "-" and output.exists() and Path(source).exists() and output.samefile(source):
            raise UsageError(f"{output}: is the source article; choose another output file")


def _write(path: Path, text: str) -> None:
    from translate.outputs.files import atomic_write_text

    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or type(exc).__name__})") from None
