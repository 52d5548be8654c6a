"""After the model: one article's findings, its translation rendered in its format, the
paragraph pairs of its review page and the fields its record needs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from translate.checks import Check, Sentence, run_checks
from translate.checks.confidence import confidence
from translate.checks.glossary import applied_terms
from translate.findings import Finding
from translate.glossary import Glossary
from translate.outputs.records import SentenceRecord
from translate.run.articles import Article, Parsed
from translate.stages.summarization import Summary
from translate.stages.translation import TranslationResult
from translate.text.decode import with_newline
from translate.text.document import Document
from translate.types import Pair

if TYPE_CHECKING:
    from translate.engines import Engine


@dataclass(frozen=True)
class Translated:
    """An article between its two stages: translated, not yet summarized. Plain fields only,
    so a runner can carry it from one process to another (Ray's two stages); the article's
    text is dropped, its translation kept. ``summary`` (with ``summary_settings``) is an
    earlier run's summary that is still current; ``reused`` names what was not made anew."""

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
    findings: tuple[Finding, ...]
    duplicates: int
    remembered: int
    sentence_records: tuple[SentenceRecord, ...]
    engine: str
    device: str
    dtype: str
    window_articles: int
    translation_s: float
    reused: tuple[str, ...] = ()
    summary: Summary | None = None
    summary_settings: dict | None = None
    glossary: dict | None = None


def postprocess(
    item: Parsed,
    result: TranslationResult | None,
    checks: Sequence[Check],
    engine: Engine,
    window_articles: int,
    seconds: float,
    reused: bool = False,
    judged: tuple[float, float] | None = None,
    glossary: Glossary | None = None,
    inline: TranslationResult | None = None,
) -> Translated:
    """One article after the model: ``result`` is its translation (``reused`` from an
    earlier run, or not), or ``None`` for an article in English, its own translation;
    ``judged`` is the run's median score and confidence floor (see
    :func:`translate.checks.confidence.floor`); ``glossary``: the terms its sentences hold
    are listed, each one the translation does not hold a finding; ``inline``: its inline
    elements' words translated alone (their rows count among its segments)."""
    findings = list(item.article.findings) + list(item.layout.findings)
    applied: list[dict] = []
    if result is None:
        english, segments = item.document, 0
        sure = item.language.confidence
        message = f"written in English (confidence {sure:.2f}): copied through as its own "
        findings.append(Finding("language", message + "translation", data={"confidence": sure}))
    else:
        english, segments = result.translation, result.segments
        findings += result.findings
        sentences = _sentences(item.document, result)
        findings += run_checks(sentences, checks)
        for sentence in sentences:
            low = confidence(sentence.score, judged)
            if low is not None:
                findings.append(replace(low, sentence=sentence.index))
        if glossary is not None:
            applied, unmet = applied_terms(glossary, sentences)
            findings += unmet
    if inline is not None:
        written = item.layout.write(english, tuple(inline.translation.sentences))
        segments += inline.segments
    else:
        written = item.layout.write(english)
    findings += written.findings
    language = item.language
    reuse = item.article.reuse if reused else None
    return Translated(
        article=replace(item.article, text="", data=None, reuse=None, memory=None),
        english=english.render(),
        rendered=_with_newline(written.content, item.article.newline),
        pairs=pairs(item.document, english, written.markup),
        elements=elements(item.document),
        language=None if language is None else asdict(language),
        paragraphs=len(item.document.paragraphs),
        sentences=len(item.document.sentences),
        segments=segments,
        words=item.document.words,
        findings=tuple(findings),
        duplicates=result.duplicates if result is not None else 0,
        remembered=result.remembered if result is not None else 0,
        sentence_records=_records(item.document, english, result, findings),
        engine=engine.name,
        device=engine.device,
        dtype=engine.dtype,
        window_articles=window_articles,
        translation_s=seconds,
        reused=("translation",) if reused else (),
        summary=reuse.summary if reuse is not None else None,
        summary_settings=reuse.summary_settings if reuse is not None else None,
        glossary=glossary.describe() | {"applied": applied} if glossary is not None else None,
    )


def _with_newline(content: str | bytes, newline: str) -> str | bytes:
    """A text format's translation with the source's line ends (a binary one as it is)."""
    return with_newline(content, newline) if isinstance(content, str) else content


def _records(
    source: Document,
    english: Document,
    result: TranslationResult | None,
    findings: list[Finding],
) -> tuple[SentenceRecord, ...]:
    kinds: dict[int, list[str]] = {}
    for finding in findings:
        if finding.sentence is not None:
            kinds.setdefault(finding.sentence, []).append(finding.kind)
    scores = result.scores if result is not None and result.scores else ()
    retries = result.retries if result is not None and result.retries else ()
    return tuple(
        SentenceRecord(
            dutch,
            ours,
            scores[i] if i < len(scores) else None,
            tuple(dict.fromkeys(kinds.get(i, ()))),
            retries[i] if i < len(retries) else None,
        )
        for i, (dutch, ours) in enumerate(zip(source.sentences, english.sentences, strict=True))
    )


def _sentences(source: Document, result: TranslationResult) -> list[Sentence]:
    english = result.translation.sentences
    scores = result.scores or (None,) * len(english)
    return [
        Sentence(i, dutch, ours, score)
        for i, (dutch, ours, score) in enumerate(
            zip(source.sentences, english, scores, strict=True)
        )
    ]


def elements(document: Document) -> dict[str, int]:
    """How many lines (text, Markdown) or units (HTML, DOCX) of each kind."""
    return dict(sorted(Counter(line.kind for p in document.paragraphs for line in p).items()))


def pairs(
    source: Document, english: Document, markup: Sequence[str | None] = ()
) -> tuple[Pair, ...]:
    """Each paragraph in Dutch and in English, with its number of sentences and, where the
    format gives it (one per paragraph), the English's inline markup as safe HTML."""
    shown = list(markup) if len(markup) == len(source.paragraphs) else []
    return tuple(
        Pair(
            dutch[0].kind,
            "\n".join(line.render() for line in dutch),
            "\n".join(line.render() for line in ours),
            sum(len(line.sentences) for line in dutch),
            shown[i] if shown else None,
        )
        for i, (dutch, ours) in enumerate(zip(source.paragraphs, english.paragraphs, strict=True))
    )
