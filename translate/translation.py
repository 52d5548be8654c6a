"""Translator: Dutch documents in, English documents of the same shape out."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from translate import batching
from translate.config import (
    DEFAULT_BATCH_TOKENS,
    DEFAULT_TRANSLATION_MODEL,
    ModelSpec,
    RuntimeOptions,
    TranslationOptions,
)
from translate.documents import Document, split_to_fit
from translate.engines import Engine, GenerationSettings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TranslationResult:
    """One translated document.

    ``segments`` counts the rows sent to the model (a sentence over the input limit counts
    once per piece); ``warnings`` name sentences that were split or hit the length cap.
    """

    source: Document
    translation: Document
    segments: int
    warnings: tuple[str, ...] = field(default=())


class Translator:
    """Translates documents with one model loaded once.

    Args:
        model: which checkpoint to load, or an already built engine.
        runtime: device and dtype.
        options: beams, batch budget and length cap.
    """

    def __init__(
        self,
        model: ModelSpec | Engine = ModelSpec(DEFAULT_TRANSLATION_MODEL),
        runtime: RuntimeOptions = RuntimeOptions(),
        options: TranslationOptions = TranslationOptions(),
    ):
        if isinstance(model, ModelSpec):
            from translate.engines.torch import load_engine

            model = load_engine(model, runtime)
        self.engine = model
        self.options = options
        self.batch_tokens = options.batch_tokens or DEFAULT_BATCH_TOKENS.get(
            model.device.split(":")[0], DEFAULT_BATCH_TOKENS["cpu"]
        )

    def translate(self, document: Document) -> TranslationResult:
        """Translates one document."""
        return next(self.translate_many([document]))

    def translate_many(
        self,
        documents: Iterable[Document],
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[TranslationResult]:
        """Translates documents, batching sentences across neighbouring documents.

        This is a generator: documents are read from ``documents`` a window at a time
        (``options.window_segments`` sentences) and their results are yielded in input order
        as each window finishes, so memory stays flat on any number of documents.

        Args:
            documents: parsed Dutch documents.
            progress: called with the number of segments finished after every batch.
        """
        window: list[Document] = []
        size = 0
        for document in documents:
            window.append(document)
            size += len(document.sentences)
            if size >= self.options.window_segments:
                yield from self._translate_window(window, progress)
                window, size = [], 0
        if window:
            yield from self._translate_window(window, progress)

    def _translate_window(
        self, documents: list[Document], progress: Callable[[int], None] | None
    ) -> list[TranslationResult]:
        limit = self.engine.max_input_tokens
        warnings: list[list[str]] = [[] for _ in documents]
        rows: list[list[int]] = []
        owners: list[tuple[int, int]] = []

        # Segmentation: over-long sentences are cut into pieces that fit, never truncated
        for d, document in enumerate(documents):
            sentences = document.sentences
            for s, (text, ids) in enumerate(
                zip(sentences, self.engine.encode(sentences), strict=True)
            ):
                if len(ids) <= limit:
                    rows.append(ids)
                    owners.append((d, s))
                    continue
                pieces = [p.strip() for p in split_to_fit(text, self._count, limit)]
                pieces = [p for p in pieces if p]
                warnings[d].append(
                    f"sentence {s + 1} has {len(ids)} tokens, over the model's {limit}-token "
                    f"limit: translated in {len(pieces)} pieces"
                )
                rows.extend(self.engine.encode(pieces))
                owners.extend([(d, s)] * len(pieces))

        # Batching and generation
        outputs: list[str] = [""] * len(rows)
        capped: list[tuple[int, int]] = []
        for batch in batching.plan([len(r) for r in rows], self.batch_tokens):
            settings = self._settings(max(len(rows[i]) for i in batch))
            results = self.engine.generate([rows[i] for i in batch], settings)
            for i, result in zip(batch, results, strict=True):
                outputs[i] = result.text
                if result.hit_cap and self.options.forced_length_ratio is None:
                    capped.append((i, settings.max_new_tokens))
            if progress is not None:
                progress(len(batch))
        for i, cap in sorted(capped):
            d, s = owners[i]
            warnings[d].append(
                f"sentence {s + 1}: output stopped at the {cap}-token cap (likely a repetition "
                "loop)"
            )

        # Reassembly: pieces of one sentence are joined, then put back into the structure
        translated: list[list[list[str]]] = [
            [[] for _ in document.sentences] for document in documents
        ]
        for (d, s), text in zip(owners, outputs, strict=True):
            translated[d][s].append(text)
        results = []
        for d, document in enumerate(documents):
            english = [" ".join(p for p in parts if p) for parts in translated[d]]
            results.append(
                TranslationResult(
                    source=document,
                    translation=document.with_sentences(english),
                    segments=sum(1 for owner in owners if owner[0] == d),
                    warnings=tuple(warnings[d]),
                )
            )
        return results

    def _count(self, text: str) -> int:
        return len(self.engine.encode([text.strip()])[0])

    def _settings(self, longest: int) -> GenerationSettings:
        forced = self.options.forced_length_ratio
        if forced is not None:
            steps = math.ceil(forced * longest)
            return GenerationSettings(steps, steps, self.options.beams)
        return GenerationSettings(max_new_tokens=self._cap(longest), num_beams=self.options.beams)

    def _cap(self, source_tokens: int) -> int:
        cap = math.ceil(self.options.length_ratio * source_tokens + self.options.length_slack)
        return min(cap, self.engine.defaults.max_length)
