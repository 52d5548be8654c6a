"""Option dataclasses and defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from translate.glossary import Glossary

DEFAULT_TRANSLATION_MODEL = "Helsinki-NLP/opus-mt-nl-en"
DEFAULT_SUMMARIZATION_MODEL = "sshleifer/distilbart-cnn-12-6"
DEFAULT_MODELS_DIR = Path("models")

# Padded source tokens per batch. A 2-core CPU gains nothing past ~1k tokens; a datacenter
# GPU keeps getting faster up to tens of thousands.
DEFAULT_BATCH_TOKENS = {"cpu": 1024, "cuda": 16384, "mps": 4096}
# Summaries decode ~100 tokens over long inputs: on a 2-core CPU a 4,096-token budget
# (several articles per batch, length-sorted) measured 1.8x faster than 1,024.
DEFAULT_SUMMARY_BATCH_TOKENS = {"cpu": 4096, "cuda": 32768, "mps": 8192}


@dataclass(frozen=True)
class ModelSpec:
    """Which model to load and how to find it.

    Args:
        model: a Hugging Face hub id (``org/name``) or a local folder.
        revision: hub branch, tag or commit; ``None`` means the repository default.
        offline: never touch the network (``HF_HUB_OFFLINE=1`` does the same).
        models_dir: folder of local snapshots written by ``translate models pull``.
    """

    model: str
    revision: str | None = None
    offline: bool = False
    models_dir: Path = DEFAULT_MODELS_DIR


DEVICES_HELP = "auto, cpu, cuda, cuda:N or mps"
# What each engine understands is the engine's business (int8 is torch dynamic quantization).
ENGINES = ("torch", "ctranslate2")
DTYPES = ("auto", "fp32", "fp16", "bf16", "int8")


def available_cpus() -> int:
    """CPUs this process may use (its affinity where the platform has one: Linux)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def batch_budget(
    device: str, table: dict[str, int], override: int | None = None, fits: int | None = None
) -> int:
    """Padded tokens per batch: ``override``, else what ``fits`` in the device's free memory
    (an engine's estimate; never below the table's entry), else ``table``'s entry for the
    device type."""
    default = table.get(device.split(":")[0], table["cpu"])
    return override or max(default, fits or 0)


# The most padded source tokens one translation batch may hold, however much memory is free
MAX_BATCH_TOKENS = 262_144


def tokens_that_fit(
    free_bytes: int, layers: int, width: int, vocab: int, beams: int, itemsize: int
) -> int:
    """Padded source tokens per batch that fit in ``free_bytes`` (half of it, for the
    allocator's slack and the summarizer) for a decoder of ``layers`` x ``width`` over
    ``vocab`` at ``beams``, ``itemsize`` bytes a value: per source token, its cross-attention
    keys and values, and the self-attention cache of 1.5 output tokens per beam, held twice
    (a beam reorder writes a spare copy); per row (about 30 tokens), its float32 scores
    over the vocabulary, three times (log-softmax, processors, top-k)."""
    cross = layers * 2 * width * itemsize
    cache = 2 * beams * 1.5 * layers * 2 * width * itemsize
    scores = beams * vocab * 4 * 3 / 30
    return min(MAX_BATCH_TOKENS, int(free_bytes * 0.5 / (cross + cache + scores)))


@dataclass(frozen=True)
class RuntimeOptions:
    """How and where models run.

    Args:
        device: auto, cpu, cuda, cuda:N or mps.
        dtype: one of ``DTYPES``; ``auto`` lets the engine pick for the device.
        engine: one of ``ENGINES``.
        threads: CPU threads for the engine; ``None``: the CPUs this process may use.
        cuda_graphs: the torch engine replays its decoder step as CUDA graphs on a GPU;
            ``False`` decodes step by step (the same tokens).
    """

    device: str = "auto"
    dtype: str = "auto"
    engine: str = "torch"
    threads: int | None = None
    cuda_graphs: bool = True


@dataclass(frozen=True)
class TranslationOptions:
    """How the translator batches and decodes.

    Args:
        beams: beam size; ``None`` takes the checkpoint's generation config.
        batch_tokens: padded source tokens per batch; ``None`` picks a default for the device.
        length_ratio, length_slack: output cap per batch is
            ``ceil(length_ratio * longest source + length_slack)`` tokens, so a degenerate
            repetition loop stops early instead of running to the model's maximum.
        window_segments: how many segments of consecutive documents are sorted and batched
            together; bounds memory when streaming many documents.
        forced_length_ratio: benchmarks only: every batch decodes exactly
            ``ceil(ratio * longest source)`` tokens, because random weights never stop.
        repair: decode a runaway row (at its cap, or looping) once more with a repetition
            guard, and keep that when it passes and is shorter.
        glossary: terms each translation must hold (see :mod:`translate.glossary`).
        keep_english: a sentence that is English already (a quotation in a Dutch article,
            :func:`translate.text.language.reads_as_english`) is kept as it is, not sent to
            the model; off when every article is forced to be read as Dutch.
    """

    beams: int | None = None
    batch_tokens: int | None = None
    length_ratio: float = 1.5
    length_slack: int = 10
    window_segments: int = 2048
    forced_length_ratio: float | None = None
    repair: bool = True
    glossary: Glossary | None = None
    keep_english: bool = True


# Summary length presets: scales of the checkpoint's own min/max length.
SUMMARY_LENGTHS = {"short": 0.5, "medium": 1.0, "long": 2.0}


@dataclass(frozen=True)
class SummaryOptions:
    """How the summarizer sizes and decodes summaries.

    Args:
        length: ``short`` (half the checkpoint's bounds), ``medium`` (the checkpoint's own
            min/max length) or ``long`` (twice them).
        min_tokens, max_tokens: explicit bounds that override ``length``.
        beams, length_penalty, no_repeat_ngram_size: override the checkpoint's settings.
        batch_tokens: padded input tokens per batch; ``None`` picks a default for the device.
        own_summary_words: an article shorter than this is its own summary.
        max_rounds: map-reduce rounds before the joined partial summaries are returned as is.
    """

    length: str = "medium"
    min_tokens: int | None = None
    max_tokens: int | None = None
    beams: int | None = None
    length_penalty: float | None = None
    no_repeat_ngram_size: int | None = None
    batch_tokens: int | None = None
    own_summary_words: int = 60
    max_rounds: int = 6
