"""What reading and writing each format costs, beside plain text, with no model (the echo
engine's structure: parse, then write the same text back), and PDF extraction in pages per
second on a 100-page report.

    python benchmarks/formats_speed.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import pdfs  # noqa: E402
from tests.test_more_formats import SRT, VTT, epub_file, odf_file, pptx_file  # noqa: E402
from translate import formats  # noqa: E402

BODY = [
    "De gemeenteraad besprak dinsdag het nieuwe verkeersplan voor de binnenstad van Utrecht.",
    "Volgens de wethouder moeten er de komende jaren meer fietsenstallingen komen.",
    "De kosten van het plan vallen hoger uit dan vorig jaar werd verwacht.",
    "Bewoners kunnen tot het einde van de maand reageren op de voorstellen.",
    "De oppositie vindt dat het college te weinig aandacht heeft voor de wijken.",
    "Het plan wordt in het voorjaar definitief vastgesteld door de raad.",
    "Ondernemers in het centrum zijn tevreden over de betere bereikbaarheid.",
]


def _hundred_pages() -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    for page in range(100):
        pdf.add_page()
        pdf.cell(0, 8, "Gemeente Utrecht - Jaarverslag", align="C")
        pdf.ln(14)
        for line in range(40):
            pdf.cell(0, 6, BODY[(page + line) % len(BODY)])
            pdf.ln(6)
        pdf.set_y(-15)
        pdf.cell(0, 8, f"Pagina {page + 1} van 100", align="C")
    return bytes(pdf.output())


def _seconds(fmt, content, repeat: int = 5) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        layout = fmt.parse(content, "bench")
        layout.write(layout.document)
    return (time.perf_counter() - started) / repeat


def main() -> None:
    samples = {
        "text": "\n\n".join(["De raad vergaderde dinsdag over het nieuwe plan voor de stad."] * 8),
        "pdf": pdfs.report(),
        "epub": epub_file(),
        "odt": odf_file("odt"),
        "odp": odf_file("odp"),
        "pptx": pptx_file(),
        "srt": SRT,
        "vtt": VTT,
    }
    per_article = {
        name: round(_seconds(formats.get(name), data) * 1000, 1) for name, data in samples.items()
    }
    big = _hundred_pages()
    started = time.perf_counter()
    layout = formats.get("pdf").parse(big, "100 pages")
    seconds = time.perf_counter() - started
    result = {
        "ms_per_article_parse_and_write": per_article,
        "extra_ms_beside_text": {
            k: round(v - per_article["text"], 1) for k, v in per_article.items() if k != "text"
        },
        "pdf_100_pages": {
            "seconds": round(seconds, 2),
            "pages_per_s": round(100 / seconds, 1),
            "paragraphs": len(layout.document.paragraphs),
            "running_lines_left_out": layout.findings[0].data["lines"] if layout.findings else 0,
        },
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
