"""One engine on one stage: what is measured and how."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import torch

try:  # not on Windows
    import resource
except ImportError:  # pragma: no cover
    resource = None


@dataclass
class Run:
    """One engine on one stage."""

    stage: str
    engine: str
    items: int
    seconds: float
    output_tokens: int
    peak_rss_mb: float
    peak_gpu_mb: float | None
    decoding: str = "generate"  # or "own loop" (with its CUDA graphs): how our engine decoded
    articles: float = 0  # the articles these items belong to
    outputs: list[tuple[str, ...]] = field(default_factory=list, repr=False)

    @property
    def rate(self) -> float:
        return self.items / self.seconds

    @property
    def articles_rate(self) -> float:
        return self.articles / self.seconds


@dataclass
class Measure:
    """Times a block on ``device`` (synchronizing CUDA) and records peak memory."""

    def __init__(self, stage: str, engine: str, items: int, device: torch.device):
        self.device = device
        self.run = Run(stage, engine, items, 0.0, 0, 0.0, None)

    def add(self, rows: Sequence[Sequence[int]]) -> None:
        self.run.output_tokens += sum(len(r) for r in rows)

    def __enter__(self) -> Measure:
        if self.device.type == "cuda":
            torch.cuda.synchronize()
            torch.cuda.reset_peak_memory_stats()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        if self.device.type == "cuda":
            torch.cuda.synchronize()
            self.run.peak_gpu_mb = torch.cuda.max_memory_allocated() / 2**20
        self.run.seconds = time.perf_counter() - self.started
        self.run.peak_rss_mb = peak_rss_mb()


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB; 0 where the platform does not say
    (Windows has no ``resource``). ``ru_maxrss`` is KiB on Linux, bytes on macOS."""
    if resource is None:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024
