"""The batch job on one machine: read sources from the inbox, skip current ones, hand the
rest to the run core a window at a time, write each article's outputs as its window ends."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from translate.run.ahead import read_ahead
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

    def __init__(
        self, pipeline: Pipeline, job: BatchJob, memory=None, read_ahead: bool | None = None
    ):
        self.pipeline = pipeline
        self.job = job
        self.files = ArticleFiles(job, pipeline.run, memory)
        # Reading, parsing and tokenizing the next window in a thread while this one is
        # decoded: ``None``, where the pipeline says so (on a GPU)
        self.read_ahead = pipeline.reads_ahead if read_ahead is None else read_ahead

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
        events = self._read(sources)
        if self.read_ahead:
            events = read_ahead(events, lambda event: isinstance(event, list))
        for event in events:
            if isinstance(event, Outcome):
                yield event
            elif isinstance(event, Result):  # could not be parsed: its error file
                yield self.files.write(Path(event.name), event)
            else:
                yield from self._finish(event, progress)

    def _read(self, sources: Iterable[Path]) -> Iterator[Outcome | Result | list[Parsed]]:
        """Each source read and parsed, in order: its outcome when it is done with (current,
        unreadable), its failed result when it cannot be parsed, and every full window of
        parsed articles (reading ahead, their sentences encoded for the translator)."""
        windows = Windows(self.pipeline.window_segments, self.job.window_articles)
        for rel in sources:
            # the memory is looked up as each window starts, after the one before is stored
            prepared = self.files.prepare(rel, recall=False)
            if isinstance(prepared, Outcome):
                yield prepared
                continue
            parsed = self.pipeline.parse(prepared)
            if isinstance(parsed, Result):
                yield parsed
                continue
            full = windows.add(parsed, len(parsed.document.sentences))
            if full:
                yield self._ready(full)
        rest = windows.rest()
        if rest:
            yield self._ready(rest)

    def _ready(self, window: list[Parsed]) -> list[Parsed]:
        if self.read_ahead:  # encoded here, in the reading thread, not when it is decoded
            self.pipeline.pretokenize(window)
        return window

    def _finish(self, window: list[Parsed], progress) -> Iterator[Outcome]:
        window = [self.files.recall(parsed) for parsed in window]
        for result in self.pipeline.process_parsed(window, progress):
            yield self.files.write(Path(result.name), result)
