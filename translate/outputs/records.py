"""The sidecar: what one finished article records, as a typed record with one JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator


@dataclass(frozen=True)
class SourceInfo:
    """The source as read: ``path`` relative to the inbox (or as given), size in bytes,
    sha256 of its bytes, detected encoding."""

    path: str
    size: int
    sha256: str
    encoding: str


@dataclass(frozen=True)
class Counts:
    paragraphs: int
    sentences: int
    segments: int
    words: int
    summary_chunks: int | None
    summary_rounds: int | None


@dataclass(frozen=True)
class Timings:
    """Seconds spent on the window of articles this one was batched with."""

    window_articles: int
    window_translation_s: float
    window_summarization_s: float


@dataclass(frozen=True)
class Record:
    """One article's sidecar.

    ``format`` is the source's (``text``, ``markdown``, ``html``, ``docx``), ``elements``
    counts its lines or units per kind, ``language`` is the detected language (``code``,
    ``confidence``, ``decided``; None when the check is off). ``settings`` is what decides
    whether the outputs are current (see :func:`settings_of`); ``models`` names the models
    as the user gave them, for people to read.
    """

    source: SourceInfo | None
    format: str
    elements: dict
    language: dict | None
    settings: dict
    models: dict
    engine: str
    device: str
    dtype: str
    counts: Counts
    warnings: tuple[str, ...]
    timings: Timings
    finished: str
    tool_version: str

    def to_json(self) -> dict:
        data = asdict(self)
        data["warnings"] = list(self.warnings)
        return data


def settings_of(translator: Translator, summarizer: Summarizer | None) -> dict:
    """Everything that changes an article's outputs; a sidecar with other settings is stale.

    Models enter by identity (hub id and revision, or a fingerprint of their files), so the
    same model reached by another path spelling keeps outputs current.
    """
    engine, options = translator.engine, translator.options
    settings: dict = {
        "translation": {
            "model": engine.identity,
            "engine": engine.name,
            "dtype": engine.dtype,
            "beams": options.beams,
            "length_ratio": options.length_ratio,
            "length_slack": options.length_slack,
        },
        "summary": None,
    }
    if summarizer is not None:
        engine, options = summarizer.engine, summarizer.options
        settings["summary"] = {
            "model": engine.identity,
            "engine": engine.name,
            "dtype": engine.dtype,
            "min_tokens": summarizer.bounds.min_tokens,
            "max_tokens": summarizer.bounds.max_tokens,
            "beams": options.beams,
            "length_penalty": options.length_penalty,
            "no_repeat_ngram_size": options.no_repeat_ngram_size,
            "own_summary_words": options.own_summary_words,
            "max_rounds": options.max_rounds,
        }
    return settings


def models_of(translator: Translator, summarizer: Summarizer | None) -> dict:
    """The models as named by the user, with their revisions when known."""
    models = {
        "translation": translator.engine.model_id,
        "translation_revision": translator.engine.revision,
    }
    if summarizer is not None:
        models["summary"] = summarizer.engine.model_id
        models["summary_revision"] = summarizer.engine.revision
    return models
