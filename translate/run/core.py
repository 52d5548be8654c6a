"""The job on articles as text: parse, translate, summarize, and each article's record.

No files and no paths: ``translate file``, ``translate batch`` and any other runner hand
articles in and get results out, so all of them produce the same outputs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from translate import __version__
from translate.outputs.records import Counts, Record, SourceInfo, Timings, models_of, settings_of
from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator
from translate.text.document import Document, parse

logger = logging.getLogger(__name__)

DONE, SKIPPED, FAILED = "done", "skipped", "failed"


@dataclass(frozen=True)
class Article:
    """One article as text.

    Args:
        name: how messages and the record name it (a path relative to the inbox, say).
        text: the decoded text.
        markdown: parse Markdown markup (headings, lists, fenced code, links).
        source: what is known about the source bytes, recorded in the sidecar.
        notes: what reading it found (dropped control characters), recorded as warnings.
    """

    name: str
    text: str
    markdown: bool = False
    source: SourceInfo | None = None
    notes: tuple[str, ...] = ()


def reading_notes(dropped: int) -> tuple[str, ...]:
    """What reading a source found, as :attr:`Article.notes`."""
    return (f"{dropped} control characters (NUL and the like) dropped",) if dropped else ()


@dataclass(frozen=True)
class Parsed:
    article: Article
    document: Document


@dataclass(frozen=True)
class Result:
    """What became of one article: ``done`` with its translation, summary (``None`` without
    a summarizer) and record, or ``failed`` with a one-line ``reason`` naming it."""

    name: str
    status: str
    translation: str = ""
    summary: str | None = None
    record: Record | None = None
    reason: str = ""


class Pipeline:
    """Translation and summaries for batches of articles, with models loaded once.

    Args:
        translator: the loaded translator.
        summarizer: the loaded summarizer, or ``None`` for translation only.
    """

    def __init__(self, translator: Translator, summarizer: Summarizer | None = None):
        self.translator = translator
        self.summarizer = summarizer
        self.settings = settings_of(translator, summarizer)
        self._models = models_of(translator, summarizer)

    @property
    def window_segments(self) -> int:
        return self.translator.options.window_segments

    def parse(self, article: Article) -> Parsed | Result:
        """The article's structure, or a failed result when it holds nothing to translate."""
        document = parse(article.text, markdown=article.markdown)
        if not document.sentences:
            return Result(article.name, FAILED, reason=f"{article.name}: no text to translate")
        return Parsed(article, document)

    def process(
        self, articles: Sequence[Article], progress: Callable[..., None] | None = None
    ) -> list[Result]:
        """Processes one batch of articles; results come back in the order given.

        Args:
            articles: the batch (a window of the batch job, one file, a Ray batch).
            progress: called as ``progress(0, total)`` when a window's segments are known,
                then with the number of segments finished after every model batch.
        """
        parsed = [self.parse(article) for article in articles]
        done = iter(self.process_parsed([p for p in parsed if isinstance(p, Parsed)], progress))
        return [p if isinstance(p, Result) else next(done) for p in parsed]

    def process_parsed(
        self, window: Sequence[Parsed], progress: Callable[..., None] | None = None
    ) -> list[Result]:
        """Translates and summarizes parsed articles together; one that makes the models fail
        is retried alone, so it cannot sink the others."""
        if not window:
            return []
        try:
            return self._process(window, progress)
        except Exception as exc:
            if len(window) == 1:
                name = window[0].article.name
                logger.debug("article failed", exc_info=True)
                reason = f"{name}: {type(exc).__name__}: {exc}".splitlines()[0]
                return [Result(name, FAILED, reason=reason)]
            logger.warning("a window of %d articles failed; retrying one by one", len(window))
            return [r for item in window for r in self.process_parsed([item], progress)]

    def _process(self, window: Sequence[Parsed], progress) -> list[Result]:
        # Translation, batched across the window
        started = time.perf_counter()
        documents = [p.document for p in window]
        translations = list(self.translator.translate_many(documents, progress))
        translated = time.perf_counter()
        english = [t.translation.render() for t in translations]

        # Summaries, batched across the window
        summaries = self.summarizer.summarize_many(english) if self.summarizer else None
        summarized = time.perf_counter()

        # Records
        timings = Timings(
            len(window), round(translated - started, 3), round(summarized - translated, 3)
        )
        finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
        engine = self.translator.engine
        results = []
        for i, (item, result) in enumerate(zip(window, translations, strict=True)):
            summary = summaries[i] if summaries else None
            warnings = list(item.article.notes) + list(result.warnings)
            warnings += [summary.note] if summary and summary.note else []
            document = item.document
            record = Record(
                source=item.article.source,
                settings=self.settings,
                models=self._models,
                engine=engine.name,
                device=engine.device,
                dtype=engine.dtype,
                counts=Counts(
                    paragraphs=len(document.paragraphs),
                    sentences=len(document.sentences),
                    segments=result.segments,
                    words=document.words,
                    summary_chunks=summary.chunks if summary else None,
                    summary_rounds=summary.rounds if summary else None,
                ),
                warnings=tuple(warnings),
                timings=timings,
                finished=finished,
                tool_version=__version__,
            )
            text = summary.text + "\n" if summary else None
            results.append(Result(item.article.name, DONE, english[i], text, record))
        return results
