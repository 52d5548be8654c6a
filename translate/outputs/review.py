"""The bilingual review page of one article, and the run's index page: self-contained HTML
(inline CSS, no script, no external resource), readable on a phone and printable."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from translate.findings import CHECK_KINDS, Finding, describe_counts
from translate.outputs.records import Record
from translate.types import Pair

_STYLE = """
:root{--ink:#1d1d1f;--muted:#5f6368;--line:#d9dce1;--warn:#fff4ce;--warn-ink:#7a5b00}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem;font:16px/1.55 system-ui,-apple-system,
"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
h1{font-size:1.35rem;margin:.2rem 0}
.meta{color:var(--muted);font-size:.9rem;margin:0 0 1rem}
.summary{background:#f3f6fb;border-left:4px solid #3b6fd8;padding:.6rem 1rem;margin:0 0 1rem}
.summary h2,.notes h2{font-size:1rem;margin:.2rem 0}
.notes{background:var(--warn);color:var(--warn-ink);padding:.5rem 1rem;margin:0 0 1rem}
.head,.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 1.5rem}
.head{font-weight:600;color:var(--muted);border-bottom:2px solid var(--line);padding:.3rem 0}
.pair{border-bottom:1px solid var(--line);padding:.5rem 0}
.pair p{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.pair.heading p{font-weight:700}
.pair.warn{background:var(--warn)}
.pair .note{grid-column:1/-1;color:var(--warn-ink);font-size:.85rem;margin-top:.3rem}
.n{color:var(--muted);font-size:.75rem;margin-right:.4rem}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
.failed{color:#b00020}
.first{border-left:4px solid #b00020;padding:.5rem 1rem;margin:0 0 1rem;background:#fff0f0}
.first h2{font-size:1rem;margin:.2rem 0}.first li{margin:.4rem 0}
.kind{font-size:.75rem;font-weight:700;text-transform:uppercase;color:#b00020;margin-right:.2rem}
.low1{background:#fff7e0}.low2{background:#ffe3c2}.flag{text-decoration:underline wavy #b00020}
@media (max-width:40rem){.head{display:none}.pair{grid-template-columns:1fr}
.pair p+p{margin-top:.4rem;padding-top:.4rem;border-top:1px dashed var(--line)}}
@media print{body{max-width:none;font-size:11pt}.pair{break-inside:avoid}}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def review_page(name: str, pairs: Sequence[Pair], summary: str | None, record: Record) -> str:
    """Dutch and English side by side, paragraph by paragraph, the summary on top, then the
    flagged sentences to read first; each finding beside the paragraph of its sentence
    (those of the whole article at the top), and the English shaded by the model's
    confidence, sentence by sentence."""
    placed, loose = _place(record.findings, pairs)
    shade = _shades(record)
    language = record.language
    detected = (
        f"language {language['code']} (confidence {language['confidence']:.2f})"
        if language
        else "language check off"
    )
    counts = record.counts
    parts = [
        f"<h1>{html.escape(name)}</h1>\n",
        f'<p class="meta">{html.escape(record.format)} · {counts.paragraphs} paragraphs · '
        f"{counts.words} words · {html.escape(detected)} · {html.escape(record.engine)} on "
        f"{html.escape(record.device)} · {html.escape(record.finished)}</p>\n",
    ]
    if summary is not None:
        parts.append(
            f'<section class="summary"><h2>Summary</h2><p>{html.escape(summary.strip())}</p>'
            "</section>\n"
        )
    first = _read_first(record, pairs)
    if first:
        parts.append(first)
    if loose:
        items = "".join(f"<li>{html.escape(f.message)}</li>" for f in loose)
        parts.append(f'<section class="notes"><h2>Warnings</h2><ul>{items}</ul></section>\n')
    parts.append('<div class="head"><span lang="nl">Nederlands</span><span>English</span></div>\n')
    start = 0
    for i, pair in enumerate(pairs):
        english = _english(pair, record, start, shade)
        start += pair.sentences
        notes = placed.get(i, [])
        classes = " ".join(["pair", html.escape(pair.kind)] + (["warn"] if notes else []))
        note = "".join(
            f'<div class="note" data-kind="{html.escape(n.kind)}">⚠ {html.escape(n.message)}</div>'
            for n in notes
        )
        label = f"{i + 1}" if pair.kind in ("paragraph", "prose") else f"{i + 1} {pair.kind}"
        parts.append(
            f'<div class="{classes}" id="p{i + 1}"><p lang="nl"><span class="n">{label}</span>'
            f"{html.escape(pair.source)}</p><p>{english}</p>{note}</div>\n"
        )
    return _page(f"Review: {name}", "".join(parts))


def _flagged(record: Record) -> dict[int, list[Finding]]:
    """The findings of the checks, by sentence."""
    by: dict[int, list[Finding]] = {}
    for finding in record.findings:
        if finding.sentence is not None and finding.kind in CHECK_KINDS:
            by.setdefault(finding.sentence, []).append(finding)
    return by


def _read_first(record: Record, pairs: Sequence[Pair]) -> str:
    """The flagged sentences, Dutch and English, with what the checks saw, linked to their
    paragraphs: what an editor reads before the rest."""
    flagged = _flagged(record)
    if not flagged or not record.sentences:
        return ""
    ends, total = [], 0
    for pair in pairs:
        total += pair.sentences
        ends.append(total)
    items = []
    for index in sorted(flagged):
        if index >= len(record.sentences):
            continue
        sentence = record.sentences[index]
        paragraph = next((i for i, end in enumerate(ends) if index < end), 0) + 1
        kinds = " ".join(
            f'<span class="kind">{html.escape(f.kind)}</span> {html.escape(f.message)}'
            for f in flagged[index]
        )
        items.append(
            f'<li data-sentence="{index}"><a href="#p{paragraph}">sentence {index + 1}</a> '
            f'{kinds}<br><span lang="nl">{html.escape(sentence.source)}</span><br>'
            f"{html.escape(sentence.translation)}</li>"
        )
    return (
        f'<section class="first"><h2>Read these first: {len(items)} flagged sentences</h2>'
        f"<ol>{''.join(items)}</ol></section>\n"
    )


def _shades(record: Record):
    """A function from a score to the shade of its sentence: lighter the further below the
    article's median the model's confidence lies."""
    scores = sorted(s.score for s in record.sentences if s.score is not None)
    if not scores:
        return lambda score: ""
    median = scores[len(scores) // 2]

    def shade(score: float | None) -> str:
        if score is None:
            return ""
        if score < median - 1.0:
            return "low2"
        return "low1" if score < median - 0.5 else ""

    return shade


def _english(pair: Pair, record: Record, start: int, shade) -> str:
    """The paragraph's English, sentence by sentence in spans (shaded, marked when flagged)
    where the paragraph is plain prose; as one text otherwise (lists), with its inline
    markup where the format kept some (links clickable, emphasis shown)."""
    sentences = record.sentences[start : start + pair.sentences]
    flagged = _flagged(record)
    marked = pair.markup is not None and pair.markup != html.escape(pair.english)
    if marked or not sentences or " ".join(s.translation for s in sentences) != pair.english:
        lowest = [s.score for s in sentences if s.score is not None]
        level = shade(min(lowest)) if lowest else ""
        # with its inline markup (links, emphasis), already safe HTML
        shown = pair.markup if marked else html.escape(pair.english)
        return f'<span class="{level}">{shown}</span>' if level else shown
    spans = []
    for offset, sentence in enumerate(sentences):
        index = start + offset
        classes = [c for c in (shade(sentence.score), "flag" if index in flagged else "") if c]
        title = f"mean log-probability {sentence.score:.2f}" if sentence.score is not None else ""
        spans.append(
            f'<span class="s {" ".join(classes)}" data-sentence="{index}" title="{title}">'
            f"{html.escape(sentence.translation)}</span>"
        )
    return " ".join(spans)


def _place(
    findings: Sequence[Finding], pairs: Sequence[Pair]
) -> tuple[dict[int, list[Finding]], list[Finding]]:
    """Findings of a sentence go to its paragraph; those of the whole article stay loose."""
    ends, total = [], 0
    for pair in pairs:
        total += pair.sentences
        ends.append(total)
    placed: dict[int, list[Finding]] = {}
    loose = []
    for finding in findings:
        if finding.sentence is not None:
            paragraph = next((i for i, end in enumerate(ends) if finding.sentence < end), None)
            if paragraph is not None:
                placed.setdefault(paragraph, []).append(finding)
                continue
        loose.append(finding)
    return placed, loose


def index_page(outbox: Path, rows: Sequence[dict], findings: dict[str, int]) -> str:
    """The run's articles with status, words, findings per kind and links to their outputs;
    ``rows`` are the run report's articles (``source``, ``status``, ``words``, ``reason``,
    ``finding_counts`` and ``outputs``, kind to path); ``findings`` the run's counts per kind."""
    cells = []
    checked = set(CHECK_KINDS)

    def flagged(row: dict) -> int:
        return sum(n for kind, n in row["finding_counts"].items() if kind in checked)

    for row in sorted(rows, key=lambda r: (-flagged(r), r["source"])):
        links = " ".join(
            f'<a href="{html.escape(link(outbox, Path(path)))}">{kind}</a>'
            for kind, path in row["outputs"].items()
        )
        status = html.escape(row["status"])
        reason = f"<br>{html.escape(row['reason'])}" if row.get("reason") else ""
        found = html.escape(describe_counts(row["finding_counts"]))
        cells.append(
            f'<tr><td>{html.escape(row["source"])}</td><td class="{status}">{status}{reason}'
            f"</td><td>{row['words'] or ''}</td><td>{found}</td><td>{links}</td></tr>\n"
        )
    total = describe_counts(findings)
    summary = f'<p class="meta">findings: {html.escape(total)}</p>\n' if total else ""
    body = (
        f"<h1>Translation run: {len(rows)} articles</h1>\n{summary}<table>\n"
        "<tr><th>source</th><th>status</th><th>words</th><th>findings</th><th>outputs</th></tr>\n"
        + "".join(cells)
        + "</table>\n"
    )
    return _page("Translation run", body)


def link(outbox: Path, path: Path) -> str:
    """A relative URL from the outbox to ``path``: each segment percent-encoded (its bytes,
    for a name that is not UTF-8), so no name can become a scheme (``javascript:``), a
    fragment (``#``) or a query (``?``)."""
    segments = path.relative_to(outbox).parts
    return "/".join(quote(os.fsencode(segment), safe="") for segment in segments)
