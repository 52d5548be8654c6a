import random

import pytest

from translate.text.batching import plan


def test_every_index_once_and_budget_kept():
    rng = random.Random(1)
    lengths = [rng.randint(3, 120) for _ in range(500)]
    batches = plan(lengths, max_tokens=1024)
    assert sorted(i for b in batches for i in b) == list(range(500))
    for batch in batches:
        assert len(batch) == 1 or len(batch) * max(lengths[i] for i in batch) <= 1024


def test_sorted_longest_first():
    lengths = [5, 50, 10, 40, 30]
    batches = plan(lengths, max_tokens=100)
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(lengths, reverse=True)


def test_item_over_budget_gets_its_own_batch():
    assert plan([600, 10, 10], max_tokens=512) == [[0], [1, 2]]


def test_empty_and_invalid():
    assert plan([], 10) == []
    with pytest.raises(ValueError):
        plan([1], 0)
