"""The sidecar: what one finished article records, as a typed record with one JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, is_dataclass

from translate.findings import Finding


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
    """``segments``: rows sent to the model; ``duplicates``: rows that took the translation
    of an identical row of their window; ``reused``: sentences a translation memory gave."""

    paragraphs: int
    sentences: int
    segments: int
    duplicates: int
    reused: int
    words: int
    summary_chunks: int | None
    summary_rounds: int | None


@dataclass(frozen=True)
class SentenceRecord:
    """One sentence as the sidecar keeps it: the Dutch, the English, the model's score (mean
    log-probability per token; ``None`` for an English article copied through) and the
    kinds of the findings about it."""

    source: str
    translation: str
    score: float | None
    findings: tuple[str, ...] = ()
    retry: dict | None = None  # a runaway decode's second decode: {"score": ..., "kept": ...}


@dataclass(frozen=True)
class Timings:
    """Seconds spent on the window of articles this one was batched with."""

    window_articles: int
    window_translation_s: float
    window_summarization_s: float


@dataclass(frozen=True)
class Record:
    """One article's sidecar.

    ``format`` is the source's (a name in :data:`translate.formats.FORMATS`), ``elements``
    counts its lines or units per kind, ``language`` is the detected language (``code``,
    ``confidence``, ``decided``; None when the check is off). ``settings`` is what decides
    whether the outputs are current (see :class:`translate.run.core.RunSettings`);
    ``models`` names the models as the user gave them, for people to read. ``findings`` is
    everything the job noticed; the sidecar also lists their messages as ``warnings``
    (deprecated: kept for one version, read ``findings``), and ``checks`` counts those of
    the checks per kind (see :data:`translate.findings.CHECK_KINDS`). ``sentences`` holds every
    sentence with its translation, so a later run can reuse them; ``reused`` names the
    outputs taken from an earlier run (``translation``, ``summary``) instead of the model.
    ``glossary`` (with ``--glossary`` only): the file, its sha256, its number of entries,
    every term ``applied`` (sentence, Dutch, English, whether the translation holds it) and
    the ``summary``'s counts of them (see :func:`translate.checks.glossary.summary_terms`).
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
    findings: tuple[Finding, ...]
    checks: dict
    sentences: tuple[SentenceRecord, ...]
    reused: tuple[str, ...]
    timings: Timings
    finished: str
    tool_version: str
    glossary: dict | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f.message for f in self.findings)

    def to_json(self) -> dict:
        data = {}
        for f in fields(self):
            if f.name == "findings":  # in the sidecar's field order: warnings, findings
                data["warnings"] = list(self.warnings)
                data["findings"] = [finding.to_json() for finding in self.findings]
            elif f.name == "glossary":
                if self.glossary is not None:  # only with a glossary
                    data["glossary"] = self.glossary
            elif f.name == "sentences":
                data["sentences"] = [asdict(sentence) for sentence in self.sentences]
            else:
                value = getattr(self, f.name)
                data[f.name] = asdict(value) if is_dataclass(value) else value
        return data
