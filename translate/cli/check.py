"""``translate check``: the per-sentence checks on translations made elsewhere."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.app import app, fail, setup_logging
from translate.cli.options import MODELS_DIR_ENV, EngineChoice
from translate.config import DEFAULT_MODELS_DIR, ModelSpec, RuntimeOptions
from translate.errors import TranslateError, UsageError


@app.command("check")
def check_command(
    pairs: Annotated[
        Path | None,
        typer.Argument(help="JSON lines, each with 'source' and 'translation' (- for stdin)."),
    ] = None,
    source: Annotated[
        Path | None, typer.Option("--source", help="Dutch segments, one per line.")
    ] = None,
    translation: Annotated[
        Path | None,
        typer.Option("--translation", help="Their English translations, line for line."),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="One JSON object per input line on stdout, with its flags."),
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m", help="Also score each translation with this model (confidence)."
        ),
    ] = None,
    offline: Annotated[bool, typer.Option("--offline", help="Never touch the network.")] = False,
    models_dir: Annotated[
        Path, typer.Option(envvar=MODELS_DIR_ENV, help="Folder of local model snapshots.")
    ] = DEFAULT_MODELS_DIR,
    engine: Annotated[
        EngineChoice, typer.Option(help="torch or ctranslate2.")
    ] = EngineChoice.torch,
    device: Annotated[str, typer.Option(help="auto, cpu, cuda, cuda:N or mps.")] = "auto",
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")] = 0,
) -> None:
    """Check translations made elsewhere (a translator's, another engine's) with the checks
    the batch job runs on its own: numbers, names, negation, length, repetition,
    untranslated text.

    Prints one line per flagged pair (with --json: every input line back as JSON, with a
    "flags" list). Exit code 0: nothing flagged; 1: something flagged; 2: bad input.
    """
    from translate.checks import check_pairs

    setup_logging(verbose)
    try:
        numbered = _read(pairs, source, translation)
        records = [record for _, record in numbered]
        texts = [(r["source"], r["translation"]) for r in records]
        scores = None
        if model is not None:
            from translate.engines.load import load_engine

            spec = ModelSpec(model, offline=offline, models_dir=models_dir)
            loaded = load_engine(spec, RuntimeOptions(device, "auto", engine.value))
            scores = loaded.score([s for s, _ in texts], [t for _, t in texts])
        found = check_pairs(texts, scores)
    except TranslateError as exc:
        raise fail(exc) from None
    for i, ((number, record), findings) in enumerate(zip(numbered, found, strict=True)):
        if as_json:
            flags = [{"kind": f.kind, "detail": f.message} for f in findings]
            extra = {"score": scores[i]} if scores is not None else {}
            typer.echo(json.dumps(record | extra | {"flags": flags}, ensure_ascii=False))
        else:
            for finding in findings:
                typer.echo(f"line {number}: {finding.message}")
    flagged = sum(1 for f in found if f)
    if not as_json:
        typer.echo(f"{flagged} of {len(records)} pairs flagged", err=True)
    if flagged:
        raise typer.Exit(1)


def _read(
    pairs: Path | None, source: Path | None, translation: Path | None
) -> list[tuple[int, dict]]:
    """The pairs as records (the input's own fields kept), with their line numbers."""
    if (pairs is None) == (source is None and translation is None):
        raise UsageError("give PAIRS.jsonl, or --source and --translation")
    if pairs is not None:
        return _jsonl(pairs)
    if source is None or translation is None:
        raise UsageError("--source and --translation go together")
    dutch, english = _lines(source), _lines(translation)
    if len(dutch) != len(english):
        raise UsageError(
            f"{source} has {len(dutch)} lines, {translation} {len(english)}: give one "
            "translation per line"
        )
    return [
        (number, {"source": s, "translation": t})
        for number, (s, t) in enumerate(zip(dutch, english, strict=True), start=1)
    ]


def _jsonl(path: Path) -> list[tuple[int, dict]]:
    text = _text(path)
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise UsageError(f"{path}: line {number}: not JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise UsageError(f"{path}: line {number}: not a JSON object")
        for field in ("source", "translation"):
            if not isinstance(record.get(field), str):
                raise UsageError(f"{path}: line {number}: no {field!r} text")
        records.append((number, record))
    return records


def _lines(path: Path) -> list[str]:
    return _text(path).splitlines()


def _text(path: Path) -> str:
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        raise UsageError(f"{path}: cannot read as UTF-8 text ({reason})") from None
