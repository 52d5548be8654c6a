"""What the run core takes and gives: an article as text (with what an earlier run or the
translation memory already made of it), its parsed form, its result, and the settings every
record of a run carries. Plain fields only, so runners can carry them between processes."""

from __future__ import annotations

from dataclasses import dataclass

from translate import formats
from translate.findings import Finding
from translate.formats import Layout
from translate.glossary import Glossary
from translate.outputs.records import Record, SourceInfo
from translate.stages.summarization import Summarizer, Summary
from translate.stages.translation import TranslationResult, Translator
from translate.text.document import Document
from translate.text.language import Language
from translate.types import Pair, Status


@dataclass(frozen=True)
class Article:
    """One article as text.

    Args:
        name: how messages and the record name it (a path relative to the inbox, say).
        text: the decoded text (empty for a binary format).
        format: the name of its format in :data:`translate.formats.FORMATS`.
        source: what is known about the source bytes, recorded in the sidecar.
        findings: what reading it found (dropped control characters).
        data: the file's bytes, for a binary format (DOCX).
        reuse: what an earlier run made of this very source with the same settings.
        memory: sentences a translation memory knows, by their index in the article
            (:class:`translate.memory.Entry`); they are not sent to the model.
        newline: the source's line ends (``\r\n`` for a Windows file): a text format's
            translation is written with them.
    """

    name: str
    text: str
    format: str = "text"
    source: SourceInfo | None = None
    findings: tuple[Finding, ...] = ()
    data: bytes | None = None
    reuse: Reuse | None = None
    memory: dict | None = None
    newline: str = "\n"

    @property
    def content(self) -> str | bytes:
        """What the format parses: the bytes of a binary format, else the text."""
        return (self.data or b"") if formats.get(self.format).binary else self.text


@dataclass(frozen=True)
class Reuse:
    """Outputs of an earlier run that are still current for an article, so the model is not
    asked again: its translation sentence by sentence (with scores, segment count and the
    translation stage's findings) and, when also current, its summary with the summary
    settings it was made with. Used only while the article's sentences are the same ones."""

    sources: tuple[str, ...]
    translations: tuple[str, ...]
    scores: tuple[float | None, ...]
    segments: int
    findings: tuple[Finding, ...]
    summary: Summary | None = None
    summary_settings: dict | None = None

    def result(self, document: Document) -> TranslationResult | None:
        """The translation result for ``document``, or None when its sentences changed."""
        if tuple(document.sentences) != self.sources:
            return None
        return TranslationResult(
            source=document,
            translation=document.with_sentences(self.translations),
            segments=self.segments,
            findings=self.findings,
            scores=self.scores,
        )


def reading_findings(dropped: int) -> tuple[Finding, ...]:
    """What reading a source found, as :attr:`Article.findings`."""
    if not dropped:
        return ()
    message = f"{dropped} control characters (NUL and the like) dropped"
    return (Finding("control_characters", message, data={"dropped": dropped}),)


@dataclass(frozen=True)
class RunSettings:
    """What a run records in every sidecar.

    ``settings`` is everything that changes an article's outputs: a sidecar with other
    settings is stale. Models enter by identity (hub id and revision, or a fingerprint of
    their files), so the same model reached by another path spelling keeps outputs
    current. ``models`` names the models as the user gave them, for people to read;
    ``glossary`` is the run's glossary, if any (the translation memory keys the sentences
    that hold its terms by those terms).
    """

    settings: dict
    models: dict
    glossary: Glossary | None = None

    @classmethod
    def of(
        cls, translator: Translator, summarizer: Summarizer | None, language_check: str
    ) -> RunSettings:
        translation = translator.settings() | {"language_check": language_check}
        settings = {
            "translation": translation,
            "summary": summarizer.settings() if summarizer is not None else None,
        }
        models = {
            "translation": translator.engine.model_id,
            "translation_revision": translator.engine.revision,
        }
        if summarizer is not None:
            models["summary"] = summarizer.engine.model_id
            models["summary_revision"] = summarizer.engine.revision
        return cls(settings, models, translator.options.glossary)

    @property
    def summarizes(self) -> bool:
        return self.settings["summary"] is not None


@dataclass(frozen=True)
class Parsed:
    article: Article
    document: Document
    layout: Layout
    language: Language | None = None


@dataclass(frozen=True)
class Result:
    """What became of one article: ``done`` with its translation, summary (``None`` without
    a summarizer) and record, or ``failed`` with a one-line ``reason`` naming it."""

    name: str
    status: Status
    translation: str | bytes = ""
    summary: str | None = None
    record: Record | None = None
    reason: str = ""
    pairs: tuple[Pair, ...] = ()
