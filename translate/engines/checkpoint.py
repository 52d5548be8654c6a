"""What every engine reads from a Hugging Face checkpoint, and how it reports results."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from translate.engines import CheckpointDefaults, Generated

# One encoding at a time: the batch job tokenizes the next window in a thread, and a Marian
# tokenizer switches between its source and target vocabularies for ``encode_targets``
_ENCODING = threading.Lock()


class HFTokenized:
    """What engines over a Hugging Face checkpoint share: its own tokenizer (``self.tokenizer``)
    and the resolved model's identity (``self._resolved``)."""

    @property
    def identity(self) -> str:
        return self._resolved.identity

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        if not texts:
            return []
        with _ENCODING:
            return self.tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]

    def encode_targets(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of target-language texts (the end token included), for scoring."""
        if not texts:
            return []
        with _ENCODING:
            encoded = self.tokenizer(text_target=list(texts), truncation=False, verbose=False)
        return encoded["input_ids"]


def input_limit(config, tokenizer) -> int:
    """The most input tokens the model takes: its position embeddings and the tokenizer's
    own maximum, whichever is smaller."""
    return min(
        getattr(config, "max_position_embeddings", 512) or 512,
        tokenizer.model_max_length or 512,
    )


def defaults_of(generation, max_input_tokens: int) -> CheckpointDefaults:
    """The decoding settings the checkpoint ships in its generation config."""
    return CheckpointDefaults(
        num_beams=generation.num_beams or 1,
        min_length=generation.min_length or 0,
        max_length=generation.max_length or max_input_tokens,
        length_penalty=generation.length_penalty or 1.0,
        no_repeat_ngram_size=generation.no_repeat_ngram_size or 0,
    )


def eos_ids(generation) -> set[int]:
    eos = generation.eos_token_id
    return set(eos) if isinstance(eos, list) else {eos}


@dataclass(frozen=True)
class Scores:
    """What a search returned about each row's probability, for :func:`results_of`.

    Args:
        values: per row, the search's score.
        length_penalty: ``values`` are summed log-probabilities divided by the generated
            length to this power (beam search's ranking score); 0 means plain sums.
        forced_bos: the checkpoint forces the first token (it does not count).
        forced_eos: the checkpoint forces the end token at the cap (it does not count).
    """

    values: Sequence[float]
    length_penalty: float = 0.0
    forced_bos: bool = False
    forced_eos: bool = False

    def mean(self, i: int, steps: int, hit_cap: bool, ended: bool) -> float | None:
        """Row ``i``'s mean log-probability per chosen token, over its ``steps`` tokens."""
        total = self.values[i] * steps**self.length_penalty
        chosen = steps - self.forced_bos - (self.forced_eos and hit_cap and ended)
        return total / chosen if chosen > 0 else None


def by_cap(generate, batch: Sequence[Sequence[int]], settings) -> list[Generated]:
    """``generate(rows, settings)`` called once per distinct row cap (for a backend that
    takes one decoding limit per call), the results back in the batch's order."""
    return in_groups(generate, batch, settings.by_cap(len(batch)))


def in_groups(generate, batch: Sequence[Sequence[int]], groups) -> list[Generated]:
    """``generate(rows, settings)`` called once per group ``(row indices, settings)``, the
    results back in the batch's order."""
    results: list[Generated | None] = [None] * len(batch)
    for indices, group in groups:
        for i, result in zip(indices, generate([batch[i] for i in indices], group), strict=True):
            results[i] = result
    return results


def results_of(
    rows: Sequence[Sequence[int]],
    texts: Sequence[str],
    eos: set[int],
    caps: Sequence[int],
    scores: Scores | None = None,
) -> list[Generated]:
    """Generated rows (without the decoder start token) as :class:`Generated`: each cut at
    its cap (``caps``, one per row) and after its first end token, with its length, whether
    the cap stopped it and its score."""
    results = []
    for i, (row, text) in enumerate(zip(rows, texts, strict=True)):
        max_new_tokens = caps[i]
        row = row[:max_new_tokens]
        ends = [j for j, token in enumerate(row) if token in eos]
        ended = bool(ends)
        steps = ends[0] + 1 if ended else len(row)
        # Forced-EOS checkpoints put EOS on the last step, so a row that used every step
        # was cut by the cap either way.
        hit_cap = steps >= max_new_tokens
        score = scores.mean(i, steps, hit_cap, ended) if scores is not None else None
        results.append(Generated(text.strip(), steps - ended, hit_cap, tuple(row[:steps]), score))
    return results
