"""Length-sorted, token-budget batch plans. Pure and engine-agnostic."""

from __future__ import annotations

from collections.abc import Sequence


def plan(lengths: Sequence[int], max_tokens: int) -> list[list[int]]:
    """Groups item indices into batches whose padded size stays within a token budget.

    Items are sorted longest first, so rows in a batch have similar lengths (little padding)
    and the biggest batch runs first (memory trouble shows at once, not at the end).

    Args:
        lengths: token count of each item.
        max_tokens: budget for ``rows x longest row`` per batch; an item longer than the
            budget gets a batch of its own.

    Returns:
        Batches of indices into ``lengths``; every index appears exactly once.
    """
    if max_tokens < 1:
        raise ValueError("max_tokens must be positive")
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    widest = 0
    for i in order:
        width = max(widest, lengths[i])
        if current and (len(current) + 1) * width > max_tokens:
            batches.append(current)
            current, width = [], lengths[i]
        current.append(i)
        widest = width
    if current:
        batches.append(current)
    return batches


class Windows:
    """The window policy: consecutive items are gathered until their sizes add up to
    ``max_size`` (segments, say) or there are ``max_items`` of them, then handed on as one
    window, which is sorted and batched as a whole. Bounds memory on any number of items.

    Usage: ``full = windows.add(item, size)`` returns a full window (else ``None``);
    ``windows.rest()`` returns what is left at the end.
    """

    def __init__(self, max_size: int, max_items: int | None = None):
        self.max_size, self.max_items = max_size, max_items
        self._items: list = []
        self._size = 0

    def add(self, item, size: int) -> list | None:
        self._items.append(item)
        self._size += size
        full = self._size >= self.max_size or (
            self.max_items is not None and len(self._items) >= self.max_items
        )
        return self.rest() if full else None

    def rest(self) -> list:
        items, self._items, self._size = self._items, [], 0
        return items
