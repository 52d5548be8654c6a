"""Translator: Dutch documents in, English documents of the same shape out."""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from translate.checks.repetition import repeats
from translate.config import DEFAULT_BATCH_TOKENS, TranslationOptions, batch_budget
from translate.engines import Engine, Generated, GenerationSettings, engine_settings
from translate.findings import Finding
from translate.glossary import terms_in
from translate.stages.results import Given, TranslationResult, reassemble, with_memory
from translate.text import batching
from translate.text.addresses import addresses
from translate.text.document import Document
from translate.text.fit import fit_to_limit
from translate.text.language import reads_as_english

logger = logging.getLogger(__name__)

# The kinds of findings this stage produces
KINDS = ("split", "capped", "repaired", "english")
# The repetition guard of a runaway row's second decode
REPAIR_NO_REPEAT_NGRAM, REPAIR_REPETITION_PENALTY = 3, 1.2
# Sentences encoded ahead per lock hold (the decoding thread encodes too), and how many
# windows' worth of them are kept
_AHEAD_CHUNK, _AHEAD_WINDOWS = 256, 3


class Translator:
    """Translates documents with one loaded engine.

    Args:
        engine: the translation model, loaded (see :func:`translate.engines.load.load_engine`).
        options: beams, batch budget, length cap and glossary.
        constrainer: the engine that decodes rows holding glossary terms, for an ``engine``
            that cannot enforce them (the same checkpoint on torch); ``engine`` itself where
            ``None``.
    """

    def __init__(
        self,
        engine: Engine,
        options: TranslationOptions = TranslationOptions(),
        constrainer: Engine | None = None,
    ):
        self.engine = engine
        self.options = options
        # rows holding glossary terms go to an engine that enforces them, where there is one
        self.constrainer = constrainer or engine
        fits = engine.token_budget(options.beams) if options.batch_tokens is None else None
        self.batch_tokens = batch_budget(
            engine.device, DEFAULT_BATCH_TOKENS, options.batch_tokens, fits
        )
        # A window holds enough sentences to fill the batches of a budget sized to free
        # memory (a large GPU's)
        self.window_segments = options.window_segments
        if fits and self.batch_tokens == fits:
            self.window_segments = max(options.window_segments, fits // 16)
        # Token ids made ahead of their window (:meth:`pretokenize`), by sentence
        self._ahead: dict[str, list[int]] = {}
        self._ahead_lock = threading.Lock()

    def pretokenize(self, documents: Iterable[Document]) -> None:
        """Encodes the documents' sentences before their window is translated, so that
        :meth:`translate_many` finds their token ids made. Thread-safe: the batch job calls
        it from its reading thread while the model decodes the window before. Keeps the ids
        of the last few windows' sentences at most."""
        sentences = list(dict.fromkeys(s for d in documents for s in d.sentences))
        for first in range(0, len(sentences), _AHEAD_CHUNK):
            chunk = sentences[first : first + _AHEAD_CHUNK]
            made = self.engine.encode(chunk)
            with self._ahead_lock:
                self._ahead.update(zip(chunk, made, strict=True))
                while len(self._ahead) > _AHEAD_WINDOWS * self.window_segments:
                    del self._ahead[next(iter(self._ahead))]

    def _encode(self, texts: list[str]) -> list[list[int]]:
        """Token ids of ``texts``: those made ahead, the rest by the engine now."""
        with self._ahead_lock:
            found = [self._ahead.get(text) for text in texts]
        missing = [text for text, ids in zip(texts, found, strict=True) if ids is None]
        made = iter(self.engine.encode(missing))
        return [ids if ids is not None else next(made) for ids in found]

    def translate(self, document: Document) -> TranslationResult:
        """Translates one document."""
        return next(self.translate_many([document]))

    def translate_many(
        self,
        documents: Iterable[Document],
        progress: Callable[..., None] | None = None,
        known: Iterable[dict] | None = None,
    ) -> Iterator[TranslationResult]:
        """Translates documents, batching sentences across neighbouring documents.

        This is a generator: documents are read from ``documents`` a window at a time
        (``options.window_segments`` sentences) and their results are yielded in input order
        as each window finishes, so memory stays flat on any number of documents.

        Args:
            documents: parsed Dutch documents.
            progress: called as ``progress(0, total)`` when a window's segments are known,
                then with the number of segments finished after every batch.
            known: per document, sentences already translated (a translation memory's
                entries by sentence index: ``translation``, ``score``, ``findings``,
                ``retry``); they are not sent to the model.
        """
        windows = batching.Windows(self.window_segments)
        remembered = iter(known) if known is not None else None
        for document in documents:
            entries = next(remembered) if remembered is not None else {}
            full = windows.add((document, entries or {}), len(document.sentences))
            if full:
                yield from self._translate_window(full, progress)
        rest = windows.rest()
        if rest:
            yield from self._translate_window(rest, progress)

    def _translate_window(
        self, window: list[tuple[Document, dict]], progress: Callable[..., None] | None
    ) -> list[TranslationResult]:
        documents = [document for document, _ in window]
        known = [entries for _, entries in window]
        english = [self._english(document, entries) for document, entries in window]
        limit = self.engine.max_input_tokens
        findings: list[list[Finding]] = [[] for _ in documents]
        rows: list[list[int]] = []
        pieces: list[str] = []
        owners: list[tuple[int, int]] = []

        # Segmentation: over-long sentences are cut into pieces that fit, never truncated;
        # sentences the memory knows are not sent at all
        for d, document in enumerate(documents):
            todo = [
                s
                for s in range(len(document.sentences))
                if s not in known[d] and s not in english[d]
            ]
            fitted_all = fit_to_limit([document.sentences[s] for s in todo], self._encode, limit)
            for s, fitted in zip(todo, fitted_all, strict=True):
                if fitted.cut:
                    message = (
                        f"sentence {s + 1} has {fitted.tokens} tokens, over the model's "
                        f"{limit}-token limit: translated in {len(fitted.pieces)} pieces"
                    )
                    data = {"tokens": fitted.tokens, "pieces": len(fitted.pieces)}
                    findings[d].append(Finding("split", message, s, data))
                rows.extend(fitted.ids)
                pieces.extend(fitted.pieces)
                owners.extend([(d, s)] * len(fitted.ids))

        # Duplicates: identical segments (whitespace aside) are decoded once and shared
        first: dict[str, int] = {}
        leader = [first.setdefault(" ".join(piece.split()), i) for i, piece in enumerate(pieces)]
        unique = [i for i, lead in enumerate(leader) if lead == i]

        # Batching and generation; a glossary's terms become each row's constraints
        terms = [self._terms(piece) for piece in pieces]
        if progress is not None:
            progress(0, len(unique))  # this window's total, for a count and an ETA
        outputs: list[Generated | None] = [None] * len(rows)
        caps: list[int] = [0] * len(rows)
        for i, result, cap in self._decode(rows, terms, unique, progress):
            outputs[i], caps[i] = result, cap

        # Repair: runaway rows decoded once more, together, with a repetition guard
        retries: dict[int, tuple[Generated, bool]] = {}
        if not self._forced and self.options.repair:
            runaway = [
                i for i in unique if outputs[i].hit_cap or _runaway(pieces[i], outputs[i].text)
            ]
            retries = self._retry(rows, pieces, terms, outputs, runaway)
        for i, lead in enumerate(leader):
            if lead != i:
                outputs[i], caps[i] = outputs[lead], caps[lead]
                if lead in retries:
                    retries[i] = retries[lead]
        for i, result in enumerate(outputs):
            finding, outputs[i] = _settle(result, retries.get(i), owners[i][1], caps[i])
            if finding is not None and (finding.kind == "repaired" or not self._forced):
                findings[owners[i][0]].append(finding)

        # Reassembly: pieces of one sentence are joined, then put back into the structure
        results = reassemble(documents, owners, outputs, findings, retries)
        shared = [0] * len(documents)
        for i, lead in enumerate(leader):
            shared[owners[i][0]] += lead != i
        return [
            with_memory(replace(r, segments=r.segments - n, duplicates=n), entries, kept)
            for r, n, entries, kept in zip(results, shared, known, english, strict=True)
        ]

    def _english(self, document: Document, known: dict) -> dict[int, Given]:
        """The sentences of ``document`` that are English already, kept as they are."""
        if not self.options.keep_english:
            return {}
        kept = {}
        for s, sentence in enumerate(document.sentences):
            if s not in known and reads_as_english(sentence):
                message = f"sentence {s + 1} is in English already: kept as it is"
                kept[s] = Given(sentence, ({"kind": "english", "message": message},))
        return kept

    @property
    def _forced(self) -> bool:
        return self.options.forced_length_ratio is not None

    def _decode(
        self,
        rows: list[list[int]],
        terms: list[tuple[str, ...]],
        chosen: list[int],
        progress: Callable[..., None] | None = None,
        **overrides,
    ) -> Iterator[tuple[int, Generated, int]]:
        """Rows ``chosen`` decoded in planned batches, as ``(row, result, cap)``: rows without
        terms exactly as without a glossary, rows with terms batched together and sent to
        the engine that enforces them (``settings`` overridden by ``overrides``)."""
        plain = [i for i in chosen if not terms[i]]
        held = [i for i in chosen if terms[i]]
        for group, engine in ((plain, self.engine), (held, self.constrainer)):
            for planned in batching.plan([len(rows[i]) for i in group], self.batch_tokens):
                batch = [group[j] for j in planned]
                settings = replace(self._settings([len(rows[i]) for i in batch]), **overrides)
                if group is held:
                    settings = replace(settings, row_terms=tuple(terms[i] for i in batch))
                results = engine.generate([rows[i] for i in batch], settings)
                yield from zip(batch, results, settings.caps(len(batch)), strict=True)
                if progress is not None:
                    progress(len(batch))

    def _terms(self, piece: str) -> tuple[str, ...]:
        """The English terms a row's translation must hold: a glossary's, and the web and
        e-mail addresses it holds, as written (where the engine can enforce them)."""
        # an address with a character the model cannot write is left to the model (forced,
        # it would come out without it); the names check still looks for it
        spells = getattr(self.constrainer, "spells", None) if self.constrainer.constrains else None
        terms = tuple(a for a in addresses(piece) if spells(a)) if spells else ()
        if self.options.glossary is not None:
            terms = (*(t.english for t in terms_in(self.options.glossary, piece)), *terms)
        return tuple(dict.fromkeys(terms))

    def _retry(
        self,
        rows: list[list[int]],
        pieces: list[str],
        terms: list[tuple[str, ...]],
        outputs: list[Generated],
        runaway: list[int],
    ) -> dict[int, tuple[Generated, bool]]:
        """Each runaway row decoded again with no repeated 3-grams and a repetition penalty,
        all in the same batches; with whether the retry is kept (it passes: no cap, no loop;
        and it is shorter)."""
        retries: dict[int, tuple[Generated, bool]] = {}
        guard = {
            "no_repeat_ngram_size": REPAIR_NO_REPEAT_NGRAM,
            "repetition_penalty": REPAIR_REPETITION_PENALTY,
        }
        for i, retry, _ in self._decode(rows, terms, runaway, **guard):
            passes = not retry.hit_cap and not _runaway(pieces[i], retry.text)
            retries[i] = (retry, passes and retry.tokens < outputs[i].tokens)
        return retries

    def settings(self) -> dict:
        """What changes this stage's outputs (see :class:`translate.run.core.RunSettings`)."""
        options = self.options
        glossary = options.glossary
        return (
            engine_settings(self.engine)
            | {
                "beams": options.beams,
                "length_ratio": options.length_ratio,
                "length_slack": options.length_slack,
            }
            | ({"glossary": glossary.digest} if glossary is not None else {})
            | ({} if options.keep_english else {"keep_english": False})
        )

    def _settings(self, lengths: list[int]) -> GenerationSettings:
        """One batch's settings: each row capped by its own source length, so that it
        decodes as it would alone (benchmarks force one length on the whole batch)."""
        forced = self.options.forced_length_ratio
        if forced is not None:
            steps = math.ceil(forced * max(lengths))
            return GenerationSettings(steps, steps, self.options.beams)
        caps = tuple(self._cap(n) for n in lengths)
        return GenerationSettings(
            max_new_tokens=max(caps), num_beams=self.options.beams, row_caps=caps
        )

    def _cap(self, source_tokens: int) -> int:
        cap = math.ceil(self.options.length_ratio * source_tokens + self.options.length_slack)
        return min(cap, self.engine.defaults.max_length)


def _settle(
    result: Generated, retry: tuple[Generated, bool] | None, sentence: int, cap: int
) -> tuple[Finding | None, Generated]:
    """A row's final output, and its ``repaired`` or ``capped`` finding, if any."""
    second, kept = retry or (None, False)
    if kept:
        message = (
            f"sentence {sentence + 1}: runaway output decoded again with a repetition guard; "
            "the repair is kept"
        )
        data = {"first_score": result.score, "score": second.score}
        return Finding("repaired", message, sentence, data), second
    if result.hit_cap:
        message = (
            f"sentence {sentence + 1}: output stopped at the {cap}-token cap (likely a "
            "repetition loop)"
        )
        data = {"cap": cap} | ({"retry_score": second.score} if second else {})
        return Finding("capped", message, sentence, data), result
    return None, result


def _runaway(source: str, translation: str) -> bool:
    """Whether a translation loops where its source does not."""
    return repeats(translation) is not None and repeats(source) is None
