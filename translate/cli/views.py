"""What a batch run shows: a rich progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import re
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

from translate.findings import describe_counts
from translate.outputs.files import printable
from translate.types import Outcome, Status, totals

DONE, SKIPPED, FAILED = Status.DONE, Status.SKIPPED, Status.FAILED

_SHOWN_WARNINGS = 3
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _escape(match: re.Match) -> str:
    return repr(match.group())[1:-1]


class BatchView:
    """Progress and the final table on stderr; ``quiet`` keeps only failures."""

    def __init__(self, articles: int, quiet: bool = False, started: float | None = None):
        # Not a terminal (a log file, CI): wide enough that the table's headers never wrap
        self.console = Console(
            stderr=True, soft_wrap=True, width=None if sys.stderr.isatty() else 120
        )
        self.quiet = quiet
        self.outcomes: list[Outcome] = []
        # ``started``: when the command began, so the table can tell model loading apart
        self.started = time.perf_counter() if started is None else started
        self.working = time.perf_counter()
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

    def segments_done(self, count: int, total: int | None = None) -> None:
        """``count`` more segments finished; ``total`` (with count 0) announces a window."""
        if self._progress is None:
            return
        task = self._progress.tasks[self._segments]
        if total is not None:  # done and total of the current window, so the ETA is real
            self._progress.update(self._segments, total=task.completed + total)
        rate = (task.completed + count) / max(time.perf_counter() - self.working, 1e-9)
        self._progress.update(self._segments, advance=count, rate=f"{rate:.1f} seg/s")

    def article_done(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if self._progress is not None:
            self._progress.update(self._articles, advance=1)
        source, reason = printable(str(outcome.source)), printable(outcome.reason)
        if outcome.status == FAILED:
            self._line(f"failed  {reason}")
        elif self.quiet:
            return
        elif outcome.status == SKIPPED and outcome.reason:  # passed over on purpose: say why
            self._line(f"skipped {source}: {reason}")
        else:
            detail = f" ({outcome.segments} segments)" if outcome.status == DONE else ""
            self._line(f"{outcome.status:<7} {source}{detail}")
            for warning in outcome.warnings[:_SHOWN_WARNINGS]:
                self._line(f"warning {source}: {warning}")
            hidden = len(outcome.warnings) - _SHOWN_WARNINGS
            if hidden > 0:
                self._line(f"warning {source}: {hidden} more in its sidecar")

    def _line(self, text: str) -> None:
        # One line per article, whatever its name holds (a newline, a terminal escape)
        self.console.print(_CONTROL.sub(_escape, text), markup=False, highlight=False)

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
        now = time.perf_counter()
        loading, working = self.working - self.started, now - self.working
        table = Table(
            "done", "skipped", "failed", "flagged", "segments", "reused", "words", "loading",
            "work", "total", "articles/min",
        )  # fmt: skip
        table.add_row(
            str(counts[DONE]),
            str(counts[SKIPPED]),
            str(counts[FAILED]),
            str(counts["flagged"]),
            str(counts["segments"]),
            str(counts["reused"]),
            str(counts["words"]),
            f"{loading:.1f}s",
            f"{working:.1f}s",
            f"{now - self.started:.1f}s",
            f"{counts[DONE] / working * 60:.1f}" if working > 0 else "-",
        )
        self.console.print(table)
        if counts["findings"]:
            self.console.print(
                f"findings: {describe_counts(counts['findings'])} (per sentence in each sidecar)",
                markup=False,
                highlight=False,
            )

    def orphans(self, paths: list) -> None:
        """Notes outputs whose source is gone; they are kept, never deleted."""
        if not paths or self.quiet:
            return
        shown = ", ".join(printable(str(p)) for p in paths[:_SHOWN_WARNINGS])
        more = f" and {len(paths) - _SHOWN_WARNINGS} more" if len(paths) > _SHOWN_WARNINGS else ""
        self.console.print(
            f"note: {len(paths)} outputs in the outbox have no source in the inbox ({shown}"
            f"{more}); kept: delete them if they are no longer wanted",
            markup=False,
            highlight=False,
        )
