"""What every format module provides, and reading a source file through its format."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from translate.errors import DocumentError, first_line
from translate.findings import Finding
from translate.text.decode import Decoded, decode
from translate.text.document import Document, Line
from translate.text.sentences import split_sentences


class Layout(Protocol):
    """A parsed source: the document to translate (paragraphs of lines of sentences), what
    parsing found, and the source rebuilt around a translation of that document."""

    document: Document
    findings: tuple[Finding, ...]

    def write(self, english: Document) -> Written:
        """The translated file (``str``, or ``bytes`` for a binary format) and what could not
        be carried over; ``english`` has the shape of :attr:`document`."""
        ...


@dataclass(frozen=True)
class Written:
    """A translated file and what writing it found (markup that could not be placed); for a
    format with inline markup, each unit's translation as safe HTML for the review page."""

    content: str | bytes
    findings: tuple[Finding, ...] = ()
    markup: tuple[str | None, ...] = ()  # per unit: its translation's inline markup, safe


@dataclass(frozen=True)
class Format:
    """One input format.

    Args:
        name: as the sidecar records it (``html``).
        suffixes: the source file suffixes it reads, lower case (``.html``, ``.htm``).
        parse: ``parse(content, name)``: a :class:`Layout` of the decoded text (or of the
            bytes, for a binary format); raises :class:`DocumentError` naming ``name``.
        binary: read as bytes, never decoded as text (``.docx``).
        output_suffix: the suffix of the translation (``.md`` for a format that cannot be
            rewritten in place); ``None`` keeps the source's own suffix.
        decode: bytes to text for a text format (HTML honours its ``<meta charset>``).
        label: how messages name it (``Word``); the name by default.
    """

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[str | bytes, str], Layout]
    binary: bool = False
    output_suffix: str | None = None
    decode: Callable[[bytes, str], Decoded] = decode
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)

    def translation_suffix(self, source_suffix: str) -> str:
        """``.en`` and the translation's suffix, for a source with ``source_suffix``."""
        return ".en" + (self.output_suffix or source_suffix or self.suffixes[0])


@dataclass(frozen=True)
class Unit:
    """One piece of text to translate, with the kind of element it came from (``title``,
    ``heading``, ``paragraph``, ``item``, ``cell``, ``caption``, ``attribute``, ...)."""

    kind: str
    text: str


def unit_document(units: Sequence[Unit]) -> Document:
    """A document of one paragraph per unit, for formats that translate units whole; a
    unit's line breaks (``\n``: an HTML ``<br>``) make lines of their own, so no sentence
    runs across one."""
    return Document(
        tuple(
            tuple(Line(u.kind, "", tuple(split_sentences(line))) for line in u.text.split("\n"))
            for u in units
        )
    )


def property_title(value: str | None) -> str:
    """A package's title property (Word's, PowerPoint's) as one line, or ``""`` when it
    has no words to translate."""
    title = " ".join((value or "").split())
    return title if any(c.isalpha() for c in title) else ""


def split_tail(texts: Sequence[str], count: int) -> tuple[list[str], list[str]]:
    """``texts`` less its last ``count``, and those last ``count`` (the units a layout puts
    after its text: alt texts, properties)."""
    cut = len(texts) - count
    return list(texts[:cut]), list(texts[cut:])


def alt_text(element) -> str:
    """A drawing's description (its ``descr``: the alt text a screen reader says), as one
    line (Word's and PowerPoint's pictures)."""
    return " ".join((element.get("descr") or "").split())


def unit_texts(english: Document) -> list[str]:
    """Each unit's translation, from a document built by :func:`unit_document` (its lines
    joined by ``\n`` again)."""
    return ["\n".join(line.render() for line in paragraph) for paragraph in english.paragraphs]


def markup_findings(dropped: int, approximate: int, crossed: int) -> tuple[Finding, ...]:
    """One ``markup`` finding for the page's inline elements that were not placed by their
    words: left out (emphasis without attributes), or kept where their position says."""
    if not (dropped or approximate or crossed):
        return ()
    parts = []
    if dropped:
        parts.append(f"{dropped} inline tags without attributes (bold, italics, ...) left out")
    if approximate:
        parts.append(
            f"{approximate} inline elements (links, ...) placed by their position in the "
            "sentence, not by their words: check them"
        )
    if crossed:
        parts.append(f"{crossed} kept nested by cutting their span")
    data = {"dropped": dropped, "approximate": approximate, "crossed": crossed}
    return (Finding("markup", "; ".join(parts), data=data),)


def placement_findings(placements: Sequence) -> tuple[Finding, ...]:
    """:func:`markup_findings` for a file's :class:`~translate.text.inline.Placed`
    results, one per unit rebuilt."""
    return markup_findings(*placement_counts(placements))


def placement_counts(placements: Sequence, findings: Sequence[Finding] = ()) -> list[int]:
    """The inline elements left out, placed by position and cut back in ``placements``,
    and in the ``markup`` ``findings`` of parts written apart (a Markdown page's HTML
    blocks)."""
    counts = [
        sum(len(p.dropped) for p in placements),
        sum(len(p.approximate) for p in placements),
        sum(p.crossed for p in placements),
    ]
    for finding in findings:
        if finding.kind == "markup":
            for i, key in enumerate(("dropped", "approximate", "crossed")):
                counts[i] += finding.data.get(key, 0)
    return counts


def unreadable(name: str, what: str, exc: BaseException) -> DocumentError:
    """The one-line error of a package its library cannot open (``what``: "Word .docx")."""
    return DocumentError(
        f"{name}: not a readable {what} (encrypted, corrupt or another format: {first_line(exc)})"
    )


def damaged(name: str, what: str, exc: BaseException) -> DocumentError:
    """The one-line error of a package that opens but fails while it is read."""
    return DocumentError(
        f"{name}: not a readable {what} (a damaged part: {type(exc).__name__}: {first_line(exc)})"
    )


def repack_zip(data: bytes, replaced: dict) -> bytes:
    """A zip package (OpenDocument, EPUB) with some entries replaced: by bytes, or by a
    function of the old bytes. Every entry keeps its order and compression, so ``mimetype``
    stays first and stored, as both formats require."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            new = replaced.get(info.filename)
            if callable(new):
                content = new(content)
            elif new is not None:
                content = new
            target.writestr(info, content, compress_type=info.compress_type)
    return out.getvalue()


@dataclass(frozen=True)
class Source:
    """A source file's decoded text (or its bytes, for a binary format) and what the sidecar
    records about it."""

    text: str
    encoding: str
    size: int
    sha256: str
    dropped: int = 0
    data: bytes | None = None
    newline: str = "\n"


def read_source(path: Path, name: str, fmt: Format) -> Source:
    """Reads one article as its format reads it; messages name it ``name``.

    Raises:
        DocumentError: unreadable, empty, binary or undecodable; the message names the file.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    digest = hashlib.sha256(data).hexdigest()
    if fmt.binary:
        if not data:
            raise DocumentError(f"{name}: file is empty")
        return Source("", "binary", len(data), digest, 0, data)
    decoded = fmt.decode(data, name)
    return Source(
        decoded.text, decoded.encoding, len(data), digest, decoded.dropped, newline=decoded.newline
    )
