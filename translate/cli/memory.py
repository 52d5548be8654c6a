"""``translate memory``: what the translation memory holds, written out, or pruned."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import typer

from translate.cli.app import app, fail
from translate.errors import UsageError

memory_app = typer.Typer(
    no_args_is_help=True, help="Inspect, export and prune the translation memory."
)
app.add_typer(memory_app, name="memory")

_MEMORY = typer.Option("--memory", help="The memory file.")
_OUTBOX = typer.Option("--outbox", help="An outbox: its default memory (.translate/memory.sqlite).")
_AGE = re.compile(r"^(\d+(?:\.\d+)?)([dhm])$")


def _open(memory: Path | None, outbox: Path | None):
    from translate.cli.batch import MEMORY
    from translate.memory import MemoryUnavailable, TranslationMemory

    if (memory is None) == (outbox is None):
        raise UsageError("give --memory FILE or --outbox DIR")
    path = memory if memory is not None else outbox / MEMORY
    if not path.is_file():
        raise UsageError(f"{path}: no translation memory there")
    try:
        return TranslationMemory(path)
    except MemoryUnavailable as exc:
        raise UsageError(f"cannot read the translation memory: {exc}") from None


@memory_app.command("stats")
def memory_stats(
    memory: Annotated[Path | None, _MEMORY] = None,
    outbox: Annotated[Path | None, _OUTBOX] = None,
    as_json: Annotated[bool, typer.Option("--json", help="As JSON on stdout.")] = False,
) -> None:
    """Entries, size on disk and the last run's hit rate."""
    try:
        store = _open(memory, outbox)
    except UsageError as exc:
        raise fail(exc) from None
    stats = store.stats()
    store.close_quietly()
    if as_json:
        typer.echo(json.dumps(stats, indent=2))
        return
    run = stats["last_run"]
    rate = (
        f"{run['hits']} of {run['lookups']} sentences ({run['hit_rate']:.0%})"
        if run and run["lookups"]
        else "-"
    )
    typer.echo(
        f"{stats['memory']}: {stats['entries']:,} entries for {stats['settings']} settings, "
        f"{stats['size_bytes'] / 1e6:.1f} MB; last run found {rate}"
    )


@memory_app.command("export")
def memory_export(
    tmx: Annotated[Path | None, typer.Option("--tmx", help="Write TMX 1.4 here.")] = None,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Write JSON lines here.")] = None,
    memory: Annotated[Path | None, _MEMORY] = None,
    outbox: Annotated[Path | None, _OUTBOX] = None,
) -> None:
    """Write the memory out, for CAT tools (TMX) or for scripts (JSON lines)."""
    from translate.memory import export
    from translate.outputs.files import atomic_write_bytes, atomic_write_text

    try:
        if tmx is None and jsonl is None:
            raise UsageError("give --tmx FILE or --jsonl FILE (or both)")
        store = _open(memory, outbox)
        entries = list(store.entries())
        store.close_quietly()
        if tmx is not None:
            atomic_write_bytes(tmx, export.tmx(entries))
        if jsonl is not None:
            atomic_write_text(jsonl, export.jsonl(entries))
    except UsageError as exc:
        raise fail(exc) from None
    except OSError as exc:
        raise fail(UsageError(f"cannot write the export ({exc.strerror or exc})")) from None
    typer.echo(f"{len(entries):,} entries written", err=True)


@memory_app.command("prune")
def memory_prune(
    older_than: Annotated[str, typer.Option("--older-than", help="Age, such as 90d, 12h, 30m.")],
    memory: Annotated[Path | None, _MEMORY] = None,
    outbox: Annotated[Path | None, _OUTBOX] = None,
) -> None:
    """Remove the entries no run has used for longer than --older-than."""
    match = _AGE.match(older_than.strip())
    try:
        if match is None:
            raise UsageError(f"--older-than {older_than!r}: give an age such as 90d, 12h or 30m")
        seconds = float(match.group(1)) * {"d": 86400, "h": 3600, "m": 60}[match.group(2)]
        store = _open(memory, outbox)
    except UsageError as exc:
        raise fail(exc) from None
    removed = store.prune(seconds)
    store.close_quietly()
    typer.echo(f"{removed:,} entries removed", err=True)
