"""The translation memory: every sentence translated, kept across runs in SQLite, so an
updated article redoes only what changed and a recurring sentence is decoded once. Entries
are keyed by everything that decides a translation (the model's identity, engine, dtype and
decoding settings) and the exact source sentence."""

from translate.memory.store import Entry, MemoryUnavailable, TranslationMemory, memory_key

__all__ = ["Entry", "MemoryUnavailable", "TranslationMemory", "memory_key"]
