"""PDFs built for the tests with fpdf2: a two-page report with a running header, page
numbers, a hyphenated line end, a real hyphen, a heading, two columns and a table; an
image-only page (a scan); an encrypted one."""

from __future__ import annotations

import io

HEADER = "Gemeente Utrecht - Jaarverslag"
LEFT = [
    "De gemeenteraad besprak dinsdag",
    "het nieuwe verkeersplan voor de",
    "binnenstad. Het hoofd-",
    "kwartier van de politie ligt in",
    "Oost-",
    "Utrecht, zei de wethouder.",
]
RIGHT = [
    "In de rechterkolom staat een tweede",
    "alinea over de kosten van het plan,",
    "die hoger uitvallen dan verwacht.",
]
NEXT_PAGE = [
    "Op de tweede pagina gaat het verslag verder met de",
    "plannen voor de komende jaren in de stad.",
]
TABLE = [["Jaar", "Kosten"], ["2024", "Twee miljoen"], ["2025", "Drie miljoen"]]


def report() -> bytes:
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, HEADER, align="C")
            self.ln(12)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, f"Pagina {self.page_no()} van 2", align="C")

    pdf = Report(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 12, "Verkeer in de binnenstad")
    pdf.ln(18)
    pdf.set_font("Helvetica", size=11)
    top = pdf.get_y()
    for i, line in enumerate(LEFT):
        pdf.set_xy(15, top + i * 6)
        pdf.cell(85, 6, line)
    for i, line in enumerate(RIGHT):
        pdf.set_xy(110, top + i * 6)
        pdf.cell(85, 6, line)
    pdf.set_xy(15, top + 40)
    with pdf.table(width=120, col_widths=(40, 80), align="LEFT") as table:
        for row in TABLE:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i, line in enumerate(NEXT_PAGE):
        pdf.set_xy(15, 40 + i * 6)
        pdf.cell(180, 6, line)
    return bytes(pdf.output())


def scan() -> bytes:
    from fpdf import FPDF
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(picture, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(picture.getvalue()), x=10, y=10, w=150)
    return bytes(pdf.output())


def encrypted() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="eigenaar", user_password="geheim")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 10, "Vertrouwelijk verslag van de raad.")
    return bytes(pdf.output())


def bold_heading() -> bytes:
    """A heading told only by its weight: bold, at the body's size."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Een gewone alinea over de raad.")
    pdf.ln(12)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "Kosten van het plan")
    pdf.ln(8)
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "De kosten zijn hoger dan verwacht.")
    return bytes(pdf.output())
