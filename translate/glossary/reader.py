"""Reading a glossary file: one entry a line, ``Dutch term<TAB>English term`` (or two CSV
columns); a line with only a Dutch term keeps that term as it is; ``#`` starts a comment;
every inflected form is its own line (``gemeenteraad``, ``gemeenteraden``)."""

from __future__ import annotations

import csv
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from translate.errors import UsageError


class GlossaryError(UsageError):
    """A glossary file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Entry:
    """One glossary line: the Dutch term and its required English (``None``: keep the Dutch
    term as it is in the text), and the line it came from."""

    dutch: str
    english: str | None
    line: int

    @property
    def keep(self) -> bool:
        return self.english is None


@dataclass(frozen=True)
class Glossary:
    """A read glossary: its entries, the file's sha256 (its identity, recorded in sidecars)
    and ``digest``, a hash of the entries alone: what decides translations, so a changed
    comment redoes nothing and a changed term redoes every article."""

    path: str
    entries: tuple[Entry, ...]
    sha256: str

    @property
    def digest(self) -> str:
        pairs = sorted((e.dutch, e.english or "") for e in self.entries)
        return hashlib.sha256(json.dumps(pairs, ensure_ascii=False).encode()).hexdigest()

    @functools.cached_property
    def index(self):
        """The matcher's index of the terms (see :mod:`translate.glossary.match`)."""
        from translate.glossary.match import Index

        return Index(self)

    def describe(self) -> dict:
        """What a sidecar says of the glossary."""
        return {"file": self.path, "sha256": self.sha256, "entries": len(self.entries)}


def read_glossary(path: Path) -> Glossary:
    """Reads and validates a glossary file (``.csv``: comma-separated, else tab-separated).

    Raises:
        GlossaryError: the file is missing, not UTF-8, or a line is bad (three columns, an
            empty Dutch term, a term listed twice with different translations), naming the
            file and line.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"{path}: cannot read glossary ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"{path}:{line}: glossary is not UTF-8") from exc
    delimiter = "," if path.suffix.lower() == ".csv" else "\t"
    entries: list[Entry] = []
    seen: dict[str, Entry] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = _fields(line, delimiter, path, number)
        entry = _entry(fields, path, number)
        key = _key(entry.dutch)
        earlier = seen.get(key)
        if earlier is not None:
            if earlier.english != entry.english:
                raise GlossaryError(
                    f"{path}:{number}: {entry.dutch!r} is already on line {earlier.line} with "
                    f"another translation ({_shown(earlier.english)} vs {_shown(entry.english)})"
                )
            continue
        seen[key] = entry
        entries.append(entry)
    if not entries:
        raise GlossaryError(f"{path}: the glossary holds no terms")
    return Glossary(str(path), tuple(entries), hashlib.sha256(data).hexdigest())


def _fields(line: str, delimiter: str, path: Path, number: int) -> list[str]:
    try:
        fields = next(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise GlossaryError(f"{path}:{number}: cannot read the line ({exc})") from exc
    fields = [f.strip() for f in fields]
    while len(fields) > 1 and not fields[-1]:
        fields.pop()  # a trailing separator
    return fields


def _entry(fields: list[str], path: Path, number: int) -> Entry:
    separator = "a comma" if path.suffix.lower() == ".csv" else "a tab"
    if len(fields) > 2:
        raise GlossaryError(
            f"{path}:{number}: {len(fields)} columns; a line holds a Dutch term and, after "
            f"{separator}, its English (or nothing, to keep the term)"
        )
    dutch = " ".join(fields[0].split())
    if not dutch:
        raise GlossaryError(f"{path}:{number}: the Dutch term is empty")
    if not any(c.isalnum() for c in dutch):
        raise GlossaryError(f"{path}:{number}: the Dutch term {dutch!r} has no letters")
    english = " ".join(fields[1].split()) if len(fields) == 2 else ""
    return Entry(dutch, english or None, number)


def _key(term: str) -> str:
    """Terms match case-insensitively on their first letter only."""
    return term[:1].lower() + term[1:]


def _shown(english: str | None) -> str:
    return repr(english) if english is not None else "kept as it is"
