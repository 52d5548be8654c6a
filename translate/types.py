"""Types the runners and the outputs share, low in the stack so neither imports the other:
article statuses, what became of one source file, and a review page's paragraph pairs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from translate.findings import CHECK_KINDS, Finding, count_kinds


class Status(str, Enum):
    """What became of one article; compares equal to its value (``"done"``)."""

    DONE = "done"
    SKIPPED = "skipped"
    FAILED = "failed"

    def __str__(self) -> str:
        return self.value

    # Equal to its value, so it must hash like it (a dict keyed by "done" finds it)
    __hash__ = str.__hash__


@dataclass(frozen=True)
class Outcome:
    """What happened to one source file (``source`` relative to the inbox)."""

    source: Path
    status: Status
    reason: str = ""
    segments: int = 0
    words: int = 0
    findings: tuple[Finding, ...] = ()
    reused: int = 0  # sentences the translation memory gave

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f.message for f in self.findings)


@dataclass(frozen=True)
class Pair:
    """One paragraph (or HTML/DOCX unit) in Dutch and in English, with its sentence count,
    so findings that name a sentence can be shown beside their paragraph; ``markup``: the
    English with its inline elements (links, emphasis) as safe HTML, where the format has
    them (see :func:`translate.formats.html_inline.safe_markup`)."""

    kind: str
    source: str
    english: str
    sentences: int
    markup: str | None = None  # the English with its inline markup, as safe HTML


def totals(outcomes: Sequence[Outcome]) -> dict:
    """Counts per status, segments decoded and sentences reused from the memory, words of
    the finished articles, articles flagged by a check, and findings per kind."""
    return {
        Status.DONE.value: sum(o.status == Status.DONE for o in outcomes),
        Status.SKIPPED.value: sum(o.status == Status.SKIPPED for o in outcomes),
        Status.FAILED.value: sum(o.status == Status.FAILED for o in outcomes),
        "segments": sum(o.segments for o in outcomes),
        "reused": sum(o.reused for o in outcomes),
        "words": sum(o.words for o in outcomes),
        "flagged": sum(any(f.kind in CHECK_KINDS for f in o.findings) for o in outcomes),
        "findings": count_kinds(f for o in outcomes for f in o.findings),
    }
