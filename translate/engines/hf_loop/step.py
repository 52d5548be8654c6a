"""One decoder step of a post-norm encoder-decoder (MarianMT, BART), with our caches.

The checkpoint's own modules run; what changes is where keys and values live: the
self-attention cache is written in place, and cross-attention keys and values are computed
once per input and read by all of its beams.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F

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


def has_parts(model) -> bool:
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


@dataclass
class Encoded:
    """Per input: every decoder layer's cross-attention keys and values, and the additive
    source mask ``[inputs, 1, 1, source]``."""

    cross: list[tuple[torch.Tensor, torch.Tensor]]
    mask: torch.Tensor

    def keep(self, rows: torch.Tensor) -> Encoded:
        return Encoded([(k[rows], v[rows]) for k, v in self.cross], self.mask[rows])


class Step:
    """The model's forward pass for one new token per row."""

    def __init__(self, model):
        self.model = model
        self.decoder = model.get_decoder()
        self.marian = model.config.model_type == "marian"
        attn = self.decoder.layers[0].self_attn
        self.heads, self.head_dim, self.scaling = attn.num_heads, attn.head_dim, attn.scaling

    def encode(self, input_ids, attention_mask) -> Encoded:
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
        return Encoded(cross, mask)

    def __call__(self, tokens, t, cache, encoded: Encoded, beams):
        """One decoder step for ``tokens`` [rows] at position ``t``: logits [rows, vocab] in
        the model's dtype (the search widens them to float32 where ``generate`` would)."""
        ids = tokens[:, None]
        hidden = self.embed(ids, torch.arange(1, device=ids.device) + t)
        rows = hidden.shape[0]
        cache.reserve(t)
        for layer, (keys, values), (cross_k, cross_v) in zip(
            self.decoder.layers, cache.layers, encoded.cross, strict=True
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
            hidden = self.cross_attend(layer, hidden, cross_k, cross_v, encoded.mask, beams)
            hidden = self.feed_forward(layer, hidden)
        return self.logits(hidden)

    # The parts of a step that do not touch the self-attention cache (graphs.py runs them too)
    def embed(self, ids: torch.Tensor, position_ids: torch.Tensor) -> torch.Tensor:
        """The decoder's input for tokens ``ids`` [rows, 1] at ``position_ids`` [1]."""
        decoder = self.decoder
        embeds = decoder.embed_tokens(ids)
        if self.marian:
            embeds = embeds * decoder.embed_scale
            return embeds + decoder.embed_positions(ids.shape, 0, position_ids=position_ids)
        hidden = embeds + decoder.embed_positions(ids, 0, position_ids=position_ids)
        return decoder.layernorm_embedding(hidden)

    def cross_attend(self, layer, hidden, keys, values, mask, beams: int) -> torch.Tensor:
        """Cross-attention: every beam of an input reads that input's one copy."""
        attn = layer.encoder_attn
        rows = hidden.shape[0]
        q = attn.q_proj(hidden).view(rows // beams, beams, -1, self.head_dim).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, keys, values, attn_mask=mask, scale=self.scaling)
        out = out.transpose(1, 2).reshape(rows, 1, -1).contiguous()
        return layer.encoder_attn_layer_norm(hidden + attn.out_proj(out))

    def feed_forward(self, layer, hidden) -> torch.Tensor:
        out = layer.fc2(layer.activation_fn(layer.fc1(hidden)))
        return layer.final_layer_norm(hidden + out)

    def logits(self, hidden, out: torch.Tensor | None = None) -> torch.Tensor:
        """[rows, vocab] in the model's dtype; written into ``out`` where given (the static
        step's buffer: the bias is added there, with no copy of ``[rows, vocab]`` after)."""
        projected = self.model.lm_head(hidden)[:, -1, :]
        return torch.add(projected, self.model.final_logits_bias, out=out)

    def new_cache(self, rows: int, length: int, encoded: Encoded) -> SelfCache:
        layers = len(self.decoder.layers)
        return SelfCache(layers, length, rows, self.heads, self.head_dim, encoded.cross[0][0])


class SelfCache:
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
