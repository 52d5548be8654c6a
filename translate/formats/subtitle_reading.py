"""What makes a translated subtitle readable: lines of at most 42 characters and cues read at
most 20 characters a second (the common broadcast and streaming rules for adults: Netflix's
English guide, the BBC's 160-180 words a minute).

A cue of two lines whose translation pushes a line over 42 characters has its words shared
again over the two lines, balanced, where both then fit. A cue whose translation reads faster
than 20 characters a second, where its source did not, is a ``subtitle_speed`` finding: the
timings are the subtitler's and stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Characters a subtitle line holds at most
LINE_LIMIT = 42
# Characters a second a reader keeps up with
SPEED_LIMIT = 20
_STAMP = r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})"
_TIMING = re.compile(_STAMP + r"\s*-->\s*" + _STAMP)


def cue_seconds(timing: str) -> float | None:
    """How long a cue shows, from its timing line (``00:00:01,000 --> 00:00:03,500``,
    WebVTT's hours optional), or None where the line gives no span."""
    match = _TIMING.search(timing)
    if not match:
        return None
    parts = [int(g) if g else 0 for g in match.groups()]

    def seconds(h: int, m: int, s: int, ms: int, digits: str) -> float:
        return h * 3600 + m * 60 + s + ms / 10 ** len(digits)

    start = seconds(*parts[:4], match.group(4))
    end = seconds(*parts[4:], match.group(8))
    return end - start if end > start else None


def too_fast(seconds: float | None, source_chars: int, translated_chars: int) -> bool:
    """Whether a cue's translation reads faster than the limit where its source did not (a
    subtitler who timed a fast cue meant it)."""
    if not seconds:
        return False
    return translated_chars / seconds > SPEED_LIMIT >= source_chars / seconds


def rebalanced(shares: list[str], cues: Sequence[object], sources: Sequence[str]) -> list[str]:
    """``shares`` (the lines' parts of one sentence's translation, in order; ``cues``: each
    line's cue and style, ``sources``: its source text) with two lines of one cue and style
    shared again, balanced, where one is over the limit, neither source line was and both
    fit."""
    shares = list(shares)
    for k in range(len(shares) - 1):
        a, b = shares[k], shares[k + 1]
        if cues[k] != cues[k + 1] or "…" in (a, b):
            continue
        if max(len(a), len(b)) <= LINE_LIMIT or max(map(len, sources[k : k + 2])) > LINE_LIMIT:
            continue
        words = f"{a} {b}".split()
        cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
        fitting = [c for c in cuts if max(map(len, c)) <= LINE_LIMIT]
        if fitting:
            shares[k], shares[k + 1] = min(fitting, key=lambda c: abs(len(c[0]) - len(c[1])))
    return shares
