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
``generate``; :func:`decoder_for` says which.
"""

from __future__ import annotations

import copy
import logging
import math

import torch
import torch.nn.functional as F

# HF processors and criteria this loop runs unchanged: each works row by row (or on the
# sequence length alone), so dropping finished inputs from the batch cannot change them.
_ROW_WISE_PROCESSORS = {
    "MinLengthLogitsProcessor",
    "MinNewTokensLengthLogitsProcessor",
    "NoBadWordsLogitsProcessor",
    "NoRepeatNGramLogitsProcessor",
    "ForcedBOSTokenLogitsProcessor",
    "ForcedEOSTokenLogitsProcessor",
    "RepetitionPenaltyLogitsProcessor",
}
_CRITERIA = {"MaxLengthCriteria", "EosTokenCriteria"}
_ARCHITECTURES = {"marian", "bart"}
_NEG = -1.0e9

logger = logging.getLogger(__name__)


def decoder_for(model) -> Decoder | None:
    """A :class:`Decoder` for ``model``, or ``None`` when only ``generate`` can run it."""
    config = model.config
    if getattr(config, "model_type", None) not in _ARCHITECTURES or not config.is_encoder_decoder:
        return None
    if getattr(config, "add_final_layer_norm", False) or getattr(config, "normalize_before", False):
        return None  # pre-norm variants (mBART-style) compute layers in another order
    if config._attn_implementation != "sdpa":
        return None  # the loop calls SDPA; eager attention rounds differently
    if not _has_parts(model):
        return None
    return Decoder(model)


_LAYER_PARTS = (
    "self_attn",
    "encoder_attn",
    "self_attn_layer_norm",
    "encoder_attn_layer_norm",
    "fc1",
    "fc2",
    "activation_fn",
    "final_layer_norm",
)
_ATTENTION_PARTS = ("q_proj", "k_proj", "v_proj", "out_proj", "num_heads", "head_dim", "scaling")


def _has_parts(model) -> bool:
    """Whether the modules this loop calls are where it expects them (transformers 5.x)."""
    decoder = model.get_decoder()
    extra = ("embed_scale",) if model.config.model_type == "marian" else ("layernorm_embedding",)
    if not all(hasattr(decoder, name) for name in ("layers", "embed_tokens", "embed_positions")):
        return False
    if not all(hasattr(decoder, name) for name in extra):
        return False
    if not all(hasattr(model, name) for name in ("lm_head", "final_logits_bias")):
        return False
    for layer in decoder.layers:
        if not all(hasattr(layer, name) for name in _LAYER_PARTS):
            return False
        attentions = (layer.self_attn, layer.encoder_attn)
        if not all(hasattr(a, name) for a in attentions for name in _ATTENTION_PARTS):
            return False
    return True


class Decoder:
    """Greedy and beam search over one loaded seq2seq model."""

    def __init__(self, model):
        self.model = model
        self.decoder = model.get_decoder()
        self.marian = model.config.model_type == "marian"
        attn = self.decoder.layers[0].self_attn
        self.heads, self.head_dim, self.scaling = attn.num_heads, attn.head_dim, attn.scaling
        self._unavailable: str | None = None

    def prepare(self, generation_config, input_ids: torch.Tensor):
        """HF's logits processors and stopping criteria for this call, or ``None`` if unsupported.

        Built by the same ``GenerationMixin`` methods ``generate`` uses, so every setting of the
        checkpoint (min/max length, forced BOS/EOS, banned tokens, n-gram blocking) applies.
        Those methods are private to transformers: if a release changes them, the engine falls
        back to ``generate`` (with one warning) instead of failing.
        """
        if self._unavailable:
            return None
        try:
            return self._prepare(generation_config, input_ids)
        except (AttributeError, TypeError) as exc:
            self._unavailable = f"{type(exc).__name__}: {exc}"
            logger.warning("own decoding loop unavailable, using generate (%s)", self._unavailable)
            return None

    def _prepare(self, generation_config, input_ids):
        from transformers import LogitsProcessorList, StoppingCriteriaList
        from transformers.generation.configuration_utils import GenerationMode

        model = self.model
        config, _ = model._prepare_generation_config(copy.deepcopy(generation_config))
        mode = config.get_generation_mode()
        if mode not in (GenerationMode.GREEDY_SEARCH, GenerationMode.BEAM_SEARCH):
            return None
        if (config.num_return_sequences or 1) != 1:
            return None
        model._prepare_special_tokens(config, True, device=input_ids.device)
        processors = model._get_logits_processor(
            generation_config=config,
            input_ids_seq_length=1,
            encoder_input_ids=input_ids,
            prefix_allowed_tokens_fn=None,
            logits_processor=LogitsProcessorList(),
            device=input_ids.device,
            model_kwargs={},
        )
        criteria = model._get_stopping_criteria(config, StoppingCriteriaList())
        if any(type(p).__name__ not in _ROW_WISE_PROCESSORS for p in processors):
            return None
        if any(type(c).__name__ not in _CRITERIA for c in criteria):
            return None
        return config, _Processors([_in_place(p, input_ids.device) for p in processors]), criteria

    # ----------------------------------------------------------------- model pieces

    def _encode(self, input_ids, attention_mask):
        hidden = self.model.get_encoder()(
            input_ids=input_ids, attention_mask=attention_mask, return_dict=True
        ).last_hidden_state
        cross = []
        for layer in self.decoder.layers:
            attn = layer.encoder_attn
            shape = (*hidden.shape[:-1], -1, self.head_dim)
            k = attn.k_proj(hidden).view(shape).transpose(1, 2)
            v = attn.v_proj(hidden).view(shape).transpose(1, 2)
            cross.append((k, v))
        # [inputs, 1, 1, source], added to attention scores: 0 where a beam may attend, else
        # -inf (what SDPA makes of a boolean mask on every call, made once)
        mask = torch.zeros(attention_mask.shape, dtype=hidden.dtype, device=hidden.device)
        mask = mask.masked_fill(attention_mask == 0, -math.inf)[:, None, None, :]
        return cross, mask

    def _step(self, tokens, t, cache, cross, mask, beams):
        """One decoder step for ``tokens`` [rows] at position ``t``: logits [rows, vocab]."""
        decoder = self.decoder
        ids = tokens[:, None]
        embeds = decoder.embed_tokens(ids)
        position_ids = torch.arange(1, device=ids.device) + t
        if self.marian:
            embeds = embeds * decoder.embed_scale
            positions = decoder.embed_positions(ids.shape, t, position_ids=position_ids)
        else:
            positions = decoder.embed_positions(ids, t, position_ids=position_ids)
        hidden = embeds + positions
        if not self.marian:
            hidden = decoder.layernorm_embedding(hidden)
        rows = hidden.shape[0]
        cache.reserve(t)
        for layer, (keys, values), (cross_k, cross_v) in zip(
            decoder.layers, cache.layers, cross, strict=True
        ):
            # Self-attention over the cache
            attn = layer.self_attn
            residual = hidden
            q = attn.q_proj(hidden).view(rows, 1, -1, self.head_dim).transpose(1, 2)
            keys[t] = attn.k_proj(hidden).view(rows, -1, self.head_dim)
            values[t] = attn.v_proj(hidden).view(rows, -1, self.head_dim)
            # [time, rows, heads, dim] buffers, read as [rows, heads, time, dim] views
            out = F.scaled_dot_product_attention(
                q,
                keys[: t + 1].permute(1, 2, 0, 3),
                values[: t + 1].permute(1, 2, 0, 3),
                scale=self.scaling,
            )
            out = out.transpose(1, 2).reshape(rows, 1, -1).contiguous()
            hidden = layer.self_attn_layer_norm(residual + attn.out_proj(out))
            # Cross-attention: every beam of an input reads that input's one copy
            attn = layer.encoder_attn
            residual = hidden
            q = attn.q_proj(hidden).view(rows // beams, beams, -1, self.head_dim).transpose(1, 2)
            out = F.scaled_dot_product_attention(
                q, cross_k, cross_v, attn_mask=mask, scale=self.scaling
            )
            out = out.transpose(1, 2).reshape(rows, 1, -1).contiguous()
            hidden = layer.encoder_attn_layer_norm(residual + attn.out_proj(out))
            # Feed-forward
            residual = hidden
            hidden = layer.fc2(layer.activation_fn(layer.fc1(hidden)))
            hidden = layer.final_layer_norm(residual + hidden)
        logits = self.model.lm_head(hidden) + self.model.final_logits_bias
        return logits[:, -1, :].float()

    def _new_cache(self, rows, length, cross):
        layers = len(self.decoder.layers)
        return _SelfCache(layers, length, rows, self.heads, self.head_dim, cross[0][0])

    # ----------------------------------------------------------------- search

    def generate(self, input_ids, attention_mask, prepared) -> torch.Tensor:
        """Decodes a padded batch; returns ``[inputs, 1 + steps]`` ids like ``generate``."""
        config, processors, criteria = prepared
        beams = config.num_beams or 1
        cross, mask = self._encode(input_ids, attention_mask)
        if beams == 1:
            return self._greedy(config, processors, criteria, cross, mask)
        return self._beam(config, processors, criteria, cross, mask, beams)

    def _greedy(self, config, processors, criteria, cross, mask):
        batch = mask.shape[0]
        device = mask.device
        max_length = config.max_length
        start = config._decoder_start_token_tensor.to(device)
        pad = config._pad_token_tensor
        out = torch.full((batch, max_length), int(pad if pad is not None else 0), device=device)
        out[:, 0] = start
        alive = torch.arange(batch, device=device)  # original index of each row still running
        sequences = out[:, :1].clone()
        cache = self._new_cache(batch, max_length, cross)
        length = 1
        while True:
            logits = self._step(sequences[:, -1], length - 1, cache, cross, mask, 1)
            scores = processors(sequences, logits)
            tokens = torch.argmax(scores, dim=-1)
            sequences = torch.cat([sequences, tokens[:, None]], dim=-1)
            length += 1
            out[alive, length - 1] = tokens  # earlier columns were written while alive
            done = criteria(sequences, None)
            all_done, some_done = torch.stack((done.all(), done.any())).tolist()
            if all_done or length >= max_length:
                break
            if some_done:
                keep = (~done).nonzero().squeeze(1)
                alive, sequences = alive[keep], sequences[keep]
                mask = mask[keep]
                cross = [(k[keep], v[keep]) for k, v in cross]
                cache.select(keep, length - 1)
        return out[:, :length]

    def _beam(self, config, processors, criteria, cross, mask, beams):
        """HF's vectorized beam search; inputs leave the batch once their result is final."""
        batch = mask.shape[0]
        device = mask.device
        max_length = config.max_length
        early_stopping = config.early_stopping
        length_penalty = config.length_penalty
        eos = config._eos_token_tensor
        pad = config._pad_token_tensor
        fill = int(pad if pad is not None else (eos[0] if eos is not None else -1))
        n_eos = eos.shape[0] if eos is not None else 0
        keep_k = max(2, 1 + n_eos) * beams
        top_mask = torch.zeros(keep_k, dtype=torch.bool, device=device)
        top_mask[:beams] = True

        running = torch.full((batch, beams, max_length), fill, dtype=torch.long, device=device)
        running[:, :, 0] = config._decoder_start_token_tensor.to(device)
        finished = running.clone()
        running_scores = torch.zeros((batch, beams), device=device)
        running_scores[:, 1:] = _NEG
        finished_scores = torch.full((batch, beams), _NEG, device=device)
        is_finished = torch.zeros((batch, beams), dtype=torch.bool, device=device)
        improvable = torch.ones((batch, 1), dtype=torch.bool, device=device)
        result = torch.full((batch, max_length), fill, dtype=torch.long, device=device)
        alive = torch.arange(batch, device=device)
        cache = self._new_cache(batch * beams, max_length, cross)
        cur_len = 1
        while True:
            n = running.shape[0]
            flat = running[:, :, :cur_len].reshape(n * beams, cur_len)
            logits = self._step(flat[:, -1], cur_len - 1, cache, cross, mask, beams)
            log_probs = processors(flat, F.log_softmax(logits, dim=-1))
            log_probs = log_probs.view(n, beams, -1) + running_scores[:, :, None]
            log_probs = log_probs.reshape(n, -1)

            # Top-k continuations over all beams of an input
            topk_scores, topk_indices = torch.topk(log_probs, k=keep_k)
            vocab = log_probs.shape[-1] // beams
            parents = topk_indices // vocab
            topk_sequences = torch.take_along_dim(running, parents[:, :, None], dim=1)
            topk_sequences[:, :, cur_len] = topk_indices % vocab
            hits = criteria(topk_sequences[:, :, : cur_len + 1].reshape(n * keep_k, -1), None)
            hits = hits.view(n, keep_k)

            # Running beams for the next step
            topk_running_scores = topk_scores + hits.to(torch.float32) * _NEG
            next_indices = torch.topk(topk_running_scores, k=beams)[1]
            running = torch.take_along_dim(topk_sequences, next_indices[:, :, None], dim=1)
            running_scores = torch.take_along_dim(topk_running_scores, next_indices, dim=1)
            beam_parent = torch.take_along_dim(parents, next_indices, dim=1)

            # Finished beams: keep the best ``beams`` hypotheses seen so far
            just_finished = hits & top_mask[None, :]
            scores = topk_scores / (cur_len**length_penalty)  # generated length incl. this token
            full = torch.all(is_finished, dim=-1, keepdim=True) & (early_stopping is True)
            scores = scores + full.to(torch.float32) * _NEG
            scores = scores + (~improvable).to(torch.float32) * _NEG
            scores = scores + (~just_finished) * _NEG
            merged_scores = torch.cat((finished_scores, scores), dim=1)
            best = torch.topk(merged_scores, k=beams)[1]
            finished = torch.take_along_dim(
                torch.cat((finished, topk_sequences), dim=1), best[:, :, None], dim=1
            )
            finished_scores = torch.take_along_dim(merged_scores, best, dim=1)
            is_finished = torch.take_along_dim(torch.cat((is_finished, just_finished), 1), best, 1)

            cur_len += 1
            # HF's early-stop heuristic, per input
            if early_stopping == "never" and length_penalty > 0.0:
                best_length = max_length - 1
            else:
                best_length = cur_len - 1
            best_running = running_scores[:, :1] / (best_length**length_penalty)
            worst_finished = torch.where(
                is_finished, torch.min(finished_scores, dim=1, keepdim=True)[0], -1.0e9
            )
            improvable = improvable & torch.any(best_running > worst_finished, -1, keepdim=True)

            # An input is final once nothing can enter its finished set any more (HF keeps
            # decoding it, with every new candidate scored out); the run ends when all are
            # final or no running beam has a valid continuation (the length cap).
            done = ~improvable[:, 0] | (torch.all(is_finished, -1) & (early_stopping is True))
            # one device sync per step for all three answers
            all_done, stuck, some_done = torch.stack((done.all(), hits.all(), done.any())).tolist()
            if all_done or stuck:
                result[alive] = finished[:, 0]
                break
            source = (beam_parent + torch.arange(n, device=device)[:, None] * beams).view(-1)
            if some_done:
                result[alive[done]] = finished[done, 0]
                keep = (~done).nonzero().squeeze(1)
                alive = alive[keep]
                running, running_scores = running[keep], running_scores[keep]
                finished, finished_scores = finished[keep], finished_scores[keep]
                is_finished, improvable = is_finished[keep], improvable[keep]
                mask = mask[keep]
                cross = [(k[keep], v[keep]) for k, v in cross]
                source = source.view(n, beams)[keep].reshape(-1)
            cache.select(source, cur_len - 1)
        return result[:, :cur_len]


class _SelfCache:
    """Self-attention keys and values for every layer, written in place.

    Stored time-major (``[time, rows, heads, dim]``) so the filled part ``[:t]`` is one
    contiguous block: a beam reorder or a row drop copies only what has been decoded so far,
    into a spare buffer that then becomes the live one. Capacity doubles as decoding goes
    (up to the length cap), so memory follows the longest output actually decoded, not the cap.
    """

    def __init__(self, layers, length, rows, heads, dim, like):
        self.limit = length
        self.capacity = min(length, 32)
        self.rows, self.heads, self.dim = rows, heads, dim
        self._like = like
        self.layers = [(self._empty(), self._empty()) for _ in range(layers)]
        self._spare = None

    def _empty(self):
        shape = (self.capacity, self.rows, self.heads, self.dim)
        return torch.empty(shape, dtype=self._like.dtype, device=self._like.device)

    def reserve(self, t: int) -> None:
        """Makes room for position ``t``."""
        if t < self.capacity:
            return
        self.capacity = min(self.limit, max(2 * self.capacity, t + 1))
        grown = []
        for keys, values in self.layers:
            new_k, new_v = self._empty(), self._empty()
            new_k[:t].copy_(keys[:t])
            new_v[:t].copy_(values[:t])
            grown.append((new_k, new_v))
        self.layers, self._spare = grown, None

    def select(self, rows: torch.Tensor, filled: int) -> None:
        """Keeps rows ``rows`` (in that order) of the first ``filled`` positions."""
        if rows.shape[0] != self.rows:  # rows left the batch
            self.rows, self._spare = rows.shape[0], None
        if self._spare is None:
            self._spare = [(self._empty(), self._empty()) for _ in self.layers]
        for (keys, values), (spare_k, spare_v) in zip(self.layers, self._spare, strict=True):
            torch.index_select(keys[:filled], 1, rows, out=spare_k[:filled])
            torch.index_select(values[:filled], 1, rows, out=spare_v[:filled])
        live = self.layers
        self.layers = self._spare
        self._spare = live if live[0][0].shape[1] == self.rows else None


class _Processors:
    """Applies processors in order; the in-place ones write into ``scores`` directly."""

    def __init__(self, processors):
        self.processors = processors

    def __call__(self, input_ids, scores):
        for processor in self.processors:
            scores = processor(input_ids, scores)
        return scores


def _in_place(processor, device):
    """An exact in-place equivalent of a common HF processor, else the processor itself.

    HF's versions build a fresh vocabulary-sized tensor per call (a clone, a mask, a bias of
    zeros), several full passes over ``[rows, vocab]`` per step; these write only the columns
    they change. Setting a column to -inf equals adding -inf (scores are finite or -inf).
    """
    name = type(processor).__name__
    if name == "MinLengthLogitsProcessor":
        eos, min_length = processor.eos_token_id.to(device), processor.min_length

        def min_length_(input_ids, scores):
            if input_ids.shape[-1] < min_length:
                scores[:, eos] = -math.inf
            return scores

        return min_length_
    if name == "NoBadWordsLogitsProcessor":
        banned = list(processor.sequence_bias)
        if all(len(sequence) == 1 for sequence in banned):
            columns = torch.tensor([sequence[0] for sequence in banned], device=device)

            def no_bad_words_(input_ids, scores):
                scores[:, columns] = -math.inf
                return scores

            return no_bad_words_
    if name in ("ForcedBOSTokenLogitsProcessor", "ForcedEOSTokenLogitsProcessor"):
        if name == "ForcedBOSTokenLogitsProcessor":
            at, token = 1, processor.bos_token_id
        else:
            at, token = processor.max_length - 1, processor.eos_token_id

        def forced_(input_ids, scores):
            if input_ids.shape[-1] == at:
                scores.fill_(-math.inf)
                scores[:, token] = 0
            return scores

        return forced_
    return processor
