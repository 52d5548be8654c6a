"""The bench workload: seeded Dutch sentences and English articles, and the models."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

from translate.config import ModelSpec
from translate.testing.samples import DUTCH_SAMPLE, ENGLISH_SAMPLE
from translate.text.sentences import split_sentences


def dutch_sentences(rng: random.Random, count: int, tokens: Callable[[str], int]) -> list[str]:
    """Seeded Dutch-news-like sentences: 4-120 tokens, mean about 30 (log-normal)."""
    words = sorted({w.strip(".,'?:").lower() for line in DUTCH_SAMPLE for w in line.split()} - {""})
    # no word that the splitter reads as an abbreviation ("ca.") may end a sentence
    words = [w for w in words if w.isalpha() and len(split_sentences(f"Een {w}. Twee.")) == 2]
    out = []
    for _ in range(count):
        target = min(120, max(4, round(rng.lognormvariate(math.log(26), 0.55))))
        chosen = [rng.choice(words)]
        while tokens(" ".join(chosen) + ".") < target:
            chosen.append(rng.choice(words))
            if tokens(" ".join(chosen) + ".") > 120:  # a long word must not overshoot
                chosen.pop()
                break
        out.append(" ".join(chosen).capitalize() + ".")
    return out


def english_articles(
    rng: random.Random, count: int, tokens: Callable[[str], int], summary_tokens: int
) -> list[str]:
    """Seeded English articles of 300-900 tokens (mean about 600), all inside the window."""
    words = [w.strip(".,'?:") for line in ENGLISH_SAMPLE for w in line.split()]
    words = [w for w in words if w.isalpha()]
    out = []
    for _ in range(count):
        target = max(2 * summary_tokens + 50, rng.randint(300, 900))
        sentences: list[str] = []
        while tokens(" ".join(sentences)) < target:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 24)))
            sentences.append(sentence.capitalize() + ".")
        out.append(" ".join(sentences))
    return out


def bench_models(real: bool, models_dir: Path, report: Callable[[str], None]) -> tuple[Path, Path]:
    """The two model folders: the real checkpoints, or default-shaped random-weight models
    built once into ``models_dir``."""
    from translate.config import DEFAULT_MODELS_DIR, DEFAULT_SUMMARIZATION_MODEL
    from translate.config import DEFAULT_TRANSLATION_MODEL as TRANSLATION
    from translate.models.hub import resolve_model
    from translate.testing.tinymodels import (
        DISTILBART_CNN_12_6,
        OPUS_MT_NL_EN,
        build_bart,
        build_marian,
    )

    if real:
        return tuple(
            resolve_model(ModelSpec(m, offline=True, models_dir=DEFAULT_MODELS_DIR)).path
            for m in (TRANSLATION, DEFAULT_SUMMARIZATION_MODEL)
        )
    marian, bart = models_dir / "opus-mt-shape", models_dir / "distilbart-shape"
    if not (marian / "config.json").is_file():
        report(f"building an opus-mt-nl-en-shaped model in {marian}")
        build_marian(marian, OPUS_MT_NL_EN)
    if not (bart / "config.json").is_file():
        report(f"building a distilbart-cnn-12-6-shaped model in {bart}")
        build_bart(bart, DISTILBART_CNN_12_6)
    return marian, bart


def token_counter(folder: Path) -> Callable[[str], int]:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    return lambda text: len(tokenizer(text, verbose=False)["input_ids"])
