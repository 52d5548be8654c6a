"""Findings: everything the job notices about an article or one of its sentences, typed.

Stages, formats and readers produce :class:`Finding` records; the sidecar, the review page,
the run table, the ``--json`` report and ``index.html`` all read them from one list. A new
kind is one line in :data:`KINDS` plus the code that produces it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

# Every kind of finding, with what it means (the README's sidecar section lists them too)
KINDS: dict[str, str] = {
    "control_characters": "control characters (NUL and the like) dropped while reading",
    "markup_repaired": "markup errors in the source, repaired as a browser would",
    "language": "the article's language: an English article copied through",
    "english": "a sentence of a Dutch article in English already (a quotation), kept as it is",
    "split": "a sentence over the model's input limit, translated in pieces",
    "capped": "a translation stopped at its length cap (likely a repetition loop)",
    "markup": "inline markup that could not be placed in the translation by its words",
    "kept_html": "a Markdown page's HTML blocks kept as written, untranslated",
    "tracked_changes": "a Word document's tracked changes, read as if accepted",
    "running_lines": "a PDF's running headers, footers and page numbers, left out",
    "subtitle_lines": "subtitle lines longer than 42 characters where the source's were not",
    "subtitle_speed": "subtitle cues read faster than 20 characters a second, the source's not",
    "numbers": "a number of the source missing from the translation, or a new one in it",
    "names": "a name of the source missing from the translation, or only misspelled there",
    "negation": "a negation of the source missing from the translation, or a new one in it",
    "length": "a translation too short or too long for its source (dropped, cut off, added)",
    "repetition": "words or phrases repeated in the translation beyond the source",
    "untranslated": "a translation that is (mostly) still the Dutch source",
    "confidence": "the model's confidence in a sentence far below the rest of the run's",
    "glossary": "a glossary term the translation does not hold",
    "repaired": "a runaway translation decoded again with a repetition guard",
    "summary_note": "how the summary was made: the text is its own summary, or rounds ran out",
    "summary": "a number or a name in the summary that is not in the translation",
}
# The kinds that say a sentence (or a summary) may be wrong: what --strict fails on
STRICT_KINDS = ("numbers", "names", "negation", "length", "untranslated", "glossary", "summary")
# The kinds the checks produce (an article with any of them is "flagged")
CHECK_KINDS = (
    "numbers",
    "names",
    "negation",
    "length",
    "repetition",
    "untranslated",
    "glossary",
    "confidence",
    "summary",
)


@dataclass(frozen=True)
class Finding:
    """One thing noticed.

    Args:
        kind: one of :data:`KINDS`.
        message: one line for people.
        sentence: the index of the sentence it concerns in the article's sentences (in
            document order, from 0), or ``None`` for the whole article.
        data: optional figures behind the message (``{"tokens": 612}``).
    """

    kind: str
    message: str
    sentence: int | None = None
    data: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}: declare it in KINDS")

    def to_json(self) -> dict:
        out: dict = {"kind": self.kind, "sentence": self.sentence, "message": self.message}
        if self.data:
            out["data"] = dict(self.data)
        return out

    @classmethod
    def from_json(cls, data: dict) -> Finding:
        """The finding :meth:`to_json` wrote.

        Raises:
            ValueError, KeyError, TypeError: not a finding of a declared kind.
        """
        return cls(
            data["kind"], data["message"], data.get("sentence"), dict(data.get("data") or {})
        )


def count_kinds(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each kind, in the order of :data:`KINDS`."""
    counts = Counter(f.kind for f in findings)
    return {kind: counts[kind] for kind in KINDS if counts[kind]}


def describe_counts(counts: dict[str, int]) -> str:
    """``capped 3 · split 1``; empty for none."""
    return " · ".join(f"{kind} {n}" for kind, n in counts.items())
