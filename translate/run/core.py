"""The job on articles as text: parse, translate, summarize, and each article's record.

No files and no paths: ``translate file``, ``translate batch`` and any other runner hand
articles in and get results out, so all of them produce the same outputs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone

from translate import __version__
from translate.errors import DocumentError
from translate.formats import Layout
from translate.outputs.records import Counts, Record, SourceInfo, Timings, models_of, settings_of
from translate.run.reading import (
    Pair,
    check_language,
    elements,
    is_english,
    pairs,
    render,
    structure,
)
from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator
from translate.text.document import Document
from translate.text.language import Language

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
        format: ``html`` or ``docx`` for those formats (see :mod:`translate.formats`);
            empty for text, Markdown by ``markdown``.
        data: the file's bytes, for a binary format (DOCX).
    """

    name: str
    text: str
    markdown: bool = False
    source: SourceInfo | None = None
    notes: tuple[str, ...] = ()
    format: str = ""
    data: bytes | None = None

    @property
    def kind(self) -> str:
        return self.format or ("markdown" if self.markdown else "text")


def reading_notes(dropped: int) -> tuple[str, ...]:
    """What reading a source found, as :attr:`Article.notes`."""
    return (f"{dropped} control characters (NUL and the like) dropped",) if dropped else ()


@dataclass(frozen=True)
class Parsed:
    article: Article
    document: Document
    layout: Layout | None = None
    language: Language | None = None


@dataclass(frozen=True)
class Result:
    """What became of one article: ``done`` with its translation, summary (``None`` without
    a summarizer) and record, or ``failed`` with a one-line ``reason`` naming it."""

    name: str
    status: str
    translation: str | bytes = ""
    summary: str | None = None
    record: Record | None = None
    reason: str = ""
    pairs: tuple[Pair, ...] = ()


@dataclass(frozen=True)
class Translated:
    """An article between its two stages: translated, not yet summarized. Plain fields only,
    so a runner can carry it from one process to another (Ray's two stages); the article's
    text is dropped, its translation kept."""

    article: Article
    english: str
    rendered: str | bytes
    pairs: tuple[Pair, ...]
    elements: dict
    language: dict | None
    paragraphs: int
    sentences: int
    segments: int
    words: int
    warnings: tuple[str, ...]
    engine: str
    device: str
    dtype: str
    window_articles: int
    translation_s: float


class Pipeline:
    """Translation and summaries for batches of articles, with models loaded once.

    Args:
        translator: the loaded translator; ``None`` in a process that only summarizes, which
            then takes the run's ``settings`` and ``models`` from the process that has both.
        summarizer: the loaded summarizer, or ``None`` for translation only.
        settings, models: see :func:`translate.outputs.records.settings_of`; computed from
            the two stages when not given.
        language_check: ``auto`` detects each article's language (English is copied through,
            other languages fail); ``nl`` treats every article as Dutch.
    """

    def __init__(
        self,
        translator: Translator | None,
        summarizer: Summarizer | None = None,
        *,
        settings: dict | None = None,
        models: dict | None = None,
        language_check: str = "auto",
    ):
        self.translator = translator
        self.summarizer = summarizer
        self.language_check = language_check
        if settings is None:
            settings = settings_of(translator, summarizer)
            settings["translation"]["language_check"] = language_check
        self.settings = settings
        self.models = models if models is not None else models_of(translator, summarizer)

    @property
    def window_segments(self) -> int:
        return self.translator.options.window_segments

    def parse(self, article: Article) -> Parsed | Result:
        """The article's structure, or a failed result naming why: nothing to translate, not
        a readable document of its format, or not in Dutch or English."""
        try:
            document, layout = structure(article.name, article.kind, article.text, article.data)
            if not document.sentences:
                raise DocumentError(f"{article.name}: no text to translate")
            language = check_language(article.name, document, self.language_check)
        except DocumentError as exc:
            return Result(article.name, FAILED, reason=str(exc))
        return Parsed(article, document, layout, language)

    def process(
        self, articles: Sequence[Article], progress: Callable[..., None] | None = None
    ) -> list[Result]:
        """Processes one batch of articles; results come back in the order given.

        Args:
            articles: the batch (a window of the batch job, one file).
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
        return isolated(
            window, lambda items: self.finish(self.translate(items, progress)), _name_of
        )

    def translate(
        self, window: Sequence[Parsed], progress: Callable[..., None] | None = None
    ) -> list[Translated]:
        """The first stage: the window's sentences batched together through the translator.
        An article in English is not sent to the model: it is its own translation."""
        started = time.perf_counter()
        foreign = [p for p in window if not is_english(p.language)]
        done = iter(list(self.translator.translate_many([p.document for p in foreign], progress)))
        seconds = round(time.perf_counter() - started, 3)
        engine = self.translator.engine
        out = []
        for item in window:
            warnings = list(item.article.notes)
            if item.layout is not None:
                warnings += item.layout.notes
            if is_english(item.language):
                english, segments = item.document, 0
                warnings.append(
                    f"written in English (confidence {item.language.confidence:.2f}): copied "
                    "through as its own translation"
                )
            else:
                result = next(done)
                english, segments = result.translation, result.segments
                warnings += result.warnings
            rendered = render(english, item.layout)
            if item.layout is not None and item.layout.dropped:
                warnings.append(
                    f"{item.layout.dropped} inline tags (bold, links, ...) could not be placed "
                    "in their translation and were left out"
                )
            language = item.language
            out.append(
                Translated(
                    article=replace(item.article, text="", data=None),
                    english=english.render(),
                    rendered=rendered,
                    pairs=pairs(item.document, english),
                    elements=elements(item.document),
                    language=None if language is None else asdict(language),
                    paragraphs=len(item.document.paragraphs),
                    sentences=len(item.document.sentences),
                    segments=segments,
                    words=item.document.words,
                    warnings=tuple(warnings),
                    engine=engine.name,
                    device=engine.device,
                    dtype=engine.dtype,
                    window_articles=len(window),
                    translation_s=seconds,
                )
            )
        return out

    def finish(self, window: Sequence[Translated]) -> list[Result]:
        """The second stage: summaries batched across the window, then each record."""
        started = time.perf_counter()
        english = [t.english for t in window]
        summaries = self.summarizer.summarize_many(english) if self.summarizer else None
        seconds = round(time.perf_counter() - started, 3)
        finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
        results = []
        for i, item in enumerate(window):
            summary = summaries[i] if summaries else None
            warnings = list(item.warnings) + ([summary.note] if summary and summary.note else [])
            record = Record(
                source=item.article.source,
                format=item.article.kind,
                elements=item.elements,
                language=item.language,
                settings=self.settings,
                models=self.models,
                engine=item.engine,
                device=item.device,
                dtype=item.dtype,
                counts=Counts(
                    paragraphs=item.paragraphs,
                    sentences=item.sentences,
                    segments=item.segments,
                    words=item.words,
                    summary_chunks=summary.chunks if summary else None,
                    summary_rounds=summary.rounds if summary else None,
                ),
                warnings=tuple(warnings),
                timings=Timings(item.window_articles, item.translation_s, seconds),
                finished=finished,
                tool_version=__version__,
            )
            text = summary.text + "\n" if summary else None
            results.append(
                Result(item.article.name, DONE, item.rendered, text, record, pairs=item.pairs)
            )
        return results


def isolated(items: Sequence, run: Callable[[list], list], name_of: Callable) -> list:
    """``run(items)``, but when it raises, each item is retried alone, so one article that
    makes a model fail cannot sink the rest; an item that fails alone becomes a failed
    :class:`Result` naming it (``name_of(item)``) and the reason."""
    if not items:
        return []
    try:
        return run(list(items))
    except Exception as exc:
        if len(items) == 1:
            name = name_of(items[0])
            logger.debug("article failed", exc_info=True)
            reason = f"{name}: {type(exc).__name__}: {exc}".splitlines()[0]
            return [Result(name, FAILED, reason=reason)]
        logger.warning("a window of %d articles failed; retrying one by one", len(items))
        return [r for item in items for r in isolated([item], run, name_of)]


def _name_of(item: Parsed | Translated) -> str:
    return item.article.name
