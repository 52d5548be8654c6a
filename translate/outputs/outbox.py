"""The outbox: inbox scan, output names, sidecars, skip/resume, the run lock."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from translate.errors import UsageError
from translate.outputs.files import atomic_write_text

LOCK_NAME = ".translate.lock"
PID_NAME = ".translate.pid"


def scan(inbox: Path, patterns: Sequence[str], exclude: Path | None = None) -> Iterator[Path]:
    """Yields source files under ``inbox`` matching any of ``patterns``, sorted, as paths
    relative to ``inbox``; hidden files and anything under ``exclude`` are skipped."""
    if not inbox.is_dir():
        raise UsageError(f"{inbox}: inbox folder does not exist")
    if exclude is not None and inbox.resolve().is_relative_to(exclude.resolve()):
        raise UsageError(
            f"{exclude}: the outbox is the inbox or holds it; choose an outbox outside {inbox}"
        )
    found = set()
    for pattern in patterns:
        for path in inbox.rglob(pattern):
            rel = path.relative_to(inbox)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            if exclude is not None and path.resolve().is_relative_to(exclude.resolve()):
                continue
            found.add(rel)
    yield from sorted(found)


@dataclass(frozen=True)
class Outputs:
    """Where one article's outputs go: ``<outbox>/<relative folder>/<stem>.*``."""

    translation: Path
    summary: Path
    sidecar: Path
    error: Path

    @classmethod
    def for_source(cls, outbox: Path, rel: Path) -> Outputs:
        folder = outbox / rel.parent
        stem = rel.stem
        return cls(
            folder / f"{stem}.en.txt",
            folder / f"{stem}.summary.txt",
            folder / f"{stem}.json",
            folder / f"{stem}.error.txt",
        )

    def is_current(self, sha256: str, settings: dict, summary: bool) -> bool:
        """True when the sidecar says this exact source was done with these settings."""
        try:
            sidecar = json.loads(self.sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return (
            sidecar.get("source", {}).get("sha256") == sha256
            and sidecar.get("settings") == settings
            and self.translation.is_file()
            and (self.summary.is_file() or not summary)
        )

    def write(self, translation: str, summary: str | None, sidecar: dict) -> None:
        """Writes the outputs atomically, the sidecar last, and clears an old error file."""
        atomic_write_text(self.translation, translation)
        if summary is not None:
            atomic_write_text(self.summary, summary)
        else:
            self.summary.unlink(missing_ok=True)
        atomic_write_text(self.sidecar, json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n")
        self.error.unlink(missing_ok=True)

    def write_error(self, reason: str) -> None:
        atomic_write_text(self.error, reason + "\n")


def remove_stale_temp_files(outbox: Path) -> int:
    """Deletes temporary files a killed run left behind; returns how many."""
    count = 0
    for path in outbox.rglob(".*.tmp"):
        path.unlink(missing_ok=True)
        count += 1
    return count


class OutboxLock:
    """An exclusive lock on the outbox (``filelock``: ``flock`` on POSIX, ``msvcrt`` on
    Windows). The operating system drops it when its holder dies, so it is never stale; the
    holder's pid sits in a file beside it for the message a second run gets."""

    def __init__(self, outbox: Path):
        self.path = outbox / LOCK_NAME
        self.pid_path = outbox / PID_NAME
        self._lock = None

    def __enter__(self) -> OutboxLock:
        from filelock import FileLock, Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file where the folder should be, no permission, ...
            reason = exc.strerror or type(exc).__name__
            raise UsageError(f"{self.path.parent}: cannot use as the outbox ({reason})") from None
        lock = FileLock(self.path, timeout=0)
        try:
            lock.acquire()
        except Timeout:
            try:
                holder = self.pid_path.read_text(encoding="utf-8").strip() or "?"
            except OSError:
                holder = "?"
            raise UsageError(
                f"{self.path.parent}: another translate batch (pid {holder}) is writing to "
                "this outbox; wait for it to finish"
            ) from None
        self.pid_path.write_text(str(os.getpid()), encoding="utf-8")
        self._lock = lock
        return self

    def __exit__(self, *exc) -> None:
        if self._lock is not None:
            self.pid_path.unlink(missing_ok=True)
            self._lock.release()
            self._lock = None
