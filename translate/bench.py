"""``translate bench``: our engine against the loops people write by hand, same data, same run.

Random weights never emit a sensible end-of-sequence, so every engine decodes forced lengths:
a translation batch exactly ``ceil(1.1 x longest source in the batch)`` tokens (what plain HF
pays when its longest row finishes last), a summary exactly ``summary_tokens`` tokens.
"""

from __future__ import annotations

import math
import random
import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.documents import parse
from translate.sentences import split_sentences
from translate.summarization import Summarizer
from translate.tinymodels import DISTILBART_CNN_12_6, DUTCH_SAMPLE, ENGLISH_SAMPLE, OPUS_MT_NL_EN
from translate.translation import Translator

LENGTH_RATIO = 1.1
PIPELINE_BATCH = 16
# (articles, sentences per article): scaled so a 2-core CPU finishes in a few minutes.
SCALE = {"cpu": (3, 10), "gpu": (64, 16)}
# One sentence at a time runs a few sentences/s even on a datacenter GPU: on a GPU the naive
# baseline decodes the first sentences of the (seeded, shuffled) workload only.
NAIVE_SENTENCES_GPU = 96


@dataclass(frozen=True)
class BenchOptions:
    """What ``translate bench`` measures.

    Args:
        device, dtype: where our engine runs (baselines always run fp32 on ``device``).
        beams: beam size for every engine.
        articles, sentences_per_article: workload size; ``None`` scales to the device.
        summary_tokens: forced summary length.
        real: use the checkpoints from the model folders instead of random-weight models.
        models_dir: where the random-weight models are built and cached.
        naive: also run the one-sentence-at-a-time baseline (slow).
        naive_sentences: how many sentences the naive baseline decodes; ``None``: all of them
            on the CPU, the first ``NAIVE_SENTENCES_GPU`` on a GPU.
        int8: also run our engine with int8 dynamic quantization (CPU only).
        generate: also run our batching with plain ``model.generate`` in place of our
            decoding loop, to show what the loop itself is worth.
    """

    device: str = "auto"
    dtype: str = "auto"
    beams: int = 4
    articles: int | None = None
    sentences_per_article: int | None = None
    summary_tokens: int = 100
    seed: int = 0
    real: bool = False
    models_dir: Path = Path(".bench-models")
    naive: bool = True
    naive_sentences: int | None = None
    int8: bool = False
    generate: bool = False


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
    decoding: str = "generate"  # or "own loop": which decoder our engine used
    articles: float = 0  # the articles these items belong to
    outputs: list[tuple[str, ...]] = field(default_factory=list, repr=False)

    @property
    def rate(self) -> float:
        return self.items / self.seconds

    @property
    def articles_rate(self) -> float:
        return self.articles / self.seconds


@dataclass
class BenchResult:
    device: str
    settings: dict
    runs: list[Run]
    ratios: dict[str, float]
    int8_drift: float | None
    generate_drift: float | None = None

    def to_json(self) -> dict:
        runs = []
        for run in self.runs:
            row = {k: v for k, v in asdict(run).items() if k != "outputs"}
            row["items_per_s"] = round(run.rate, 3)
            row["articles_per_s"] = round(run.articles_rate, 4)
            runs.append(row)
        return {
            "device": self.device,
            "settings": self.settings,
            "runs": runs,
            "ratios": self.ratios,
            "int8_drift": self.int8_drift,
            "decoding_loop_drift_vs_generate": self.generate_drift,
        }


def run_bench(options: BenchOptions, report: Callable[[str], None] = lambda _: None):
    """Builds (or finds) the models and workload, runs every engine, returns a BenchResult."""
    from translate.devices import resolve_device

    device = resolve_device(options.device)
    scale = SCALE["cpu" if device.type == "cpu" else "gpu"]
    articles = options.articles or scale[0]
    per_article = options.sentences_per_article or scale[1]
    marian, bart = _models(options, report)
    rng = random.Random(options.seed)
    sentences = dutch_sentences(rng, articles * per_article, _token_counter(marian))
    texts = english_articles(rng, articles, _token_counter(bart), options.summary_tokens)
    documents = [
        parse(" ".join(sentences[i * per_article : (i + 1) * per_article]) + "\n")
        for i in range(articles)
    ]
    assert sum(len(d.sentences) for d in documents) == len(sentences), "workload must split back"

    runs: list[Run] = []
    # Translation
    naive_sentences = options.naive_sentences or (
        len(sentences) if device.type == "cpu" else NAIVE_SENTENCES_GPU
    )
    if options.naive:
        sample = sentences[:naive_sentences]
        report(f"translation: naive, one sentence at a time ({len(sample)} sentences)")
        runs.append(_hf_translate("naive", marian, sample, 1, options.beams, device))
    report(f"translation: pipeline-style, batches of {PIPELINE_BATCH} in input order, fp32")
    runs.append(_hf_translate("pipeline", marian, sentences, PIPELINE_BATCH, options.beams, device))
    report("translation: ours")
    runs.append(_ours_translate("ours", marian, documents, options, options.dtype))
    generate_drift = None
    if options.generate:
        report("translation: ours, with plain generate instead of our decoding loop")
        runs.append(_ours_translate("ours-generate", marian, documents, options, options.dtype))
        ours = next(r for r in runs if r.engine == "ours")
        generate_drift = _drift(runs[-1].outputs, ours.outputs)
    drift = None
    if options.int8 and device.type == "cpu":
        report("translation: ours, int8 dynamic quantization")
        runs.append(_ours_translate("ours-int8", marian, documents, options, "int8"))
        drift = _drift(runs[-2].outputs, runs[-1].outputs)
    # Summarization
    report("summarization: pipeline-style")
    runs.append(_hf_summarize(bart, texts, options, device))
    report("summarization: ours")
    runs.append(_ours_summarize("ours", bart, texts, options, options.dtype))
    if options.generate:
        report("summarization: ours, with plain generate instead of our decoding loop")
        runs.append(_ours_summarize("ours-generate", bart, texts, options, options.dtype))
    if options.int8 and device.type == "cpu":
        report("summarization: ours, int8 dynamic quantization")
        runs.append(_ours_summarize("ours-int8", bart, texts, options, "int8"))

    settings = {
        "beams": options.beams,
        "articles": articles,
        "sentences": len(sentences),
        "naive_sentences": min(naive_sentences, len(sentences)) if options.naive else 0,
        "summary_tokens": options.summary_tokens,
        "length_ratio": LENGTH_RATIO,
        "seed": options.seed,
        "models": "real checkpoints" if options.real else "random weights, default shapes",
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "dtype": options.dtype,
    }
    for run in runs:
        run.articles = articles
        if run.engine == "naive":  # the naive sample covers a share of the articles
            run.articles = articles * run.items / len(sentences)
    ratios = _ratios(runs, articles)
    runs.extend(_end_to_end(runs))
    return BenchResult(str(device), settings, runs, ratios, drift, generate_drift)


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


def _models(options: BenchOptions, report: Callable[[str], None]) -> tuple[Path, Path]:
    from translate.config import DEFAULT_MODELS_DIR, DEFAULT_SUMMARIZATION_MODEL
    from translate.config import DEFAULT_TRANSLATION_MODEL as TRANSLATION
    from translate.hub import resolve_model
    from translate.tinymodels import build_bart, build_marian

    if options.real:
        return tuple(
            resolve_model(ModelSpec(m, offline=True, models_dir=DEFAULT_MODELS_DIR)).path
            for m in (TRANSLATION, DEFAULT_SUMMARIZATION_MODEL)
        )
    marian, bart = options.models_dir / "opus-mt-shape", options.models_dir / "distilbart-shape"
    if not (marian / "config.json").is_file():
        report(f"building an opus-mt-nl-en-shaped model in {marian}")
        build_marian(marian, OPUS_MT_NL_EN)
    if not (bart / "config.json").is_file():
        report(f"building a distilbart-cnn-12-6-shaped model in {bart}")
        build_bart(bart, DISTILBART_CNN_12_6)
    return marian, bart


def _token_counter(folder: Path) -> Callable[[str], int]:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(folder)
    return lambda text: len(tokenizer(text, verbose=False)["input_ids"])


def _load_hf(folder: Path, device: torch.device):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSeq2SeqLM.from_pretrained(folder, dtype=torch.float32)
    return tokenizer, model.to(device).eval()


def _hf_translate(name, folder, sentences, batch_size, beams, device) -> Run:
    """What users write by hand: fixed-size batches in input order, fp32, plain generate."""
    tokenizer, model = _load_hf(folder, device)
    with _Measure("translation", name, len(sentences), device) as measure:
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


def _hf_summarize(folder, texts, options: BenchOptions, device) -> Run:
    tokenizer, model = _load_hf(folder, device)
    steps = options.summary_tokens + 1
    with _Measure("summarization", "pipeline", len(texts), device) as measure:
        for start in range(0, len(texts), PIPELINE_BATCH):
            batch = tokenizer(
                texts[start : start + PIPELINE_BATCH], return_tensors="pt", padding=True
            ).to(device)
            with torch.inference_mode():
                out = model.generate(
                    **batch, num_beams=options.beams, min_length=steps, max_length=steps
                )
            tokenizer.batch_decode(out, skip_special_tokens=True)
            measure.add(out[:, 1:].tolist())
    return measure.run


def _ours_translate(name, folder, documents, options: BenchOptions, dtype: str) -> Run:
    translator = Translator(
        ModelSpec(str(folder)),
        RuntimeOptions(options.device, dtype),
        TranslationOptions(beams=options.beams, forced_length_ratio=LENGTH_RATIO),
    )
    engine = translator.engine
    if name == "ours-generate":
        engine.decoder = None
    generated = _count_generated(engine)
    sentences = sum(len(d.sentences) for d in documents)
    with _Measure("translation", name, sentences, torch.device(engine.device)) as measure:
        results = list(translator.translate_many(documents))
    measure.run.decoding = "own loop" if engine.decoder else "generate"
    measure.run.output_tokens = generated()
    measure.run.outputs = [tuple(s.split()) for r in results for s in r.translation.sentences]
    return measure.run


def _ours_summarize(name, folder, texts, options: BenchOptions, dtype: str) -> Run:
    summarizer = Summarizer(
        ModelSpec(str(folder)),
        RuntimeOptions(options.device, dtype),
        SummaryOptions(
            min_tokens=options.summary_tokens,
            max_tokens=options.summary_tokens,
            beams=options.beams,
            own_summary_words=0,
        ),
    )
    if name == "ours-generate":
        summarizer.engine.decoder = None
    generated = _count_generated(summarizer.engine)
    with _Measure(
        "summarization", name, len(texts), torch.device(summarizer.engine.device)
    ) as measure:
        summaries = summarizer.summarize_many(texts)
    assert all(s.rounds == 1 for s in summaries), "bench articles must fit the window"
    measure.run.decoding = "own loop" if summarizer.engine.decoder else "generate"
    measure.run.output_tokens = generated()
    return measure.run


def _count_generated(engine) -> Callable[[], int]:
    """Wraps ``engine.generate`` to count the tokens it decodes."""
    total = 0
    generate = engine.generate

    def counting(batch, settings):
        nonlocal total
        results = generate(batch, settings)
        total += sum(len(r.token_ids) for r in results)
        return results

    engine.generate = counting
    return lambda: total


class _Measure:
    def __init__(self, stage: str, engine: str, items: int, device: torch.device):
        self.device = device
        self.run = Run(stage, engine, items, 0.0, 0, 0.0, None)

    def add(self, rows: Sequence[Sequence[int]]) -> None:
        self.run.output_tokens += sum(len(r) for r in rows)

    def __enter__(self) -> _Measure:
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
        self.run.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _end_to_end(runs: list[Run]) -> list[Run]:
    """Translation plus summary of the same articles, for every engine that ran both."""
    by = {(r.stage, r.engine): r for r in runs}
    out = []
    for (stage, engine), first in by.items():
        second = by.get(("summarization", engine))
        if stage != "translation" or second is None:
            continue
        gpu = [m for m in (first.peak_gpu_mb, second.peak_gpu_mb) if m is not None]
        out.append(
            Run(
                "end to end",
                engine,
                first.articles,
                first.seconds + second.seconds,
                first.output_tokens + second.output_tokens,
                max(first.peak_rss_mb, second.peak_rss_mb),
                max(gpu) if gpu else None,
                second.decoding,
                first.articles,
            )
        )
    return out


def _ratios(runs: list[Run], articles: int) -> dict[str, float]:
    by = {(r.stage, r.engine): r for r in runs}
    ratios = {}
    ours_t, pipe_t = by[("translation", "ours")], by[("translation", "pipeline")]
    ours_s, pipe_s = by[("summarization", "ours")], by[("summarization", "pipeline")]
    ratios["translation_vs_pipeline"] = round(ours_t.rate / pipe_t.rate, 2)
    if ("translation", "naive") in by:
        ratios["translation_vs_naive"] = round(ours_t.rate / by[("translation", "naive")].rate, 2)
    ratios["summarization_vs_pipeline"] = round(ours_s.rate / pipe_s.rate, 2)
    ours_e2e = articles / (ours_t.seconds + ours_s.seconds)
    pipe_e2e = articles / (pipe_t.seconds + pipe_s.seconds)
    ratios["end_to_end_vs_pipeline"] = round(ours_e2e / pipe_e2e, 2)
    ratios["end_to_end_articles_per_s"] = round(ours_e2e, 3)
    for stage in ("translation", "summarization"):
        if (stage, "ours-generate") in by:
            loop = by[(stage, "ours")].rate / by[(stage, "ours-generate")].rate
            ratios[f"{stage}_decoding_loop_vs_generate"] = round(loop, 2)
    return ratios


def _drift(reference: list[tuple[str, ...]], other: list[tuple[str, ...]]) -> float:
    """Share of output words that differ, position by position, sentence by sentence."""
    total = sum(len(r) for r in reference)
    pairs = zip(reference, other, strict=True)
    same = sum(a == b for ref, oth in pairs for a, b in zip(ref, oth, strict=False))
    return round(1 - same / total, 4) if total else 0.0
