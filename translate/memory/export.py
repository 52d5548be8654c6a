"""The memory written out: TMX 1.4 (which every CAT tool imports) and JSON lines."""

from __future__ import annotations

import json
from collections.abc import Iterable

from translate import __version__
from translate.memory.store import Entry

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx(entries: Iterable[tuple[str, Entry, float]]) -> bytes:
    """TMX 1.4: one translation unit per entry, Dutch and English, its settings as a
    property (written with lxml: translate-toolkit, the field's TMX library, installs a
    top-level ``translate`` package too, so it cannot sit beside this one)."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="translate-nl-en",
        creationtoolversion=__version__,
        datatype="plaintext",
        segtype="sentence",
        adminlang="en",
        srclang="nl",
        **{"o-tmf": "translate-nl-en"},
    )
    body = etree.SubElement(root, "body")
    for key, entry, _ in entries:
        unit = etree.SubElement(body, "tu")
        prop = etree.SubElement(unit, "prop", type="x-settings")
        prop.text = key
        for lang, text in (("nl", entry.source), ("en", entry.translation)):
            variant = etree.SubElement(unit, "tuv", {_XML_LANG: lang})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def jsonl(entries: Iterable[tuple[str, Entry, float]]) -> str:
    """One JSON object per entry: source, translation, score, findings, retry, settings."""
    lines = []
    for key, entry, used in entries:
        record = {
            "source": entry.source,
            "translation": entry.translation,
            "score": entry.score,
            "findings": list(entry.findings),
            "retry": entry.retry,
            "settings": json.loads(key),
            "last_used": used,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)
