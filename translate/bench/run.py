"""``translate bench``: our engine against the loops people write by hand, same data, same run.

Random weights never emit a sensible end-of-sequence, so every engine decodes forced lengths:
a translation batch exactly ``ceil(1.1 x longest source in the batch)`` tokens (what plain HF
pays when its longest row finishes last), a summary exactly ``summary_tokens`` tokens.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch

from translate.bench.baselines import LENGTH_RATIO, PIPELINE_BATCH, hf_summarize, hf_translate
from translate.bench.ct2 import ct2_ratios, ct2_runs
from translate.bench.measure import Measure, Run
from translate.bench.ratios import ct2_int8_drift, drift, end_to_end, ratios_of
from translate.bench.workload import bench_models, dutch_sentences, english_articles, token_counter
from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.engines import Generated, GenerationSettings
from translate.engines.load import load_engine
from translate.errors import TranslateError
from translate.models.hub import resolve_model
from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator
from translate.text.document import parse

# (articles, sentences per article): scaled so a 2-core CPU finishes in a few minutes.
SCALE = {"cpu": (3, 10), "gpu": (64, 16)}
# One sentence at a time runs a few sentences/s even on a datacenter GPU: on a GPU the naive
# baseline decodes the first sentences of the (seeded, shuffled) workload only.
NAIVE_SENTENCES_GPU = 96


@dataclass(frozen=True)
class BenchOptions:
    """What ``translate bench`` measures.

    Args:
        runtime: where and how our engine runs (baselines always run fp32 on its device).
        beams: beam size for every engine.
        articles, sentences_per_article: workload size; ``None`` scales to the device.
        summary_tokens: forced summary length.
        seed: workload seed.
        real: use the checkpoints from the model folders instead of random-weight models.
        models_dir: where the random-weight models are built and cached.
        naive: also run the one-sentence-at-a-time baseline (slow).
        naive_sentences: how many sentences the naive baseline decodes; ``None``: all of them
            on the CPU, the first ``NAIVE_SENTENCES_GPU`` on a GPU.
        int8: also run our engine with int8 dynamic quantization (CPU only).
        generate: also run our batching with plain ``model.generate`` in place of our
            decoding loop, to show what the loop itself is worth; on a GPU also our loop
            step by step, without CUDA graphs, to show what the graphs are worth.
    """

    runtime: RuntimeOptions = RuntimeOptions()
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
    from translate.engines.hf_loop import graphs
    from translate.models.devices import resolve_device

    device = resolve_device(options.runtime.device)
    cpu = device.type == "cpu"
    scale = SCALE["cpu" if cpu else "gpu"]
    articles = options.articles or scale[0]
    per_article = options.sentences_per_article or scale[1]
    marian, bart = bench_models(options.real, options.models_dir, report)
    rng = random.Random(options.seed)
    sentences = dutch_sentences(rng, articles * per_article, token_counter(marian))
    texts = english_articles(rng, articles, token_counter(bart), options.summary_tokens)
    documents = [
        parse(" ".join(sentences[i * per_article : (i + 1) * per_article]) + "\n")
        for i in range(articles)
    ]
    assert sum(len(d.sentences) for d in documents) == len(sentences), "workload must split back"
    ours = _Ours(options, documents, texts)
    torch_runtime = replace(options.runtime, engine="torch")
    int8 = replace(torch_runtime, dtype="int8")

    # Where our loop replays CUDA graphs, it also runs without them
    graphed = graphs.wanted(device) and options.runtime.cuda_graphs
    runs: list[Run] = []
    # Translation
    naive_sentences = options.naive_sentences or (len(sentences) if cpu else NAIVE_SENTENCES_GPU)
    if options.naive:
        sample = sentences[:naive_sentences]
        report(f"translation: naive, one sentence at a time ({len(sample)} sentences)")
        runs.append(hf_translate("naive", marian, sample, 1, options.beams, device))
    report(f"translation: pipeline-style, batches of {PIPELINE_BATCH} in input order, fp32")
    runs.append(hf_translate("pipeline", marian, sentences, PIPELINE_BATCH, options.beams, device))
    report("translation: ours")
    runs.append(ours.translate("ours", marian, torch_runtime))
    generate_drift = None
    if options.generate:
        report("translation: ours, with plain generate instead of our decoding loop")
        runs.append(ours.translate("ours-generate", marian, torch_runtime, own_loop=False))
        generate_drift = drift(runs[-2].outputs, runs[-1].outputs)
        if graphed:
            report("translation: ours, our decoding loop step by step (no CUDA graphs)")
            runs.append(ours.translate("ours-eager", marian, torch_runtime, graphs=False))
    int8_drift = None
    if options.int8 and cpu:
        report("translation: ours, int8 dynamic quantization")
        runs.append(ours.translate("ours-int8", marian, int8))
        reference = next(r for r in runs if r.engine == "ours")
        int8_drift = drift(reference.outputs, runs[-1].outputs)
    # Summarization
    report("summarization: pipeline-style")
    runs.append(hf_summarize(bart, texts, options.beams, options.summary_tokens, device))
    report("summarization: ours")
    runs.append(ours.summarize("ours", bart, torch_runtime))
    if options.generate:
        report("summarization: ours, with plain generate instead of our decoding loop")
        runs.append(ours.summarize("ours-generate", bart, torch_runtime, own_loop=False))
        if graphed:
            report("summarization: ours, our decoding loop step by step (no CUDA graphs)")
            runs.append(ours.summarize("ours-eager", bart, torch_runtime, graphs=False))
    if options.int8 and cpu:
        report("summarization: ours, int8 dynamic quantization")
        runs.append(ours.summarize("ours-int8", bart, int8))
    skipped = None
    if options.runtime.engine == "ctranslate2":
        try:
            runs.extend(
                ct2_runs(
                    ours,
                    marian,
                    bart,
                    options.beams,
                    options.summary_tokens,
                    options.runtime,
                    report,
                )
            )
        except TranslateError as exc:  # e.g. no CUDA build of ctranslate2 on a GPU machine
            skipped = str(exc)
            report(f"ctranslate2 rows skipped: {skipped}")

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
        "engine": options.runtime.engine,
        "dtype": options.runtime.dtype,
        "ctranslate2_skipped": skipped,
    }
    for run in runs:
        run.articles = articles
        if run.engine == "naive":  # the naive sample covers a share of the articles
            run.articles = articles * run.items / len(sentences)
    ratios = ratios_of(runs, articles) | ct2_ratios(runs)
    ct2_drift = ct2_int8_drift(runs)
    if ct2_drift is not None:
        ratios["ct2_int8_translation_drift"] = ct2_drift
    runs.extend(end_to_end(runs))
    return BenchResult(str(device), settings, runs, ratios, int8_drift, generate_drift)


class _Ours:
    """Our stages on the bench workload, one engine per run."""

    def __init__(self, options: BenchOptions, documents, texts: list[str]):
        self.options = options
        self.documents = documents
        self.texts = texts

    def translate(self, name: str, folder: Path, runtime, own_loop=True, graphs=None) -> Run:
        engine = _Counting(_engine(folder, runtime, own_loop, graphs))
        options = TranslationOptions(beams=self.options.beams, forced_length_ratio=LENGTH_RATIO)
        translator = Translator(engine, options)
        sentences = sum(len(d.sentences) for d in self.documents)
        with Measure("translation", name, sentences, torch.device(engine.device)) as measure:
            results = list(translator.translate_many(self.documents))
        measure.run.decoding = engine.decoding
        measure.run.output_tokens = engine.generated
        measure.run.outputs = [tuple(s.split()) for r in results for s in r.translation.sentences]
        return measure.run

    def summarize(self, name: str, folder: Path, runtime, own_loop=True, graphs=None) -> Run:
        engine = _Counting(_engine(folder, runtime, own_loop, graphs))
        tokens = self.options.summary_tokens
        summarizer = Summarizer(
            engine,
            SummaryOptions(
                min_tokens=tokens, max_tokens=tokens, beams=self.options.beams, own_summary_words=0
            ),
        )
        texts = self.texts
        with Measure("summarization", name, len(texts), torch.device(engine.device)) as measure:
            summaries = summarizer.summarize_many(texts)
        assert all(s.rounds == 1 for s in summaries), "bench articles must fit the window"
        measure.run.decoding = engine.decoding
        measure.run.output_tokens = engine.generated
        return measure.run


def _engine(folder: Path, runtime: RuntimeOptions, own_loop: bool, graphs: bool | None):
    spec = ModelSpec(str(folder), offline=True)
    if own_loop and graphs is None:
        return load_engine(spec, runtime)
    from translate.engines.torch import TorchEngine  # the A/B is about the torch engine's loop

    return TorchEngine(resolve_model(spec), runtime, own_loop=own_loop, graphs=graphs)


class _Counting:
    """An engine that counts the tokens the engine it wraps decodes."""

    def __init__(self, engine):
        self._engine = engine
        self.generated = 0

    def __getattr__(self, name):
        return getattr(self._engine, name)

    @property
    def decoding(self) -> str:
        if self._engine.name != "torch":
            return self._engine.name
        return self._engine.loop.describe() if self._engine.loop else "generate"

    def generate(self, batch: Sequence[Sequence[int]], settings: GenerationSettings):
        results: list[Generated] = self._engine.generate(batch, settings)
        self.generated += sum(len(r.token_ids) for r in results)
        return results
