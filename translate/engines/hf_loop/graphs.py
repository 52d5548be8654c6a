"""The decoder step as CUDA graphs: one replay per step instead of a launch per kernel.

On a GPU the eager loop is host-bound: one step of a 6-layer Marian decoder is some 140 small
kernels (about 22 a layer, by count of its operations), and the host issues them more slowly
than the GPU runs them (the H200 profile: GPU busy 46% of the wall time). A CUDA graph
records a step's kernels once and replays them with one launch (PyTorch's recipe for Seamless
M4T's beam-search text decoder). A graph needs fixed shapes and fixed addresses, so here:

- every input of a step lives in a static buffer: the tokens, the position (a device tensor,
  so no step's number is baked into a graph), the self-attention cache, the cross-attention
  keys and values, the source mask, the logits;
- the new keys and values are written at the device position (``index_copy_``), and
  self-attention reads a fixed span of the cache with a mask for the positions not decoded
  yet, the span growing by buckets as decoding goes;
- a beam reorder and rows leaving the batch move the decoded prefix in place (gathered, then
  copied back into the same storage), and a batch that shrinks replays the graph of a smaller
  bucket of rows (the live rows first, the rest padding);
- one graph per shape (beams, rows, cache length, span, source width), each dimension rounded
  up to ``{1, 1.5} x 2^k``, so at most a third of a dimension is padding; graphs are captured
  when a shape first comes up and kept for the run, all in one memory pool; the buffers grow
  (and the graphs are captured again) only when a batch needs more than they hold.

Everything but the capture is the same on every device: tests force the static step on the
CPU (:data:`GRAPHS`), where a step function built once per shape and called again proves
that nothing but the buffers carries a step's inputs. A capture that fails raises
:class:`GraphUnavailable`, and the caller decodes step by step from then on.
"""

from __future__ import annotations

import contextlib
import logging
import math
import time
from collections.abc import Callable

import torch
import torch.nn.functional as F

from translate.engines.hf_loop.step import Step

# ``None``: CUDA graphs on CUDA devices only; ``True`` forces the static step on any device
# (on the CPU it runs eagerly: the tests' way to the same buffers and step functions)
GRAPHS: bool | None = None
_WARMUP = 2  # eager runs before a capture (cuBLAS workspaces, lazy kernel loading)

logger = logging.getLogger(__name__)


class GraphUnavailable(Exception):
    """The step could not be captured (a model or library the capture cannot handle)."""


def bucket(n: int, floor: int) -> int:
    """The smallest of ``floor x {1, 1.5, 2, 3, 4, 6, 8, ...}`` that is at least ``n``."""
    size = floor
    while size < n:
        if size % 2 == 0 and size * 3 // 2 >= n:
            return size * 3 // 2
        size *= 2
    return size


def wanted(device: torch.device) -> bool:
    """Whether the static step runs on ``device`` (see :data:`GRAPHS`)."""
    return GRAPHS if GRAPHS is not None else device.type == "cuda"


class CudaCapture:
    """Records a step function as a CUDA graph, after warm-up runs on a side stream; all
    graphs share one memory pool (they never run at once)."""

    def __init__(self, device: torch.device):
        self.pool = torch.cuda.graph_pool_handle()
        self.stream = torch.cuda.Stream(device)

    def __call__(self, run: Callable[[], None]) -> Callable[[], None]:
        current = torch.cuda.current_stream()
        self.stream.wait_stream(current)
        with torch.cuda.stream(self.stream):
            for _ in range(_WARMUP):
                run()  # a step is idempotent: it rewrites the same cache position
        current.wait_stream(self.stream)
        graph = torch.cuda.CUDAGraph()
        # What ``torch.cuda.graph()`` does, without emptying the allocator's cache before each
        # capture: a run captures tens of shapes, and after each the search's next large
        # allocations would go back to cudaMalloc. ``thread_local``: CUDA work of another
        # thread (none is planned) cannot spoil a capture.
        with torch.cuda.stream(self.stream):
            graph.capture_begin(pool=self.pool, capture_error_mode="thread_local")
            try:
                run()
            except BaseException:
                with contextlib.suppress(RuntimeError):  # the step's own error says why
                    graph.capture_end()
                raise
            graph.capture_end()
        return graph.replay


def eager(run: Callable[[], None]) -> Callable[[], None]:
    """The CPU's "capture": the step function itself, called on every step."""
    return run


class GraphedStep:
    """A drop-in for :class:`~translate.engines.hf_loop.step.Step` in the searches, over
    static buffers; ``capture`` turns a step function into its replay."""

    def __init__(self, step: Step, capture: Callable = eager):
        self.step = step
        self.capture = capture
        embeddings = step.decoder.embed_tokens.weight  # never quantized, unlike the Linears
        self.dtype, self.device = embeddings.dtype, embeddings.device
        self.layers = len(step.decoder.layers)
        self.vocab = step.model.final_logits_bias.shape[-1]
        self._sizes = {"cache": 0, "cross": 0, "mask": 0, "rows": 0, "span": 0}
        self._steps: dict[tuple, Callable[[], None]] = {}
        self.captured = 0
        self.capture_seconds = 0.0

    # Buffers
    def _reserve(self, inputs: int, beams: int, length: int, source: int) -> None:
        """Buffers that hold a batch of ``inputs`` (rounded) at ``beams``; when one must grow
        every buffer is made anew (a quarter larger) and the graphs are captured again."""
        heads, dim = self.step.heads, self.step.head_dim
        rows = inputs * beams
        need = {
            "cache": rows * 2 * self.layers * heads * length * dim,
            "cross": inputs * 2 * self.layers * heads * source * dim,
            "mask": inputs * source,
            "rows": rows,
            "span": length,
        }
        if all(need[name] <= size for name, size in self._sizes.items()):
            return
        old = self._sizes
        sizes = {
            name: max(n, old[name] * 5 // 4) if n > old[name] else old[name]
            for name, n in need.items()
        }
        # The old buffers and their graphs go first (the new ones may need that memory); an
        # allocation that fails leaves nothing reserved, so the next batch starts afresh
        self._steps.clear()
        self._sizes = dict.fromkeys(old, 0)
        self._cache = self._cross = self._mask = self._tokens = self._logits = None
        zeros = self._zeros
        self._cache, self._cross = zeros(sizes["cache"]), zeros(sizes["cross"])
        self._mask = zeros(sizes["mask"])
        self._tokens = zeros(sizes["rows"], torch.long)
        self._logits = zeros(sizes["rows"] * self.vocab)  # model dtype, as the eager step
        self._positions = torch.arange(sizes["span"], device=self.device)
        self._position = zeros(1, torch.long)
        self._sizes = sizes

    def _zeros(self, numel: int, dtype: torch.dtype | None = None) -> torch.Tensor:
        return torch.zeros(numel, dtype=dtype or self.dtype, device=self.device)

    def cache_view(self, rows: int, length: int) -> torch.Tensor:
        """``[rows, 2 x layers, heads, length, dim]``: row ``r`` at the same address for any
        number of rows, so a smaller bucket's graph reads the live rows where they are."""
        shape = (rows, 2 * self.layers, self.step.heads, length, self.step.head_dim)
        return self._cache[: math.prod(shape)].view(shape)

    def cross_view(self, inputs: int, source: int) -> torch.Tensor:
        shape = (inputs, 2 * self.layers, self.step.heads, source, self.step.head_dim)
        return self._cross[: math.prod(shape)].view(shape)

    def mask_view(self, inputs: int, source: int) -> torch.Tensor:
        return self._mask[: inputs * source].view(inputs, 1, 1, source)

    # The search's interface
    def encode(self, input_ids, attention_mask, beams: int, length: int) -> StaticEncoded:
        """The encoder's output, as the eager step makes it, copied into the static buffers
        (source padding masked, padding inputs attending to zeros: every value finite)."""
        encoded = self.step.encode(input_ids, attention_mask)
        inputs, width = attention_mask.shape
        held, source = bucket(inputs, 1), bucket(width, 16)
        self._reserve(held, beams, bucket(length, 32), source)
        cross = self.cross_view(held, source)
        cross.zero_()
        for layer, (keys, values) in enumerate(encoded.cross):
            cross[:inputs, 2 * layer, :, :width].copy_(keys)
            cross[:inputs, 2 * layer + 1, :, :width].copy_(values)
        mask = self.mask_view(held, source)
        mask.zero_()
        mask[:inputs, :, :, width:] = -math.inf
        mask[:inputs, :, :, :width].copy_(encoded.mask)
        return StaticEncoded(self, inputs, source)

    def new_cache(self, rows: int, length: int, encoded: StaticEncoded) -> StaticCache:
        return StaticCache(self, rows, bucket(length, 32))

    def __call__(self, tokens, t, cache: StaticCache, encoded: StaticEncoded, beams):
        """One decoder step for ``tokens`` [rows] at position ``t``: logits [rows, vocab]
        (a view of the static buffer, valid until the next step)."""
        rows = tokens.shape[0]
        span = min(bucket(t + 1, 32), cache.length)
        key = (beams, bucket(rows // beams, 1), cache.length, span, encoded.source)
        self._tokens[:rows].copy_(tokens)
        self._position.fill_(t)
        replay = self._steps.get(key)
        if replay is None:
            replay = self._captured(key)
        replay()
        return self._logits[: rows * self.vocab].view(rows, self.vocab)

    def _captured(self, key: tuple) -> Callable[[], None]:
        beams, inputs, length, span, source = key
        rows = inputs * beams
        tokens = self._tokens[:rows]
        cache = self.cache_view(rows, length)
        cross, mask = self.cross_view(inputs, source), self.mask_view(inputs, source)
        logits = self._logits[: rows * self.vocab].view(rows, self.vocab)

        def run() -> None:
            self._forward(tokens, cache, cross, mask, logits, span, beams)

        started = time.perf_counter()
        try:
            replay = self.capture(run)
        except torch.OutOfMemoryError:
            raise
        except Exception as exc:  # torch raises RuntimeError, but a library may raise anything
            raise GraphUnavailable(f"{type(exc).__name__}: {exc}".splitlines()[0]) from exc
        seconds = time.perf_counter() - started
        self.captured += 1
        self.capture_seconds += seconds
        logger.debug("captured the decoder step for %s in %.3f s", key, seconds)
        self._steps[key] = replay
        return replay

    def _forward(self, tokens, cache, cross, mask, logits, span, beams) -> None:
        """The step over the buffers: what :meth:`Step.__call__` computes, for one shape."""
        step, position = self.step, self._position
        heads, dim = step.heads, step.head_dim
        rows = tokens.shape[0]
        hidden = step.embed(tokens[:, None], position)
        # The cache's positions after this one hold nothing of this batch yet
        causal = torch.zeros((1, 1, 1, span), dtype=self.dtype, device=self.device)
        causal.masked_fill_(self._positions[:span] > position, -math.inf)
        for i, layer in enumerate(step.decoder.layers):
            keys, values = cache[:, 2 * i], cache[:, 2 * i + 1]
            # Self-attention over the cache, this step's keys and values written in place
            attn = layer.self_attn
            residual = hidden
            q = attn.q_proj(hidden).view(rows, 1, heads, dim).transpose(1, 2)
            new_keys = attn.k_proj(hidden).view(rows, 1, heads, dim).transpose(1, 2)
            new_values = attn.v_proj(hidden).view(rows, 1, heads, dim).transpose(1, 2)
            keys.index_copy_(2, position, new_keys)
            values.index_copy_(2, position, new_values)
            out = F.scaled_dot_product_attention(
                q, keys[:, :, :span], values[:, :, :span], attn_mask=causal, scale=step.scaling
            )
            out = out.transpose(1, 2).reshape(rows, 1, -1)
            hidden = layer.self_attn_layer_norm(residual + attn.out_proj(out))
            hidden = step.cross_attend(
                layer, hidden, cross[:, 2 * i], cross[:, 2 * i + 1], mask, beams
            )
            hidden = step.feed_forward(layer, hidden)
        step.logits(hidden, out=logits)


class StaticEncoded:
    """The cross-attention keys and values of a batch's live inputs, in the static buffers
    (the first ``inputs`` of them)."""

    def __init__(self, owner: GraphedStep, inputs: int, source: int):
        self.owner, self.inputs, self.source = owner, inputs, source

    @property
    def mask(self) -> torch.Tensor:
        return self.owner.mask_view(self.inputs, self.source)

    def keep(self, rows: torch.Tensor) -> StaticEncoded:
        """Keeps inputs ``rows`` (in that order), moved to the front in place."""
        kept = rows.shape[0]
        cross = self.owner.cross_view(self.inputs, self.source)
        cross[:kept] = cross[rows]
        mask = self.mask
        mask[:kept] = mask[rows]
        self.inputs = kept
        return self


class StaticCache:
    """The self-attention cache of a batch's live rows (the first ``rows``), zeroed when a
    batch starts: every position a mask hides holds a finite value."""

    def __init__(self, owner: GraphedStep, rows: int, length: int):
        self.owner, self.rows, self.length = owner, rows, length
        owner.cache_view(rows, length).zero_()

    def reserve(self, t: int) -> None:
        """Nothing to do: the cache is as long as the batch's cap from the start."""

    def select(self, rows: torch.Tensor, filled: int) -> None:
        """Keeps rows ``rows`` (in that order) of the first ``filled`` positions, in place."""
        kept = rows.shape[0]
        moved = self.owner.cache_view(self.rows, self.length)[..., :filled, :].index_select(0, rows)
        self.owner.cache_view(kept, self.length)[..., :filled, :].copy_(moved)
        self.rows = kept
