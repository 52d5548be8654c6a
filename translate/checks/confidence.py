"""``confidence``: a sentence the model was much less sure of than of the run's others.

Judged relative to the run, never on an absolute score (random weights make every score
low, and models differ): a sentence is flagged when its mean log-probability per token lies
more than ``max(MARGIN, SPREAD x 1.4826 x MAD)`` below the median of the sentences translated
together with it (the window of articles: the whole run when it fits in one), and at least
``MIN_SENTENCES`` sentences are there to compare with. ``MARGIN`` is one nat: the model held
each of its tokens on average less than a third as likely as it does for a typical sentence.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from translate.findings import Finding

MARGIN, SPREAD, MIN_SENTENCES = 1.0, 3.0, 8


def floor(scores: Sequence[float | None]) -> tuple[float, float] | None:
    """The run's median score and the score below which a sentence is flagged; ``None``
    when there are too few scores to judge."""
    known = [s for s in scores if s is not None]
    if len(known) < MIN_SENTENCES:
        return None
    median = statistics.median(known)
    mad = statistics.median(abs(s - median) for s in known)
    return median, median - max(MARGIN, SPREAD * 1.4826 * mad)


def confidence(score: float | None, judged: tuple[float, float] | None) -> Finding | None:
    """A ``confidence`` finding for one sentence's score, given the run's :func:`floor`."""
    if score is None or judged is None or score >= judged[1]:
        return None
    median, _ = judged
    message = (
        f"confidence: mean log-probability {score:.2f} per token, the run's median {median:.2f}"
    )
    return Finding(
        "confidence", message, data={"score": round(score, 4), "median": round(median, 4)}
    )
