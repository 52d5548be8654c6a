"""``translate batch``: the inbox into the outbox."""

from __future__ import annotations

import signal
from dataclasses import replace
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
    pipeline_spec,
    shared,
)
from translate.errors import OutboxError, TranslateError, UsageError
from translate.formats import default_patterns


@app.command("batch")
@shared("models", "decoding", "runtime")
def batch_command(
    inbox: Annotated[Path, typer.Argument(help="Folder of Dutch articles.")] = Path("inbox"),
    outbox: Annotated[Path, typer.Argument(help="Folder for the outputs.")] = Path("outbox"),
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            help=f"File pattern to include (repeatable; default {', '.join(default_patterns())}).",
        ),
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
    no_summary: Annotated[bool, typer.Option("--no-summary", help="Translate only.")] = False,
    review: Annotated[
        bool,
        typer.Option(
            "--review",
            help="Also write <name>.review.html per article (Dutch and English side by side) "
            "and index.html in the outbox.",
        ),
    ] = False,
    force_language: Annotated[str | None, FORCE_LANGUAGE] = None,
    strict: Annotated[bool, STRICT] = False,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks", help="Also read file symlinks that lead outside the inbox."
        ),
    ] = False,
    memory: Annotated[
        Path | None,
        typer.Option(
            "--memory",
            help="Translation memory to use and add to (default: <outbox>/.translate/"
            "memory.sqlite); one file can serve several outboxes.",
        ),
    ] = None,
    no_memory: Annotated[
        bool, typer.Option("--no-memory", help="Use no translation memory.")
    ] = False,
    json_report: Annotated[
        Path | None,
        typer.Option("--json", help="Also write a JSON run report here (one record per file)."),
    ] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray",
            metavar="local|auto|ADDRESS",
            help="Run the models on Ray Data: 'local' starts a Ray sized to this machine, "
            "'auto' joins this machine's cluster, else a cluster address (ray://head:10001).",
        ),
    ] = None,
    ray_workers: Annotated[
        str,
        typer.Option(
            help="Ray actors per stage: N for both, or T,S (translation, summary).",
        ),
    ] = "1",
    ray_gpus_per_worker: Annotated[
        float, typer.Option(min=0, help="GPUs per Ray actor; 0.5 puts two actors on one GPU.")
    ] = 0.0,
    ray_cpus_per_worker: Annotated[
        float, typer.Option(min=0.1, help="CPUs per Ray actor (torch threads on the CPU).")
    ] = 1.0,
    *,
    options: Options,
) -> None:
    """Translate and summarize every article in INBOX into OUTBOX.

    Per article, named after the whole source file name (a.md gives a.md.en.md,
    a.md.summary.txt and the a.md.json sidecar), at the same relative path. Current articles
    are skipped, so a rerun after a crash finishes the rest. Exit code 0: all done or
    skipped; 1: some articles failed; 2: usage or model error, or an outbox that cannot be
    written; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM): finished articles stay
    written.
    """
    import time

    from translate.outputs.outbox import scan

    started = time.perf_counter()
    setup_logging(options.verbose)
    patterns = tuple(glob or default_patterns())
    # A scheduler or `docker stop` sends SIGTERM: stop like Ctrl-C (exit 143), from the start,
    # so that loading models is interrupted as cleanly as translating
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        check = language_check(force_language)
        max_bytes = _max_bytes(max_mb)
        on_ray = _ray_options(ray_address, ray_workers, ray_gpus_per_worker, ray_cpus_per_worker)
        found = scan(inbox, patterns, exclude=outbox, follow_symlinks=follow_symlinks)
        if json_report is not None:
            _check_report(json_report, inbox, outbox, found.sources)
        if dry_run:
            for rel in found.sources:
                typer.echo(str(rel))
            for rel, reason in found.passed_over:
                typer.echo(f"skipped {rel}: {reason}", err=True)
            typer.echo(f"{len(found.sources)} files would be processed", err=True)
            return
        from translate.run.local import BatchJob, BatchRunner

        job = BatchJob(inbox, outbox, force, window, max_bytes, review, follow_symlinks, strict)

        def load(remembered):
            if on_ray is None:
                return BatchRunner(load_pipeline(options, not no_summary, check), job, remembered)
            return _ray_runner(options, job, on_ray, not no_summary, check, remembered)

        place = None if no_memory else (memory or outbox / MEMORY)
        failed = _run(job, found, load, quiet, json_report, started, place)
    except _Terminated:
        raise typer.Exit(143) from None
    except TranslateError as exc:
        raise fail(exc) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    if failed:
        raise typer.Exit(1)


def _run(
    job, found, load, quiet: bool, json_report: Path | None, started: float, memory: Path | None
) -> int:
    """The run itself, under the outbox lock, with the runner ``load(memory)`` builds (the
    models load there) and the translation memory at ``memory``; returns how many articles
    failed."""
    from translate.cli.views import BatchView
    from translate.outputs.outbox import OutboxLock, orphans, remove_stale_temp_files
    from translate.types import Outcome, Status

    outbox = job.outbox
    with OutboxLock(outbox):
        removed = remove_stale_temp_files(outbox)
        if removed:
            logger.info("removed %d temporary files left by an interrupted run", removed)
        view = runner = None
        remembered = _open_memory(memory)
        try:
            runner = load(remembered)
            total = len(found.sources) + len(found.passed_over)
            view = BatchView(total, quiet, started=started)
            with view:
                for rel, reason in found.passed_over:
                    view.article_done(Outcome(rel, Status.SKIPPED, reason=reason))
                for outcome in runner.run(found.sources, view.segments_done):
                    view.article_done(outcome)
        except KeyboardInterrupt as stop:
            if view is not None:
                view.interrupted()
            else:
                typer.echo("interrupted while loading the models; nothing was done", err=True)
            _report(json_report, view, outbox, started, stopped="interrupted")
            raise typer.Exit(143 if isinstance(stop, _Terminated) else 130) from None
        except OutboxError as exc:
            _report(json_report, view, outbox, started, stopped=str(exc))
            raise
        finally:
            if hasattr(runner, "close"):  # the Ray runner stops the Ray it started
                runner.close()
            if remembered is not None:
                remembered.close()
        view.print_table()
        _report(json_report, view, outbox, started, strict=True)
        if job.review:
            _index(view, outbox)
        view.orphans(orphans(job.inbox, outbox, keep=[json_report] if json_report else []))
    return view.failed


MEMORY = Path(".translate") / "memory.sqlite"


def _open_memory(path: Path | None):
    """The translation memory at ``path``; a file that cannot be used is one warning line,
    and the run goes on without it."""
    if path is None:
        return None
    from translate.memory import MemoryUnavailable, TranslationMemory

    try:
        return TranslationMemory(path)
    except MemoryUnavailable as exc:
        typer.echo(
            f"warning: the translation memory cannot be used ({exc}); going on without it",
            err=True,
        )
        return None


def _max_bytes(max_mb: float) -> int:
    import math

    if not math.isfinite(max_mb):
        raise UsageError(f"--max-mb {max_mb}: give a size in MB, such as 2 or 0.5")
    return int(max_mb * 1e6)


def _check_report(path: Path, inbox: Path, outbox: Path, sources) -> None:
    """Refuses a ``--json`` path that would overwrite what is not a run report: a folder, a
    path below a file, anything in the inbox, or an article's output."""
    import json

    from translate.outputs.outbox import Outputs

    if path.is_dir():
        raise UsageError(f"--json {path}: is a folder; give a file name to write")
    parent = next((p for p in path.parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise UsageError(f"--json {path}: {parent} is a file, not a folder")
    target = path.resolve()
    if target.is_relative_to(inbox.resolve()):
        raise UsageError(f"--json {path}: is inside the inbox; write the report elsewhere")
    outputs = {p.resolve() for rel in sources for p in _paths(Outputs.for_source(outbox, rel))}
    if target in outputs:
        raise UsageError(f"--json {path}: is an article's output; write the report elsewhere")
    if target.is_relative_to(outbox.resolve()) and path.is_file():
        try:
            is_report = "report_version" in json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            is_report = False
        if not is_report:
            raise UsageError(
                f"--json {path}: an existing file in the outbox that is not a run report; "
                "write the report elsewhere"
            )


def _paths(outputs) -> tuple[Path, ...]:
    from dataclasses import astuple

    return astuple(outputs)


def _ray_options(address: str | None, workers: str, gpus: float, cpus: float):
    """The --ray options checked before anything starts; None without --ray."""
    if address is None:
        return None
    from translate.run.ray import RayOptions

    try:
        counts = [int(n) for n in workers.split(",")]
    except ValueError:
        counts = []
    if len(counts) not in (1, 2) or min(counts) < 1:
        raise UsageError(f"--ray-workers {workers!r}: give N or T,S, positive whole numbers")
    translation, summary = counts if len(counts) == 2 else counts * 2
    where = None if address == "local" else address
    return RayOptions(where, translation, summary, gpus, cpus)


def _ray_runner(options: Options, job, ray_options, summarize: bool, check: str, memory=None):
    import math

    from translate.run.ray import RayRunner

    spec = pipeline_spec(options, summarize, check)
    if spec.runtime.threads is None:  # torch in each actor uses its own CPUs, not the machine's
        threads = max(1, math.floor(ray_options.cpus_per_worker))
        spec = replace(spec, runtime=replace(spec.runtime, threads=threads))
    return RayRunner(spec, job, ray_options, memory)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled as an interruption."""


def _terminate(signum, frame) -> None:
    raise _Terminated


def _report(path, view, outbox: Path, started: float, stopped=None, strict=False) -> None:
    """Writes the ``--json`` report, if asked for. When it cannot be written: the end of a
    run (``strict``) fails with one line; a run already stopping says so and goes on."""
    import time

    from translate.outputs.report import run_report, write_report

    if path is None:
        return
    elapsed = time.perf_counter() - started
    outcomes = view.outcomes if view is not None else []
    loading = view.working - view.started if view is not None else None
    try:
        write_report(path, run_report(outcomes, outbox, elapsed, stopped, loading))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        if strict:
            raise OutboxError(f"{path}: cannot write the run report ({reason})") from None
        typer.echo(f"note: {path}: the run report could not be written ({reason})", err=True)


def _index(view, outbox: Path) -> None:
    import time

    from translate.outputs.files import atomic_write_text
    from translate.outputs.report import run_report
    from translate.outputs.review import index_page

    report = run_report(view.outcomes, outbox, time.perf_counter() - view.started)
    page = index_page(outbox, report["articles"], report["totals"]["findings"])
    try:
        atomic_write_text(outbox / "index.html", page)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise OutboxError(f"{outbox / 'index.html'}: cannot write ({reason})") from None
