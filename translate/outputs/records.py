"""The sidecar: what one finished article records, as a typed record with one JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

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

    ``format`` is the source's (a name in :data:`translate.formats.FORMATS`), ``elements``
    counts its lines or units per kind, ``language`` is the detected language (``code``,
    ``confidence``, ``decided``; None when the check is off). ``settings`` is what decides
    whether the outputs are current (see :class:`translate.run.core.RunSettings`);
    ``models`` names the models as the user gave them, for people to read. ``findings`` is
    everything the job noticed; the sidecar also lists their messages as ``warnings``
    (deprecated: kept for one version, read ``findings``).
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
    timings: Timings
    finished: str
    tool_version: str

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f.message for f in self.findings)

    def to_json(self) -> dict:
        data = {}
        for f in fields(self):
            if f.name == "findings":  # in the sidecar's field order: warnings, findings
                data["warnings"] = list(self.warnings)
                data["findings"] = [finding.to_json() for finding in self.findings]
            else:
                value = getattr(self, f.name)
                data[f.name] = asdict(value) if hasattr(value, "__dataclass_fields__") else value
        return data
