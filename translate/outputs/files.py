"""Atomic file writes (a temporary file in the same folder, then ``os.replace``), and the
one text form every name takes in what the job writes."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

# The job's own temporary files, and nothing else, start so: a clean-up deletes only these
TEMP_PREFIX, TEMP_SUFFIX = ".translate-", ".tmp"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every byte of a file name that is not valid UTF-8 (Python reads it as a
    lone surrogate) written as ``\\xNN``: ``caf\\xe9.txt`` for the Latin-1 name
    ``café.txt``. Valid text is returned as it is."""
    return _SURROGATE.sub(_escape, text)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def printable_tree(data):
    """A JSON-able structure with :func:`printable` applied to every string in it."""
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, dict):
        return {printable_tree(k): printable_tree(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [printable_tree(v) for v in data]
    return data


def atomic_write_text(path: Path, text: str) -> None:
    """Writes ``text`` as UTF-8 (names that are not, as :func:`printable` shows them) so that
    readers see the old file or the new one, never half."""
    atomic_write_bytes(path, printable(text).encode("utf-8"))


def atomic_write_json(path: Path, data) -> None:
    """Writes ``data`` as indented UTF-8 JSON, atomically; names as :func:`printable`."""
    atomic_write_text(path, json.dumps(printable_tree(data), indent=2, ensure_ascii=False) + "\n")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Writes ``data`` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # A short temporary name: the final one may already be near the 255-byte name limit
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX)
    try:
        # mkstemp makes 0600; give the file the mode a plain open() would (0666 less umask)
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)  # the only way to read it is to set it
    os.umask(mask)
    return mask
