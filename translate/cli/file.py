"""``translate file``: one article, through the same run core as the batch job."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.app import app, fail, logger, setup_logging
from translate.cli.options import (
    FORCE_LANGUAGE,
    STRICT,
    Options,
    language_check,
    load_pipeline,
    shared,
)
from translate.errors import DocumentError, TranslateError, UsageError
from translate.findings import STRICT_KINDS, count_kinds, describe_counts
from translate.formats import suffixes


@app.command("file")
@shared("models", "decoding", "runtime")
def file_command(
    path: Annotated[
        str,
        typer.Argument(help=f"Dutch article ({', '.join(suffixes())}), or - for stdin."),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the translation here (- for stdout)."),
    ] = None,
    summary_out: Annotated[
        Path | None, typer.Option("--summary-out", help="Write the summary here (- for stdout).")
    ] = None,
    no_summary: Annotated[bool, typer.Option("--no-summary", help="Translate only.")] = False,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Print only the summary.")
    ] = False,
    force_language: Annotated[str | None, FORCE_LANGUAGE] = None,
    strict: Annotated[bool, STRICT] = False,
    *,
    options: Options,
) -> None:
    """Translate one Dutch article, then summarize it.

    Prints the English translation, a blank line, "Summary:" and the summary. -o and
    --summary-out write either part to a file instead of stdout. Each format comes out as
    its translation's format (HTML as HTML, Markdown as Markdown); a binary one (.docx)
    needs -o.
    """
    from translate import formats
    from translate.run.core import FAILED, Article, reading_findings

    setup_logging(options.verbose)
    if no_summary and (summary_only or summary_out):
        raise fail(UsageError("--no-summary cannot be combined with --summary-only/--summary-out"))
    # "-" is standard output, as it is standard input for the article
    output = None if output == Path("-") else output
    summary_out = None if summary_out == Path("-") else summary_out
    try:
        _check_outputs(path, output, summary_out)
        check = language_check(force_language)
        fmt = formats.get(formats.FALLBACK) if path == "-" else formats.format_for(path)
        if fmt.binary and output is None and not summary_only:
            suffix = fmt.translation_suffix(Path(path).suffix)[3:]
            raise UsageError(f"{path}: a {fmt.label} translation is a file: give -o FILE{suffix}")
        if path == "-":
            source = fmt.decode(sys.stdin.buffer.read(), "<stdin>")
            text, data = source.text, None
        else:
            source = formats.read_source(Path(path), fmt=fmt)
            text, data = source.text, source.data
        pipeline = load_pipeline(options, not no_summary, check)
        findings = reading_findings(source.dropped)
        article = Article(
            path, text, fmt.name, findings=findings, data=data, newline=source.newline
        )
        (result,) = pipeline.process([article])
        if result.status == FAILED:
            raise DocumentError(result.reason)
        for finding in result.record.findings:
            logger.warning("%s: %s", path, finding.message)
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
        wrong = [f for f in result.record.findings if f.kind in STRICT_KINDS]
        if strict and wrong:
            found = describe_counts(count_kinds(wrong))
            raise DocumentError(f"{path}: --strict: {found}; outputs written")
    except TranslateError as exc:
        raise fail(exc) from None


def _check_outputs(source: str, *outputs: Path | None) -> None:
    """Refuses an output that is a folder or the Dutch source itself (also through links),
    and two outputs in one file."""
    given = [o for o in outputs if o is not None]
    if len(given) == 2 and given[0].resolve() == given[1].resolve():
        raise UsageError(f"{given[0]}: -o and --summary-out name the same file; give two")
    for output in given:
        if output.is_dir():
            raise UsageError(f"{output}: is a folder; give a file name to write")
        if source != "-" and output.exists() and Path(source).exists() and output.samefile(source):
            raise UsageError(f"{output}: is the source article; choose another output file")


def _write(path: Path, text: str | bytes) -> None:
    from translate.outputs.files import atomic_write_bytes

    try:
        atomic_write_bytes(path, text if isinstance(text, bytes) else text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot write ({exc.strerror or type(exc).__name__})") from None
