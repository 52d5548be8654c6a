"""What per-sentence output caps cost: the translator on the same sentences with each row
capped by its own length (rows of one cap batched together for CTranslate2, which takes one
limit per call; retired at their own cap by our torch loop) against the old rule (one cap,
the batch's longest). Random weights run every row to its cap, so the figure to compare is
decoded tokens per second; the sentences' translations are shorter under per-row caps.

    python benchmarks/row_caps.py [--sentences 96] [--beams 4]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.bench.workload import bench_models, dutch_sentences, token_counter  # noqa: E402
from translate.config import ModelSpec, RuntimeOptions, TranslationOptions  # noqa: E402
from translate.engines.load import load_engine  # noqa: E402
from translate.stages.translation import Translator  # noqa: E402
from translate.text.document import parse  # noqa: E402


class OneCap(Translator):
    """The rule before: every row of a batch gets the cap of its longest source."""

    def _settings(self, lengths):
        settings = super()._settings(lengths)
        return replace(settings, row_caps=None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=96)
    parser.add_argument("--beams", type=int, default=4)
    args = parser.parse_args()
    marian, _ = bench_models(False, ROOT / ".bench-models", lambda _: None)
    sentences = dutch_sentences(random.Random(0), args.sentences, token_counter(marian))
    document = parse("\n\n".join(sentences) + "\n")
    options = TranslationOptions(beams=args.beams, repair=False)
    results = {}
    for engine_name in ("torch", "ctranslate2"):
        engine = load_engine(ModelSpec(str(marian)), RuntimeOptions(engine=engine_name))
        for name, kind in (("own caps", Translator), ("one cap", OneCap)):
            translator = kind(engine, options)
            started = time.perf_counter()
            out = translator.translate(document)
            seconds = time.perf_counter() - started
            tokens = sum(len(engine.encode([s])[0]) for s in out.translation.sentences)
            results[f"{engine_name}, {name}"] = {
                "seconds": round(seconds, 2),
                "output_tokens": tokens,
                "tokens_per_s": round(tokens / seconds, 1),
                "sentences_per_s": round(len(sentences) / seconds, 2),
            }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
