"""How often summaries keep the glossary's terms: the batch pipeline over inbox/ with the
tiny random-weight models and a glossary of the house-style terms plus the names these
articles hold, summed over the articles whose summary the model wrote. Random weights
make the summaries nonsense, so this measures the mechanism (terms the translation holds,
kept as they are, restored from a near form), not a real summarizer's habits.

    python benchmarks/glossary_summaries.py [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate import formats  # noqa: E402
from translate.config import ModelSpec, SummaryOptions, TranslationOptions  # noqa: E402
from translate.glossary import read_glossary  # noqa: E402
from translate.run.build import PipelineSpec, build_pipeline  # noqa: E402
from translate.run.core import Article  # noqa: E402
from translate.testing.tinymodels import build_bart, build_marian  # noqa: E402

NAMES = ["Utrecht", "Nederland", "Mulder", "Verbeek", "Jeroen Smit", "Overvecht", "Vecht"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        marian, bart = build_marian(folder / "marian"), build_bart(folder / "bart")
        path = folder / "glossary.tsv"
        house = (ROOT / "tests" / "data" / "huisstijl.tsv").read_text(encoding="utf-8")
        path.write_text(house + "\n".join(NAMES) + "\n", encoding="utf-8")
        spec = PipelineSpec(
            ModelSpec(str(marian)),
            ModelSpec(str(bart)),
            translation_options=TranslationOptions(beams=1, glossary=read_glossary(path)),
            summary_options=SummaryOptions(min_tokens=4, max_tokens=24),
            language_check="nl",
        )
        pipeline = build_pipeline(spec)
        articles = []
        for source in sorted((ROOT / "inbox").rglob("*")):
            if source.is_file():
                fmt = formats.format_for(source)
                read = formats.read_source(source, fmt=fmt)
                name = str(source.relative_to(ROOT))
                articles.append(Article(name, read.text, fmt.name, data=read.data))
        totals = {"articles": 0, "terms": 0, "kept": 0, "restored": 0, "realized": 0}
        for result in pipeline.process(articles):
            glossary = result.record.glossary or {}
            totals["realized"] += sum(a["realized"] for a in glossary.get("applied", []))
            counts = glossary.get("summary")
            if counts:
                totals["articles"] += 1
                for key in ("terms", "kept", "restored"):
                    totals[key] += counts[key]
    print(json.dumps(totals, indent=2))
    if args.json:
        args.json.write_text(json.dumps(totals, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
