"""EPUB in, EPUB out: each XHTML chapter goes through the HTML layout (so inline markup and
``translate="no"`` work as in HTML, and the chapter is written back as XHTML), in spine
order; the book's title (``dc:title``), its description (``dc:description``, the blurb a
reader's library shows: plain text, or HTML written back as plain paragraphs) and its
table of contents (the EPUB 3 navigation document, itself a chapter, and the EPUB 2
``toc.ncx`` labels) are translated, and the package says its language is English
(``dc:language``). Images, CSS, fonts, the spine and
every other entry are copied as they are, ``mimetype`` first and uncompressed.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from html import escape

from translate.errors import DocumentError
from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    repack_zip,
    unit_document,
    unit_texts,
    unreadable,
)
from translate.formats.html import HtmlLayout, decode_html
from translate.text.document import Document

_OPF = "http://www.idpf.org/2007/opf"
_DC = "http://purl.org/dc/elements/1.1/"
_NCX = "http://www.daisy.org/z3986/2005/ncx/"
_XHTML = ("application/xhtml+xml", "text/html")


class EpubLayout:
    """A parsed ``.epub`` (see the module docstring)."""

    def __init__(self, data: bytes, name: str):

        self.name, self._data = name, data
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                self._opf_path, self._opf, self._chapters, ncx = _package(book, name)
        except DocumentError:
            raise
        except Exception as exc:  # zip, XML and missing-entry errors alike
            raise unreadable(name, "EPUB", exc) from None
        self._ncx = ncx
        self._titles = [
            t for t in self._opf.iterfind(f".//{{{_DC}}}title") if (t.text or "").strip()
        ]
        self._labels = (
            [
                t
                for t in ncx[1].iterfind(f".//{{{_NCX}}}navLabel/{{{_NCX}}}text")
                if (t.text or "").strip()
            ]
            if ncx
            else []
        )
        units = [Unit("title", " ".join(t.text.split())) for t in self._titles]
        self._descriptions = [
            (element, *_description(element.text))
            for element in self._opf.iterfind(f".//{{{_DC}}}description")
            if (element.text or "").strip()
        ]
        units += [Unit("description", p) for _, ps, _, _ in self._descriptions for p in ps]
        for _, chapter in self._chapters:
            units += chapter.units
        units += [Unit("toc", " ".join(t.text.split())) for t in self._labels]
        self.units = units
        self.document = unit_document(units)
        findings = [f for _, c in self._chapters for f in c.findings]
        if any(inline for *_, inline in self._descriptions):
            message = (
                "the book's description is written back as plain paragraphs: its inline "
                "markup (bold, links, ...) is left out"
            )
            findings.append(Finding("markup", message, data={"description": True}))
        self.findings: tuple[Finding, ...] = tuple(findings)

    def write(self, english: Document) -> Written:
        from lxml import etree

        texts = unit_texts(english)
        if len(texts) != len(self.units):
            raise ValueError(f"expected {len(self.units)} translations, got {len(texts)}")
        cursor = len(self._titles)
        described = []
        for _, paragraphs, is_html, _ in self._descriptions:
            english_paragraphs = texts[cursor : cursor + len(paragraphs)]
            cursor += len(paragraphs)
            if not paragraphs:
                described.append(None)  # markup without words: kept as it is
            elif is_html:
                described.append("".join(f"<p>{escape(p)}</p>" for p in english_paragraphs))
            else:
                described.append("\n\n".join(english_paragraphs))
        replaced: dict[str, bytes] = {}
        findings: list[Finding] = []
        for path, chapter in self._chapters:
            part = texts[cursor : cursor + len(chapter.units)]
            cursor += len(chapter.units)
            written = chapter.write_units(part)
            findings += written.findings
            replaced[path] = written.content.encode("utf-8")
        opf = etree.fromstring(etree.tostring(self._opf))
        for element, text in zip(
            [t for t in opf.iterfind(f".//{{{_DC}}}title") if (t.text or "").strip()],
            texts[: len(self._titles)],
            strict=True,
        ):
            element.text = text
        for element, text in zip(
            [d for d in opf.iterfind(f".//{{{_DC}}}description") if (d.text or "").strip()],
            described,
            strict=True,
        ):
            if text is not None:
                element.text = text
        metadata = opf.find(f"{{{_OPF}}}metadata")
        if metadata is not None:
            language = metadata.find(f"{{{_DC}}}language")
            if language is None:
                language = etree.SubElement(metadata, f"{{{_DC}}}language")
            language.text = "en"
        replaced[self._opf_path] = etree.tostring(opf, xml_declaration=True, encoding="UTF-8")
        if self._ncx is not None:
            path, ncx = self._ncx
            ncx = etree.fromstring(etree.tostring(ncx))
            labels = [
                t
                for t in ncx.iterfind(f".//{{{_NCX}}}navLabel/{{{_NCX}}}text")
                if (t.text or "").strip()
            ]
            for element, text in zip(labels, texts[cursor:], strict=True):
                element.text = text
            replaced[path] = etree.tostring(ncx, xml_declaration=True, encoding="UTF-8")
        return Written(repack_zip(self._data, replaced), tuple(findings))


_BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
_INLINE = {"b", "i", "em", "strong", "a", "span", "u", "sup", "sub", "small"}


def _description(text: str) -> tuple[list[str], bool, bool]:
    """A book description's paragraphs, whether it is HTML (as e-book tools write it), and
    whether it had inline markup in it."""
    if "<" not in text or ">" not in text:
        return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()], False, False
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(text, create_parent="div")
    except (etree.ParserError, ValueError):
        return [" ".join(text.split())], False, False
    leaves = [
        e
        for e in root.iter(*_BLOCKS)
        if e is not root and not any(c.tag in _BLOCKS for c in e.iterdescendants())
    ]
    paragraphs = [" ".join(e.text_content().split()) for e in leaves] or [
        " ".join(root.text_content().split())
    ]
    inline = any(e.tag in _INLINE for e in root.iter())
    return [p for p in paragraphs if p], True, inline


def _package(book: zipfile.ZipFile, name: str):
    """The package document's path and tree, the XHTML chapters (spine order, then the
    documents outside the spine, such as the navigation) parsed as HTML layouts, and the
    NCX table of contents (path and tree) if there is one."""
    from lxml import etree

    container = etree.fromstring(book.read("META-INF/container.xml"))
    opf_path = container.find(".//{*}rootfile").get("full-path")
    opf = etree.fromstring(book.read(opf_path))
    base = posixpath.dirname(opf_path)
    manifest = {
        item.get("id"): item for item in opf.iterfind(f".//{{{_OPF}}}manifest/{{{_OPF}}}item")
    }
    order = [ref.get("idref") for ref in opf.iterfind(f".//{{{_OPF}}}spine/{{{_OPF}}}itemref")]
    order += [i for i in manifest if i not in order]
    chapters: list[tuple[str, HtmlLayout]] = []
    ncx = None
    for item_id in order:
        item = manifest.get(item_id)
        if item is None:
            continue
        path = posixpath.normpath(posixpath.join(base, item.get("href")))
        media = item.get("media-type", "")
        if media in _XHTML:
            text = decode_html(book.read(path), f"{name}: {path}").text
            chapters.append((path, HtmlLayout(text, f"{name}: {path}", xhtml=True)))
        elif media == "application/x-dtbncx+xml":
            ncx = (path, etree.fromstring(book.read(path)))
    return opf_path, opf, chapters, ncx


FORMAT = Format("epub", (".epub",), EpubLayout, binary=True, label="EPUB")
