"""Running a generator a window ahead of its consumer, in a thread."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
_END = object()


def read_ahead(items: Iterator[T], is_window: Callable[[T], bool]) -> Iterator[T]:
    """The items of ``items`` in their order, made by a background thread that runs ahead of
    the consumer until the next window: while the consumer works on window ``k``, the thread
    makes the items up to window ``k + 1`` and then waits for the consumer to take it, so at
    most two windows are held at once.

    This is a generator; an exception in ``items`` is raised here, where its item would have
    come, and closing this generator (or an exception in the consumer) stops the thread at
    its next item.
    """
    handed: queue.Queue = queue.Queue()
    taken = threading.Semaphore(0)
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                handed.put((item, None))
                if is_window(item):
                    taken.acquire()  # until the consumer takes this window
                    if stop.is_set():
                        return
            handed.put((_END, None))
        except BaseException as exc:  # handed on, raised in the consumer's thread
            handed.put((_END, exc))

    thread = threading.Thread(target=produce, name="read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item, error = handed.get()
            if error is not None:
                raise error
            if item is _END:
                return
            if is_window(item):
                taken.release()
            yield item
    finally:
        stop.set()
        taken.release()
