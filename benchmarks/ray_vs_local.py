"""The Ray runner against local mode on one machine, plus the driver-side rates that bound
the Ray runner on a cluster.

    python benchmarks/ray_vs_local.py [OUT.json] [--articles 64] [--files 10000]

1. The same batch job (the tiny test models, built once into .demo-models/) over the same
   generated inbox, twice each, alternating: local mode, then ``--ray local``. Each run is a
   fresh process with a fresh outbox; the figures are articles/s of the work (from the run
   report: elapsed less model loading) and of the whole command.
2. The driver's own work per 10,000 files, with no model: the inbox scan, then the freshness
   check of every file against current outputs (read, sha256, sidecar), then the atomic
   writes of 10,000 articles' outputs (translation, summary, sidecar).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.outputs.outbox import Outputs, scan  # noqa: E402
from translate.run.core import RunSettings  # noqa: E402
from translate.run.files import ArticleFiles, BatchJob  # noqa: E402
from translate.testing.samples import DUTCH_SAMPLE  # noqa: E402

MODELS = ROOT / ".demo-models"
SETTINGS = {"translation": {"model": "bench"}, "summary": {"model": "bench"}}


def _models() -> None:
    if not (MODELS / "marian" / "config.json").is_file():
        subprocess.run(
            [sys.executable, "-m", "translate.testing.tinymodels", str(MODELS)], check=True
        )


def _inbox(folder: Path, count: int) -> None:
    rng = random.Random(0)
    sentences = [s for s in DUTCH_SAMPLE if s.strip()]
    for i in range(count):
        body = " ".join(rng.sample(sentences, 4))
        (folder / f"d{i % 8}").mkdir(parents=True, exist_ok=True)
        (folder / f"d{i % 8}" / f"artikel-{i:05}.txt").write_text(
            f"Bericht {i}\n\n{body}\n", "utf-8"
        )


def _job(inbox: Path, outbox: Path, ray: bool) -> dict:
    report = outbox.with_suffix(".report.json")
    command = [
        sys.executable, "-m", "translate", "batch", str(inbox), str(outbox), "--offline", "-q",
        "--model", str(MODELS / "marian"), "--summarizer", str(MODELS / "bart"),
        "--beams", "1", "--summary-max-tokens", "24", "--summary-min-tokens", "4",
        "--window", "16", "--json", str(report),
    ] + (["--ray", "local", "--ray-workers", "1"] if ray else [])  # fmt: skip
    started = time.perf_counter()
    subprocess.run(command, check=True)
    wall = time.perf_counter() - started
    totals = json.loads(report.read_text(encoding="utf-8"))["totals"]
    work = totals["elapsed_s"] - totals["loading_s"]
    return {
        "articles": totals["done"],
        "wall_s": round(wall, 2),
        "loading_s": totals["loading_s"],
        "work_s": round(work, 2),
        "articles_per_s_work": round(totals["done"] / work, 2),
        "articles_per_s_wall": round(totals["done"] / wall, 2),
    }


def _driver_rates(root: Path, files: int) -> dict:
    inbox, outbox = root / "scan-in", root / "scan-out"
    _inbox(inbox, files)
    started = time.perf_counter()
    sources = scan(inbox, ("*.txt", "*.md")).sources
    scanned = time.perf_counter() - started

    files = ArticleFiles(BatchJob(inbox, outbox), RunSettings(SETTINGS, {}))
    started = time.perf_counter()
    for rel in sources:  # write current outputs, as a finished run leaves them
        article = files.prepare(rel)
        sidecar = {"source": {"sha256": article.source.sha256}, "settings": SETTINGS}
        Outputs.for_source(outbox, rel).write("English text.\n", "Summary.\n", sidecar)
    written = time.perf_counter() - started
    started = time.perf_counter()
    skipped = sum(1 for rel in sources if files.prepare(rel).__class__.__name__ == "Outcome")
    checked = time.perf_counter() - started
    assert skipped == len(sources)
    per = 10_000 / len(sources)
    return {
        "files": len(sources),
        "scan_s_per_10k": round(scanned * per, 2),
        "freshness_s_per_10k": round(checked * per, 2),
        "write_s_per_10k_articles": round(written * per, 2),
        "write_articles_per_s": round(len(sources) / written, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    _models()
    root = Path(tempfile.mkdtemp(prefix="ray-bench-"))
    try:
        _inbox(root / "in", args.articles)
        runs = {"local": [], "ray": []}
        for attempt in range(2):
            for mode in ("local", "ray"):
                figures = _job(root / "in", root / f"{mode}-{attempt}", ray=mode == "ray")
                runs[mode].append(figures)
                print(mode, figures, flush=True)
        best = {mode: max(r["articles_per_s_work"] for r in rs) for mode, rs in runs.items()}
        best_wall = {mode: max(r["articles_per_s_wall"] for r in rs) for mode, rs in runs.items()}
        driver = _driver_rates(root, args.files)
        print("driver", driver, flush=True)
        result = {
            "articles": args.articles,
            "runs": runs,
            "ray_vs_local_work": round(best["ray"] / best["local"], 2),
            "ray_vs_local_wall": round(best_wall["ray"] / best_wall["local"], 2),
            "driver": driver,
        }
        print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))
        if args.out:
            args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
