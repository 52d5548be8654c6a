from __future__ import annotations

import os
from pathlib import Path

# The same floating-point kernels on every x86-64 machine from AVX2 up, set before torch
# loads: the random-weight models' beam search meets near-ties, which an AVX-512 kernel's
# other rounding settles otherwise (the golden outputs compare bytes).
for _name, _value in (
    ("ATEN_CPU_CAPABILITY", "avx2"),
    ("MKL_CBWR", "AVX2"),
    ("ONEDNN_MAX_CPU_ISA", "AVX2"),
    ("CT2_FORCE_CPU_ISA", "AVX2"),
):
    os.environ.setdefault(_name, _value)

import pytest  # noqa: E402

from translate.testing.tinymodels import build_bart, build_marian  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
INBOX = ROOT / "inbox"

# No test may reach a model hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory) -> Path:
    """An opus-mt-shaped MarianMT with a trained sentencepiece vocabulary, random weights."""
    return build_marian(tmp_path_factory.mktemp("models") / "tiny-marian")


@pytest.fixture(scope="session")
def tiny_bart(tmp_path_factory) -> Path:
    """A distilbart-cnn-shaped BART with a trained byte-level BPE vocabulary, random weights."""
    return build_bart(tmp_path_factory.mktemp("models") / "tiny-bart")


def sample_articles() -> list[Path]:
    return sorted(p for p in INBOX.rglob("*") if p.suffix in (".txt", ".md"))  # plain text
