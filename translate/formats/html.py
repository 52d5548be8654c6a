"""HTML in, HTML out (lxml): the visible text of the page is translated, markup is kept.

Units are the innermost text blocks (``p``, ``h1``-``h6``, ``li``, ``td``, ``figcaption``,
``title``, ...), each translated whole, so a sentence split by ``<b>`` or ``<a>`` is one
segment; a ``<br>`` ends a line (a line is never glued to the next); plus the ``alt``,
``title``, ``aria-label`` and ``placeholder`` attributes (of inline elements too), a
button's label (``<input type="submit" value>``) and the description and link-preview
titles of ``<meta>``. Scripts, styles, code, ``pre``,
elements with ``translate="no"`` and other attribute values (URLs) never reach the model.
Inline elements are put back around the words that render theirs
(:mod:`translate.formats.html_inline`, :mod:`translate.text.inline`); each element's words
are also translated alone (:attr:`HtmlLayout.inline_texts`) so its span can be found when
the model rewords it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from translate.errors import DocumentError
from translate.findings import Finding
from translate.formats.base import (
    Format,
    Unit,
    Written,
    placement_findings,
    unit_document,
    unit_texts,
)
from translate.formats.html_inline import Inline, read_inline, rebuild
from translate.formats.shown import safe_markup
from translate.text.decode import Decoded, decode, newline_of
from translate.text.document import Document

_BLOCKS = frozenset(
    "title h1 h2 h3 h4 h5 h6 p li td th dt dd figcaption caption blockquote div section "
    "article header footer main aside nav label button summary legend option address".split()
)
_SKIP = frozenset("script style code pre template svg math kbd samp var textarea".split())
# Of those, what may stand inside a paragraph: kept whole in its sentence, as an anchor
# ("Zie de code <code>open()</code> hieronder." is one sentence to the model)
_KEPT_INLINE = _SKIP - {"pre"}
_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
_BUTTONS = ("submit", "button", "reset")
# <meta> whose content a reader sees (search results, link previews)
_META = frozenset("description og:title og:description twitter:title twitter:description".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_KINDS = {"li": "item", "dt": "item", "dd": "item", "td": "cell", "th": "cell"}
_KINDS |= {"figcaption": "caption", "caption": "caption", "title": "title"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_DOCTYPE = re.compile(r"^\s*(?:<!--.*?-->\s*)*(<!DOCTYPE[^>]*>)", re.IGNORECASE | re.DOTALL)
_MAX_DEPTH = 2048  # libxml2's nesting limit with huge_tree
# HTML's void elements: libxml2's HTML 4 parser does not know wbr, source and track as
# void, and nests what follows them inside them
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_EMPTY_VOID = re.compile(r"(<(source|track|wbr)\b[^<>]*>)</\2>")


def decode_html(data: bytes, name: str) -> Decoded:
    """An HTML file's text: a byte-order mark first, then the page's own ``<meta charset>``,
    then detection as for plain text."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _CHARSET.search(data[:4096])
        if declared:
            encoding = declared.group(1).decode("ascii").lower()
            try:
                text = data.decode(encoding)
                return Decoded(text, encoding, 0, newline_of(text))
            except Exception:  # noqa: BLE001 - unknown, wrong or odd (punycode raises
                pass  # UnicodeError, a text codec TypeError): the declaration is ignored
    return decode(data, name)


def _kept_inline(element) -> bool:
    return element.tag in _KEPT_INLINE


def _unnest_voids(root) -> None:
    """Moves what the parser nested inside a void element out after it, as a browser reads
    it (``<picture><source><img></picture>``, ``lang<wbr>woord``), so the page is written
    back as it was and its words are read where they are."""
    for element in list(root.iter(*_VOID)):
        children = list(element)
        if not children and not element.text:
            continue
        parent, tail = element.getparent(), element.tail or ""
        element.tail, element.text = element.text, None
        at = parent.index(element)
        for k, child in enumerate(children):
            parent.insert(at + 1 + k, child)
        last = children[-1] if children else element
        last.tail = (last.tail or "") + tail


def _kind(tag: str) -> str:
    return "heading" if tag in _HEADINGS else _KINDS.get(tag, "paragraph")


def _words(text: str) -> str:
    return " ".join(text.split())


class _Slot:
    """Where one unit's translation goes back: the element's position in document order
    (the same in a deep copy of the tree) and block, text, tail or an attribute's name;
    a block's inline structure."""

    def __init__(self, position: int, where: str, inline: Inline | None = None):
        self.position, self.where, self.inline = position, where, inline


class HtmlLayout:
    """A parsed HTML page (see the module docstring).

    Args:
        text: the decoded page.
        name: how messages name the file.
        xhtml: an EPUB chapter, written back as XML.
        fragment: a piece of a page (a Markdown page's HTML block), written back as
            such: no doctype, no ``html`` element, no ``lang``.
    """

    def __init__(self, text: str, name: str, xhtml: bool = False, fragment: bool = False):
        import lxml.html
        from lxml import etree

        self.name, self.xhtml, self.fragment = name, xhtml, fragment
        # huge_tree: libxml2 stops at 256 levels of nesting without it (2,048 with it) and
        # drops the rest of the page
        parser = lxml.html.HTMLParser(recover=True, huge_tree=True)
        try:
            page = _XML_DECLARATION.sub("", text)
            if fragment:
                self.root = lxml.html.fragment_fromstring(page, "div", parser=parser)
            else:
                self.root = lxml.html.document_fromstring(page, parser)
        except (etree.ParserError, ValueError) as exc:
            raise DocumentError(f"{name}: not a readable HTML page ({exc})") from None
        if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
            raise DocumentError(
                f"{name}: HTML nested deeper than {_MAX_DEPTH:,} levels; the parser cannot read "
                "the page whole, so it is not translated"
            )
        _unnest_voids(self.root)
        # the page's own doctype (libxml2 reports an HTML 4 one for a page without any)
        declared = _DOCTYPE.match(page)
        self._doctype = " ".join(declared.group(1).split()) if declared else ""
        repaired = len(parser.error_log)
        self.findings: tuple[Finding, ...] = (
            (
                Finding(
                    "markup_repaired",
                    f"{repaired} markup errors in the HTML, repaired as a browser would",
                    data={"errors": repaired},
                ),
            )
            if repaired
            else ()
        )
        self.units: list[Unit] = []
        self._slots: list[_Slot] = []
        # lxml hands out proxy objects: holding every element keeps their ids unique
        self._elements = list(self.root.iter())
        self._positions = {id(e): i for i, e in enumerate(self._elements)}
        self._walk(self.root)
        self.document = unit_document(self.units)

    def _add(self, element, where: str, kind: str, text: str, inline=None) -> None:
        text = text if inline is not None else _words(text)
        if text.strip() and not text.startswith(("http://", "https://", "www.")):
            self.units.append(Unit(kind, text))
            self._slots.append(_Slot(self._positions[id(element)], where, inline))

    @property
    def inline_texts(self) -> list[str]:
        """The words of every inline element with words, in order: to be translated alone
        and given to :meth:`write` (fixed elements, kept as they are, are left out)."""
        return [
            slot.inline.words(key)
            for slot in self._slots
            if slot.inline is not None
            for key in slot.inline.keys()
            if key not in slot.inline.fixed
        ]

    def _attributes(self, element) -> None:
        for attribute in _ATTRIBUTES:
            if element.get(attribute):
                self._add(element, attribute, "attribute", element.get(attribute))
        # a button's label (<input type="submit" value="Verstuur">)
        if element.tag == "input" and (element.get("type") or "").lower() in _BUTTONS:
            if element.get("value"):
                self._add(element, "value", "attribute", element.get("value"))
        if element.tag == "meta" and element.get("content"):
            described = (element.get("name") or element.get("property") or "").lower()
            if described in _META:
                self._add(element, "content", "attribute", element.get("content"))

    def _walk(self, root) -> None:
        # Depth first in document order, with a stack: pages nest deeper than Python recurses
        stack: list[tuple[str, object, str]] = [("element", root, "")]
        while stack:
            action, element, kind = stack.pop()
            if action == "tail":
                self._add(element, "tail", kind, element.tail or "")
                continue
            if not isinstance(element.tag, str) or element.tag in _SKIP:
                continue  # comments, processing instructions, code
            if (
                element.get("translate") == "no"
                or "notranslate" in (element.get("class") or "").split()
            ):
                continue  # the page says so (names, code, quotations in the original)
            self._attributes(element)
            inner = [d for d in element.iterdescendants() if isinstance(d.tag, str)]
            # what is inside code, a drawing or a formula is no block of the page's
            inner = [d for d in inner if not any(a.tag in _KEPT_INLINE for a in d.iterancestors())]
            if element.tag in _BLOCKS and not any(
                d.tag in _BLOCKS or d.tag in _SKIP - _KEPT_INLINE for d in inner
            ):
                # A leaf block: translated whole, so inline tags cannot split a sentence
                inline = read_inline(element, is_anchor=_kept_inline)
                self._add(element, "block", _kind(element.tag), inline.text, inline)
                for descendant in inner:
                    self._attributes(descendant)
                continue
            kind = _kind(element.tag)
            self._add(element, "text", kind, element.text or "")
            for child in reversed(element):
                stack.append(("tail", child, kind))
                stack.append(("element", child, ""))

    def write(self, english: Document, alone: Sequence[str] = ()) -> Written:
        """The page with every unit translated, ``lang="en"`` and a UTF-8 declaration, and
        findings for inline elements left out or placed by position only; ``alone``: the
        :attr:`inline_texts` translated, where the caller has them."""
        return self.write_units(unit_texts(english), alone)

    def write_units(self, translations: Sequence[str], alone: Sequence[str] = ()) -> Written:
        """The page with each unit replaced by its translation, in order."""
        import lxml.html

        if len(translations) != len(self.units):
            raise ValueError(f"expected {len(self.units)} translations, got {len(translations)}")
        root = copy.deepcopy(self.root)
        copied = list(root.iter())
        spare = iter(alone)
        placements = []
        markup: list[str | None] = []
        pairs = list(zip(self._slots, translations, strict=True))
        # Attributes first: a block's rebuild moves its own inline elements (an <img alt>, an
        # <a title> inside a paragraph), and they must carry their translated attributes
        for slot, text in pairs:
            if slot.inline is None and slot.where not in ("text", "tail"):
                copied[slot.position].set(slot.where, text)
        for slot, text in pairs:
            element = copied[slot.position]
            markup.append(None)
            if slot.inline is not None:
                inline = read_inline(element, is_anchor=_kept_inline)  # the copy's own
                keys = [k for k in inline.keys() if k not in inline.fixed]
                given = {k: t for k, t in zip(keys, spare, strict=False)}
                placed = rebuild(element, inline, text.split("\n"), given)
                placements.append(placed)
                markup[-1] = safe_markup(element)
            elif slot.where in ("text", "tail"):
                old = getattr(element, slot.where) or ""
                lead, trail = old[: len(old) - len(old.lstrip())], old[len(old.rstrip()) :]
                setattr(element, slot.where, lead + text + trail)
        findings = placement_findings(placements)
        if self.fragment:
            return Written(fragment_html(root), findings, tuple(markup))
        # XHTML 1.1 (an EPUB 2 chapter) knows xml:lang only
        if root.tag == "html" and not (self.xhtml and root.get("lang") is None):
            root.set("lang", "en")
        for meta in root.iter("meta"):
            if meta.get("charset"):
                meta.set("charset", "utf-8")
            elif (meta.get("http-equiv") or "").lower() == "content-type":
                meta.set("content", "text/html; charset=utf-8")
        if self.xhtml:  # an EPUB chapter: XML again, void elements closed
            from lxml import etree

            if root.get("xml:lang") is not None:  # the HTML parser keeps it as a plain name
                root.set("xml:lang", "en")
            doctype = self._doctype
            head = '<?xml version="1.0" encoding="utf-8"?>\n' + (doctype + "\n" if doctype else "")
            body = etree.tostring(root, encoding="unicode", method="xml")
            return Written(head + body + "\n", findings, tuple(markup))
        doctype = self._doctype or "<!DOCTYPE html>"
        page = lxml.html.tostring(root, encoding="unicode", doctype=doctype) + "\n"
        page = _EMPTY_VOID.sub(r"\1", page)  # lxml closes the void elements it does not know
        return Written(page, findings, tuple(markup))


def fragment_html(root) -> str:
    """What the container ``root`` of a parsed fragment holds, as HTML."""
    import lxml.html

    inner = (root.text or "") + "".join(lxml.html.tostring(c, encoding="unicode") for c in root)
    return _EMPTY_VOID.sub(r"\1", inner)


FORMAT = Format("html", (".html", ".htm"), HtmlLayout, decode=decode_html)
