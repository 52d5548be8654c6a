"""Generation engines: token ids in, texts out.

One small interface so the translator and summarizer never see torch, and a fake (an echo
engine in the tests) or another backend can stand in. A new engine is one module here with a
``load(model, runtime)`` that returns an :class:`Engine`, plus its name in ``config.ENGINES``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol


@dataclass(frozen=True)
class GenerationSettings:
    """Decoding settings for one batch; ``None`` keeps the checkpoint's own value.

    ``row_caps`` gives each row its own limit of new tokens (each at most
    ``max_new_tokens``), so a row decodes as it would alone, whatever its neighbours;
    ``None``: every row has ``max_new_tokens``. ``row_terms`` gives each row the English
    phrases its output must hold (a glossary's terms); an engine that ``constrains`` enforces
    them while decoding, another decodes as without them (the caller checks the output)."""

    max_new_tokens: int
    min_new_tokens: int | None = None
    num_beams: int | None = None
    length_penalty: float | None = None
    no_repeat_ngram_size: int | None = None
    repetition_penalty: float | None = None
    row_caps: tuple[int, ...] | None = None
    row_terms: tuple[tuple[str, ...], ...] | None = None

    def caps(self, rows: int) -> list[int]:
        """Each of ``rows`` rows' limit of new tokens."""
        return list(self.row_caps) if self.row_caps is not None else [self.max_new_tokens] * rows

    def rows(self, start: int, end: int) -> GenerationSettings:
        """These settings for rows ``start:end`` of the batch."""
        terms = self.row_terms[start:end] if self.row_terms is not None else None
        if self.row_caps is None:
            return replace(self, row_terms=terms)
        caps = self.row_caps[start:end]
        return replace(self, max_new_tokens=max(caps), row_caps=caps, row_terms=terms)

    def by_terms(self, rows: int) -> list[tuple[list[int], GenerationSettings]]:
        """The batch's rows with glossary terms and those without, each group with its own
        settings (the second without terms): rows without terms decode as they would
        without a glossary."""
        held = [bool(t) for t in self.row_terms or [()] * rows]
        caps = self.caps(rows)
        groups = []
        for flag in (True, False):
            indices = [i for i, h in enumerate(held) if h == flag]
            if indices:
                group = replace(
                    self,
                    max_new_tokens=max(caps[i] for i in indices),
                    row_caps=tuple(caps[i] for i in indices) if self.row_caps else None,
                    row_terms=tuple(self.row_terms[i] for i in indices) if flag else None,
                )
                groups.append((indices, group))
        return groups

    def by_cap(self, rows: int) -> list[tuple[list[int], GenerationSettings]]:
        """The batch's rows grouped by their cap, each group with settings of one cap: for
        an engine that takes one limit per call."""
        groups: dict[int, list[int]] = {}
        for i, cap in enumerate(self.caps(rows)):
            groups.setdefault(cap, []).append(i)
        terms = self.row_terms
        return [
            (
                indices,
                replace(
                    self,
                    max_new_tokens=cap,
                    row_caps=None,
                    row_terms=tuple(terms[i] for i in indices) if terms is not None else None,
                ),
            )
            for cap, indices in sorted(groups.items(), reverse=True)
        ]


@dataclass(frozen=True)
class CheckpointDefaults:
    """Decoding settings the checkpoint ships in its generation config."""

    num_beams: int = 1
    min_length: int = 0
    max_length: int = 512
    length_penalty: float = 1.0
    no_repeat_ngram_size: int = 0


@dataclass(frozen=True)
class Generated:
    """One output row: its text, its length in tokens, whether it stopped at the cap, the
    generated token ids (without the decoder start token and padding), and the model's
    confidence in it.

    ``score`` is the mean log-probability per token the model chose, end token included:
    the search's own scores (after the checkpoint's rules, such as banned tokens), with a
    token the checkpoint forces (BART's first ``<s>``, the end token at the cap) left out.
    ``None`` where an engine cannot say.
    """

    text: str
    tokens: int
    hit_cap: bool
    token_ids: tuple[int, ...] = ()
    score: float | None = None


class Engine(Protocol):
    """A loaded seq2seq model.

    ``name`` is the engine (``torch``); ``model_id`` the model as the user named it;
    ``constrains``: whether :meth:`generate` enforces ``row_terms``;
    ``identity`` a stable identity of its weights and settings (hub id and revision, or a
    content fingerprint), which decides whether earlier outputs are current; ``device`` and
    ``dtype`` where and how it runs, as recorded in sidecars.
    """

    name: str
    constrains: bool
    model_id: str
    revision: str | None
    identity: str
    device: str
    dtype: str
    max_input_tokens: int
    defaults: CheckpointDefaults

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids per text, special tokens included, never truncated. Thread-safe (the
        batch job encodes the next window in a thread)."""
        ...

    def generate(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        """Decodes one batch; rows come back in the order given."""
        ...

    def score(self, sources: Sequence[str], translations: Sequence[str]) -> list[float]:
        """Each translation's mean log-probability per token (its end token included) given
        its source, teacher-forced: the model's confidence in a translation made elsewhere."""
        ...

    def token_budget(self, beams: int | None) -> int | None:
        """Padded source tokens per batch that fit in the device's free memory at ``beams``
        (``None``: the checkpoint's own), or ``None`` where the device's default applies."""
        ...


def engine_settings(engine: Engine) -> dict:
    """What of an engine decides its outputs: the model's identity, the engine, the dtype."""
    return {"model": engine.identity, "engine": engine.name, "dtype": engine.dtype}
