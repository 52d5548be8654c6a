"""The bilingual review page of one article, and the run's index page: self-contained HTML
(inline CSS, no script, no external resource), readable on a phone and printable."""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from translate.findings import Finding, describe_counts
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
    """Dutch and English side by side, paragraph by paragraph, the summary on top, and each
    finding beside the paragraph of its sentence (those of the whole article at the top)."""
    placed, loose = _place(record.findings, pairs)
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
    if loose:
        items = "".join(f"<li>{html.escape(f.message)}</li>" for f in loose)
        parts.append(f'<section class="notes"><h2>Warnings</h2><ul>{items}</ul></section>\n')
    parts.append('<div class="head"><span lang="nl">Nederlands</span><span>English</span></div>\n')
    for i, pair in enumerate(pairs):
        notes = placed.get(i, [])
        classes = " ".join(["pair", html.escape(pair.kind)] + (["warn"] if notes else []))
        note = "".join(
            f'<div class="note" data-kind="{html.escape(n.kind)}">⚠ {html.escape(n.message)}</div>'
            for n in notes
        )
        label = f"{i + 1}" if pair.kind in ("paragraph", "prose") else f"{i + 1} {pair.kind}"
        parts.append(
            f'<div class="{classes}" id="p{i + 1}"><p lang="nl"><span class="n">{label}</span>'
            f"{html.escape(pair.source)}</p><p>{html.escape(pair.english)}</p>{note}</div>\n"
        )
    return _page(f"Review: {name}", "".join(parts))


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
    for row in rows:
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
