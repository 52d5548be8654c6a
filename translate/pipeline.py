"""Many articles: read, translate, summarize, write; one result per article as it finishes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from translate import __version__
from translate.documents import Document, Source, parse, read_source
from translate.errors import DocumentError
from translate.outbox import Outputs
from translate.summarization import Summarizer
from translate.translation import Translator

logger = logging.getLogger(__name__)

DONE, SKIPPED, FAILED = "done", "skipped", "failed"


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
    """

    inbox: Path
    outbox: Path
    force: bool = False
    window_articles: int = 256
    max_bytes: int = 2_000_000


@dataclass(frozen=True)
class Outcome:
    """What happened to one source file."""

    source: Path
    status: str
    reason: str = ""
    segments: int = 0
    words: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Article:
    rel: Path
    source: Source
    document: Document
    outputs: Outputs


class BatchRunner:
    """Runs the job over source files with models loaded once.

    Args:
        translator: the loaded translator.
        summarizer: the loaded summarizer, or ``None`` for translation only.
        job: folders and flags.
    """

    def __init__(self, translator: Translator, summarizer: Summarizer | None, job: BatchJob):
        self.translator = translator
        self.summarizer = summarizer
        self.job = job
        self.settings = _settings(translator, summarizer)

    def run(
        self, sources: Iterable[Path], progress: Callable[[int], None] | None = None
    ) -> Iterator[Outcome]:
        """Processes ``sources`` (paths relative to the inbox).

        A generator: outcomes are yielded as articles finish. Sentences of a window of
        articles are batched together for translation, and their summaries batched together;
        each article's outputs are written as soon as its window is done, sidecar last.

        Args:
            sources: relative paths, e.g. from :func:`translate.outbox.scan`.
            progress: called with the number of segments finished after every batch.
        """
        window: list[_Article] = []
        segments = 0
        for rel in sources:
            prepared = self._prepare(rel)
            if isinstance(prepared, Outcome):
                yield prepared
                continue
            window.append(prepared)
            segments += len(prepared.document.sentences)
            if (
                segments >= self.translator.options.window_segments
                or len(window) >= self.job.window_articles
            ):
                yield from self._process_isolated(window, progress)
                window, segments = [], 0
        if window:
            yield from self._process_isolated(window, progress)

    def _prepare(self, rel: Path) -> _Article | Outcome:
        outputs = Outputs.for_source(self.job.outbox, rel)
        try:
            size = _size(self.job.inbox / rel)
            if size > self.job.max_bytes:
                raise DocumentError(
                    f"{rel}: {size / 1e6:.1f} MB is over the {self.job.max_bytes / 1e6:g} MB "
                    "limit for one article (--max-mb)"
                )
            source = read_source(self.job.inbox / rel)
            if not self.job.force and outputs.is_current(
                source.sha256, self.settings, self.summarizer is not None
            ):
                return Outcome(rel, SKIPPED)
            document = parse(source.text, markdown=rel.suffix.lower() == ".md")
            if not document.sentences:
                raise DocumentError(f"{rel}: no text to translate")
        except DocumentError as exc:
            return self._fail(rel, outputs, str(exc))
        return _Article(rel, source, document, outputs)

    def _process_isolated(
        self, window: list[_Article], progress: Callable[[int], None] | None
    ) -> list[Outcome]:
        try:
            return self._process(window, progress)
        except Exception as exc:  # one bad article must not sink its whole window
            if len(window) == 1:
                article = window[0]
                logger.debug("article failed", exc_info=True)
                reason = f"{article.rel}: {type(exc).__name__}: {exc}".splitlines()[0]
                return [self._fail(article.rel, article.outputs, reason)]
            logger.warning("a window of %d articles failed; retrying one by one", len(window))
            return [o for article in window for o in self._process_isolated([article], progress)]

    def _process(
        self, window: list[_Article], progress: Callable[[int], None] | None
    ) -> list[Outcome]:
        # Translation, batched across the window
        started = time.perf_counter()
        translations = list(self.translator.translate_many([a.document for a in window], progress))
        translated = time.perf_counter()
        english = [t.translation.render() for t in translations]

        # Summaries, batched across the window
        summaries = self.summarizer.summarize_many(english) if self.summarizer else None
        summarized = time.perf_counter()

        # Outputs, sidecar last
        outcomes = []
        for i, (article, result) in enumerate(zip(window, translations, strict=True)):
            summary = summaries[i] if summaries else None
            warnings = list(result.warnings) + ([summary.note] if summary and summary.note else [])
            sidecar = {
                "source": {
                    "path": str(article.rel),
                    "size": article.source.size,
                    "sha256": article.source.sha256,
                    "encoding": article.source.encoding,
                },
                "settings": self.settings,
                "device": self.translator.engine.device,
                "dtype": self.translator.engine.dtype,
                "counts": {
                    "paragraphs": len(article.document.paragraphs),
                    "sentences": len(article.document.sentences),
                    "segments": result.segments,
                    "words": article.document.words,
                    "summary_chunks": summary.chunks if summary else None,
                    "summary_rounds": summary.rounds if summary else None,
                },
                "warnings": warnings,
                "timings": {
                    "window_articles": len(window),
                    "window_translation_s": round(translated - started, 3),
                    "window_summarization_s": round(summarized - translated, 3),
                },
                "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "tool_version": __version__,
            }
            article.outputs.write(english[i], summary.text + "\n" if summary else None, sidecar)
            outcomes.append(
                Outcome(
                    article.rel,
                    DONE,
                    segments=result.segments,
                    words=article.document.words,
                    warnings=tuple(warnings),
                )
            )
        return outcomes

    def _fail(self, rel: Path, outputs: Outputs, reason: str) -> Outcome:
        try:
            outputs.write_error(reason)
        except OSError as exc:
            logger.error("%s: cannot write error file (%s)", rel, exc)
        return Outcome(rel, FAILED, reason=reason)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _settings(translator: Translator, summarizer: Summarizer | None) -> dict:
    """Everything that changes an article's outputs; a sidecar with other settings is stale."""
    settings: dict = {
        "translation_model": translator.engine.model_id,
        "translation_revision": translator.engine.revision,
        "beams": translator.options.beams,
        "summary": None,
    }
    if summarizer is not None:
        settings["summary"] = {
            "model": summarizer.engine.model_id,
            "revision": summarizer.engine.revision,
            "min_tokens": summarizer.bounds.min_tokens,
            "max_tokens": summarizer.bounds.max_tokens,
            "beams": summarizer.options.beams,
        }
    return settings


def totals(outcomes: Sequence[Outcome]) -> dict[str, int]:
    """Counts per status plus segments and words of the finished articles."""
    return {
        DONE: sum(o.status == DONE for o in outcomes),
        SKIPPED: sum(o.status == SKIPPED for o in outcomes),
        FAILED: sum(o.status == FAILED for o in outcomes),
        "segments": sum(o.segments for o in outcomes),
        "words": sum(o.words for o in outcomes),
    }
