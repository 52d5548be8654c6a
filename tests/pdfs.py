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


def listed() -> bytes:
    """A bold question as a heading, bullets (one over two lines), a numbered list, and a
    list of lettered points."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "Het kabinet wil huurders beter beschermen.")
    pdf.ln(12)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "Wat verandert er?")
    pdf.ln(8)
    pdf.set_font("Helvetica", size=11)
    points = [
        "- De huur mag minder snel stijgen.",
        "- Tijdelijke contracten worden weer de uitzondering op de regel en niet langer de "
        "norm op de markt van vandaag, zegt de minister.",
        "1. Eerst stemt de Tweede Kamer.",
        "2. Daarna stemt de Eerste Kamer.",
        "a) De wet geldt voor nieuwe contracten.",
        "b) Oude contracten blijven gelden.",
    ]
    for point in points:
        pdf.set_x(20)
        pdf.multi_cell(120, 6, point)
        pdf.ln(2 if point.startswith("2.") else 0)
    return bytes(pdf.output())


NOTES = {
    "1": "Wethouder van Financiën sinds 2022.",
    "2": "De begroting voor 2025, vastgesteld in november.",
}
NEXT_NOTE = "Zie ook het jaarverslag van de gemeente."


def footnoted() -> bytes:
    """A two-page report with footnotes: raised small figures after words (numbering that
    starts again on page 2, and one with no note), the notes at each page's foot (one over
    two lines), a square metre written with a raised 2, and a paragraph that runs over the
    page break past the notes."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)

    def text(x: float, y: float, words: str, size: float = 11) -> float:
        pdf.set_font("Helvetica", size=size)
        pdf.set_xy(x, y)
        width = pdf.get_string_width(words)
        pdf.cell(width, 6, words)
        return x + width

    def raised(x: float, y: float, label: str) -> float:
        pdf.set_font("Helvetica", size=7)
        pdf.set_xy(x, y - 1.2)
        width = pdf.get_string_width(label)
        pdf.cell(width, 4, label)
        return x + width + 0.2

    pdf.add_page()
    x = text(15, 30, "Dat zei de wethouder")
    x = raised(x, 30, "1")
    text(x + 1.5, 30, "tijdens de raadsvergadering van dinsdag.")
    x = text(15, 36, "Het nieuwe stadhuis meet 1.200 m")
    x = raised(x, 36, "2")
    raised(text(x + 1.5, 36, "en past binnen de begroting."), 36, "2")
    text(15, 42, "Het college wil de reserve aanspreken")
    text(15, 48, "om het gat te dichten. Daarna volgen de")
    text(15, 54, "plannen voor de komende jaren in")
    text(15, 262, "1 " + NOTES["1"], size=8)
    words = NOTES["2"].split()
    text(15, 267, "2 " + " ".join(words[:-1]), size=8)
    text(15, 271, words[-1], size=8)
    pdf.add_page()
    x = text(15, 30, "de stad, zoals de raad")
    x = raised(x, 30, "1")
    raised(text(x + 1.5, 30, "vroeg aan de minister."), 30, "3")
    text(15, 45, "Een tweede alinea zonder noten.")
    text(15, 264, "1 " + NEXT_NOTE, size=8)
    return bytes(pdf.output())


def scripts() -> bytes:
    """A line with a raised small ``e`` glued to its figure (``20e eeuw``) and a lowered
    small ``2`` (``CO2``), then a line close below it."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    x = 15.0
    for text, size, y in (
        ("In de 20", 11, 30),
        ("e", 7, 29),
        (" eeuw groeide de uitstoot van CO", 11, 30),
        ("2", 7, 31.5),
        (" sterk.", 11, 30),
    ):
        pdf.set_font("Helvetica", size=size)
        pdf.set_xy(x, y)
        width = pdf.get_string_width(text)
        pdf.cell(width, 6 if size == 11 else 4, text)
        x += width
    pdf.set_font("Helvetica", size=11)
    pdf.set_xy(15, 36)
    pdf.cell(100, 6, "Een tweede regel direct eronder.")
    return bytes(pdf.output())
