"""Our own decoding loop for post-norm encoder-decoder transformers (MarianMT, BART).

Plain ``model.generate`` pays, on every step, for machinery a translation batch does not need:
a key/value cache that grows by concatenation and is copied whole on every beam reorder, the
encoder output copied once per beam and read once per beam, masks rebuilt per step, and every
row of the batch decoded until the slowest input is done. This loop keeps the checkpoint's
weights, layers, logits processors and stopping criteria, and changes only the bookkeeping:

- the self-attention cache is written in place (its capacity doubles as decoding goes) and a
  beam reorder copies only its filled part;
- cross-attention keys and values are computed once per input, not once per beam, and every
  beam of an input reads the same copy (beams are the query axis of one attention call);
- an input whose beams can no longer change (HF's own early-stop rules) leaves the batch, so
  later steps run on fewer rows.

Beam search follows HF's vectorized implementation (``GenerationMixin._beam_search``) step for
step, so outputs are token-for-token those of ``generate`` with the same settings (tested).
Anything this loop does not cover (other architectures, sampling, other processors) goes to
``generate``; :func:`loop_for` says which. ``step.py`` runs the model, ``search.py`` the
search, ``constraints.py`` the search that holds glossary terms, ``processors.py`` builds the
plan, ``graphs.py`` replays the step as CUDA graphs (for both searches).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import torch

from translate.engines.hf_loop import constraints, graphs, search
from translate.engines.hf_loop.constraints import Phrases
from translate.engines.hf_loop.processors import Plan, build_plan
from translate.engines.hf_loop.step import Step, has_parts

_ARCHITECTURES = {"marian", "bart"}

logger = logging.getLogger(__name__)


def loop_for(model, use_graphs: bool | None = None) -> Loop | None:
    """A :class:`Loop` for ``model``, or ``None`` when only ``generate`` can run it.
    ``use_graphs``: replay the decoder step as CUDA graphs; ``None``: as
    :func:`graphs.wanted` says for the model's device."""
    config = model.config
    if getattr(config, "model_type", None) not in _ARCHITECTURES or not config.is_encoder_decoder:
        return None
    if getattr(config, "add_final_layer_norm", False) or getattr(config, "normalize_before", False):
        return None  # pre-norm variants (mBART-style) compute layers in another order
    if config._attn_implementation != "sdpa":
        return None  # the loop calls SDPA; eager attention rounds differently
    if not has_parts(model):
        return None
    return Loop(model, use_graphs)


class Loop:
    """Greedy and beam search over one loaded seq2seq model."""

    def __init__(self, model, use_graphs: bool | None = None):
        self.model = model
        self.step = Step(model)
        self._unavailable: str | None = None
        self.use_graphs = use_graphs
        self.graphed: graphs.GraphedStep | None = None
        self.graphs_unavailable: str | None = None

    def prepare(self, generation_config, input_ids: torch.Tensor) -> Plan | None:
        """The plan for this call, or ``None`` if the loop does not cover its settings.

        Built by the same ``GenerationMixin`` methods ``generate`` uses, so every setting of the
        checkpoint (min/max length, forced BOS/EOS, banned tokens, n-gram blocking) applies.
        Those methods are private to transformers: if a release changes them, the engine falls
        back to ``generate`` (with one warning) instead of failing.
        """
        if self._unavailable:
            return None
        try:
            return build_plan(self.model, generation_config, input_ids)
        except (AttributeError, TypeError) as exc:
            self._unavailable = f"{type(exc).__name__}: {exc}"
            logger.warning("own decoding loop unavailable, using generate (%s)", self._unavailable)
            return None

    def generate(
        self, input_ids, attention_mask, plan: Plan, caps: torch.Tensor | None = None
    ) -> tuple[torch.Tensor, torch.Tensor]:
        """Decodes a padded batch; returns ``[inputs, 1 + steps]`` ids like ``generate`` and
        each row's score: summed log-probabilities (greedy) or the beam score (summed
        log-probabilities over the generated length to the power ``length_penalty``).
        ``caps``: each row's own limit of new tokens (see :func:`search.greedy`)."""
        run = search.greedy if plan.beams == 1 else search.beam
        return self._decode(run, input_ids, attention_mask, plan, caps)

    def constrained(
        self,
        input_ids,
        attention_mask,
        plan: Plan,
        caps: torch.Tensor,
        phrases: Sequence[Phrases],
        gluing: torch.Tensor | None,
    ) -> tuple[list[list[int]], list[float], list[bool]]:
        """Beam search in which each input's output holds its ``phrases``: what
        :func:`constraints.constrained_beam` returns, over the same step as :meth:`generate`
        (CUDA graphs where they run)."""

        def run(step, plan, encoded, caps):
            return constraints.constrained_beam(step, plan, encoded, caps, phrases, gluing)

        return self._decode(run, input_ids, attention_mask, plan, caps)

    def _decode(self, run: Callable, input_ids, attention_mask, plan: Plan, caps):
        """``run(step, plan, encoded, caps)`` over the static step where graphs are wanted,
        else (or once a capture failed) over the eager step."""
        graphed = self._graphed(input_ids.device)
        if graphed is not None:
            try:
                encoded = graphed.encode(
                    input_ids, attention_mask, plan.beams, plan.config.max_length
                )
                return run(graphed, plan, encoded, caps)
            except graphs.GraphUnavailable as exc:
                # decoded again step by step: nothing of the failed attempt is kept
                self.graphs_unavailable, self.graphed = str(exc), None
                logger.warning("CUDA graphs unavailable, decoding step by step (%s)", exc)
        encoded = self.step.encode(input_ids, attention_mask)
        return run(self.step, plan, encoded, caps)

    def _graphed(self, device: torch.device) -> graphs.GraphedStep | None:
        """The static step, made on first use, where graphs are wanted and have not failed."""
        if self.graphs_unavailable is not None:
            return None
        if self.graphed is None:
            on = graphs.wanted(device) if self.use_graphs is None else self.use_graphs
            if not on:
                return None
            capture = graphs.CudaCapture(device) if device.type == "cuda" else graphs.eager
            self.graphed = graphs.GraphedStep(self.step, capture)
        return self.graphed

    def describe(self) -> str:
        """How it decodes: ``own loop``, with ``CUDA graphs (N captured in S s)`` once the
        static step has run."""
        graphed = self.graphed
        if graphed is None or not graphed.captured:
            return "own loop"
        kind = "CUDA graphs" if graphed.capture is not graphs.eager else "static step"
        return f"own loop, {kind} ({graphed.captured} captured in {graphed.capture_seconds:.2f} s)"
