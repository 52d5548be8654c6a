"""The batch job on one machine: read sources from the inbox, skip current ones, hand the
rest to the run core a window at a time, write each article's outputs as its window ends."""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from translate.errors import DocumentError, OutboxError
from translate.formats import format_of
from translate.outputs.outbox import Outputs
from translate.outputs.records import SourceInfo
from translate.outputs.review import review_page
from translate.run.core import (
    DONE,
    FAILED,
    SKIPPED,
    Article,
    Parsed,
    Pipeline,
    Result,
    reading_notes,
)
from translate.text.decode import read_source

logger = logging.getLogger(__name__)

# Write errors that no later article can escape: the run stops instead of failing them all
_OUTBOX_FULL = {errno.ENOSPC, errno.EROFS, errno.EACCES, getattr(errno, "EDQUOT", errno.ENOSPC)}

__all__ = ["DONE", "FAILED", "SKIPPED", "BatchJob", "BatchRunner", "Outcome", "totals"]


@dataclass(frozen=True)
class BatchJob:
    """What a batch run reads and writes.

    Args:
        inbox: folder scanned recursively for sources.
        outbox: folder that mirrors the inbox's relative paths.
        force: redo articles whose outputs are current.
        window_articles: most articles translated and summarized together; smaller windows
            write outputs sooner, larger ones batch better.
        max_bytes: larger source files are refused (a dump of many articles, not one).
        review: also write each article's bilingual review page.
    """

    inbox: Path
    outbox: Path
    force: bool = False
    window_articles: int = 256
    max_bytes: int = 2_000_000
    review: bool = False


@dataclass(frozen=True)
class Outcome:
    """What happened to one source file."""

    source: Path
    status: str
    reason: str = ""
    segments: int = 0
    words: int = 0
    warnings: tuple[str, ...] = ()


class BatchRunner:
    """Runs the job over source files with models loaded once.

    Args:
        pipeline: the run core, with its models loaded.
        job: folders and flags.
    """

    def __init__(self, pipeline: Pipeline, job: BatchJob):
        self.pipeline = pipeline
        self.job = job

    def run(
        self, sources: Iterable[Path], progress: Callable[..., None] | None = None
    ) -> Iterator[Outcome]:
        """Processes ``sources`` (paths relative to the inbox).

        A generator: outcomes are yielded as articles finish. Sentences of a window of
        articles are batched together for translation, and their summaries batched together;
        each article's outputs are written as soon as its window is done, sidecar last.

        Args:
            sources: relative paths, e.g. from :func:`translate.outputs.outbox.scan`.
            progress: see :meth:`translate.run.core.Pipeline.process`.
        """
        window: list[Parsed] = []
        segments = 0
        for rel in sources:
            prepared = self._prepare(rel)
            if isinstance(prepared, Outcome):
                yield prepared
                continue
            parsed = self.pipeline.parse(prepared)
            if isinstance(parsed, Result):
                yield self._write(rel, parsed)
                continue
            window.append(parsed)
            segments += len(parsed.document.sentences)
            if segments >= self.pipeline.window_segments or len(window) >= self.job.window_articles:
                yield from self._finish(window, progress)
                window, segments = [], 0
        if window:
            yield from self._finish(window, progress)

    def _prepare(self, rel: Path) -> Article | Outcome:
        outputs = Outputs.for_source(self.job.outbox, rel)
        try:
            path = self.job.inbox / rel
            size = _size(path, rel)
            if size > self.job.max_bytes:
                raise DocumentError(
                    f"{rel}: {size / 1e6:.1f} MB is over the {self.job.max_bytes / 1e6:g} MB "
                    "limit for one article (--max-mb)"
                )
            fmt = format_of(rel.name)
            source = read_source(path, str(rel), fmt)
            if not self.job.force and outputs.is_current(
                source.sha256,
                self.pipeline.settings,
                self.pipeline.settings["summary"] is not None,
                self.job.review,
            ):
                return Outcome(rel, SKIPPED)
        except DocumentError as exc:
            return self._fail(rel, outputs, str(exc))
        info = SourceInfo(str(rel), source.size, source.sha256, source.encoding)
        return Article(
            str(rel),
            source.text,
            fmt == "markdown",
            info,
            reading_notes(source.dropped),
            format=fmt if fmt in ("html", "docx") else "",
            data=source.data,
        )

    def _finish(self, window: list[Parsed], progress) -> Iterator[Outcome]:
        for result in self.pipeline.process_parsed(window, progress):
            yield self._write(Path(result.name), result)

    def _write(self, rel: Path, result: Result) -> Outcome:
        outputs = Outputs.for_source(self.job.outbox, rel)
        if result.status == FAILED:
            return self._fail(rel, outputs, result.reason)
        record = result.record
        review = None
        if self.job.review:
            review = review_page(str(rel), result.pairs, result.summary, record)
        try:
            outputs.write(result.translation, result.summary, record.to_json(), review)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            if exc.errno in _OUTBOX_FULL:  # every later write would fail too: stop at once
                raise OutboxError(
                    f"{self.job.outbox}: cannot write outputs ({reason}); every article "
                    "finished before is written, run again once there is room"
                ) from exc
            return self._fail(rel, outputs, f"{rel}: cannot write its outputs ({reason})")
        return Outcome(
            rel,
            DONE,
            segments=record.counts.segments,
            words=record.counts.words,
            warnings=record.warnings,
        )

    def _fail(self, rel: Path, outputs: Outputs, reason: str) -> Outcome:
        try:
            outputs.write_error(reason)
        except OSError as exc:
            logger.error("%s: cannot write error file (%s)", rel, exc)
        return Outcome(rel, FAILED, reason=reason)


def _size(path: Path, rel: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{rel}: cannot read ({exc.strerror or exc})") from exc


def totals(outcomes: Sequence[Outcome]) -> dict[str, int]:
    """Counts per status plus segments and words of the finished articles."""
    return {
        DONE: sum(o.status == DONE for o in outcomes),
        SKIPPED: sum(o.status == SKIPPED for o in outcomes),
        FAILED: sum(o.status == FAILED for o in outcomes),
        "segments": sum(o.segments for o in outcomes),
        "words": sum(o.words for o in outcomes),
    }
