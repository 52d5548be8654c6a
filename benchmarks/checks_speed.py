"""How fast the per-sentence checks run: 10,000 sentence pairs (the evaluation set's correct
and corrupted pairs, repeated with a counter so no cache can help), CPU seconds per 1,000.

    python benchmarks/checks_speed.py [--pairs 10000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.checks import CHECKS, Sentence, run_checks  # noqa: E402


def _pairs(count: int) -> list[tuple[str, str]]:
    rows = []
    for name in ("checks-correct.tsv", "checks-corrupted.tsv"):
        for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                source, translation = line.split("\t")[:2]
                rows.append((source, translation))
    # A counter in every pair: each one is new text, as in a real run
    return [
        (f"{s} ({i})", f"{t} ({i})")
        for i, (s, t) in ((i, rows[i % len(rows)]) for i in range(count))
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=int, default=10_000)
    args = parser.parse_args()
    pairs = _pairs(args.pairs)
    run_checks([Sentence(0, *pairs[0])], CHECKS)  # imports and tables, once
    per_check = {}
    for check in CHECKS:
        started = time.process_time()
        for i, (s, t) in enumerate(pairs):
            list(check(Sentence(i, s, t)))
        per_check[check.__name__] = round((time.process_time() - started) / len(pairs) * 1000, 3)
    started = time.process_time()
    flagged = sum(bool(run_checks([Sentence(i, s, t)], CHECKS)) for i, (s, t) in enumerate(pairs))
    seconds = time.process_time() - started
    result = {
        "pairs": len(pairs),
        "cpu_seconds": round(seconds, 2),
        "cpu_seconds_per_1000": round(seconds / len(pairs) * 1000, 3),
        "per_check_cpu_seconds_per_1000": per_check,
        "flagged": flagged,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
