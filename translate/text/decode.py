"""Bytes to text: encodings a newsroom archive holds, newlines, control characters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from translate.errors import DocumentError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, its encoding, and how many stray control characters were dropped."""

    text: str
    encoding: str
    dropped: int = 0


def decode(data: bytes, name: str) -> Decoded:
    """Decodes a text file the way a newsroom archive needs.

    UTF-8 (with or without BOM), UTF-16/32 with BOM, else legacy cp1252, else the best
    guess of charset-normalizer. Newlines are normalised to ``\\n``.

    Raises:
        DocumentError: for empty, whitespace-only, binary or undecodable input; the message
            starts with ``name``.
    """
    if not data:
        raise DocumentError(f"{name}: file is empty")
    text, encoding = None, None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: invalid {codec} text ({exc.reason})") from exc
            break
    if text is None:
        text, encoding = _decode_without_bom(data, name)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\f", "\n")
    # Binary is judged by the share of control characters: a PNG or a zip is refused, a text
    # with a stray NUL or two is read with them dropped
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise DocumentError(f"{name}: binary file, not text")
    if not text.strip():
        raise DocumentError(f"{name}: file holds only whitespace")
    return Decoded(_CONTROL.sub("", text), encoding, controls)


def _decode_without_bom(data: bytes, name: str) -> tuple[str, str]:
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{name}: cannot decode as text in any known encoding")
    return str(best), best.encoding
