"""The job on articles as text: parse, translate, summarize, and each article's record.

No files and no paths: ``translate file``, ``translate batch`` and any other runner hand
articles in and get results out, so all of them produce the same outputs.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timezone

from translate import __version__, formats
from translate import checks as sentence_checks
from translate.checks import Check
from translate.checks.confidence import floor
from translate.checks.glossary import summary_terms
from translate.checks.summary import faithfulness
from translate.errors import DocumentError, first_line
from translate.findings import CHECK_KINDS, count_kinds
from translate.outputs.records import Counts, Record, Timings
from translate.run.articles import (
    Article,
    Parsed,
    Result,
    Reuse,
    RunSettings,
    reading_findings,
)
from translate.run.post import Translated, postprocess
from translate.stages.summarization import Summarizer, Summary
from translate.stages.translation import TranslationResult, Translator
from translate.text.document import Document, Line
from translate.text.language import check_language, is_english
from translate.types import Status

logger = logging.getLogger(__name__)

DONE, SKIPPED, FAILED = Status.DONE, Status.SKIPPED, Status.FAILED

__all__ = [
    "DONE",
    "FAILED",
    "SKIPPED",
    "Article",
    "Parsed",
    "Pipeline",
    "Result",
    "Reuse",
    "RunSettings",
    "Translated",
    "isolated",
    "merge_isolated",
    "reading_findings",
]


class Pipeline:
    """Translation and summaries for batches of articles, with models loaded once.

    Built by :func:`translate.run.build.build_pipeline`; a process that runs only one stage
    (a Ray actor) has only that stage's model and takes ``run`` from the process that has
    both.

    Args:
        translator: the loaded translator, or ``None`` in a process that only summarizes.
        summarizer: the loaded summarizer, or ``None`` for translation only.
        run: the settings and model names every record carries; computed from the two
            stages when not given.
        language_check: ``auto`` detects each article's language (English is copied through,
            other languages fail); ``nl`` treats every article as Dutch.
        checks: the per-sentence checks; by default :data:`translate.checks.CHECKS`.
    """

    def __init__(
        self,
        translator: Translator | None,
        summarizer: Summarizer | None = None,
        *,
        run: RunSettings | None = None,
        language_check: str = "auto",
        checks: Sequence[Check] | None = None,
    ):
        self.translator = translator
        self.summarizer = summarizer
        self.language_check = language_check
        self.checks = tuple(sentence_checks.CHECKS if checks is None else checks)
        self.run = run or RunSettings.of(translator, summarizer, language_check)

    @property
    def settings(self) -> dict:
        return self.run.settings

    @property
    def window_segments(self) -> int:
        return self.translator.window_segments

    @property
    def reads_ahead(self) -> bool:
        """Whether the batch job should read the next window while this one is decoded:
        on a GPU, which would otherwise wait for the CPU between windows (on a 2-core CPU it
        measured 0.99x: the model's time dwarfs the reading's)."""
        return self.translator.engine.device.startswith("cuda")

    def pretokenize(self, window: Sequence[Parsed]) -> None:
        """Encodes the sentences of a window's articles for the translator before the
        window is translated (see :meth:`Translator.pretokenize`). Thread-safe."""
        wanted = [p for p in window if p.article.reuse is None and not is_english(p.language)]
        self.translator.pretokenize(p.document for p in wanted)

    def parse(self, article: Article) -> Parsed | Result:
        """The article's structure, or a failed result naming why: nothing to translate, not
        a readable document of its format, or not in Dutch or English."""
        try:
            layout = formats.get(article.format).parse(article.content, article.name)
            document = layout.document
            if not document.sentences:
                raise DocumentError(f"{article.name}: no text to translate")
            language = check_language(article.name, document.sentences, self.language_check)
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
        return merge_isolated(parsed, Parsed, lambda items: self.process_parsed(items, progress))

    def process_parsed(
        self, window: Sequence[Parsed], progress: Callable[..., None] | None = None
    ) -> list[Result]:
        """Translates and summarizes parsed articles together; one that makes the models fail
        is retried alone, so it cannot sink the others."""
        return isolated(window, lambda items: self.finish(self.translate(items, progress)))

    def translate(
        self, window: Sequence[Parsed], progress: Callable[..., None] | None = None
    ) -> list[Translated]:
        """The first stage: the window's sentences batched together through the translator,
        then each article's post-processing. An article in English is not sent to the
        model: it is its own translation."""
        # Reuse: what an earlier run translated of these very sentences
        reused = [_reused(p) for p in window]
        # Generation
        started = time.perf_counter()
        foreign = [
            p
            for p, r in zip(window, reused, strict=True)
            if r is None and not is_english(p.language)
        ]
        documents = [p.document for p in foreign]
        known = [p.article.memory or {} for p in foreign]
        # Inline markup: each element's words translated alone, so its span can be found
        # in the sentence's translation (also for a reused translation: they are short)
        marked = [p for p in window if not is_english(p.language) and _inline_texts(p)]
        documents += [_inline_document(_inline_texts(p)) for p in marked]
        known += [{} for _ in marked]
        translated = (
            list(self.translator.translate_many(documents, progress, known)) if documents else []
        )
        done = iter(translated[: len(foreign)])
        inline = {id(p): r for p, r in zip(marked, translated[len(foreign) :], strict=True)}
        seconds = round(time.perf_counter() - started, 3)
        results: list[TranslationResult | None] = [
            r if r is not None else None if is_english(p.language) else next(done)
            for p, r in zip(window, reused, strict=True)
        ]
        # Post-processing: findings (confidence judged against the whole window), rendering,
        # review pairs, record fields
        judged = floor([score for r in results if r is not None for score in r.scores])
        engine = self.translator.engine
        glossary = self.translator.options.glossary
        return [
            postprocess(
                item,
                result,
                self.checks,
                engine,
                len(window),
                seconds,
                old is not None,
                judged,
                glossary,
                inline.get(id(item)),
            )
            for item, result, old in zip(window, results, reused, strict=True)
        ]

    def finish(self, window: Sequence[Translated]) -> list[Result]:
        """The second stage: summaries batched across the window, then each record."""
        started = time.perf_counter()
        fresh = [t for t in window if t.summary is None]
        made = iter(
            self.summarizer.summarize_many([t.english for t in fresh])
            if fresh and self.summarizer
            else ()
        )
        seconds = round(time.perf_counter() - started, 3)
        finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
        results = []
        for item in window:
            settings, reused = self.run.settings, item.reused
            if item.summary is not None:  # an earlier run's, still current
                summary = item.summary
                settings = settings | {"summary": item.summary_settings}
                reused = reused + ("summary",)
            else:
                summary = next(made, None) if self.summarizer else None
            findings, glossary = item.findings, item.glossary
            if summary is not None and item.summary is None and glossary and summary.rounds:
                summary, glossary = _glossary_summary(summary, glossary)
            if summary is not None:
                findings += summary.findings
                if summary.rounds:  # a summary the model wrote: does it hold to the text?
                    findings += tuple(faithfulness(summary.text, item.english))
            record = Record(
                source=item.article.source,
                format=item.article.format,
                elements=item.elements,
                language=item.language,
                settings=settings,
                models=self.run.models,
                engine=item.engine,
                device=item.device,
                dtype=item.dtype,
                counts=Counts(
                    paragraphs=item.paragraphs,
                    sentences=item.sentences,
                    segments=item.segments,
                    duplicates=item.duplicates,
                    reused=item.remembered,
                    words=item.words,
                    summary_chunks=summary.chunks if summary else None,
                    summary_rounds=summary.rounds if summary else None,
                ),
                findings=findings,
                checks=count_kinds(f for f in findings if f.kind in CHECK_KINDS),
                glossary=glossary,
                sentences=item.sentence_records,
                reused=reused,
                timings=Timings(item.window_articles, item.translation_s, seconds),
                finished=finished,
                tool_version=__version__,
            )
            text = summary.text + "\n" if summary else None
            results.append(
                Result(item.article.name, DONE, item.rendered, text, record, pairs=item.pairs)
            )
        return results


def _inline_texts(item: Parsed) -> list[str]:
    """The words of the article's inline elements (links, emphasis), where its format has
    them (see :attr:`translate.formats.html.HtmlLayout.inline_texts`)."""
    return list(getattr(item.layout, "inline_texts", ()))


def _inline_document(texts: list[str]) -> Document:
    """One row per text, never split into sentences (an element's words are one span)."""
    return Document(tuple((Line("inline", "", (" ".join(t.split()),)),) for t in texts))


def _glossary_summary(summary: Summary, glossary: dict) -> tuple[Summary, dict]:
    """The summary with the glossary's terms the translation holds kept as the glossary
    writes them (see :func:`translate.checks.glossary.summary_terms`), and the counts."""
    terms = [a["english"] for a in glossary["applied"] if a["realized"]]
    text, counts = summary_terms(terms, summary.text)
    return replace(summary, text=text), glossary | {"summary": counts}


def isolated(items: Sequence, run: Callable[[list], list]) -> list:
    """``run(items)``, but when it raises, each item is retried alone, so one article that
    makes a model fail cannot sink the rest; an item (with an ``article``) that fails alone
    becomes a failed :class:`Result` naming it and the reason."""
    if not items:
        return []
    try:
        return run(list(items))
    except Exception as exc:
        if len(items) == 1:
            name = items[0].article.name
            logger.debug("article failed", exc_info=True)
            reason = f"{name}: {type(exc).__name__}: {first_line(exc)}"
            return [Result(name, FAILED, reason=reason)]
        logger.warning("a window of %d articles failed; retrying one by one", len(items))
        return [r for item in items for r in isolated([item], run)]


def merge_isolated(items: Sequence, pending: type, run: Callable[[list], list]) -> list:
    """The items of type ``pending`` through :func:`isolated` ``run``, the others (results
    already, such as articles that failed to parse) as they are, all in the order given."""
    todo = [item for item in items if isinstance(item, pending)]
    done = iter(isolated(todo, run))
    return [next(done) if isinstance(item, pending) else item for item in items]


def _reused(item: Parsed) -> TranslationResult | None:
    reuse = item.article.reuse
    return reuse.result(item.document) if reuse is not None else None
