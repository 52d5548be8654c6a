"""What a glossary costs: matching 200 terms against 10,000 sentences, and the translator
with a 200-term glossary against none, on sentences without terms (which must decode as
fast as before) and on sentences holding one or two terms (decoded by the constrained
search). Default-shaped random-weight Marian (opus-mt-nl-en's shape), torch engine; every
configuration twice, alternating, in one process.

    python benchmarks/glossary_speed.py [--sentences 48] [--beams 4] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate.bench.workload import bench_models, dutch_sentences, token_counter  # noqa: E402
from translate.config import ModelSpec, TranslationOptions  # noqa: E402
from translate.engines.load import load_engine  # noqa: E402
from translate.glossary import read_glossary, terms_in  # noqa: E402
from translate.stages.translation import Translator  # noqa: E402
from translate.testing.samples import DUTCH_SAMPLE, ENGLISH_SAMPLE  # noqa: E402
from translate.text.document import parse  # noqa: E402

HOUSE = [
    ("Tweede Kamer", "House of Representatives"),
    ("minister-president", "Prime Minister"),
    ("Kamerlid", "MP"),
    ("gemeenteraad", "city council"),
    ("GroenLinks", None),
    ("VVD", None),
]


def glossary_file(rng: random.Random, folder: Path, size: int = 200) -> Path:
    """A house-style glossary padded to ``size`` terms: hyphenated Dutch compounds (which
    random sentences never hold by chance), English of one to three words, one in ten kept."""
    dutch = sorted({w.strip(".,'?:").lower() for line in DUTCH_SAMPLE for w in line.split()})
    dutch = [w for w in dutch if w.isalpha() and len(w) > 3]
    english = sorted({w.strip(".,'?:") for line in ENGLISH_SAMPLE for w in line.split()})
    english = [w for w in english if w.isalpha()]
    entries, seen = list(HOUSE), {d for d, _ in HOUSE}
    while len(entries) < size:
        term = f"{rng.choice(dutch)}-{rng.choice(dutch)}"
        if term in seen:
            continue
        seen.add(term)
        keep = rng.random() < 0.1
        entries.append((term, None if keep else " ".join(rng.sample(english, rng.randint(1, 3)))))
    path = folder / "glossary.tsv"
    lines = [d if e is None else f"{d}\t{e}" for d, e in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def with_terms(rng: random.Random, sentences: list[str], terms: list[str]) -> list[str]:
    """Each sentence with one or two glossary terms put in at random places."""
    out = []
    for sentence in sentences:
        words = sentence.rstrip(".").split()
        for term in rng.sample(terms, rng.randint(1, 2)):
            words.insert(rng.randrange(1, len(words) + 1), term)
        out.append(" ".join(words) + ".")
    return out


def timed(translator: Translator, sentences: list[str]) -> float:
    document = parse("\n\n".join(sentences) + "\n")
    started = time.perf_counter()
    translator.translate(document)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sentences", type=int, default=48)
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rng = random.Random(0)
    marian, _ = bench_models(False, ROOT / ".bench-models", lambda _: None)
    count = token_counter(marian)
    with tempfile.TemporaryDirectory() as folder:
        glossary = read_glossary(glossary_file(rng, Path(folder)))

    # Matching
    many = dutch_sentences(random.Random(1), 10_000, count)
    many = with_terms(rng, many[:2_000], [e.dutch for e in glossary.entries]) + many[2_000:]
    started = time.perf_counter()
    found = sum(len(terms_in(glossary, s)) for s in many)
    matching = time.perf_counter() - started

    # Decoding
    plain = dutch_sentences(random.Random(2), 2 * args.sentences, count)
    plain = [s for s in plain if not terms_in(glossary, s)][: args.sentences]
    held = with_terms(
        rng,
        dutch_sentences(random.Random(3), args.sentences, count),
        [
            e.dutch
            for e in glossary.entries[6:]  # terms the tiny vocabulary spells
        ],
    )
    engine = load_engine(ModelSpec(str(marian)))
    without = Translator(engine, TranslationOptions(beams=args.beams, repair=False))
    withg = Translator(engine, TranslationOptions(args.beams, repair=False, glossary=glossary))
    timed(without, plain[:4])  # warm-up
    runs: dict[str, list[float]] = {}
    for _ in range(2):
        for name, translator, sentences in (
            ("no terms, no glossary", without, plain),
            ("no terms, 200-term glossary", withg, plain),
            ("1-2 terms, no glossary", without, held),
            ("1-2 terms, 200-term glossary (constrained)", withg, held),
        ):
            runs.setdefault(name, []).append(round(timed(translator, sentences), 2))
    best = {name: min(times) for name, times in runs.items()}
    keys = list(best)
    result = {
        "matching": {
            "terms": len(glossary.entries),
            "sentences": len(many),
            "found": found,
            "seconds": round(matching, 3),
        },
        "decoding": {
            "sentences": args.sentences,
            "beams": args.beams,
            "seconds": runs,
            "sentences_per_s": {n: round(args.sentences / s, 2) for n, s in best.items()},
            "no_terms_glossary_vs_none": round(best[keys[1]] / best[keys[0]], 3),
            "with_terms_constrained_vs_unconstrained": round(best[keys[3]] / best[keys[2]], 3),
        },
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
