"""The batch job's files, for any runner: a source read from the inbox (or skipped as
current, or failed with one line), and an article's outputs written to the outbox."""

from __future__ import annotations

import errno
import logging
from dataclasses import dataclass
from pathlib import Path

from translate import formats
from translate.errors import DocumentError, OutboxError
from translate.outputs.outbox import Outputs
from translate.outputs.records import SourceInfo
from translate.outputs.review import review_page
from translate.run.core import Article, Result, RunSettings, reading_findings
from translate.types import Outcome, Status

logger = logging.getLogger(__name__)

# Write errors that no later article can escape: the run stops instead of failing them all
_OUTBOX_FULL = {errno.ENOSPC, errno.EROFS, errno.EACCES, getattr(errno, "EDQUOT", errno.ENOSPC)}


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


class ArticleFiles:
    """Reads sources and writes outputs for one batch job.

    Args:
        job: folders and flags.
        run: the run's settings, which decide whether earlier outputs are current.
    """

    def __init__(self, job: BatchJob, run: RunSettings):
        self.job = job
        self.run = run

    def prepare(self, rel: Path) -> Article | Outcome:
        """The article at ``rel`` (relative to the inbox), or its outcome when it is current
        (skipped) or cannot be read (failed, with its error file written)."""
        outputs = Outputs.for_source(self.job.outbox, rel)
        fmt = formats.format_for(rel.name)
        try:
            path = self.job.inbox / rel
            size = _size(path, rel)
            if size > self.job.max_bytes:
                raise DocumentError(
                    f"{rel}: {size / 1e6:.1f} MB is over the {self.job.max_bytes / 1e6:g} MB "
                    "limit for one article (--max-mb)"
                )
            source = formats.read_source(path, str(rel), fmt)
            if not self.job.force and outputs.is_current(
                source.sha256, self.run.settings, self.run.summarizes, self.job.review
            ):
                return Outcome(rel, Status.SKIPPED)
        except DocumentError as exc:
            return self.fail(rel, str(exc))
        info = SourceInfo(str(rel), source.size, source.sha256, source.encoding)
        findings = reading_findings(source.dropped)
        return Article(str(rel), source.text, fmt.name, info, findings, source.data)

    def write(self, rel: Path, result: Result) -> Outcome:
        """Writes one article's outputs (sidecar last), or its error file when it failed.

        Raises:
            OutboxError: the outbox is full, read-only or forbidden: no later article could
                be written either.
        """
        if result.status == Status.FAILED:
            return self.fail(rel, result.reason)
        outputs = Outputs.for_source(self.job.outbox, rel)
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
            return self.fail(rel, f"{rel}: cannot write its outputs ({reason})")
        counts = record.counts
        return Outcome(rel, Status.DONE, "", counts.segments, counts.words, record.findings)

    def fail(self, rel: Path, reason: str) -> Outcome:
        """A failed outcome, with the reason written to the article's error file."""
        try:
            Outputs.for_source(self.job.outbox, rel).write_error(reason)
        except OSError as exc:
            logger.error("%s: cannot write error file (%s)", rel, exc)
        return Outcome(rel, Status.FAILED, reason=reason)


def _size(path: Path, rel: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{rel}: cannot read ({exc.strerror or exc})") from exc
