"""The memory's SQLite store (the standard library's ``sqlite3``, WAL mode, so runs on
several outboxes can share one file at once and a killed run leaves it consistent)."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SCHEMA = 1
_OPEN_TRIES = 20
_CHUNK = 500  # sources per lookup query (SQLite's variable limit is 999 on old builds)


class MemoryUnavailable(Exception):
    """The memory file cannot be opened or read (corrupt, not a database, no permission)."""


@dataclass(frozen=True)
class Entry:
    """One remembered sentence: its translation, the model's score, the translation's own
    findings (``split``, ``capped``, ``repaired``: kind, message, data) and a runaway
    sentence's retry."""

    source: str
    translation: str
    score: float | None = None
    findings: tuple[dict, ...] = ()
    retry: dict | None = None


def memory_key(translation_settings: dict, terms: Sequence[tuple[str, str]] = ()) -> str:
    """What decides a sentence's translation, as one string: the translation stage's
    settings (model identity, engine, dtype, beams, length caps), not the language check;
    the glossary only through the ``terms`` (Dutch, English) the sentence holds, so a
    changed glossary leaves the memory of every other sentence usable."""
    wanted = {k: v for k, v in translation_settings.items() if k not in _NOT_KEYED}
    if terms:
        wanted["terms"] = [list(term) for term in terms]
    return json.dumps(wanted, sort_keys=True)


_NOT_KEYED = ("language_check", "glossary")


class TranslationMemory:
    """The memory in one SQLite file.

    Args:
        path: the database file; created (with its folder) when missing.

    Raises:
        MemoryUnavailable: the file is there but is not a memory this version can use.
    """

    def __init__(self, path: Path):
        self.path = path
        # Two runs creating one file at once: switching it to WAL takes an exclusive lock
        # that SQLite's busy wait does not always cover, so the first one is retried
        for attempt in range(_OPEN_TRIES):
            try:
                self._open(path)
                break
            except MemoryUnavailable as exc:
                if not str(exc).endswith("database is locked") or attempt == _OPEN_TRIES - 1:
                    raise
                if getattr(self, "_db", None) is not None:
                    self._db.close()
                time.sleep(0.05 * (attempt + 1))
        self.lookups = self.hits = 0
        self._ids: dict[str, int] = {}

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            # Two runs may open one file at once: every write takes the write lock up front
            # (BEGIN IMMEDIATE waits for it), as a write that starts as a read would fail at
            # once ("database is locked") when the other run wrote in between
            self._db.executescript(
                f"""
                BEGIN IMMEDIATE;
                CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT);
                CREATE TABLE IF NOT EXISTS settings (id INTEGER PRIMARY KEY, key TEXT UNIQUE);
                CREATE TABLE IF NOT EXISTS entries (
                    settings INTEGER NOT NULL, source TEXT NOT NULL, translation TEXT NOT NULL,
                    score REAL, findings TEXT NOT NULL, retry TEXT,
                    created REAL NOT NULL, used REAL NOT NULL,
                    PRIMARY KEY (settings, source)
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO meta (name, value) VALUES ('schema', '{SCHEMA}');
                COMMIT;
                """
            )
            schema = self._db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
        except (sqlite3.Error, OSError) as exc:
            raise MemoryUnavailable(f"{path}: {exc}") from None
        if schema is None or schema[0] != str(SCHEMA):
            raise MemoryUnavailable(f"{path}: a memory of another version (schema {schema})")

    def _id(self, key: str, create: bool) -> int | None:
        """The number standing for ``key`` in the entries (a key is long: the model's
        identity and every setting), made when ``create``."""
        if key not in self._ids:
            if create:
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.execute("INSERT OR IGNORE INTO settings (key) VALUES (?)", (key,))
            row = self._db.execute("SELECT id FROM settings WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            self._ids[key] = row[0]
        return self._ids[key]

    def close(self) -> None:
        """Records this run's hit rate and closes the file."""
        try:
            rate = json.dumps({"lookups": self.lookups, "hits": self.hits, "at": time.time()})
            self._db.execute("INSERT OR REPLACE INTO meta VALUES ('last_run', ?)", (rate,))
        except sqlite3.Error:
            pass  # the figures are a courtesy; the entries are what matters
        self._db.close()

    def close_quietly(self) -> None:
        """Closes the file without recording a run (for inspecting commands)."""
        self._db.close()

    def lookup(self, key: str, sources: Sequence[str]) -> dict[str, Entry]:
        """The remembered entries among ``sources`` (unique ones), by source.

        Raises:
            MemoryUnavailable: the file cannot be read.
        """
        wanted = list(dict.fromkeys(sources))
        found: dict[str, Entry] = {}
        try:
            key = self._id(key, create=False)
            for start in range(0, len(wanted) if key is not None else 0, _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    "SELECT source, translation, score, findings, retry FROM entries "
                    f"WHERE settings = ? AND source IN ({marks})",
                    (key, *chunk),
                )
                for source, translation, score, findings, retry in rows:
                    found[source] = Entry(
                        source,
                        translation,
                        score,
                        tuple(json.loads(findings)),
                        json.loads(retry) if retry else None,
                    )
            if found:
                now = time.time()
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.executemany(
                        "UPDATE entries SET used = ? WHERE settings = ? AND source = ?",
                        [(now, key, source) for source in found],
                    )
        except (sqlite3.Error, ValueError) as exc:
            raise MemoryUnavailable(f"{self.path}: {exc}") from None
        self.lookups += len(wanted)
        self.hits += len(found)
        return found

    def store(self, key: str, entries: Iterable[Entry]) -> int:
        """Adds entries in one transaction (an entry already there is kept); how many.

        Raises:
            MemoryUnavailable: the file cannot be written.
        """
        now = time.time()
        try:
            key = self._id(key, create=True)
        except sqlite3.Error as exc:
            raise MemoryUnavailable(f"{self.path}: {exc}") from None
        rows = [
            (
                key,
                e.source,
                e.translation,
                e.score,
                json.dumps(list(e.findings)),
                json.dumps(e.retry) if e.retry else None,
                now,
                now,
            )
            for e in entries
        ]
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR IGNORE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows
                )
        except sqlite3.Error as exc:
            raise MemoryUnavailable(f"{self.path}: {exc}") from None
        return len(rows)

    def stats(self) -> dict:
        """Entries, file size and the last run's hit rate."""
        entries = self._db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        keys = self._db.execute("SELECT COUNT(DISTINCT settings) FROM entries").fetchone()[0]
        last = self._db.execute("SELECT value FROM meta WHERE name = 'last_run'").fetchone()
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        run = json.loads(last[0]) if last else None
        rate = round(run["hits"] / run["lookups"], 4) if run and run["lookups"] else None
        return {
            "memory": str(self.path),
            "entries": entries,
            "settings": keys,
            "size_bytes": size,
            "last_run": run and {"lookups": run["lookups"], "hits": run["hits"], "hit_rate": rate},
        }

    def entries(self) -> Iterator[tuple[str, Entry, float]]:
        """Every entry with its key and when it was last used."""
        rows = self._db.execute(
            "SELECT s.key, e.source, e.translation, e.score, e.findings, e.retry, e.used "
            "FROM entries e JOIN settings s ON s.id = e.settings ORDER BY s.key, e.source"
        )
        for key, source, translation, score, findings, retry, used in rows:
            retried = json.loads(retry) if retry else None
            entry = Entry(source, translation, score, tuple(json.loads(findings)), retried)
            yield key, entry, used

    def prune(self, older_than_s: float) -> int:
        """Removes the entries not used for ``older_than_s`` seconds; how many."""
        cutoff = time.time() - older_than_s
        with self._db:
            self._db.execute("BEGIN IMMEDIATE")
            removed = self._db.execute("DELETE FROM entries WHERE used < ?", (cutoff,)).rowcount
        self._db.execute("VACUUM")
        return removed
