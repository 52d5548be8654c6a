"""The outbox: inbox scan, output names, sidecars, skip/resume, the run lock."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path, PurePath, PurePosixPath

from translate.errors import UsageError
from translate.formats import format_for
from translate.outputs.files import (
    TEMP_PREFIX,
    TEMP_SUFFIX,
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_text,
)

LOCK_NAME = ".translate.lock"
PID_NAME = ".translate.pid"


@dataclass(frozen=True)
class Scan:
    """What an inbox scan found: the sources (paths relative to the inbox, sorted) and the
    files it passed over on purpose, each with its reason."""

    sources: list[Path]
    passed_over: list[tuple[Path, str]]


def scan(
    inbox: Path,
    patterns: Sequence[str],
    exclude: Path | None = None,
    follow_symlinks: bool = False,
) -> Scan:
    """Finds source files under ``inbox`` matching any of ``patterns``.

    Patterns match the path relative to the inbox from its right end (``*.txt`` anywhere,
    ``regio/*.txt`` in any folder called ``regio``), ignoring case, so ``BERICHT.TXT`` is
    found by ``*.txt``. Hidden files and anything under ``exclude`` are left out. A file
    symlink that resolves outside the inbox is passed over (with its reason) unless
    ``follow_symlinks``; folder symlinks are never descended into, so a link loop cannot
    hang the scan.

    Raises:
        UsageError: no inbox, an outbox that holds it, or a pattern that is not relative.
    """
    matchers = [_matcher(pattern) for pattern in patterns]
    if not inbox.is_dir():
        raise UsageError(f"{inbox}: inbox folder does not exist")
    if exclude is not None and inbox.resolve().is_relative_to(exclude.resolve()):
        raise UsageError(
            f"{exclude}: the outbox is the inbox or holds it; choose an outbox outside {inbox}"
        )
    root = inbox.resolve()
    found: set[Path] = set()
    passed_over: dict[Path, str] = {}
    for path in inbox.rglob("*"):
        rel = path.relative_to(inbox)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        lowered = PurePosixPath(rel.as_posix().lower())
        if not any(lowered.match(matcher) for matcher in matchers):
            continue
        target = path.resolve()
        if exclude is not None and target.is_relative_to(exclude.resolve()):
            continue
        if not follow_symlinks and not target.is_relative_to(root):
            passed_over[rel] = outside_reason(target)
            continue
        found.add(rel)
    return Scan(sorted(found), sorted(passed_over.items()))


def outside_reason(target: Path) -> str:
    """Why a file symlink out of the inbox is passed over."""
    return f"a symlink to {target}, outside the inbox (--follow-symlinks to read it)"


def _matcher(pattern: str) -> str:
    if not pattern.strip():
        raise UsageError("--glob '': give a file pattern such as '*.txt'")
    if PurePath(pattern).is_absolute() or PurePosixPath(pattern).is_absolute():
        raise UsageError(
            f"--glob {pattern!r}: patterns are relative to the inbox (such as '*.txt' or "
            "'regio/*.md')"
        )
    if ".." in PurePosixPath(pattern).parts:
        raise UsageError(f"--glob {pattern!r}: a pattern cannot leave the inbox ('..')")
    return pattern.lower()


# The name limit of Linux and macOS file systems, in bytes
NAME_MAX = 255
_HASH = 8


def output_name(source_name: str, suffix: str) -> str:
    """``<source file name><suffix>``, e.g. ``a.md`` + ``.json``: ``a.md.json``.

    Keeping the whole source name means two sources never share an output (``a.txt`` and
    ``a.md`` differ). A name over the file system's 255-byte limit is shortened to fit, with
    a hash of the whole source name, so it still cannot collide.
    A name that is not valid UTF-8 (a Latin-1 name from an old share) keeps its very bytes.
    """
    name = source_name + suffix
    if len(os.fsencode(name)) <= NAME_MAX:
        return name
    raw = os.fsencode(source_name)
    digest = hashlib.sha256(raw).hexdigest()[:_HASH]
    room = NAME_MAX - len(suffix.encode()) - _HASH - 1
    head = raw[:room]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:  # a character cut in two, or a name that is not UTF-8
        cut = exc.reason == "unexpected end of data" and exc.end == len(head)
        text = head[: exc.start].decode("utf-8") if cut else os.fsdecode(head)
    return f"{text}~{digest}{suffix}"


@dataclass(frozen=True)
class Freshness:
    """What of an article's outputs is current (see :meth:`Outputs.freshness`), and the
    sidecar it was judged by."""

    translation: bool
    summary: bool
    review: bool
    sidecar: dict | None

    @property
    def complete(self) -> bool:
        return self.translation and self.summary and self.review


@dataclass(frozen=True)
class Outputs:
    """Where one article's outputs go, beside each other in ``<outbox>/<relative folder>/``:
    ``<name>.en<ext>`` (``<ext>``: the suffix its format gives the translation, by default
    the source's own), ``<name>.summary.txt``, ``<name>.json``, ``<name>.error.txt`` and
    ``<name>.review.html``, where ``<name>`` is the source's file name with its extension."""

    translation: Path
    summary: Path
    sidecar: Path
    error: Path
    review: Path

    @classmethod
    def for_source(cls, outbox: Path, rel: Path) -> Outputs:
        folder = outbox / rel.parent
        name = rel.name
        translation = format_for(name).translation_suffix(rel.suffix)
        return cls(
            folder / output_name(name, translation),
            folder / output_name(name, ".summary.txt"),
            folder / output_name(name, ".json"),
            folder / output_name(name, ".error.txt"),
            folder / output_name(name, ".review.html"),
        )

    def freshness(self, sha256: str, settings: dict, summary: bool, review: bool) -> Freshness:
        """Which outputs are current for this exact source and these settings, output by
        output: the translation (its settings, and the sentences the sidecar keeps), the
        summary (if asked for: its settings, of a current translation) and the review page
        (if asked for). An output not asked for counts as current and is left alone."""
        try:
            sidecar = json.loads(self.sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            sidecar = None
        if not isinstance(sidecar, dict):
            return Freshness(False, not summary, not review, None)
        old = sidecar.get("settings") or {}
        translation = (
            (sidecar.get("source") or {}).get("sha256") == sha256
            and isinstance(sidecar.get("sentences"), list)
            and old.get("translation") == settings["translation"]
            and self.translation.is_file()
        )
        summarized = (
            translation and old.get("summary") == settings["summary"] and self.summary.is_file()
        )
        reviewed = translation and self.review.is_file()
        return Freshness(translation, summarized or not summary, reviewed or not review, sidecar)

    def write(
        self,
        translation: str | bytes,
        summary: str | None,
        sidecar: dict,
        review: str | None = None,
    ) -> None:
        """Writes the outputs atomically, the sidecar last, and clears an old error file.
        ``translation`` is bytes for a binary format (DOCX); ``review`` is the review page."""
        if isinstance(translation, bytes):
            atomic_write_bytes(self.translation, translation)
        else:
            atomic_write_text(self.translation, translation)
        if review is not None:
            atomic_write_text(self.review, review)
        else:
            self.review.unlink(missing_ok=True)  # a page of an older translation would lie
        if summary is not None:
            atomic_write_text(self.summary, summary)
        else:
            self.summary.unlink(missing_ok=True)
        atomic_write_json(self.sidecar, sidecar)
        self.error.unlink(missing_ok=True)

    def write_error(self, reason: str) -> None:
        atomic_write_text(self.error, reason + "\n")


# What outputs end in; anything else in the outbox is not ours to judge
_OUTPUT_ENDINGS = re.compile(r"\.(en\.[^.]+|summary\.txt|json|error\.txt|review\.html)$")


def orphans(inbox: Path, outbox: Path, keep: Sequence[Path] = ()) -> list[Path]:
    """Outputs (relative to the outbox) that belong to no file now in the inbox: a source
    deleted or renamed since, or outputs named by an older version. They are only reported,
    never deleted: a translation may be all that is left of an article. ``keep`` are files
    the run writes itself (its ``--json`` report)."""
    if not outbox.is_dir():
        return []
    expected: set[Path] = set()
    for path in inbox.rglob("*"):
        rel = path.relative_to(inbox)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            expected.update(p.relative_to(outbox) for p in astuple(Outputs.for_source(outbox, rel)))
    kept = {p.resolve() for p in keep}
    found = []
    for path in own_files(outbox):
        rel = path.relative_to(outbox)
        if (
            not any(part.startswith(".") for part in rel.parts)
            and _OUTPUT_ENDINGS.search(path.name)
            and rel not in expected
            and path.resolve() not in kept
        ):
            found.append(rel)
    return sorted(found)


def own_files(outbox: Path) -> Iterator[Path]:
    """Every file under ``outbox`` except those of another outbox inside it (a folder that
    holds another run's lock file): that run's files are not this one's to judge or clean.
    Folder symlinks are not followed."""
    for folder, folders, files in os.walk(outbox):
        here = Path(folder)
        folders[:] = [f for f in folders if not (here / f / LOCK_NAME).exists()]
        for name in files:
            if (here / name).is_file():
                yield here / name


def remove_stale_temp_files(outbox: Path) -> int:
    """Deletes the temporary files a killed run of this job left behind (named
    ``.translate-*.tmp``; no other file), never inside another outbox; returns how many."""
    count = 0
    for path in own_files(outbox):
        if path.name.startswith(TEMP_PREFIX) and path.name.endswith(TEMP_SUFFIX):
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
