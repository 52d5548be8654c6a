"""Summarizer: English text in, a summary out; chunked map-reduce for long texts."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from translate.config import (
    DEFAULT_SUMMARY_BATCH_TOKENS,
    SUMMARY_LENGTHS,
    SummaryOptions,
    batch_budget,
)
from translate.engines import Engine, GenerationSettings, engine_settings
from translate.errors import UsageError
from translate.findings import Finding
from translate.text import batching
from translate.text.fit import fit_to_limit
from translate.text.sentences import split_sentences

logger = logging.getLogger(__name__)

_FINISHED = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Summary:
    """A summary and how it was made.

    ``chunks`` is the number of window-sized chunks of the input (first round); ``rounds``
    the number of summarization passes (0 when the text is its own summary); ``findings``
    say when the text was its own summary or the rounds ran out (kind ``summary_note``).
    """

    text: str
    chunks: int
    rounds: int
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class _Bounds:
    min_tokens: int
    max_tokens: int


class Summarizer:
    """Summarizes English text with one loaded engine.

    Args:
        engine: the summarization model, loaded (see :func:`translate.engines.load.load_engine`).
        options: length policy, decoding overrides and batch budget.
    """

    def __init__(self, engine: Engine, options: SummaryOptions = SummaryOptions()):
        self.engine = engine
        self.options = options
        self.bounds = _bounds(engine.defaults.min_length, engine.defaults.max_length, options)
        self.batch_tokens = batch_budget(
            engine.device, DEFAULT_SUMMARY_BATCH_TOKENS, options.batch_tokens
        )

    def settings(self) -> dict:
        """What changes this stage's outputs (see :class:`translate.run.core.RunSettings`)."""
        options = self.options
        return engine_settings(self.engine) | {
            "min_tokens": self.bounds.min_tokens,
            "max_tokens": self.bounds.max_tokens,
            "beams": options.beams,
            "length_penalty": options.length_penalty,
            "no_repeat_ngram_size": options.no_repeat_ngram_size,
            "own_summary_words": options.own_summary_words,
            "max_rounds": options.max_rounds,
        }

    def summarize(self, text: str) -> Summary:
        """Summarizes one text."""
        return self.summarize_many([text])[0]

    def summarize_many(self, texts: Sequence[str]) -> list[Summary]:
        """Summarizes several texts, batching chunks of all of them together.

        Texts longer than the model's window are cut on sentence boundaries into chunks that
        fit, each chunk is summarized, and the joined partial summaries are summarized again
        while they are longer than the target length (map-reduce).
        """
        states = [_State(text, self) for text in texts]
        for _ in range(self.options.max_rounds):
            pending = [s for s in states if not s.done]
            if not pending:
                break
            chunks = [(s, ids) for s in pending for _, ids in s.next_round()]
            outputs = self._generate([ids for _, ids in chunks])
            for state in pending:
                state.finish_round(
                    [out for (s, _), out in zip(chunks, outputs, strict=True) if s is state]
                )
        return [s.result() for s in states]

    def count(self, text: str) -> int:
        return len(self.engine.encode([text.strip()])[0])

    def plan_chunks(self, sentences: Sequence[str]) -> list[tuple[list[str], list[int]]]:
        """Packs sentences, in order, into chunks that fit the model's window, each with the
        token ids of its joined text (tokenized once).

        A sentence longer than the window on its own is first cut to fit, so every input
        token lands in exactly one chunk.
        """
        window = self.engine.max_input_tokens
        pieces = [
            (piece, len(ids))
            for fitted in fit_to_limit(sentences, self.engine.encode, window)
            for piece, ids in zip(fitted.pieces, fitted.ids, strict=True)
        ]
        chunks: list[list[str]] = []
        current: list[str] = []
        size = 0
        for piece, count in pieces:
            # Per-piece counts include the special tokens once each: a safe over-estimate.
            if current and size + count > window:
                chunks.append(current)
                current, size = [], 0
            current.append(piece)
            size += count
        if current:
            chunks.append(current)
        return [fitted for chunk in chunks for fitted in self._fit(chunk)]

    def _fit(self, chunk: list[str]) -> list[tuple[list[str], list[int]]]:
        # Joining can tokenize differently at piece borders; halve any chunk that grew over.
        ids = self.engine.encode([" ".join(chunk)])[0]
        if len(chunk) == 1 or len(ids) <= self.engine.max_input_tokens:
            return [(chunk, ids)]
        middle = len(chunk) // 2
        return self._fit(chunk[:middle]) + self._fit(chunk[middle:])

    def _generate(self, rows: list[list[int]]) -> list[str]:
        outputs = [""] * len(rows)
        for batch in batching.plan([len(r) for r in rows], self.batch_tokens):
            shortest = min(len(rows[i]) for i in batch)
            longest = max(len(rows[i]) for i in batch)
            settings = GenerationSettings(
                # Never ask for more than the input holds, nor pad a short text out.
                min_new_tokens=min(self.bounds.min_tokens, shortest // 2),
                max_new_tokens=max(1, min(self.bounds.max_tokens, longest)),
                num_beams=self.options.beams,
                length_penalty=self.options.length_penalty,
                no_repeat_ngram_size=self.options.no_repeat_ngram_size,
            )
            results = self.engine.generate([rows[i] for i in batch], settings)
            for i, result in zip(batch, results, strict=True):
                outputs[i] = trim_unfinished(result.text)
        return outputs


class _State:
    """Map-reduce progress of one text."""

    def __init__(self, text: str, summarizer: Summarizer):
        self.summarizer = summarizer
        self.text = text.strip()
        self.sentences = _sentences(self.text)
        self.chunks = 0
        self.rounds = 0
        self.summary = ""
        self.findings: tuple[Finding, ...] = ()
        self.done = False
        words = len(self.text.split())
        if words < summarizer.options.own_summary_words:
            self.summary, self.done = self.text, True
            message = f"text has {words} words: returned as its own summary"
            self.findings = (Finding("summary_note", message, data={"words": words}),)
        self._current: list[tuple[list[str], list[int]]] = []

    def next_round(self) -> list[tuple[list[str], list[int]]]:
        self._current = self.summarizer.plan_chunks(self.sentences)
        if self.rounds == 0:
            self.chunks = len(self._current)
        return self._current

    def finish_round(self, outputs: list[str]) -> None:
        self.rounds += 1
        joined = " ".join(o for o in outputs if o)
        if len(self._current) == 1 or (
            self.summarizer.count(joined) <= self.summarizer.bounds.max_tokens
        ):
            self.summary, self.done = joined, True
            return
        self.sentences = _sentences(joined)
        if self.rounds >= self.summarizer.options.max_rounds:
            self.summary, self.done = joined, True
            message = f"stopped after {self.rounds} rounds; summary may be long"
            self.findings = (Finding("summary_note", message, data={"rounds": self.rounds}),)

    def result(self) -> Summary:
        return Summary(self.summary, self.chunks, self.rounds, self.findings)


def _sentences(text: str) -> list[str]:
    return [s for line in text.split("\n") if line.strip() for s in split_sentences(line.strip())]


def _bounds(checkpoint_min: int, checkpoint_max: int, options: SummaryOptions) -> _Bounds:
    if options.length not in SUMMARY_LENGTHS:
        raise UsageError(f"summary length must be one of {', '.join(SUMMARY_LENGTHS)}")
    scale = SUMMARY_LENGTHS[options.length]
    low = options.min_tokens if options.min_tokens is not None else int(checkpoint_min * scale)
    high = options.max_tokens if options.max_tokens is not None else int(checkpoint_max * scale)
    if high < 1 or low < 0 or low > high:
        raise UsageError(f"summary bounds must satisfy 0 <= min <= max, got {low}..{high}")
    return _Bounds(low, high)


def trim_unfinished(text: str) -> str:
    """Drops a trailing sentence that the length cap cut off mid-way.

    A text with no complete sentence at all is returned unchanged rather than emptied.
    """
    text = text.strip()
    if not text or _FINISHED.search(text):
        return text
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return text
    return " ".join(sentences[:-1])
