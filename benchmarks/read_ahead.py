"""What reading the next window in a thread does to the batch job: the same inbox run with
the runner reading in turn and reading ahead (``BatchRunner(read_ahead=...)``), alternating,
each twice; translation only, bench-shaped Marian with random weights, greedy.

    python benchmarks/read_ahead.py [--articles 24] [--window 4] [--device cpu] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.bench.workload import bench_models, dutch_sentences, token_counter  # noqa: E402
from translate.config import ModelSpec, RuntimeOptions, TranslationOptions  # noqa: E402
from translate.engines.load import load_engine  # noqa: E402
from translate.run.core import Pipeline  # noqa: E402
from translate.run.local import BatchJob, BatchRunner  # noqa: E402
from translate.stages.translation import Translator  # noqa: E402
from translate.types import Status  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--sentences", type=int, default=8)
    parser.add_argument("--window", type=int, default=4)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    marian, _ = bench_models(False, ROOT / ".bench-models", print)
    engine = load_engine(ModelSpec(str(marian), offline=True), RuntimeOptions(args.device))
    pipeline = Pipeline(Translator(engine, TranslationOptions(beams=1)), language_check="nl")
    root = Path(tempfile.mkdtemp())
    inbox = root / "inbox"
    inbox.mkdir()
    sentences = dutch_sentences(
        random.Random(5), args.articles * args.sentences, token_counter(marian)
    )
    for i in range(args.articles):
        body = sentences[i * args.sentences : (i + 1) * args.sentences]
        (inbox / f"a{i:03}.txt").write_text(" ".join(body) + "\n", encoding="utf-8")
    sources = sorted(p.relative_to(inbox) for p in inbox.iterdir())
    rows = []
    for ahead in (False, True, False, True):
        outbox = root / "outbox"
        shutil.rmtree(outbox, ignore_errors=True)
        job = BatchJob(inbox, outbox, window_articles=args.window)
        started = time.perf_counter()
        outcomes = list(BatchRunner(pipeline, job, read_ahead=ahead).run(sources))
        seconds = time.perf_counter() - started
        assert all(o.status == Status.DONE for o in outcomes)
        rows.append({"read_ahead": ahead, "articles": len(outcomes), "seconds": round(seconds, 3)})
        print(json.dumps(rows[-1]))
    shutil.rmtree(root)
    best = {a: min(r["seconds"] for r in rows if r["read_ahead"] is a) for a in (False, True)}
    result = {
        "device": args.device,
        "articles": args.articles,
        "sentences_per_article": args.sentences,
        "window_articles": args.window,
        "runs": rows,
        "reading_ahead_vs_in_turn": round(best[False] / best[True], 3),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
