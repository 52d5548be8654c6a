"""The machine-readable run report of ``translate batch --json FILE``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from translate import __version__
from translate.findings import count_kinds
from translate.outputs.files import atomic_write_json
from translate.outputs.outbox import Outputs
from translate.types import Outcome, Status, totals

REPORT_VERSION = 1


def run_report(
    outcomes: Sequence[Outcome],
    outbox: Path,
    elapsed_s: float,
    stopped: str | None = None,
    loading_s: float | None = None,
) -> dict:
    """One record per source handled, plus totals.

    ``elapsed_s`` counts from the command's start, ``loading_s`` of it loading the models.
    ``stopped`` is why the run ended early (``interrupted``, or the outbox error), else None;
    ``interrupted`` says whether it did.

    Each record: ``source`` (relative to the inbox), ``status`` (done, skipped, failed),
    ``reason`` (failed only), ``outputs`` (paths of the files that exist for it),
    ``segments`` (decoded), ``reused`` (from the translation memory), ``words``,
    ``findings`` (as in the sidecar), ``finding_counts`` (per kind) and ``warnings`` (their
    messages; deprecated). The totals count findings per kind too.
    """
    articles = []
    for outcome in outcomes:
        paths = asdict(Outputs.for_source(outbox, outcome.source))
        wanted = (
            ("error",)
            if outcome.status == Status.FAILED
            else ("translation", "summary", "sidecar", "review")
        )
        articles.append(
            {
                "source": str(outcome.source),
                "status": outcome.status,
                "reason": outcome.reason or None,
                "outputs": {k: str(v) for k, v in paths.items() if k in wanted and v.is_file()},
                "segments": outcome.segments,
                "reused": outcome.reused,
                "words": outcome.words,
                "warnings": list(outcome.warnings),
                "findings": [f.to_json() for f in outcome.findings],
                "finding_counts": count_kinds(outcome.findings),
            }
        )
    counts = totals(outcomes)
    return {
        "report_version": REPORT_VERSION,
        "tool_version": __version__,
        "outbox": str(outbox),
        "interrupted": stopped is not None,
        "stopped": stopped,
        "totals": counts
        | {
            "articles": len(outcomes),
            "elapsed_s": round(elapsed_s, 3),
            "loading_s": None if loading_s is None else round(loading_s, 3),
        },
        "articles": articles,
    }


def write_report(path: Path, report: dict) -> None:
    """Writes the report; names that are not UTF-8 as :func:`~translate.outputs.files.printable`
    shows them."""
    atomic_write_json(path, report)
