"""From an article's text (or bytes) to the structure the stages translate, and back:
the format's layout, the language check, and the paragraph pairs a review page shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from translate.errors import DocumentError
from translate.formats import Layout, load_layout
from translate.text.document import Document, Line, parse
from translate.text.language import Language, detect
from translate.text.sentences import split_sentences

LANGUAGE_CHECKS = ("auto", "nl")  # auto: detect and route; nl: treat every article as Dutch


@dataclass(frozen=True)
class Pair:
    """One paragraph (or HTML/DOCX unit) in Dutch and in English, with its sentence count,
    so warnings that name a sentence can be shown beside their paragraph."""

    kind: str
    source: str
    english: str
    sentences: int


def structure(name: str, fmt: str, text: str, data: bytes | None) -> tuple[Document, Layout | None]:
    """The article's document (paragraphs of lines of sentences) and, for HTML and DOCX, the
    layout to write the translation back into.

    Raises:
        DocumentError: not a readable document of its format.
    """
    if fmt in ("html", "docx"):
        layout = load_layout(fmt, name, text, data)
        paragraphs = tuple(
            (Line(unit.kind, "", tuple(split_sentences(unit.text))),) for unit in layout.units
        )
        return Document(paragraphs), layout
    return parse(text, markdown=fmt == "markdown"), None


def check_language(name: str, document: Document, check: str) -> Language | None:
    """The detected language (None when the check is off); a decided language other than
    Dutch or English fails the article, naming the language and the way around it.

    Raises:
        DocumentError: the article is in another language.
    """
    if check != "auto":
        return None
    language = detect(" ".join(document.sentences))
    if language.decided and language.code not in ("nl", "en"):
        raise DocumentError(
            f"{name}: written in {language.name} ({language.code}, confidence "
            f"{language.confidence:.2f}), not Dutch: not translated (--force-language nl to "
            "translate it anyway)"
        )
    return language


def is_english(language: Language | None) -> bool:
    return language is not None and language.decided and language.code == "en"


def render(document: Document, layout: Layout | None) -> str | bytes:
    """The translated document in the source's format."""
    if layout is None:
        return document.render()
    return layout.write([line.render() for paragraph in document.paragraphs for line in paragraph])


def elements(document: Document) -> dict[str, int]:
    """How many lines (text, Markdown) or units (HTML, DOCX) of each kind."""
    return dict(sorted(Counter(line.kind for p in document.paragraphs for line in p).items()))


def pairs(source: Document, english: Document) -> tuple[Pair, ...]:
    return tuple(
        Pair(
            dutch[0].kind,
            "\n".join(line.render() for line in dutch),
            "\n".join(line.render() for line in ours),
            sum(len(line.sentences) for line in dutch),
        )
        for dutch, ours in zip(source.paragraphs, english.paragraphs, strict=True)
    )
