"""The batch job on one machine: read sources from the inbox, skip current ones, hand the
rest to the run core a window at a time, write each article's outputs as its window ends."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from translate.run.core import Parsed, Pipeline, Result
from translate.run.files import ArticleFiles, BatchJob
from translate.text.batching import Windows
from translate.types import Outcome

logger = logging.getLogger(__name__)

__all__ = ["BatchJob", "BatchRunner"]


class BatchRunner:
    """Runs the job over source files with models loaded once.

    Args:
        pipeline: the run core, with its models loaded.
        job: folders and flags.
        memory: the translation memory, or None.
    """

    def __init__(self, pipeline: Pipeline, job: BatchJob, memory=None):
        self.pipeline = pipeline
        self.job = job
        self.files = ArticleFiles(job, pipeline.run, memory)

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
        windows = Windows(self.pipeline.window_segments, self.job.window_articles)
        for rel in sources:
            prepared = self.files.prepare(rel)
            if isinstance(prepared, Outcome):
                yield prepared
                continue
            parsed = self.pipeline.parse(prepared)
            if isinstance(parsed, Result):
                yield self.files.write(rel, parsed)
                continue
            full = windows.add(parsed, len(parsed.document.sentences))
            if full:
                yield from self._finish(full, progress)
        rest = windows.rest()
        if rest:
            yield from self._finish(rest, progress)

    def _finish(self, window: list[Parsed], progress) -> Iterator[Outcome]:
        for result in self.pipeline.process_parsed(window, progress):
            yield self.files.write(Path(result.name), result)
