"""Lexically constrained beam search with dynamic beam allocation (Post & Vilar, 2018).

Each input carries phrases (token sequences) its output must contain: a glossary's English
terms. A hypothesis's state is the set of phrases it has completed and the phrase it is in
the middle of; its *bank* is how many constraint tokens it has met. Each step's candidates
are the best continuations over all beams (as plain beam search), each beam's best token,
and, for every beam, the tokens that advance a constraint (the next token of the phrase it is
in, or the first token of each phrase it has not met); the beam is then filled from the
banks in turn, the highest first, each bank's best candidate a turn, so hypotheses that met
more constraints are never crowded out by better-scoring ones that met fewer.

What makes the result certain, whatever the weights: a token that would glue onto a
completed phrase's last word is not allowed right after it; the end token is allowed only to a
hypothesis that has met every phrase, and a hypothesis whose remaining steps (to its cap,
the end token included) equal the tokens it still needs may only advance. A phrase's tokens
are never forced over the checkpoint's own rules (a forced first or end token, a banned
token, n-gram blocking): such a candidate is dropped, and where that leaves no hypothesis
complete, the best unfinished one is returned and the caller's realization check reports it.

The bookkeeping is per hypothesis in Python (constrained rows are few, and decode in one
batch); the model step, the processors and the cache are the same as plain beam search's.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import torch

from translate.engines.hf_loop.processors import Plan
from translate.engines.hf_loop.search import _force, log_softmax
from translate.engines.hf_loop.step import Encoded, Step

Phrases = tuple[tuple[int, ...], ...]
# A hypothesis's state: the phrases it has completed, (phrase, tokens of it matched) for the
# one it is in, or (-1, 0), and whether its last token completed a phrase
State = tuple[frozenset, int, int, bool]
START: State = (frozenset(), -1, 0, False)


def advance(phrases: Phrases, state: State, token: int) -> State:
    """The state after ``token``: a phrase in progress goes on or is abandoned; a token that
    starts an unmet phrase starts it (the first such phrase, in order)."""
    met, current, matched, _ = state
    if current >= 0:
        phrase = phrases[current]
        if phrase[matched] == token:
            if matched + 1 == len(phrase):
                return met | {current}, -1, 0, True
            return met, current, matched + 1, False
    for p, phrase in enumerate(phrases):
        if p not in met and phrase[0] == token:
            if len(phrase) == 1:
                return met | {p}, -1, 0, True
            return met, p, 1, False
    return met, -1, 0, False


def needed(phrases: Phrases, state: State) -> int:
    """Constraint tokens the hypothesis must still produce."""
    met, current, matched, _ = state
    left = sum(len(phrase) for p, phrase in enumerate(phrases) if p not in met)
    return left - (matched if current >= 0 else 0)


def advancing(phrases: Phrases, state: State) -> list[int]:
    """The tokens that advance a constraint from ``state``."""
    met, current, matched, _ = state
    if current >= 0:
        return [phrases[current][matched]]
    return sorted({phrase[0] for p, phrase in enumerate(phrases) if p not in met})


def allocate(candidates: list[tuple[float, int, int, State]], banks: Sequence[int], beams: int):
    """Up to ``beams`` candidates ``(score, parent, token, state)``, the banks (``banks[i]``:
    candidate ``i``'s met tokens) taking turns from the highest, each its best first."""
    by_bank: dict[int, list[int]] = {}
    for i in sorted(range(len(candidates)), key=lambda i: -candidates[i][0]):
        by_bank.setdefault(banks[i], []).append(i)
    queues = [by_bank[bank][::-1] for bank in sorted(by_bank, reverse=True)]
    chosen: list[int] = []
    while len(chosen) < beams and any(queues):
        for queue in queues:
            if queue and len(chosen) < beams:
                chosen.append(queue.pop())
    return [candidates[i] for i in chosen]


def gluing_mask(pieces, size: int) -> torch.Tensor:
    """``[size]``: which token ids continue the word before them: a piece without its
    tokenizer's word-start mark (sentencepiece's ``▁``, byte-level BPE's ``Ġ``) that starts
    with a letter or digit, with a slash or an ``@`` (an address's path: "haven.nl/en"), or
    with a point or hyphen before one ("haven.nl.com", "council-led"); a point or a comma
    alone ends the word."""
    glue = torch.zeros(size, dtype=torch.bool)
    for i, piece in enumerate(pieces[:size]):
        glue[i] = bool(piece) and (
            piece[0].isalnum()
            or piece[0] in "/@"
            or (piece[0] in ".-" and len(piece) > 1 and piece[1].isalnum())
        )
    return glue


def constrained_beam(
    step: Step,
    plan: Plan,
    encoded: Encoded,
    caps: torch.Tensor,
    phrases: Sequence[Phrases],
    gluing: torch.Tensor | None = None,
) -> tuple[list[list[int]], list[float], list[bool]]:
    """Beam search in which each input's output holds its ``phrases``.

    ``gluing``: a ``[vocab]`` mask of the tokens that continue the word before them (a
    sentencepiece without its word-start mark); none may follow a completed phrase, so a
    term ends as a whole word (``city council``, never ``city councilors``).

    ``caps``: each input's limit of new tokens, which must leave room for its phrases and
    the end token. Returns per input: the generated ids (the decoder start token first, the
    end token last), the beam score (summed log-probabilities over the generated length to
    the power ``length_penalty``), and whether every phrase was met.
    """
    config, processors, beams = plan.config, plan.processors, plan.beams
    device = encoded.mask.device
    batch = encoded.mask.shape[0]
    eos = config._eos_token_tensor
    eos_ids = [int(e) for e in eos.reshape(-1).tolist()] if eos is not None else []
    eos_column = eos.reshape(-1).to(device) if eos is not None else None
    start = int(config._decoder_start_token_tensor.reshape(-1)[0])
    limits = caps.tolist()
    # per input: its beams as (score, tokens, state); empty slots are None
    running: list[list[tuple | None]] = [
        [(0.0, [start], START)] + [None] * (beams - 1) for _ in range(batch)
    ]
    finished: list[list[tuple[float, list[int]]]] = [[] for _ in range(batch)]
    results: list[tuple[list[int], float, bool] | None] = [None] * batch
    alive = list(range(batch))
    cache = step.new_cache(batch * beams, config.max_length, encoded)
    cur_len = 1
    while True:
        hyps = [h for b in alive for h in running[b]]
        owner = [b for b in alive for _ in range(beams)]
        flat = torch.tensor([h[1] if h else [start] * cur_len for h in hyps], device=device)
        logits = step(flat[:, -1], cur_len - 1, cache, encoded, beams)
        log_probs = processors(flat, log_softmax(logits))
        at_cap = [limits[b] == cur_len for b in owner]
        if eos_column is not None:
            if any(at_cap):  # a row's end token at its own cap, as generate forces it
                _force(log_probs, torch.tensor(at_cap, device=device), eos_column)
            pairs = zip(owner, hyps, strict=True)
            unmet = [not h or needed(phrases[b], h[2]) > 0 for b, h in pairs]
            if any(unmet):  # the end token only once every phrase is met
                rows = torch.tensor(unmet, device=device)[:, None]
                log_probs[:, eos_column] = log_probs[:, eos_column].masked_fill(rows, -math.inf)
        fresh = [bool(h) and h[2][3] for h in hyps]
        if gluing is not None and any(fresh):  # a completed term ends its word
            rows = torch.tensor(fresh, device=device)[:, None]
            log_probs.masked_fill_(rows & gluing[None, :], -math.inf)
        base = torch.tensor([h[0] if h else -math.inf for h in hyps], device=device)
        scores = log_probs + base[:, None]
        vocab = scores.shape[-1]
        top_scores, top_ids = torch.topk(scores.view(len(alive), -1), k=2 * beams)
        best_scores, best_ids = scores.max(dim=-1)
        wanted = [
            (r, t)
            for r, (b, h) in enumerate(zip(owner, hyps, strict=True))
            if h
            for t in (eos_ids if at_cap[r] else advancing(phrases[b], h[2]))
        ]
        wanted_scores = []
        if wanted:
            rows_t = torch.tensor([w[0] for w in wanted], device=device)
            cols_t = torch.tensor([w[1] for w in wanted], device=device)
            wanted_scores = scores[rows_t, cols_t].tolist()
        top_scores, top_ids = top_scores.tolist(), top_ids.tolist()
        best_scores, best_ids = best_scores.tolist(), best_ids.tolist()

        # New beams per input, from its pool of candidates
        pools: list[dict[tuple[int, int], float]] = [{} for _ in alive]
        for i in range(len(alive)):
            for score, index in zip(top_scores[i], top_ids[i], strict=True):
                pools[i][(index // vocab, index % vocab)] = score
        for r in range(len(hyps)):
            pools[r // beams][(r % beams, best_ids[r])] = best_scores[r]
        for (r, t), score in zip(wanted, wanted_scores, strict=True):
            pools[r // beams][(r % beams, t)] = score
        keep, source = [], []
        for i, b in enumerate(alive):
            parents = _step_input(
                running, finished, b, pools[i], phrases[b], limits[b], cur_len, eos_ids, config
            )
            if parents is None or cur_len >= limits[b]:
                results[b] = _best(running[b], finished[b], phrases[b], config.length_penalty)
                continue
            keep.append(i)
            source.extend(i * beams + parent for parent in parents)
        cur_len += 1
        if not keep:
            break
        if len(keep) < len(alive):
            encoded = encoded.keep(torch.tensor(keep, device=device))
        alive = [alive[i] for i in keep]
        cache.select(torch.tensor(source, device=device), cur_len - 1)
    return [r[0] for r in results], [r[1] for r in results], [r[2] for r in results]


def _step_input(
    running, finished, b, pool, phrases, cap, cur_len, eos_ids, config
) -> list[int] | None:
    """One input's step: its new beams (``running[b]``) and finished hypotheses from the
    candidate ``pool`` (``(parent slot, token) -> score``); returns each new beam's parent
    slot, or ``None`` when the input is done."""
    beams = len(running[b])
    length_penalty = config.length_penalty
    total = sum(len(p) for p in phrases)
    candidates, banks = [], []
    for (parent, token), score in pool.items():
        hyp = running[b][parent]
        if hyp is None or score == -math.inf:
            continue
        if token in eos_ids:
            if needed(phrases, hyp[2]) == 0:
                finished[b].append((score / (cur_len**length_penalty), [*hyp[1], token]))
            continue
        state = advance(phrases, hyp[2], token)
        left = needed(phrases, state)
        if left > cap - cur_len - 1:  # no room left for the rest and the end token
            continue
        candidates.append((score, parent, token, state))
        banks.append(total - left)
    finished[b].sort(key=lambda f: -f[0])
    del finished[b][beams:]
    chosen = allocate(candidates, banks, beams)
    previous = running[b]
    running[b] = [(s, [*previous[p][1], t], state) for s, p, t, state in chosen]
    running[b] += [None] * (beams - len(chosen))
    if not chosen:
        return None
    parents = [p for _, p, _, _ in chosen] + [chosen[0][1]] * (beams - len(chosen))
    if len(finished[b]) < beams:
        return parents
    if config.early_stopping is True:
        return None
    best_running = max(h[0] for h in running[b] if h) / (cur_len**length_penalty)
    return None if best_running <= finished[b][-1][0] else parents


def _best(running, finished, phrases, length_penalty) -> tuple[list[int], float, bool]:
    """An input's result: its best finished hypothesis, else its best running one (which
    may not have met every phrase)."""
    if finished:
        normalized, tokens = finished[0]
        return tokens, normalized, True
    live = [h for h in running if h]
    if not live:
        return [], -math.inf, False
    score, tokens, state = max(live, key=lambda h: h[0])
    return tokens, score / max(1, len(tokens) - 1) ** length_penalty, needed(phrases, state) == 0
