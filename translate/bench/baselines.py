"""The loops people write by hand: one sentence at a time, and pipeline-style batches of 16
in input order; fp32 and plain ``model.generate``, as users run them."""

from __future__ import annotations

import math
from pathlib import Path

import torch

from translate.bench.measure import Measure, Run

LENGTH_RATIO = 1.1
PIPELINE_BATCH = 16


def _load_hf(folder: Path, device: torch.device):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=torch.float32)
    return tokenizer, model.to(device).eval()


def hf_translate(name, folder, sentences, batch_size, beams, device) -> Run:
    """What users write by hand: fixed-size batches in input order, fp32, plain generate."""
    tokenizer, model = _load_hf(folder, device)
    with Measure("translation", name, len(sentences), device) as measure:
        for start in range(0, len(sentences), batch_size):
            batch = tokenizer(
                sentences[start : start + batch_size], return_tensors="pt", padding=True
            ).to(device)
            steps = math.ceil(LENGTH_RATIO * batch["input_ids"].shape[1])
            with torch.inference_mode():
                out = model.generate(
                    **batch, num_beams=beams, min_length=steps + 1, max_length=steps + 1
                )
            tokenizer.batch_decode(out, skip_special_tokens=True)
            measure.add(out[:, 1:].tolist())
    return measure.run


def hf_summarize(folder, texts, beams: int, summary_tokens: int, device) -> Run:
    tokenizer, model = _load_hf(folder, device)
    steps = summary_tokens + 1
    with Measure("summarization", "pipeline", len(texts), device) as measure:
        for start in range(0, len(texts), PIPELINE_BATCH):
            batch = tokenizer(
                texts[start : start + PIPELINE_BATCH], return_tensors="pt", padding=True
            ).to(device)
            with torch.inference_mode():
                out = model.generate(**batch, num_beams=beams, min_length=steps, max_length=steps)
            tokenizer.batch_decode(out, skip_special_tokens=True)
            measure.add(out[:, 1:].tolist())
    return measure.run
