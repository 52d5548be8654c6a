"""What every engine reads from a Hugging Face checkpoint, and how it reports results."""

from __future__ import annotations

from collections.abc import Sequence

from translate.engines import CheckpointDefaults, Generated


class HFTokenized:
    """What engines over a Hugging Face checkpoint share: its own tokenizer (``self.tokenizer``)
    and the resolved model's identity (``self._resolved``)."""

    @property
    def identity(self) -> str:
        return self._resolved.identity

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        if not texts:
            return []
        return self.tokenizer(list(texts), truncation=False, verbose=False)["input_ids"]


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


def results_of(
    rows: Sequence[Sequence[int]], texts: Sequence[str], eos: set[int], max_new_tokens: int
) -> list[Generated]:
    """Generated rows (without the decoder start token) as :class:`Generated`: each cut after
    its first end token, with its length and whether the length cap stopped it."""
    results = []
    for row, text in zip(rows, texts, strict=True):
        ends = [i for i, token in enumerate(row) if token in eos]
        ended = bool(ends)
        steps = ends[0] + 1 if ended else len(row)
        # Forced-EOS checkpoints put EOS on the last step, so a row that used every step
        # was cut by the cap either way.
        results.append(
            Generated(text.strip(), steps - ended, steps >= max_new_tokens, tuple(row[:steps]))
        )
    return results
