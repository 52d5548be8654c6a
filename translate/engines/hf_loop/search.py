"""Greedy and beam search over a :class:`~translate.engines.hf_loop.step.Step`.

Beam search follows HF's vectorized ``GenerationMixin._beam_search`` step for step, so
outputs are token-for-token those of ``generate`` with the same settings (tested); what
differs is that an input whose result is final leaves the batch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from translate.engines.hf_loop.processors import Plan
from translate.engines.hf_loop.step import Encoded, Step

_NEG = -1.0e9
# Top-k per beam first (:func:`top_candidates`): ``None`` on CUDA only. On a 2-core CPU, with
# the running scores added in place for the full top-k and after the per-beam one, it measured
# 1.08x slower than one top-k over 64 inputs x 4 beams x 67k scores (6.9 vs 6.4 ms), 0.9x at 8
# inputs; on a GPU the one big top-k is the search's costliest kernel.
PER_BEAM_TOPK: bool | None = None
# Beam search's log-softmax reads the logits in the model's dtype and writes float32: on the
# CPU that widens first, exactly as generate does; on CUDA one kernel widens as it reads, which
# saves a float32 copy of [rows, vocab] but may sum in another order (a difference in the last
# bits of a row's normalizer). ``True`` widens first everywhere; the CUDA tests run both.
WIDEN_FIRST = False


def greedy(
    step: Step, plan: Plan, encoded: Encoded, caps: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Greedy decoding; returns ``[inputs, 1 + steps]`` ids like ``generate``, and each row's
    summed log-probabilities of its tokens (after the processors, as HF's scores).

    ``caps``: each row's own limit of new tokens (at most the plan's), as ``generate`` with
    ``max_new_tokens`` of that row alone would stop it (and force its end token there);
    positions after a row's end hold padding."""
    config, processors, criteria = plan.config, plan.processors, plan.criteria
    batch = encoded.mask.shape[0]
    device = encoded.mask.device
    max_length = config.max_length
    start = config._decoder_start_token_tensor.to(device)
    pad = config._pad_token_tensor
    out = torch.full((batch, max_length), int(pad if pad is not None else 0), device=device)
    out[:, 0] = start
    sums = torch.zeros(batch, dtype=torch.float32, device=device)
    caps = _caps(caps, batch, max_length, device)
    forced = _forced_eos(config, device) if _below(caps, max_length) else None
    alive = torch.arange(batch, device=device)  # original index of each row still running
    sequences = out[:, :1].clone()
    cache = step.new_cache(batch, max_length, encoded)
    length = 1
    while True:
        logits = step(sequences[:, -1], length - 1, cache, encoded, 1)
        # generate widens the logits to float32 first; processors that only set scores give
        # the same in the model's dtype, and argmax is the same over the exact widening
        scores = processors(sequences, logits.float() if processors.float32 else logits)
        if forced is not None:  # each row's end token at its own cap, as generate forces it
            _force(scores, caps[alive] == length, forced)
        tokens = torch.argmax(scores, dim=-1)
        chosen = F.log_softmax(scores, dim=-1, dtype=torch.float32).gather(1, tokens[:, None])
        sums[alive] += chosen[:, 0]
        sequences = torch.cat([sequences, tokens[:, None]], dim=-1)
        length += 1
        out[alive, length - 1] = tokens  # earlier columns were written while alive
        done = criteria(sequences, None) | (length - 1 >= caps[alive])
        all_done, some_done = torch.stack((done.all(), done.any())).tolist()
        if all_done or length >= max_length:
            break
        if some_done:
            keep = (~done).nonzero().squeeze(1)
            alive, sequences = alive[keep], sequences[keep]
            encoded = encoded.keep(keep)
            cache.select(keep, length - 1)
    return out[:, :length], sums


def beam(
    step: Step, plan: Plan, encoded: Encoded, caps: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """HF's vectorized beam search; inputs leave the batch once their result is final.
    Returns the ids like ``generate`` and each row's beam score (summed log-probabilities
    divided by the generated length to the power ``length_penalty``). ``caps`` as for
    :func:`greedy`: each input stops as ``generate`` with its own limit would stop it."""
    config, processors, criteria, beams = plan.config, plan.processors, plan.criteria, plan.beams
    batch = encoded.mask.shape[0]
    device = encoded.mask.device
    max_length = config.max_length
    eos = config._eos_token_tensor
    pad = config._pad_token_tensor
    fill = int(pad if pad is not None else (eos[0] if eos is not None else -1))
    keep_k = max(2, 1 + (eos.shape[0] if eos is not None else 0)) * beams
    top_mask = torch.zeros(keep_k, dtype=torch.bool, device=device)
    top_mask[:beams] = True
    caps = _caps(caps, batch, max_length, device)
    forced = _forced_eos(config, device) if _below(caps, max_length) else None
    state = _Beams.start(batch, beams, max_length, fill, config, caps)
    result = torch.full((batch, max_length), fill, dtype=torch.long, device=device)
    result_scores = torch.zeros(batch, device=device)
    first_rows = torch.arange(batch, device=device)[:, None] * beams  # each input's first row
    cache = step.new_cache(batch * beams, max_length, encoded)
    cur_len = 1
    while True:
        n = state.running.shape[0]
        flat = state.running[:, :, :cur_len].reshape(n * beams, cur_len)
        logits = step(flat[:, -1], cur_len - 1, cache, encoded, beams)
        log_probs = processors(flat, log_softmax(logits))
        at_cap = state.caps == cur_len  # this step makes each such input's last token
        if forced is not None:
            _force(log_probs, at_cap.repeat_interleave(beams), forced)
        log_probs = log_probs.contiguous().view(n, beams, -1)  # an HF processor's may not be
        vocab = log_probs.shape[-1]

        # Top-k continuations over all beams of an input
        topk_scores, topk_indices = _candidates(log_probs, state.running_scores, keep_k)
        parents = topk_indices // vocab
        # Only the decoded prefix moves (the buffers are as wide as the cap)
        topk_sequences = torch.take_along_dim(
            state.running[:, :, : cur_len + 1], parents[:, :, None], dim=1
        )
        topk_sequences[:, :, cur_len] = topk_indices % vocab
        hits = criteria(topk_sequences[:, :, : cur_len + 1].reshape(n * keep_k, -1), None)
        hits = hits.view(n, keep_k) | at_cap[:, None]

        beam_parent = state.advance(topk_sequences, topk_scores, hits, parents, cur_len)
        state.finish(topk_sequences, topk_scores, hits & top_mask[None, :], cur_len, config)
        cur_len += 1
        state.judge(cur_len, config)

        # An input is final once nothing can enter its finished set any more (HF keeps
        # decoding it, with every new candidate scored out); the run ends when all are
        # final or no running beam has a valid continuation (the length cap).
        full = torch.all(state.is_finished, -1) & (config.early_stopping is True)
        done = ~state.improvable[:, 0] | full | at_cap
        # one device sync per step for all three answers
        all_done, stuck, some_done = torch.stack((done.all(), hits.all(), done.any())).tolist()
        if all_done or stuck:
            result[state.alive] = state.finished[:, 0]
            result_scores[state.alive] = state.finished_scores[:, 0]
            break
        source = (beam_parent + first_rows[:n]).view(-1)
        if some_done:
            result[state.alive[done]] = state.finished[done, 0]
            result_scores[state.alive[done]] = state.finished_scores[done, 0]
            keep = (~done).nonzero().squeeze(1)
            state.keep(keep)
            encoded = encoded.keep(keep)
            source = source.view(n, beams)[keep].reshape(-1)
        cache.select(source, cur_len - 1)
    return result[:, :cur_len], result_scores


@dataclass
class _Beams:
    """What beam search keeps per input still decoding: its running beams and their summed
    log-probabilities, its best finished hypotheses and their beam scores, which of those
    slots hold one, whether its finished set can still improve, its index in the batch, and
    its limit of new tokens."""

    running: torch.Tensor  # [inputs, beams, max_length]
    running_scores: torch.Tensor  # [inputs, beams]
    finished: torch.Tensor  # [inputs, beams, max_length]
    finished_scores: torch.Tensor  # [inputs, beams]
    is_finished: torch.Tensor  # [inputs, beams]
    improvable: torch.Tensor  # [inputs, 1]
    alive: torch.Tensor  # [inputs]
    caps: torch.Tensor  # [inputs]

    @classmethod
    def start(cls, batch: int, beams: int, max_length: int, fill: int, config, caps) -> _Beams:
        device = caps.device
        running = torch.full((batch, beams, max_length), fill, dtype=torch.long, device=device)
        running[:, :, 0] = config._decoder_start_token_tensor.to(device)
        running_scores = torch.zeros((batch, beams), device=device)
        running_scores[:, 1:] = _NEG  # the first step continues the first beam only
        return cls(
            running=running,
            running_scores=running_scores,
            finished=running.clone(),
            finished_scores=torch.full((batch, beams), _NEG, device=device),
            is_finished=torch.zeros((batch, beams), dtype=torch.bool, device=device),
            improvable=torch.ones((batch, 1), dtype=torch.bool, device=device),
            alive=torch.arange(batch, device=device),
            caps=caps,
        )

    def advance(self, sequences, scores, hits, parents, cur_len: int) -> torch.Tensor:
        """The running beams for the next step: the best candidates that do not end.
        Returns each new beam's parent beam."""
        scores = scores + hits * _NEG
        chosen = torch.topk(scores, k=self.running.shape[1])[1]
        self.running[:, :, : cur_len + 1] = torch.take_along_dim(
            sequences, chosen[:, :, None], dim=1
        )
        self.running_scores = torch.take_along_dim(scores, chosen, dim=1)
        return torch.take_along_dim(parents, chosen, dim=1)

    def finish(self, sequences, scores, just_finished, cur_len: int, config) -> None:
        """Keeps the best ``beams`` hypotheses seen so far: this step's candidates that end
        (``just_finished``, among the first ``beams``) compete with those already kept."""
        beams = self.finished.shape[1]
        scores = scores / (cur_len**config.length_penalty)  # generated length incl. this token
        full = torch.all(self.is_finished, dim=-1, keepdim=True) & (config.early_stopping is True)
        scores = scores + full * _NEG
        scores = scores + (~self.improvable) * _NEG
        scores = scores + (~just_finished) * _NEG
        merged_scores = torch.cat((self.finished_scores, scores), dim=1)
        best = torch.topk(merged_scores, k=beams)[1]
        self.finished[:, :, : cur_len + 1] = torch.take_along_dim(
            torch.cat((self.finished[:, :, : cur_len + 1], sequences), dim=1),
            best[:, :, None],
            dim=1,
        )
        self.finished_scores = torch.take_along_dim(merged_scores, best, dim=1)
        merged = torch.cat((self.is_finished, just_finished), 1)
        self.is_finished = torch.take_along_dim(merged, best, 1)

    def judge(self, cur_len: int, config) -> None:
        """HF's early-stop heuristic, per input: its finished set can improve only while its
        best running beam could still beat the worst hypothesis kept."""
        length_penalty = config.length_penalty
        if config.early_stopping == "never" and length_penalty > 0.0:
            best_length = self.caps[:, None].to(self.running_scores.dtype)
        else:
            best_length = cur_len - 1
        best_running = self.running_scores[:, :1] / (best_length**length_penalty)
        worst_finished = torch.where(
            self.is_finished, torch.min(self.finished_scores, dim=1, keepdim=True)[0], -1.0e9
        )
        better = torch.any(best_running > worst_finished, -1, keepdim=True)
        self.improvable = self.improvable & better

    def keep(self, rows: torch.Tensor) -> None:
        """Keeps inputs ``rows`` (in that order)."""
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name)[rows])


def _candidates(
    log_probs: torch.Tensor, running_scores: torch.Tensor, k: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """The ``k`` best sums ``log_probs + running_scores`` of each input and their flat
    indices into ``[beams * vocab]``: one top-k over the sums formed in place (the CPU's
    default), or the top-k per beam first (:data:`PER_BEAM_TOPK`)."""
    if PER_BEAM_TOPK or (PER_BEAM_TOPK is None and log_probs.is_cuda):
        return top_candidates(log_probs, running_scores, k)
    log_probs.add_(running_scores[:, :, None])
    return torch.topk(log_probs.view(log_probs.shape[0], -1), k=k)


def log_softmax(logits: torch.Tensor) -> torch.Tensor:
    """float32 log-probabilities of ``logits`` (any float dtype), as generate computes them
    from the logits widened to float32 (see :data:`WIDEN_FIRST`)."""
    return F.log_softmax(logits.float() if WIDEN_FIRST else logits, dim=-1, dtype=torch.float32)


def top_candidates(
    log_probs: torch.Tensor, running_scores: torch.Tensor, k: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """The ``k`` best continuations of each input, as ``torch.topk`` over its ``[beams *
    vocab]`` sums ``log_probs + running_scores`` gives them (values descending, flat
    indices), without forming those sums: the ``k`` best of each beam's log-probabilities
    first, its running score added to those ``k`` only, then the ``k`` best of the ``beams *
    k``. A beam's running score is the same for all its entries and rounding is monotonic,
    so a beam's best log-probabilities are its best sums and the values are equal to the full
    top-k's. Where sums tie at the boundary either may name another of the tied entries, as
    ``torch.topk`` itself does not fix one.

    Args:
        log_probs: ``[inputs, beams, vocab]``.
        running_scores: ``[inputs, beams]``.
    """
    n, beams, vocab = log_probs.shape
    if k >= vocab:
        return torch.topk((log_probs + running_scores[:, :, None]).view(n, -1), k=k)
    per_beam, within = torch.topk(log_probs, k=k, dim=-1)
    per_beam = per_beam + running_scores[:, :, None]
    offsets = torch.arange(beams, device=log_probs.device)[None, :, None] * vocab
    flat = (within + offsets).view(n, beams * k)
    scores, chosen = torch.topk(per_beam.view(n, beams * k), k=k)
    return scores, torch.gather(flat, 1, chosen)


def _caps(caps: torch.Tensor | None, batch: int, max_length: int, device) -> torch.Tensor:
    """Each row's limit of new tokens: the plan's (``max_length - 1``) where none is given."""
    if caps is None:
        return torch.full((batch,), max_length - 1, dtype=torch.long, device=device)
    return caps.to(device=device, dtype=torch.long).clamp(max=max_length - 1)


def _below(caps: torch.Tensor, max_length: int) -> bool:
    """Whether any row stops before the plan's length (one device sync, before decoding);
    otherwise the checkpoint's own processor forces the end token at the cap."""
    return bool((caps < max_length - 1).any())


def _forced_eos(config, device) -> torch.Tensor | None:
    token = getattr(config, "forced_eos_token_id", None)
    if token is None:
        return None
    return torch.as_tensor(token, device=device).reshape(-1)


def _force(scores: torch.Tensor, rows: torch.Tensor, eos: torch.Tensor) -> None:
    """The rows ``rows`` may only end now: every score but the end token's is -inf (0).
    Written without a device sync (a ``masked_fill`` over the rows' scores)."""
    other = torch.ones(scores.shape[-1], dtype=torch.bool, device=scores.device)
    other[eos] = False
    scores.masked_fill_(rows[:, None] & other[None, :], -math.inf)
    scores[:, eos] = torch.where(rows[:, None], 0.0, scores[:, eos])
