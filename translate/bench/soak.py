"""Memory over a long batch run: ``translate bench --soak N``."""

from __future__ import annotations

import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.outputs.outbox import scan
from translate.run.build import PipelineSpec, build_pipeline
from translate.run.local import BatchJob, BatchRunner
from translate.testing.samples import DUTCH_SAMPLE
from translate.testing.tinymodels import build_bart, build_marian


@dataclass(frozen=True)
class SoakPoint:
    articles: int
    rss_mb: float
    gpu_mb: float | None
    seconds: float


@dataclass
class SoakResult:
    device: str
    articles: int
    points: list[SoakPoint] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def run_soak(
    articles: int, device: str = "auto", report: Callable[[str], None] = lambda _: None
) -> SoakResult:
    """Runs the real batch job over ``articles`` small synthetic articles with the tiny models
    and samples resident memory every 1,000 articles (and at the end)."""
    with tempfile.TemporaryDirectory(prefix="translate-soak-") as tmp:
        root = Path(tmp)
        report(f"writing {articles} articles and building tiny models in {root}")
        rng = random.Random(0)
        lines = [line for line in DUTCH_SAMPLE if line]
        for i in range(articles):
            folder = root / "inbox" / f"{i // 1000:03}"
            folder.mkdir(parents=True, exist_ok=True)
            body = " ".join(rng.sample(lines, 3))
            (folder / f"a{i:06}.txt").write_text(f"Bericht {i}\n\n{body}\n", encoding="utf-8")
        spec = PipelineSpec(
            translation=ModelSpec(str(build_marian(root / "marian"))),
            summary=ModelSpec(str(build_bart(root / "bart"))),
            runtime=RuntimeOptions(device),
            translation_options=TranslationOptions(beams=1, length_ratio=1.0, length_slack=2),
            summary_options=SummaryOptions(min_tokens=4, max_tokens=16, beams=1),
        )
        pipeline = build_pipeline(spec)
        runner = BatchRunner(pipeline, BatchJob(root / "inbox", root / "outbox"))
        result = SoakResult(pipeline.translator.engine.device, articles)
        started = time.perf_counter()
        done = 0
        for _ in runner.run(scan(root / "inbox", ("*.txt",)).sources):
            done += 1
            if done % 1000 == 0 or done == articles:
                point = SoakPoint(done, _rss_mb(), _gpu_mb(), time.perf_counter() - started)
                result.points.append(point)
                report(f"{done} articles: RSS {point.rss_mb:.0f} MB")
        return result


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _gpu_mb() -> float | None:
    return torch.cuda.memory_allocated() / 2**20 if torch.cuda.is_available() else None
