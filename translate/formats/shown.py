"""A translated unit's inline markup as HTML the review page can show safely: text
escaped, only common inline tags, links only to ``http(s)``, ``mailto`` and relative
targets, no other attribute, no script, style, image or comment. One function per format:
an HTML block, a Word paragraph, a Markdown inline block."""

from __future__ import annotations

import functools
import html

from translate.formats.docx_runs import BR, TEXT, R, w

# What the review page shows of a unit's inline markup, and which attributes
_SHOWN = {"a": ("href", "title"), "abbr": ("title",), "br": ()}
_SHOWN |= {tag: () for tag in "b strong em i u s sub sup mark small code q cite span".split()}
SAFE_LINK = ("http://", "https://", "mailto:", "/", "#", "./", "../")


def safe_markup(block) -> str:
    """The block's content as HTML the review page can show: text escaped, only common
    inline tags kept (links with an ``http(s)``, ``mailto`` or relative target, a title),
    no other attribute, no script, comment or image."""
    parts: list[str] = [html.escape(block.text or "")]
    for child in block:
        if isinstance(child.tag, str) and child.tag in _SHOWN:
            attributes = "".join(
                f' {name}="{html.escape(child.get(name))}"'
                for name in _SHOWN[child.tag]
                if child.get(name) and (name != "href" or safe_link(child.get(name)))
            )
            if child.tag == "br":
                parts.append("<br>")
            else:
                parts.append(f"<{child.tag}{attributes}>{safe_markup(child)}</{child.tag}>")
        elif isinstance(child.tag, str) and child.tag not in ("script", "style", "img"):
            parts.append(safe_markup(child))
        parts.append(html.escape(child.tail or ""))
    return "".join(parts)


def safe_link(target: str) -> bool:
    target = target.strip()
    return target.lower().startswith(SAFE_LINK) or (":" not in target.split("/")[0])


_WORD_SHOWN = (("b", "b"), ("i", "i"), ("u", "u"), ("strike", "s"))


def safe_runs(paragraph, links: dict[str, str]) -> str:
    """A rebuilt Word paragraph as HTML the review page can show: its text escaped, bold,
    italic, underline and strike-through as such, hyperlinks with an ``http(s)`` or
    ``mailto`` target (``links``: relationship id to target) clickable; nothing else."""
    parts: list[str] = []
    for child in paragraph:
        if child.tag == w("r"):
            parts.append(_shown_run(child))
        elif child.tag == w("hyperlink"):
            inner = "".join(_shown_run(r) for r in child.iter(w("r")))
            target = links.get(child.get(f"{{{R}}}id") or "", "")
            if target.lower().startswith(SAFE_LINK[:3]):  # http(s) and mailto only
                parts.append(f'<a href="{html.escape(target)}">{inner}</a>')
            else:
                parts.append(inner)
    return "".join(parts)


def _shown_run(run) -> str:
    text = "".join(
        (t.text or "") if t.tag == TEXT else "<br>" if t.tag == BR else ""
        for t in run
        if t.tag in (TEXT, BR)
    )
    text = html.escape(text).replace("&lt;br&gt;", "<br>")
    properties = run.find(w("rPr"))
    if properties is None or not text:
        return text
    for tag, shown in _WORD_SHOWN:
        element = properties.find(w(tag))
        if element is not None and element.get(w("val")) not in ("0", "false", "none"):
            text = f"<{shown}>{text}</{shown}>"
    return text


@functools.cache
def _viewer():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def safe_markdown(rendered: str) -> str:
    """A unit's translated Markdown as HTML for the review page: raw HTML escaped, and
    markdown-it's own check refuses ``javascript:`` and like link targets."""
    return _viewer().renderInline(rendered).replace("\n", "<br>")
