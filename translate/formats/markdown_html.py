"""A Markdown page's HTML blocks (a box, a figure with its caption, a table written in HTML):
each is translated through the HTML layout where it is one well-formed fragment at the
page's top level that lxml writes back exactly as it reads it, or is one once the tags at
its start or end that other blocks open or close are set aside: ``<details>``
and its ``<summary>``, with the box's Markdown body in the blocks after it. Any other (one
inside a list or a quotation, one lxml would repair or write otherwise) is kept as written,
and a ``kept_html`` finding says so."""

from __future__ import annotations

import re
from dataclasses import dataclass

from translate.errors import DocumentError
from translate.findings import Finding
from translate.formats.html import HtmlLayout, fragment_html


@dataclass
class HtmlBlock:
    """An HTML block of the page: its first source line, how many lines it has, and its
    layout."""

    first: int
    size: int
    layout: HtmlLayout
    head: str = ""  # tags other blocks open or close, kept as written
    tail: str = ""

    def render(self, content: str) -> str:
        """The block's lines with ``content`` (its layout's, translated) in place."""
        return self.head + content + self.tail


def html_blocks(tokens, lines: list[str], name: str) -> tuple[list[HtmlBlock], int]:
    """The page's HTML blocks with words to translate, and how many more with words are
    kept as written."""
    blocks, kept = [], 0
    for token in tokens:
        if token.type != "html_block" or token.map is None:
            continue
        first, last = token.map
        source = "\n".join(lines[first:last]).rstrip("\n")
        if not _words(source):
            continue  # no words: an embed, a comment, an opening or closing tag alone
        # at the top level (no list or quote markers before it)
        found = _fragment(source, name) if source == token.content.rstrip("\n") else None
        if found is None:
            kept += 1
            continue
        head, layout, tail = found
        blocks.append(HtmlBlock(first, source.count("\n") + 1, layout, head, tail))
    return blocks, kept


_TAG = re.compile(r"<[^<>]*>")
_ALT = re.compile(r"""\b(?:alt|title)\s*=\s*["']?[^"'>]*[^\W\d_]""", re.IGNORECASE)


def _words(source: str) -> bool:
    """Whether an HTML block holds words a reader sees: text, or an image's alt text."""
    return any(c.isalpha() for c in _TAG.sub("", source)) or bool(_ALT.search(source))


# A tag at the block's start or end, opening or closing: one another block may pair
_START = re.compile(r"\s*</?[a-zA-Z][\w-]*(?:\s[^<>]*)?>\s*")
_END = re.compile(r"\s*</?[a-zA-Z][\w-]*(?:\s[^<>]*)?>\s*\Z")
_SET_ASIDE = 3  # tags opened or closed for other blocks, at most, on either side


def _fragment(source: str, name: str) -> tuple[str, HtmlLayout, str] | None:
    """The block as a head, a well-formed fragment with words that lxml writes back exactly,
    and a tail: the whole block where it is one, else with up to three tags set aside at
    its start and at its end (those another block opens or closes)."""
    heads = [0]
    while len(heads) <= _SET_ASIDE and (match := _START.match(source, heads[-1])):
        heads.append(match.end())
    tails = [len(source)]
    while len(tails) <= _SET_ASIDE and (match := _END.search(source[: tails[-1]])):
        tails.append(match.start())
    for start in heads:
        for end in tails:
            middle = source[start:end]
            if end <= start or not _words(middle):
                continue
            try:
                layout = HtmlLayout(middle, name, fragment=True)
            except DocumentError:
                continue
            if layout.units and fragment_html(layout.root) == middle:
                return source[:start], layout, source[end:]
    return None


def kept_finding(kept: int) -> tuple[Finding, ...]:
    """The finding for ``kept`` HTML blocks with words left as written (none for 0)."""
    if not kept:
        return ()
    message = (
        f"{kept} HTML blocks kept as written, not translated (not one well-formed fragment "
        "at the page's top level)"
    )
    return (Finding("kept_html", message, data={"blocks": kept}),)
