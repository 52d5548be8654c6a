"""Input formats: a registry of one module per format.

Each format module declares a :class:`~translate.formats.base.Format`: its suffixes, whether
it is read as bytes, how it parses a file into the document to translate, how it writes the
translation back, and the suffix of its translation. Segmentation, batching and engines
never see the format. A new format is one module here (its ``FORMAT``, or ``FORMATS`` for
a module of several kinds) plus its name in :data:`_MODULES`.
"""

from __future__ import annotations

import importlib
from pathlib import Path, PurePath

from translate.formats.base import Format, Layout, Source, Unit, Written
from translate.formats.base import read_source as _read

__all__ = ["Format", "Layout", "Source", "Unit", "Written", "FORMATS", "register"]

FORMATS: dict[str, Format] = {}  # by name, in registration order
_MODULES = ("text", "markdown", "html", "docx", "subtitles", "pptx", "odf", "epub", "pdf")
FALLBACK = "text"  # a file of any other suffix (picked with --glob) is read as plain text


def register(fmt: Format) -> None:
    """Adds ``fmt``; a suffix another format already reads is refused."""
    taken = {s: f.name for f in FORMATS.values() if f.name != fmt.name for s in f.suffixes}
    for suffix in fmt.suffixes:
        if suffix != suffix.lower() or not suffix.startswith("."):
            raise ValueError(f"format {fmt.name!r}: suffix {suffix!r} must be like '.txt'")
        if suffix in taken:
            raise ValueError(f"format {fmt.name!r}: {suffix} is read by {taken[suffix]!r}")
    FORMATS[fmt.name] = fmt


def get(name: str) -> Format:
    """The format called ``name``."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}: one of {', '.join(FORMATS)}") from None


def format_for(file_name: str) -> Format:
    """The format that reads a file of this name, by its suffix (any case); plain text for
    a suffix no format claims."""
    suffix = PurePath(file_name).suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt
    return FORMATS[FALLBACK]


def suffixes() -> list[str]:
    """Every suffix a format reads, in registration order."""
    return [s for fmt in FORMATS.values() for s in fmt.suffixes]


def default_patterns() -> tuple[str, ...]:
    """The batch job's default ``--glob`` patterns: one per registered suffix."""
    return tuple(f"*{s}" for s in suffixes())


def read_source(path: Path, name: str | None = None, fmt: Format | None = None) -> Source:
    """Reads and decodes one article with its format (by default the one its name says);
    messages name it ``name`` (default: ``path``).

    Raises:
        DocumentError: unreadable, empty, binary or undecodable; the message names the file.
    """
    return _read(path, name or str(path), fmt or format_for(path.name))


for _name in _MODULES:
    _module = importlib.import_module(f"translate.formats.{_name}")
    for _format in getattr(_module, "FORMATS", None) or (_module.FORMAT,):
        register(_format)
