"""Transformers + torch seq2seq engine."""

from __future__ import annotations

import copy
import inspect
import logging
import warnings
from collections.abc import Sequence
from dataclasses import replace

import torch
from transformers.cache_utils import DynamicCache, EncoderDecoderCache

from translate.config import RuntimeOptions, tokens_that_fit
from translate.engines import Generated, GenerationSettings
from translate.engines.checkpoint import (
    HFTokenized,
    Scores,
    by_cap,
    defaults_of,
    eos_ids,
    in_groups,
    input_limit,
    results_of,
)
from translate.engines.hf_loop import loop_for
from translate.engines.hf_loop.constraints import gluing_mask
from translate.errors import ModelLoadError, UsageError, first_line
from translate.models.devices import configure_backends, dtype_name, resolve_device, resolve_dtype
from translate.models.hub import ResolvedModel

logger = logging.getLogger(__name__)

_SCORE_BATCH = 32  # pairs scored together by :meth:`TorchEngine.score`
# Greedy decoding cannot enforce phrases (one hypothesis has no room to try one): rows with
# terms decode with this small beam instead
CONSTRAINED_BEAMS = 4


class _BeamCache(EncoderDecoderCache):
    """Beam search without reordering the cross-attention cache.

    Plain HF ``generate`` re-gathers every layer's cross-attention keys and values on every
    beam step. All beams of one input hold identical copies of them (the encoder output,
    expanded), and beam reordering only permutes beams within an input, so the gather is
    the identity on values: skipping it changes no output. Measured on a 2-core CPU with a
    distilbart-cnn-shaped model, three summaries at once: 1.1-1.2x faster with inputs padded
    to 682 tokens, 1.8-2x with inputs padded to 832 tokens.
    """

    def reorder_cache(self, beam_idx: torch.LongTensor) -> None:
        self.self_attention_cache.reorder_cache(beam_idx)


class TorchEngine(HFTokenized):
    """A seq2seq checkpoint (MarianMT, BART, ...) loaded once onto one device.

    Args:
        model: the resolved model folder.
        runtime: device and dtype: ``auto`` picks CUDA with fp16 when present, else CPU fp32;
            ``int8`` (CPU) quantizes the Linear layers dynamically.
        own_loop: decode with our loop where it covers the model and settings; ``False``
            always uses plain ``generate`` (the bench's A/B).
        graphs: replay our loop's decoder step as CUDA graphs; ``None``: on CUDA devices
            (see :mod:`~translate.engines.hf_loop.graphs`) unless ``runtime.cuda_graphs`` is
            off; ``False``: step by step.
    """

    name = "torch"
    constrains = True

    def __init__(
        self,
        model: ResolvedModel,
        runtime: RuntimeOptions = RuntimeOptions(),
        own_loop: bool = True,
        graphs: bool | None = None,
    ):
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self.model_id = model.model_id
        self.revision = model.revision
        self._resolved = model
        self._device = resolve_device(runtime.device)
        if runtime.threads:
            torch.set_num_threads(runtime.threads)
        int8 = runtime.dtype == "int8"
        if int8 and self._device.type != "cpu":
            raise UsageError("dtype int8 (dynamic quantization) runs on the CPU only")
        self._dtype = resolve_dtype(self._device, "fp32" if int8 else runtime.dtype)
        self.device = str(self._device)
        self.dtype = "int8" if int8 else dtype_name(self._dtype)
        configure_backends(self._device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model.path)
            self.model = AutoModelForSeq2SeqLM.from_pretrained(model.path, dtype=self._dtype)
        except Exception as exc:  # transformers raises OSError, ValueError, KeyError, ...
            raise ModelLoadError(f"{model.path}: cannot load model ({first_line(exc)})") from exc
        self.model.to(self._device).eval()
        if self.dtype == "int8":
            # Linear layers hold nearly all the weights and time; activations stay fp32.
            with warnings.catch_warnings():  # torch.ao quantization announces its successor
                warnings.simplefilter("ignore", UserWarning)
                self.model = torch.ao.quantization.quantize_dynamic(
                    self.model, {torch.nn.Linear}, dtype=torch.qint8
                )
        self.max_input_tokens = input_limit(self.model.config, self.tokenizer)
        self._generation = self.model.generation_config
        self.defaults = defaults_of(self._generation, self.max_input_tokens)
        self._pad_id = self.tokenizer.pad_token_id
        self._eos_ids = eos_ids(self._generation)
        self._banned = [ids[0] for ids in self._generation.bad_words_ids or [] if len(ids) == 1]
        # transformers renamed generate's ``past_key_values`` to ``cache`` during 5.x
        parameters = inspect.signature(self.model.forward).parameters
        self._cache_kwarg = "cache" if "cache" in parameters else "past_key_values"
        # Our own decoding loop where the architecture allows it; ``None`` (or settings the
        # loop does not cover) means plain ``generate``
        if graphs is None and not runtime.cuda_graphs:
            graphs = False
        self.loop = loop_for(self.model, graphs) if own_loop else None
        self._phrases: dict[str, tuple[int, ...]] = {}
        self._glue: torch.Tensor | None = None
        # Fewer distinct shapes on GPUs (kernel and allocator reuse); pure waste on CPU.
        self._pad_multiple = 8 if self._device.type == "cuda" else 1
        logger.info(
            "loaded %s from %s on %s (%s), decoding with %s",
            model.model_id,
            model.path,
            self.device,
            self.dtype,
            "our loop" if self.loop else "transformers' generate",
        )

    def generate(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        try:
            return self._generate(batch, settings)
        except torch.OutOfMemoryError:
            if len(batch) == 1:
                raise
            # Halve the batch and retry instead of failing the run.
            if self._device.type == "cuda":
                torch.cuda.empty_cache()
            half = len(batch) // 2
            logger.warning("out of memory on a batch of %d rows; retrying in halves", len(batch))
            first = self.generate(batch[:half], settings.rows(0, half))
            return first + self.generate(batch[half:], settings.rows(half, len(batch)))

    def _generate(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        terms = settings.row_terms
        if terms is not None and any(terms) and self.loop:
            if all(terms):
                return self._constrained(batch, settings)
            # Rows without terms decode as they would without a glossary
            return in_groups(self._generate, batch, settings.by_terms(len(batch)))
        # Preprocess
        width = max(len(row) for row in batch)
        width += -width % self._pad_multiple
        ids = torch.full((len(batch), width), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for i, row in enumerate(batch):
            ids[i, : len(row)] = torch.tensor(row, dtype=torch.long)
            mask[i, : len(row)] = 1
        config = self._config_for(settings)
        ids, mask = ids.to(self._device), mask.to(self._device)
        caps = settings.caps(len(batch))
        # Forward
        with torch.inference_mode():
            plan = self.loop.prepare(config, ids) if self.loop else None
            if plan is None and len(set(caps)) > 1:
                return by_cap(self._generate, batch, settings)  # generate: one limit a call
            if plan is not None:
                limits = torch.tensor(caps) if settings.row_caps is not None else None
                out, values = self.loop.generate(ids, mask, plan, limits)
            else:
                out, values = self._plain_generate(ids, mask, config)
        # Postprocess
        rows = [row[:cap] for row, cap in zip(out[:, 1:].tolist(), caps, strict=True)]
        texts = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
        beams = config.num_beams or 1
        scores = Scores(
            values.float().cpu().tolist(),
            length_penalty=_given(config.length_penalty, 1.0) if beams > 1 else 0.0,
            forced_bos=config.forced_bos_token_id is not None,
            forced_eos=config.forced_eos_token_id is not None,
        )
        return results_of(rows, texts, self._eos_ids, caps, scores)

    def token_budget(self, beams: int | None) -> int | None:
        if self._device.type != "cuda":
            return None  # a CPU gains nothing past its default; memory is not the limit
        free, _ = torch.cuda.mem_get_info(self._device)
        config = self.model.config
        return tokens_that_fit(
            free,
            layers=config.decoder_layers,
            width=config.d_model,
            vocab=config.vocab_size,
            beams=beams or self.defaults.num_beams,
            itemsize=torch.finfo(self._dtype).bits // 8,
        )

    def _constrained(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        """Rows whose outputs must hold phrases (``settings.row_terms``), decoded together by
        lexically constrained beam search (:mod:`~translate.engines.hf_loop.constraints`).
        A row's cap grows where its phrases and the end token would not fit."""
        phrases = [tuple(p for p in map(self._phrase, terms) if p) for terms in settings.row_terms]
        caps = [
            min(max(cap, sum(map(len, row)) + 2), self.defaults.max_length)
            for cap, row in zip(settings.caps(len(batch)), phrases, strict=True)
        ]
        beams = max(settings.num_beams or self.defaults.num_beams, 1)
        wider = replace(
            settings,
            num_beams=beams if beams > 1 else CONSTRAINED_BEAMS,
            max_new_tokens=max(caps),
            row_caps=tuple(caps),
        )
        ids, mask = self._padded(batch)
        ids, mask = ids.to(self._device), mask.to(self._device)
        config = self._config_for(wider)
        with torch.inference_mode():
            plan = self.loop.prepare(config, ids)
            if plan is None:  # settings the loop does not cover: decoded without the terms
                return self._generate(batch, replace(settings, row_terms=None))
            out, values, _ = self.loop.constrained(
                ids, mask, plan, torch.tensor(caps), phrases, self._gluing()
            )
        rows = [row[1:] for row in out]
        texts = self.tokenizer.batch_decode(rows, skip_special_tokens=True)
        scores = Scores(
            values,
            length_penalty=_given(config.length_penalty, 1.0),
            forced_bos=config.forced_bos_token_id is not None,
            forced_eos=config.forced_eos_token_id is not None,
        )
        return results_of(rows, texts, self._eos_ids, caps, scores)

    def _gluing(self) -> torch.Tensor:
        """The tokens that continue the word before them (see :func:`gluing_mask`); built
        once."""
        if self._glue is None:
            size = self.model.get_output_embeddings().weight.shape[0]
            pieces = self.tokenizer.convert_ids_to_tokens(list(range(len(self.tokenizer))))
            self._glue = gluing_mask(pieces, size).to(self._device)
        return self._glue

    def spells(self, text: str) -> bool:
        """Whether the target vocabulary writes ``text`` without an unknown token."""
        unknown = self.tokenizer.unk_token_id
        return unknown is None or unknown not in self._phrase(text)

    def _phrase(self, term: str) -> tuple[int, ...]:
        """A term's target token ids, without special tokens (cached: terms repeat)."""
        known = self._phrases.get(term)
        if known is None:
            # an unknown character stays <unk>: the output then lacks the term, and the
            # caller's realization check says so
            ends = self._eos_ids | {self._pad_id}
            ids = self.encode_targets([term])[0]
            known = self._phrases[term] = tuple(t for t in ids if t not in ends)
        return known

    def _plain_generate(self, ids, mask, config) -> tuple[torch.Tensor, torch.Tensor]:
        """transformers' ``generate``, with the same scores as our loop gives."""
        config = copy.copy(config)
        config.output_scores = config.return_dict_in_generate = True
        out = self.model.generate(
            input_ids=ids,
            attention_mask=mask,
            generation_config=config,
            **{self._cache_kwarg: _BeamCache(DynamicCache(), DynamicCache())},
        )
        if (config.num_beams or 1) > 1:
            return out.sequences, out.sequences_scores
        # Greedy: each step's processed scores, log-softmaxed, at the chosen tokens; a row
        # stops counting at its first end token (generate pads finished rows)
        steps = torch.stack(out.scores, dim=1).float().log_softmax(-1)
        chosen = out.sequences[:, 1 : 1 + steps.shape[1]]
        picked = steps.gather(2, chosen[:, :, None])[:, :, 0]
        ended = torch.isin(chosen, torch.tensor(sorted(self._eos_ids), device=chosen.device))
        after = (ended.cumsum(1) - ended.long()) > 0  # positions after the first end token
        return out.sequences, picked.masked_fill(after, 0.0).sum(1)

    def score(self, sources: Sequence[str], translations: Sequence[str]) -> list[float]:
        limit = self.max_input_tokens
        rows = [row[:limit] for row in self.encode(sources)]
        targets = [row[:limit] for row in self.encode_targets(translations)]
        start = self.model.config.decoder_start_token_id
        means: list[float] = []
        for first in range(0, len(rows), _SCORE_BATCH):
            batch = range(first, min(first + _SCORE_BATCH, len(rows)))
            ids, mask = self._padded([rows[i] for i in batch])
            labels, _ = self._padded([targets[i] for i in batch])
            decoder = torch.full_like(labels, self._pad_id)
            decoder[:, 0] = start
            decoder[:, 1:] = labels[:, :-1]
            known = labels != self._pad_id
            with torch.inference_mode():
                logits = self.model(
                    input_ids=ids.to(self._device),
                    attention_mask=mask.to(self._device),
                    decoder_input_ids=decoder.to(self._device),
                ).logits.float()
                logits[..., self._banned] = -torch.inf  # as the search bans them (Marian's pad)
                chosen = labels.to(self._device)[:, :, None]
                picked = logits.log_softmax(-1).gather(2, chosen)[..., 0].cpu()
            picked = picked.masked_fill(~known, 0.0)
            means.extend((picked.sum(1) / known.sum(1).clamp(min=1)).tolist())
        return means

    def _padded(self, rows: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        width = max(1, max(len(row) for row in rows))
        ids = torch.full((len(rows), width), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for i, row in enumerate(rows):
            ids[i, : len(row)] = torch.tensor(row, dtype=torch.long)
            mask[i, : len(row)] = 1
        return ids, mask

    def _config_for(self, settings: GenerationSettings):
        config = copy.deepcopy(self._generation)
        # Lengths count the decoder start token; set as *_length so the checkpoint's own
        # max_length/min_length cannot take precedence.
        config.max_length = settings.max_new_tokens + 1
        config.min_length = (settings.min_new_tokens or 0) + 1
        for name in ("num_beams", "length_penalty", "no_repeat_ngram_size", "repetition_penalty"):
            value = getattr(settings, name)
            if value is not None:
                setattr(config, name, value)
        return config


def load(model: ResolvedModel, runtime: RuntimeOptions) -> TorchEngine:
    """This engine's entry point for :func:`translate.engines.load.load_engine`."""
    return TorchEngine(model, runtime)


def _given(value, default):
    return default if value is None else value
