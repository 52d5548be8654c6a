"""The decoding plan: HF's own logits processors and stopping criteria for one call, built
by the methods ``generate`` uses, with in-place versions of the common processors."""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass

import torch

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
# Of those, the one that computes with score values (the others only set a score to -inf, or
# a forced token's to 0, which gives the same in half precision as in float32)
_ARITHMETIC = {"RepetitionPenaltyLogitsProcessor"}


@dataclass(frozen=True)
class Plan:
    """Everything a search needs besides the model: the prepared generation config, the
    processors to apply to each step's scores, and the stopping criteria."""

    config: object
    processors: Processors
    criteria: object

    @property
    def beams(self) -> int:
        return self.config.num_beams or 1


def build_plan(model, generation_config, input_ids: torch.Tensor) -> Plan | None:
    """The plan for ``generate``-equivalent decoding, or ``None`` for settings the loop does
    not cover (sampling, several return sequences, processors it does not know).

    Raises:
        AttributeError, TypeError: transformers' private generation helpers changed.
    """
    from transformers import LogitsProcessorList, StoppingCriteriaList
    from transformers.generation.configuration_utils import GenerationMode

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
    in_place = [_in_place(p, input_ids.device) for p in processors]
    arithmetic = any(type(p).__name__ in _ARITHMETIC for p in processors)
    return Plan(config, Processors(in_place, float32=arithmetic), criteria)


class Processors:
    """Applies processors in order; the in-place ones write into ``scores`` directly.

    ``float32``: whether one of them computes with the scores' values, so that raw logits
    must be widened to float32 first, as ``generate`` widens them; otherwise greedy search
    runs them on logits in the model's dtype, with the same result and half the memory
    traffic over ``[rows, vocab]`` in fp16."""

    def __init__(self, processors, float32: bool = False):
        self.processors = processors
        self.float32 = float32

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
