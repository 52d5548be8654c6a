"""How well the per-sentence checks do on pairs of the evaluation set's form: correct pairs
flagged at all, and corrupted pairs flagged with their kind, per kind.

    python benchmarks/checks_eval.py [FILE.tsv ...]

Each file holds one pair a line, ``#`` lines skipped: ``source<TAB>translation`` for a correct
pair, ``source<TAB>translation<TAB>kind<TAB>the defect`` for a corrupted one (the form of
``tests/data/checks-correct.tsv`` and ``checks-corrupted.tsv``, the default). A new batch is
measured before its failures lead to rules: the README reports each batch so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.checks import CHECKS, Sentence, run_checks  # noqa: E402

DEFAULT = [ROOT / "tests" / "data" / n for n in ("checks-correct.tsv", "checks-corrupted.tsv")]


def _rows(path: Path) -> list[list[str]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise SystemExit(f"{path}: cannot be read ({error.__class__.__name__})") from None
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    for number, row in enumerate(rows, 1):
        if len(row) not in (2, 4):
            raise SystemExit(f"{path}: row {number} has {len(row)} columns, not 2 or 4")
    return rows


def evaluate(rows: list[list[str]]) -> dict:
    """The figures for ``rows``, with the pairs that went wrong."""
    flagged, missed = [], []
    caught, total = Counter(), Counter()
    correct = 0
    for row in rows:
        findings = run_checks([Sentence(0, row[0], row[1])], CHECKS)
        if len(row) == 2:
            correct += 1
            if findings:
                flagged.append({"pair": row[:2], "findings": [f.message for f in findings]})
            continue
        kind = row[2]
        total[kind] += 1
        if kind in {f.kind for f in findings}:
            caught[kind] += 1
        else:
            missed.append({"pair": row[:2], "kind": kind, "defect": row[3]})
    return {
        "correct": correct,
        "correct_flagged": len(flagged),
        "corrupted": sum(total.values()),
        "caught": sum(caught.values()),
        "per_kind": {k: f"{caught[k]} of {total[k]}" for k in sorted(total)},
        "flagged": flagged,
        "missed": missed,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path, default=DEFAULT)
    args = parser.parse_args()
    rows = [row for path in args.files for row in _rows(path)]
    print(json.dumps(evaluate(rows), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
