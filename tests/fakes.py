"""Test doubles for the engine interface."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace

from translate.engines import CheckpointDefaults, Generated, GenerationSettings


class EchoEngine:
    """Returns its input: one token per whitespace-separated word, plus an end token.

    Records every batch it generated so tests can check what reached the model.
    """

    name = "echo"
    constrains = False
    model_id = "echo"
    revision = None
    identity = "echo"
    device = "cpu"
    dtype = "fp32"

    def __init__(self, max_input_tokens: int = 512, defaults: CheckpointDefaults | None = None):
        self.max_input_tokens = max_input_tokens
        self.defaults = defaults or CheckpointDefaults(num_beams=4, max_length=512)
        self._ids: dict[str, int] = {}
        self._words: list[str] = ["</s>"]
        self.batches: list[list[str]] = []
        self.settings: list[GenerationSettings] = []
        self.encoded: list[tuple[str, str]] = []  # (thread name, text) of every text encoded
        self._lock = threading.Lock()  # encode is thread-safe, as the engines' is

    def token_budget(self, beams) -> int | None:
        return None

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        with self._lock:
            self.encoded.extend((threading.current_thread().name, text) for text in texts)
            return [[self._id(word) for word in text.split()] + [0] for text in texts]

    def decode(self, row: Sequence[int]) -> str:
        return " ".join(self._words[i] for i in row if i != 0)

    def generate(
        self, batch: Sequence[Sequence[int]], settings: GenerationSettings
    ) -> list[Generated]:
        texts = [self.decode(row) for row in batch]
        self.batches.append(texts)
        self.settings.append(settings)
        caps = settings.caps(len(batch))
        pairs = zip(texts, caps, strict=True)
        return [self._result(text, replace(settings, max_new_tokens=cap)) for text, cap in pairs]

    def _result(self, text: str, settings: GenerationSettings) -> Generated:
        tokens = len(text.split())
        return Generated(text, tokens, tokens >= settings.max_new_tokens)

    def _id(self, word: str) -> int:
        if word not in self._ids:
            self._ids[word] = len(self._words)
            self._words.append(word)
        return self._ids[word]


class ShoutEngine(EchoEngine):
    """The echo engine in capitals: shows which texts of a file were replaced by their
    translation."""

    name = model_id = identity = "shout"

    def _result(self, text: str, settings: GenerationSettings) -> Generated:
        return replace(super()._result(text, settings), text=text.upper())
