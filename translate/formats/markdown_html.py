"""A Markdown page's HTML blocks (a box, a figure with its caption, a table written in HTML):
each is translated through the HTML layout where it is one well-formed fragment at the
page's top level that lxml writes back exactly as it reads it; any other (a ``<details>``
opened here and closed further down, one inside a list or a quotation, one lxml would
repair or write otherwise) is kept as written, and a ``kept_html`` finding says so."""

from __future__ import annotations

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


def html_blocks(tokens, lines: list[str], name: str) -> tuple[list[HtmlBlock], int]:
    """The page's HTML blocks with words to translate, and how many more with words are
    kept as written."""
    blocks, kept = [], 0
    for token in tokens:
        if token.type != "html_block" or token.map is None:
            continue
        first, last = token.map
        source = "\n".join(lines[first:last]).rstrip("\n")
        try:
            layout = HtmlLayout(source, name, fragment=True)
        except DocumentError:
            kept += any(c.isalpha() for c in source)
            continue
        if not layout.units:
            continue  # no words: an embed, a comment, an opening tag alone
        # at the top level (no list or quote markers before it), and written back unchanged
        if source != token.content.rstrip("\n") or fragment_html(layout.root) != source:
            kept += 1
            continue
        blocks.append(HtmlBlock(first, source.count("\n") + 1, layout))
    return blocks, kept


def kept_finding(kept: int) -> tuple[Finding, ...]:
    """The finding for ``kept`` HTML blocks with words left as written (none for 0)."""
    if not kept:
        return ()
    message = (
        f"{kept} HTML blocks kept as written, not translated (not one well-formed fragment "
        "at the page's top level)"
    )
    return (Finding("kept_html", message, data={"blocks": kept}),)
