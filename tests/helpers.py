"""What many test files share: sample texts, the batch command's arguments with the tiny
models, and readers of an outbox."""

import json
import re
from pathlib import Path

from tests.conftest import INBOX

# Sentences of assorted lengths, for engine comparisons
SENTENCES = [
    "Ja.",
    "De raad vergaderde dinsdag over het nieuwe fietsplan van de gemeente Amsterdam.",
    "Het kost ca. 1.000 euro.",
    "Boeren protesteren al weken tegen de plannen voor minder stikstof in het land.",
    "Waarom duurt het zo lang?",
    "Het museum opent in het voorjaar een tentoonstelling over de Gouden Eeuw en de kunst.",
    "Scholen krijgen geld.",
    "De politie zoekt getuigen.",
]

SHORT = (INBOX / "nieuws" / "brug-heropend.txt").read_text(encoding="utf-8")
# Fast settings: tiny random models run every output to its cap, so keep caps small.
FAST = ["--beams", "1", "--summary-max-tokens", "24", "--summary-min-tokens", "4"]


def batch_args(tiny_marian, tiny_bart, inbox, outbox, *extra):
    return [
        "batch",
        str(inbox),
        str(outbox),
        "--model",
        str(tiny_marian),
        "--summarizer",
        str(tiny_bart),
        "--offline",
        *FAST,
        *extra,
    ]


def numbered_article(i: int) -> str:
    return f"Bericht {i}\n\nDe raad van dorp {i} vergaderde dinsdag. Het plan is klaar.\n"


_OUTPUT = re.compile(r"^(.+?\.(?:txt|md))\.(en\.(?:txt|md)|summary\.txt|json|error\.txt)$")


def output_kinds(outbox: Path) -> dict[str, set[str]]:
    """Output kinds per source (``regio/b.txt``: ``{"en.txt", "summary.txt", "json"}``)."""
    found: dict[str, set[str]] = {}
    for path in outbox.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(outbox).parts)
        if path.is_file() and not hidden:  # .translate/ holds the translation memory
            source, kind = _OUTPUT.match(path.name).groups()
            found.setdefault(str(path.parent.relative_to(outbox) / source), set()).add(kind)
    return found


def count_skipped(stderr: str) -> int:
    return sum(line.startswith("skipped ") for line in stderr.splitlines())


def finish_times(outbox: Path) -> dict[str, str]:
    return {
        str(p.relative_to(outbox)): json.loads(p.read_text(encoding="utf-8"))["finished"]
        for p in outbox.rglob("*.json")
    }


def page_shape(page: str) -> list:
    """An HTML page's elements in order, each with its attributes (the root's ``lang``
    aside) and its text, whitespace normalised; comments by their text."""
    import lxml.html

    root = lxml.html.document_fromstring(page)
    shape = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            shape.append(("comment", element.text))
            continue
        attributes = {
            k: v for k, v in element.attrib.items() if (element.tag, k) != ("html", "lang")
        }
        shape.append((element.tag, attributes, " ".join(element.text_content().split())))
    return shape


def check_messages(source: str, translation: str) -> list[str]:
    """The messages of every per-sentence check for one pair."""
    from translate.checks import CHECKS, Sentence, run_checks

    return [f.message for f in run_checks([Sentence(0, source, translation)], CHECKS)]
