"""HTML and Word round trips with the echo engine: structure kept, every visible text sent
once, nothing else sent, a sentence split by inline tags sent whole."""

import io
import zlib

import pytest

from tests.fakes import EchoEngine
from tests.helpers import page_shape
from tests.test_inline import Reversing
from translate.formats.html import HtmlLayout
from translate.run.core import DONE, FAILED, Article, Pipeline
from translate.stages.translation import Translator

lxml_html = pytest.importorskip("lxml.html")
docx = pytest.importorskip("docx")

PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Brug weer open</title>
<style>p { color: red; } .geheim { display: none }</style>
<script>var bericht = "Niet vertalen alstublieft";</script>
</head>
<body>
<h1 class="kop">De brug is weer open</h1>
<p>De <b>grote</b> brug in <a href="https://example.org/brug?q=1">Amsterdam</a> is open.</p>
<p>Zie de code <code>brug.open()</code> hieronder.</p>
<pre>Dit is vaste tekst.</pre>
<ul><li>Eerste punt van de lijst.</li><li>Tweede punt.</li></ul>
<figure><img src="brug.jpg" alt="Een foto van de brug">
<figcaption>De brug bij nacht.</figcaption></figure>
<table><tr><th>Jaar</th><td>Het werk duurde twee jaar.</td></tr></table>
<div>Losse tekst in een div<p>met een alinea erin.</p></div>
<!-- Commentaar blijft staan -->
<p title="Uitleg bij de alinea">https://example.org/alleen-een-link</p>
</body>
</html>
"""

SENT = [
    "Brug weer open",
    "De brug is weer open",
    "De grote brug in Amsterdam is open.",
    "Zie de code hieronder.",  # one sentence: the code is kept in it, whole
    "Eerste punt van de lijst.",
    "Tweede punt.",
    "Een foto van de brug",
    "De brug bij nacht.",
    "Jaar",
    "Het werk duurde twee jaar.",
    "Losse tekst in een div",
    "met een alinea erin.",
    "Uitleg bij de alinea",
]
NEVER = [
    "Niet vertalen",
    "color: red",
    "brug.open()",
    "Dit is vaste tekst",
    "example.org",
    "Commentaar",
]


def _pipeline(engine):
    return Pipeline(Translator(engine), language_check="nl")


def test_html_round_trip_keeps_structure_and_sends_only_visible_text():
    engine = EchoEngine()
    (result,) = _pipeline(engine).process([Article("a.html", PAGE, format="html")])
    assert result.status == DONE, result.reason
    sent = [row for batch in engine.batches for row in batch]
    # each visible text exactly once, inline tags and all; the inline elements' words also
    # alone (to find their span in the translation)
    assert sorted(sent) == sorted([*SENT, "grote", "Amsterdam"])
    for text in NEVER:
        assert not any(text in row for row in sent), text
    out = result.translation
    assert 'lang="en"' in out and out.startswith("<!DOCTYPE html>")
    assert page_shape(out) == page_shape(PAGE)  # same elements, attributes and text, in order
    assert result.record.format == "html"
    assert result.record.elements == {
        "attribute": 2,
        "caption": 1,
        "cell": 2,
        "heading": 1,
        "item": 2,
        "paragraph": 4,
        "title": 1,
    }


def test_code_and_noscript_text_in_a_page():
    page = (
        "<html><body><noscript><p>Zet JavaScript aan voor de kaart.</p></noscript>"
        "<p>Roep <code>open()</code> aan en druk op <kbd>Enter</kbd> om te starten.</p>"
        "<p>Het teken <svg><title>pijl</title></svg> wijst naar de uitgang.</p>"
        "</body></html>"
    )
    engine = Reversing()
    (result,) = _pipeline(engine).process([Article("a.html", page, format="html")])
    root = lxml_html.document_fromstring(result.translation)
    # what a reader without scripts sees is translated
    assert root.find(".//noscript/p").text == "kaart. de voor aan JavaScript Zet"
    # code, keys and a drawing stay whole, in the one sentence they stand in
    second = root.findall(".//body/p")[0]
    assert second.find("code").text == "open()" and second.find("kbd").text == "Enter"
    words = " ".join(second.text_content().split()).split()
    assert [
        w for w in words if w not in ("open()", "Enter")
    ] == "starten. te om op druk en aan Roep".split()
    assert root.find(".//svg/title").text == "pijl"
    sent = [row for batch in engine.batches for row in batch]
    assert "starten. te om op druk en aan Roep" in sent  # one row each (the fake's output)
    assert "uitgang. de naar wijst teken Het" in sent
    assert not any("open()" in row or "Enter" in row or "pijl" in row for row in sent)


def test_html_inline_tags_are_placed_by_their_words_translated_alone():
    class Upper(EchoEngine):
        def decode(self, row):
            return super().decode(row).upper()

    page = "<html><body><p>De <b>grote</b> brug <a href='x'>hier</a>.</p></body></html>"
    (result,) = _pipeline(Upper()).process([Article("a.html", page, format="html")])
    paragraph = lxml_html.document_fromstring(result.translation).find(".//p")
    assert paragraph.text_content() == "DE GROTE BRUG HIER."
    assert [(c.tag, c.text, dict(c.attrib)) for c in paragraph] == [
        ("b", "GROTE", {}),
        ("a", "HIER", {"href": "x"}),
    ]
    assert not any(f.kind == "markup" for f in result.record.findings)


def test_html_inline_tags_no_method_can_place():
    class Other(EchoEngine):
        """Translates every word to another one: nothing of the source is found again."""

        def decode(self, row):
            words = super().decode(row).split()
            seed = zlib.crc32(" ".join(words).encode())
            return " ".join(f"w{seed % 997}x{i}" for i, _ in enumerate(words))

    page = "<html><body><p>De <b>grote</b> brug <a href='x'>hier</a> open.</p></body></html>"
    (result,) = _pipeline(Other()).process([Article("a.html", page, format="html")])
    paragraph = lxml_html.document_fromstring(result.translation).find(".//p")
    # the link is kept where its position says; plain bold is left out, and said so
    assert [(c.tag, dict(c.attrib)) for c in paragraph] == [("a", {"href": "x"})]
    (finding,) = [f for f in result.record.findings if f.kind == "markup"]
    assert finding.data == {"dropped": 1, "approximate": 1, "crossed": 0}


def test_html_charset_declared_in_the_page_is_honoured(tmp_path):
    from translate.formats import read_source

    page = (
        '<html><head><meta charset="windows-1252"></head>'
        "<body><p>Café op één dag.</p></body></html>"
    )
    path = tmp_path / "oud.html"
    path.write_bytes(page.encode("cp1252"))
    source = read_source(path, "oud.html")
    assert source.encoding == "windows-1252" and "Café op één dag." in source.text
    (result,) = _pipeline(EchoEngine()).process([Article("oud.html", source.text, format="html")])
    assert "Café op één dag." in result.translation and 'charset="utf-8"' in result.translation


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("<html><body>   </body></html>", "no text to translate"),
        (
            "<html><head><title></title></head><body><script>x()</script></body></html>",
            "no text to translate",
        ),
    ],
)
def test_html_without_visible_text_fails_with_one_line(page, reason):
    (result,) = _pipeline(EchoEngine()).process([Article("leeg.html", page, format="html")])
    assert result.status == FAILED and result.reason == f"leeg.html: {reason}"


def test_malformed_html_is_repaired_and_noted():
    page = "<html><body><p>De brug <b>is open.<p>Nog een <i>alinea</body>"
    (result,) = _pipeline(EchoEngine()).process([Article("kapot.html", page, format="html")])
    assert result.status == DONE
    assert "De brug is open." in lxml_html.document_fromstring(result.translation).text_content()
    assert any("repaired as a browser would" in w for w in result.record.warnings)


def test_html5_void_elements_stay_void_and_what_follows_them_is_read_where_it_is():
    """libxml2's HTML 4 parser does not know ``source``, ``track`` and ``wbr`` as void: what
    follows them must not end up inside them, nor the page gain their closing tags."""
    page = (
        '<html><body><figure><picture><source srcset="a.webp"><img src="a.jpg" '
        'alt="De brug bij nacht"></picture><figcaption>De brug bij nacht.</figcaption>'
        '</figure><video controls><source src="v.mp4"><track src="c.vtt" srclang="nl">'
        "Uw browser speelt geen video af.</video><p>Een heel lang<wbr>woord staat hier.</p>"
        "</body></html>"
    )
    engine = EchoEngine()
    (result,) = _pipeline(engine).process([Article("v.html", page, format="html")])
    assert result.status == DONE, result.reason
    out = result.translation
    for tag in ("source", "track", "wbr"):
        assert f"</{tag}>" not in out
    assert '<picture><source srcset="a.webp"><img src="a.jpg"' in out
    assert '<track src="c.vtt" srclang="nl">Uw browser speelt geen video af.</video>' in out
    video = HtmlLayout(out, "v.en.html").root.find(".//video")  # read as a browser reads it
    assert [child.tag for child in video] == ["source", "track"]
    assert [len(e) for e in video] == [0, 0] and video[1].tail == "Uw browser speelt geen video af."
    assert "De brug bij nacht" in [row for batch in engine.batches for row in batch]


@pytest.mark.parametrize(
    ("doctype", "expected"),
    [
        (
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"\n'
            '  "http://www.w3.org/TR/html4/loose.dtd">',
            '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
            '"http://www.w3.org/TR/html4/loose.dtd">',
        ),
        ("<!-- gemaakt door het CMS --><!doctype html>", "<!doctype html>"),
        ("", "<!DOCTYPE html>"),  # none: HTML5's (not the HTML 4 one libxml2 reports)
    ],
)
def test_the_pages_own_doctype_is_kept(doctype, expected):
    page = doctype + "<html><body><p>De brug is weer open.</p></body></html>"
    (result,) = _pipeline(EchoEngine()).process([Article("d.html", page, format="html")])
    assert result.translation.startswith(expected + "\n<html")


def _word_document() -> bytes:
    document = docx.Document()
    document.add_heading("De brug is weer open", level=1)
    paragraph = document.add_paragraph("De ")
    paragraph.add_run("grote").bold = True
    paragraph.add_run(" brug is open.")
    document.add_paragraph("Eerste punt van de lijst.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Jaar"
    table.cell(0, 1).text = "Het werk duurde twee jaar."
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "Krant van vandaag"
    document.add_paragraph("")  # empty: nothing to send
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_round_trip_keeps_styles_and_sends_each_paragraph_once():
    engine = EchoEngine()
    data = _word_document()
    (result,) = _pipeline(engine).process([Article("a.docx", "", format="docx", data=data)])
    assert result.status == DONE, result.reason
    sent = sorted(row for batch in engine.batches for row in batch)
    assert sent == sorted(
        [
            "De brug is weer open",
            "De grote brug is open.",  # three runs, one segment
            "Eerste punt van de lijst.",
            "Jaar",
            "Het werk duurde twee jaar.",
            "Krant van vandaag",
            "grote",  # the bold run's words alone, to find them in the translation
        ]
    )
    before, after = docx.Document(io.BytesIO(data)), docx.Document(io.BytesIO(result.translation))
    assert [(p.style.name, p.text) for p in after.paragraphs] == [
        (p.style.name, p.text) for p in before.paragraphs
    ]
    assert [c.text for c in after.tables[0].rows[0].cells] == ["Jaar", "Het werk duurde twee jaar."]
    assert after.sections[0].header.paragraphs[0].text == "Krant van vandaag"
    runs = after.paragraphs[1].runs
    assert [(r.text, bool(r.bold)) for r in runs] == [
        ("De ", False),
        ("grote", True),
        (" brug is open.", False),
    ]
    assert after.core_properties.language == "en"
    assert result.record.elements == {
        "cell": 2,
        "header": 1,
        "heading": 1,
        "item": 1,
        "paragraph": 1,
    }


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + b"\x00" * 60,  # the start of a zip, then nothing
        __import__("zipfile").ZipFile.__name__.encode(),  # not a zip at all
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500,  # OLE: what an encrypted .docx is
    ],
)
def test_unreadable_docx_is_one_line(data):
    (result,) = _pipeline(EchoEngine()).process([Article("x.docx", "", format="docx", data=data)])
    assert result.status == FAILED
    assert result.reason.startswith("x.docx: not a readable Word .docx")
    assert "\n" not in result.reason


def test_a_zip_of_something_else_named_docx_is_one_line():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("foto.txt", "geen document")
    (result,) = _pipeline(EchoEngine()).process(
        [Article("x.docx", "", format="docx", data=out.getvalue())]
    )
    assert result.status == FAILED and result.reason.startswith("x.docx: not a readable Word .docx")


def test_layouts_write_into_copies_and_return_what_they_dropped():
    from translate.formats import get

    data = _word_document()
    layout = get("docx").parse(data, "a.docx")
    upper = layout.document.with_sentences([s.upper() for s in layout.document.sentences])
    first, second = layout.write(upper), layout.write(layout.document)
    assert first.findings == second.findings == ()
    # the parsed document is untouched: writing the Dutch back gives the Dutch texts
    again = docx.Document(io.BytesIO(second.content))
    assert [p.text for p in again.paragraphs] == [
        p.text for p in docx.Document(io.BytesIO(data)).paragraphs
    ]
    assert "DE GROTE BRUG IS OPEN." in [
        p.text for p in docx.Document(io.BytesIO(first.content)).paragraphs
    ]

    page = "<p>De <b>grote</b> brug <a href='/x'>staat</a> open.</p>"
    html = get("html").parse(page, "a.html")
    other = html.document.with_sentences(["The grote bridge is open."])
    written = html.write(other)
    # "staat" is not in the translation: the link is kept by its position, and said so
    (finding,) = written.findings
    assert finding.kind == "markup" and finding.sentence is None
    assert finding.data == {"dropped": 0, "approximate": 1, "crossed": 0}
    assert '<a href="/x">' in written.content and "<b>grote</b>" in written.content
    assert html.write(html.document).findings == ()  # the Dutch back: every tag placed


def test_a_line_break_separates_words_before_they_reach_the_model():
    engine = EchoEngine()
    page = "<p>Gemeentehuis<br>Stationsplein 1<br/>Amsterdam</p>"
    (result,) = _pipeline(engine).process([Article("a.html", page, format="html")])
    # each line its own row, and the line breaks between the same lines
    assert sorted(engine.batches[0]) == ["Amsterdam", "Gemeentehuis", "Stationsplein 1"]
    assert "<p>Gemeentehuis<br>Stationsplein 1<br>Amsterdam</p>" in result.translation


def test_invisible_characters_never_cut_a_word_for_the_model():
    """Soft hyphens (``&shy;``, as Dutch web text breaks compounds) and zero-width spaces
    are dropped before the model and the checks see the text, in HTML and in plain text."""
    from translate.text.decode import decode

    engine = EchoEngine()
    page = "<p>De gemeente&shy;raad <b>verga\u00addert</b> van\u200bavond.</p>"
    (result,) = _pipeline(engine).process([Article("a.html", page, format="html")])
    assert engine.batches[0][0] == "De gemeenteraad vergadert vanavond."
    assert "<b>vergadert</b>" in result.translation  # the span still on its word
    assert "\u00ad" not in result.translation and "\u200b" not in result.translation
    text = "De gemeente\u00adraad verga\u200bdert.\n".encode()
    assert decode(text, "a.txt").text == "De gemeenteraad vergadert.\n"


def _shouted(document) -> tuple:
    """A python-docx document through the capitals engine: the result, and every text sent."""
    from tests.fakes import ShoutEngine

    out = io.BytesIO()
    document.save(out)
    engine = ShoutEngine()
    (result,) = _pipeline(engine).process([Article("a.docx", "", "docx", data=out.getvalue())])
    assert result.status == DONE, result.reason
    return result, [row for batch in engine.batches for row in batch]


def test_docx_first_page_and_even_page_headers_and_footers_are_translated():
    document = docx.Document()
    document.add_paragraph("De brug is open.")
    section = document.sections[0]
    section.different_first_page_header_footer = True
    document.settings.odd_and_even_pages_header_footer = True
    parts = {
        "header": "Kop van het verslag",
        "first_page_header": "Kop van de eerste pagina",
        "first_page_footer": "Voet van de eerste pagina",
        "even_page_footer": "Voet van de even pagina's",
    }
    for name, text in parts.items():
        getattr(section, name).paragraphs[0].text = text
    result, sent = _shouted(document)
    after = docx.Document(io.BytesIO(result.translation)).sections[0]
    for name, text in parts.items():
        assert sent.count(text) == 1
        assert getattr(after, name).paragraphs[0].text == text.upper()
    assert result.record.elements == {"paragraph": 1, "header": 2, "footer": 2}


def test_docx_content_controls_are_translated_in_place():
    """A cover page's title in a block-level content control, a date in an inline one:
    translated, each control kept with its properties."""
    from docx.oxml.ns import qn
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("De brug is open.")
    title = document.add_paragraph("Titel van het rapport over de brug")
    block = etree.Element(qn("w:sdt"))
    etree.SubElement(etree.SubElement(block, qn("w:sdtPr")), qn("w:alias"), {qn("w:val"): "Titel"})
    title._p.addprevious(block)
    etree.SubElement(block, qn("w:sdtContent")).append(title._p)
    dated = document.add_paragraph("Datum: ")
    inline = etree.SubElement(dated._p, qn("w:sdt"))
    etree.SubElement(etree.SubElement(inline, qn("w:sdtPr")), qn("w:date"))
    run = etree.SubElement(etree.SubElement(inline, qn("w:sdtContent")), qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "vrijdag drie maart"
    result, sent = _shouted(document)
    assert "Titel van het rapport over de brug" in sent and "Datum: vrijdag drie maart" in sent
    body = docx.Document(io.BytesIO(result.translation)).element.body
    controls = list(body.iter(qn("w:sdt")))
    assert len(controls) == 2
    assert controls[0].find(qn("w:sdtPr")).find(qn("w:alias")).get(qn("w:val")) == "Titel"
    texts = ["".join(t.text for t in c.iter(qn("w:t"))) for c in controls]
    assert texts == ["TITEL VAN HET RAPPORT OVER DE BRUG", "VRIJDAG DRIE MAART"]
    assert controls[1].find(qn("w:sdtPr")).find(qn("w:date")) is not None


def test_a_buttons_label_is_translated_and_a_fields_value_is_not():
    from tests.fakes import ShoutEngine

    page = (
        "<form><p>Schrijf je in voor de nieuwsbrief.</p><input type='text' value='Jan'>"
        "<input type='submit' value='Verstuur het formulier'></form>"
    )
    (result,) = _pipeline(ShoutEngine()).process([Article("a.html", page, format="html")])
    assert 'value="VERSTUUR HET FORMULIER"' in result.translation
    assert 'value="Jan"' in result.translation  # what a visitor typed is data


def _charted_docx() -> bytes:
    """A Word document with a chart part (a column chart's XML, as PowerPoint writes it):
    a title, a value axis title, categories and a series name."""
    import zipfile

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    from tests.test_more_formats import charted_pptx
    from translate.formats.docx_charts import CHART

    chart = etree.fromstring(
        zipfile.ZipFile(io.BytesIO(charted_pptx())).read("ppt/charts/chart1.xml")
    )
    for external in chart.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/chart}externalData"
    ):
        external.getparent().remove(external)  # its workbook is PowerPoint's
    document = docx.Document()
    document.add_paragraph("De kosten stijgen.")
    part = Part(
        PackURI("/word/charts/chart1.xml"), CHART, etree.tostring(chart), document.part.package
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.CHART)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_chart_titles_are_translated_and_their_data_kept():
    import zipfile

    from tests.fakes import ShoutEngine

    engine = ShoutEngine()
    (result,) = _pipeline(engine).process([Article("a.docx", "", "docx", data=_charted_docx())])
    assert result.status == DONE, result.reason
    sent = [row for batch in engine.batches for row in batch]
    assert "Kosten per jaar" in sent and "Miljoen euro" in sent and "Kosten" not in sent
    chart = zipfile.ZipFile(io.BytesIO(result.translation)).read("word/charts/chart1.xml")
    text = chart.decode("utf-8")
    assert "KOSTEN PER JAAR" in text and "MILJOEN EURO" in text
    assert "<c:v>Kosten</c:v>" in text and "<c:v>2023</c:v>" in text  # the data
    assert result.record.elements == {"paragraph": 1, "caption": 2}


def test_a_docx_chart_that_is_no_xml_is_left_as_it_is_and_said():
    import zipfile

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from translate.formats.docx_charts import CHART

    document = docx.Document()
    document.add_paragraph("De kosten stijgen.")
    broken = Part(
        PackURI("/word/charts/chart1.xml"), CHART, b"<c:chart kapot", document.part.package
    )
    document.part.relate_to(broken, RELATIONSHIP_TYPE.CHART)
    result, sent = _shouted(document)
    assert sent == ["De kosten stijgen."]
    (said,) = [f for f in result.record.findings if f.kind == "markup"]
    assert said.data == {"charts": 1}
    kept = zipfile.ZipFile(io.BytesIO(result.translation)).read("word/charts/chart1.xml")
    assert kept == b"<c:chart kapot"
