"""Documents: decode bytes, split into paragraphs, lines and sentences, reassemble.

Pure Python, no torch. A :class:`Document` keeps the source's structure (paragraphs,
headings, list items, markup prefixes) so a translation can be rendered back into exactly
the same shape.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from translate.errors import DocumentError
from translate.sentences import split_sentences

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ITEM = re.compile(r"^(\s*(?:[-*•–+]|\d{1,3}[.)]|[a-z]\))\s+)(?=\S)")
_MD_HEADING = re.compile(r"^(#{1,6}\s+)(?=\S)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TERMINAL = ".!?:;…,\"'”’)»"
_HEADING_MAX = 100
_LINK = re.compile(r"\]\(([^()\s]+)\)")
_MARK = "\u2063"  # invisible separator: marks where a link target was taken out
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


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
        if b"\x00" in data:
            raise DocumentError(f"{name}: binary file, not text")
        text, encoding = _decode_without_bom(data, name)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\f", "\n")
    if len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise DocumentError(f"{name}: binary file, not text")
    if not text.strip():
        raise DocumentError(f"{name}: file holds only whitespace")
    return Decoded(_CONTROL.sub("", text), encoding)


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


@dataclass(frozen=True)
class Line:
    """One output line: ``prefix`` (markup kept as is) followed by translatable sentences.

    ``kind`` is ``heading``, ``item``, ``prose`` or ``verbatim`` (kept untranslated).
    """

    kind: str
    prefix: str
    sentences: tuple[str, ...]
    links: tuple[tuple[str, ...], ...] = ()

    def render(self) -> str:
        if not self.links:
            return self.prefix + " ".join(self.sentences)
        return self.prefix + " ".join(
            _restore_links(s, urls) for s, urls in zip(self.sentences, self.links, strict=True)
        )


@dataclass(frozen=True)
class Document:
    """Paragraphs of lines of sentences; ``render()`` gives the normalised text."""

    paragraphs: tuple[tuple[Line, ...], ...]

    @property
    def sentences(self) -> list[str]:
        """All translatable sentences in document order."""
        return [s for para in self.paragraphs for line in para for s in line.sentences]

    @property
    def words(self) -> int:
        return sum(len(s.split()) for s in self.sentences)

    def with_sentences(self, sentences: Sequence[str]) -> Document:
        """The same structure with every sentence replaced, in order (e.g. by its translation)."""
        if len(sentences) != len(self.sentences):
            raise ValueError(f"expected {len(self.sentences)} sentences, got {len(sentences)}")
        it = iter(sentences)
        return Document(
            tuple(
                tuple(
                    replace(line, sentences=tuple(next(it) for _ in line.sentences)) for line in p
                )
                for p in self.paragraphs
            )
        )

    def render(self) -> str:
        return "\n\n".join("\n".join(line.render() for line in p) for p in self.paragraphs) + "\n"


def parse(text: str, markdown: bool = False) -> Document:
    """Splits decoded text into paragraphs (blank-line separated), lines and sentences.

    Headings, list items and markdown markup keep their own lines; hard-wrapped prose lines
    are joined before sentence splitting. With ``markdown`` fenced code blocks are kept
    verbatim.
    """
    paragraphs = []
    for block in _blocks(text, markdown):
        lines = tuple(_to_line(kind, prefix, body, markdown) for kind, prefix, body in block)
        if lines:
            paragraphs.append(lines)
    return Document(tuple(paragraphs))


def _blocks(text: str, markdown: bool) -> Iterator[list[tuple[str, str, str]]]:
    raw_lines = [line.rstrip() for line in text.split("\n")]
    block: list[str] = []
    in_fence = False
    fence: list[str] = []
    for raw in raw_lines:
        if markdown and _FENCE.match(raw):
            if in_fence:
                fence.append(raw)
                yield [("verbatim", line, "") for line in fence]
                fence, in_fence = [], False
            else:
                if block:
                    yield _units(block)
                    block = []
                in_fence, fence = True, [raw]
            continue
        if in_fence:
            fence.append(raw)
        elif raw.strip():
            block.append(raw)
        elif block:
            yield _units(block)
            block = []
    if fence:
        yield [("verbatim", line, "") for line in fence]
    if block:
        yield _units(block)


def _units(block: list[str]) -> list[tuple[str, str, str]]:
    width = max(len(line.strip()) for line in block)
    units: list[list] = []  # [kind, prefix, [body parts], last line]
    for raw in block:
        heading = _MD_HEADING.match(raw)
        item = _ITEM.match(raw)
        if heading:
            units.append(["heading", heading.group(1), [raw[heading.end() :]], raw])
        elif item:
            units.append(["item", item.group(1), [raw[item.end() :]], raw])
        elif units and _continues(units[-1], raw, width):
            units[-1][2].append(raw.strip())
            units[-1][3] = raw
        else:
            units.append(["prose", "", [raw.strip()], raw])
    for unit in units:
        if unit[0] == "prose" and len(unit[2]) == 1 and _heading_like(unit[3], 2 * _HEADING_MAX):
            unit[0] = "heading"
    return [(kind, prefix, " ".join(parts)) for kind, prefix, parts, _ in units]


def _continues(unit: list, raw: str, width: int) -> bool:
    kind, _, _, last = unit
    if kind == "heading" or _heading_like(last, width):
        return False
    if kind == "item":
        return raw[:1].isspace() or len(last.strip()) >= 0.6 * width
    return True


def _heading_like(line: str, width: int) -> bool:
    stripped = line.strip()
    return stripped[-1] not in _TERMINAL and len(stripped) < 0.6 * width


def _to_line(kind: str, prefix: str, body: str, markdown: bool) -> Line:
    body = _SPACES.sub(" ", body).strip()
    if kind == "verbatim" or not any(ch.isalpha() for ch in body):
        return Line("verbatim", prefix + body, ())
    if not (markdown and _LINK.search(body)):
        return Line(kind, prefix, tuple(split_sentences(body)))
    # Link targets never reach the model: "[tekst](url)" is sent as "[tekst]" and the URL
    # is put back after the matching "]" of the translation.
    urls = iter(_LINK.findall(body))
    sentences, links = [], []
    for sentence in split_sentences(_LINK.sub("]" + _MARK, body)):
        links.append(tuple(next(urls) for _ in range(sentence.count(_MARK))))
        sentences.append(sentence.replace(_MARK, ""))
    return Line(kind, prefix, tuple(sentences), tuple(links))


def _restore_links(sentence: str, urls: tuple[str, ...]) -> str:
    if not urls:
        return sentence
    parts = sentence.split("]")
    if len(parts) - 1 != len(urls):  # the model moved or dropped brackets: keep every URL
        return sentence + "".join(f" ({url})" for url in urls)
    out = parts[0]
    for url, part in zip(urls, parts[1:], strict=True):
        out += f"]({url}){part}"
    return out


def split_to_fit(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Cuts ``text`` into pieces of at most ``limit`` tokens; ``"".join(pieces) == text``.

    Cuts fall after clause punctuation (``;`` ``:``), then commas, then before dashes, then
    at any whitespace; a run without whitespace is cut into the longest prefixes that fit.
    No character is dropped.
    """
    if count_tokens(text) <= limit:
        return [text]
    for boundary in _CLAUSE_BOUNDARIES:
        cuts = [m.end() for m in boundary.finditer(text) if 0 < m.end() < len(text)]
        if cuts:
            parts = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
            return _pack(parts, count_tokens, limit)
    return _cut_run(text, count_tokens, limit)


_CLAUSE_BOUNDARIES = (
    re.compile(r"[;:]\s+"),
    re.compile(r",\s+"),
    re.compile(r"\s+(?=[-–—]\s)"),
    re.compile(r"\s+"),
)


def _pack(parts: list[str], count_tokens: Callable[[str], int], limit: int) -> list[str]:
    """Greedy: each piece is the longest run of whole parts, from where the last one ended,
    that fits. The run's end is found by doubling then bisecting, so a piece costs a few
    token counts, not one per part (a 2,000-word text without punctuation is 2,000 parts)."""
    pieces: list[str] = []
    start = 0
    while start < len(parts):

        def fits(end: int, start: int = start) -> bool:
            return count_tokens("".join(parts[start:end])) <= limit

        if not fits(start + 1):  # one part over the limit: cut it finer
            pieces.extend(split_to_fit(parts[start], count_tokens, limit))
            start += 1
            continue
        end = _longest(start + 1, len(parts), fits)
        pieces.append("".join(parts[start:end]))
        start = end
    return pieces


def _longest(good: int, most: int, fits: Callable[[int], bool]) -> int:
    """The largest ``n`` in ``good..most`` with ``fits(n)``, given ``fits(good)`` and that
    longer texts never hold fewer tokens."""
    step = 1
    while good < most:  # doubling: find an end that does not fit
        probe = min(most, good + step)
        if not fits(probe):
            most = probe - 1
            break
        good, step = probe, step * 2
    while good < most:  # bisect between the last end that fits and the first that does not
        middle = (good + most + 1) // 2
        if fits(middle):
            good = middle
        else:
            most = middle - 1
    return good


def _cut_run(text: str, count_tokens: Callable[[str], int], limit: int) -> list[str]:
    pieces = []
    while text:
        end = _longest(1, len(text), lambda n, text=text: count_tokens(text[:n]) <= limit)
        pieces.append(text[:end])
        text = text[end:]
    return pieces


@dataclass(frozen=True)
class Source:
    """A source file's decoded text and what the sidecar records about it."""

    name: str
    text: str
    encoding: str
    size: int
    sha256: str


def read_source(path: Path) -> Source:
    """Reads and decodes one article.

    Raises:
        DocumentError: unreadable, empty, binary or undecodable; the message names the file.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    decoded = decode(data, str(path))
    return Source(
        str(path), decoded.text, decoded.encoding, len(data), hashlib.sha256(data).hexdigest()
    )
