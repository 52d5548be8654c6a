"""What a batch run shows: a rich progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from translate.run.local import DONE, FAILED, SKIPPED, Outcome, totals

_SHOWN_WARNINGS = 3


class BatchView:
    """Progress and the final table on stderr; ``quiet`` keeps only failures."""

    def __init__(self, articles: int, quiet: bool = False):
        self.console = Console(stderr=True, soft_wrap=True)
        self.quiet = quiet
        self.outcomes: list[Outcome] = []
        self.started = time.perf_counter()
        self._progress: Progress | None = None
        if not quiet and sys.stderr.isatty():
            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=self.console,
            )
            self._articles = self._progress.add_task("articles", total=articles, rate="")
            self._segments = self._progress.add_task("segments", total=None, rate="")

    def __enter__(self) -> BatchView:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()

    @property
    def failed(self) -> int:
        return sum(o.status == FAILED for o in self.outcomes)

    def segments_done(self, count: int) -> None:
        if self._progress is not None:
            task = self._progress.tasks[self._segments]
            rate = (task.completed + count) / max(time.perf_counter() - self.started, 1e-9)
            self._progress.update(self._segments, advance=count, rate=f"{rate:.1f} seg/s")

    def article_done(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if self._progress is not None:
            self._progress.update(self._articles, advance=1)
        if outcome.status == FAILED:
            self.console.print(f"failed  {outcome.reason}", markup=False, highlight=False)
        elif not self.quiet:
            detail = f" ({outcome.segments} segments)" if outcome.status == DONE else ""
            self.console.print(
                f"{outcome.status:<7} {outcome.source}{detail}", markup=False, highlight=False
            )
            for warning in outcome.warnings[:_SHOWN_WARNINGS]:
                self.console.print(
                    f"warning {outcome.source}: {warning}", markup=False, highlight=False
                )
            hidden = len(outcome.warnings) - _SHOWN_WARNINGS
            if hidden > 0:
                self.console.print(
                    f"warning {outcome.source}: {hidden} more in its sidecar",
                    markup=False,
                    highlight=False,
                )

    def interrupted(self) -> None:
        done = sum(o.status == DONE for o in self.outcomes)
        self.console.print(
            f"interrupted: {done} articles finished and written; run again to do the rest",
            markup=False,
        )

    def print_table(self) -> None:
        if self.quiet:
            return
        counts = totals(self.outcomes)
        elapsed = time.perf_counter() - self.started
        table = Table("done", "skipped", "failed", "segments", "words", "elapsed", "articles/min")
        table.add_row(
            str(counts[DONE]),
            str(counts[SKIPPED]),
            str(counts[FAILED]),
            str(counts["segments"]),
            str(counts["words"]),
            f"{elapsed:.1f}s",
            f"{counts[DONE] / elapsed * 60:.1f}" if elapsed > 0 else "-",
        )
        self.console.print(table)
