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
# Characters a reader never sees: soft hyphens (Dutch web text breaks long compounds with
# them: "gemeente&shy;raad"), zero-width spaces and word joiners, a stray byte order mark.
# Left in, they cut a word in two for the model and the checks.
INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)


def visible(text: str) -> str:
    """``text`` without :data:`INVISIBLE` characters."""
    return text.translate(_DROP_INVISIBLE)


def newline_of(text: str) -> str:
    """``\r\n`` when most of ``text``'s line ends are Windows ones, else ``\n`` (an old
    Mac's lone ``\r`` is read, and written back as ``\n``)."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"


def with_newline(text: str, newline: str) -> str:
    """``text`` (line ends ``\n``) with ``newline`` for each line end."""
    return text if newline == "\n" else text.replace("\n", newline)


@dataclass(frozen=True)
class Decoded:
    """Decoded text, its encoding, and how many stray control characters were dropped."""

    text: str
    encoding: str
    dropped: int = 0
    newline: str = "\n"  # the source's own line ends, for a translation written like it


def decode(data: bytes, name: str) -> Decoded:
    """Decodes a text file the way a newsroom archive needs.

    UTF-8 (with or without BOM), UTF-16/32 with BOM, else legacy cp1252, else the best
    guess of charset-normalizer. Newlines are normalised to ``\\n``; which ones the file
    used is :attr:`Decoded.newline`.

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
    newline = newline_of(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = visible(text).replace("\f", "\n")
    # Binary is judged by the share of control characters: a PNG or a zip is refused, a text
    # with a stray NUL or two is read with them dropped
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 1000):
        raise DocumentError(f"{name}: binary file, not text")
    if not text.strip():
        raise DocumentError(f"{name}: file holds only whitespace")
    return Decoded(_CONTROL.sub("", text), encoding, controls, newline)


def _decode_without_bom(data: bytes, name: str) -> tuple[str, str]:
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass  # NULs in a pattern, but not UTF-16 after all: judged as bytes below
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


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` when the bytes look like it: text in Latin script has a NUL
    as every other byte, on the odd positions (little-endian) or the even ones (big)."""
    sample = data[:8192]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.4 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.4 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None
