"""PDF, EPUB, OpenDocument, PowerPoint and subtitles: files built here, through the echo
engine (every paragraph reaches the engine exactly once, nothing of headers, footers or page
numbers does, the structure comes back) and through the tiny models in ``translate batch``
(the outputs reopen with their own libraries, with as many chapters, paragraphs, slides,
shapes and cues)."""

import io
import json
import re
import zipfile

import pytest
import srt
from lxml import etree
from typer.testing import CliRunner

from tests import pdfs
from tests.fakes import EchoEngine, ShoutEngine
from tests.helpers import batch_args
from translate.cli import app
from translate.formats import default_patterns
from translate.run.core import DONE, FAILED, Article, Pipeline
from translate.stages.translation import Translator

runner = CliRunner()
SRT = """1
00:00:01,000 --> 00:00:03,000
De burgemeester opende vandaag

2
00:00:03,200 --> 00:00:05,500
de nieuwe brug over de rivier.

3
00:00:06,000 --> 00:00:08,000
- Is hij mooi?
- <i>Prachtig.</i>

4
00:00:08,500 --> 00:00:10,000
JAN: Ik ben blij dat het klaar is.
"""
VTT = """WEBVTT

NOTE gemaakt voor de test

00:00.000 --> 00:02.000 align:start
Hallo allemaal, welkom bij

00:02.500 --> 00:04.000
het journaal van vandaag.
"""


def _echo() -> tuple[Pipeline, EchoEngine]:
    engine = EchoEngine()
    return Pipeline(Translator(engine), language_check="nl"), engine


def _sent(engine: EchoEngine) -> list[str]:
    return sorted(row for batch in engine.batches for row in batch)


def pptx_file() -> bytes:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "De brug is open"
    body = slide.placeholders[1].text_frame
    body.text = "Het werk duurde twee jaar."
    paragraph = body.add_paragraph()
    for text, bold in (("De ", False), ("grote", True), (" brug is mooi.", False)):
        run = paragraph.add_run()
        run.text, run.font.bold = text, bold
    table = slide.shapes.add_table(2, 2, Inches(1), Inches(5), Inches(4), Inches(1)).table
    table.cell(0, 0).text, table.cell(0, 1).text = "Jaar", "Kosten"
    table.cell(1, 0).text, table.cell(1, 1).text = "2025", "Twee miljoen euro"
    slide.notes_slide.notes_text_frame.text = "Vertel over de opening."
    second = deck.slides.add_slide(deck.slide_layouts[5])
    second.shapes.title.text = "Vragen van de pers"
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def odf_file(kind: str) -> bytes:
    from odf.opendocument import OpenDocumentPresentation, OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, Span

    document = OpenDocumentText() if kind == "odt" else OpenDocumentPresentation()
    bold = Style(name="Vet", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    if kind == "odp":
        from odf.draw import Frame, Page, TextBox
        from odf.presentation import Notes
        from odf.style import MasterPage, PageLayout

        layout = PageLayout(name="Indeling")
        document.automaticstyles.addElement(layout)
        master = MasterPage(name="Basis", pagelayoutname=layout)
        document.masterstyles.addElement(master)
        page = Page(masterpagename=master)
        document.presentation.addElement(page)
        frame = Frame(width="20cm", height="5cm", x="1cm", y="1cm")
        box = TextBox()
        box.addElement(P(text="De brug is weer open."))
        box.addElement(P(text="Het werk duurde twee jaar."))
        frame.addElement(box)
        page.addElement(frame)
        notes = Notes()
        notes_frame = Frame(width="20cm", height="5cm", x="1cm", y="10cm")
        notes_box = TextBox()
        notes_box.addElement(P(text="Vertel over de opening."))
        notes_frame.addElement(notes_box)
        notes.addElement(notes_frame)
        page.addElement(notes)
    else:
        from odf.dc import Title
        from odf.text import Title as TitleField

        document.meta.addElement(Title(text=TITLE))
        document.text.addElement(H(outlinelevel=1, text="De brug is open"))
        shown = P(text="Over ")
        shown.addElement(TitleField(text=TITLE))
        document.text.addElement(shown)
        paragraph = P(text="De ")
        paragraph.addElement(Span(stylename=bold, text="grote"))
        paragraph.addText(" brug is mooi.")
        note = Note(noteclass="footnote")
        note.addElement(NoteCitation(text="1"))
        note_body = NoteBody()
        note_body.addElement(P(text="Een voetnoot over de brug."))
        note.addElement(note_body)
        paragraph.addElement(note)
        document.text.addElement(paragraph)
        items = List()
        item = ListItem()
        item.addElement(P(text="Eerste punt van de lijst."))
        items.addElement(item)
        document.text.addElement(items)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


DESCRIPTION = "<p>Een <b>spannend</b> boek over de brug.</p><p>Voor jong en oud.</p>"
TITLE = "Verslag over de brug"


def epub_file() -> bytes:
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("brug-1")
    book.set_title("De brug van Amsterdam")
    book.set_language("nl")
    book.add_metadata("DC", "description", DESCRIPTION)
    one = epub.EpubHtml(title="Hoofdstuk een", file_name="een.xhtml", lang="nl")
    one.content = (
        "<h1>Hoofdstuk een</h1><p>De <b>grote</b> brug is weer open.</p>"
        '<p translate="no">Niet vertalen alstublieft.</p>'
    )
    two = epub.EpubHtml(title="Hoofdstuk twee", file_name="twee.xhtml", lang="nl")
    two.content = "<h1>Hoofdstuk twee</h1><p>Het werk duurde twee jaar.</p>"
    style = epub.EpubItem(uid="stijl", file_name="stijl.css", media_type="text/css", content=b"p{}")
    for item in (one, two, style):
        book.add_item(item)
    book.toc = (
        epub.Link("een.xhtml", "Hoofdstuk een", "een"),
        epub.Link("twee.xhtml", "Hoofdstuk twee", "twee"),
    )
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", one, two]
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


def test_every_new_format_is_in_the_default_glob():
    for pattern in ("*.pdf", "*.epub", "*.odt", "*.odp", "*.pptx", "*.srt", "*.vtt"):
        assert pattern in default_patterns()


def test_pdf_is_rebuilt_as_a_reader_sees_it():
    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("verslag.pdf", "", "pdf", data=pdfs.report())])
    assert result.status == DONE, result.reason
    sent = " ".join(_sent(engine))
    for running in (pdfs.HEADER, "Pagina"):
        assert running not in sent  # headers, footers and page numbers never reach the model
    markdown = result.translation
    assert markdown.startswith("# Verkeer in de binnenstad\n\n")
    left, right = " ".join(pdfs.LEFT), " ".join(pdfs.RIGHT)
    assert "hoofdkwartier" in markdown and "Oost-Utrecht" in markdown  # rejoined and kept
    assert markdown.index("De gemeenteraad") < markdown.index("In de rechterkolom")
    assert "| Jaar | Kosten |" in markdown and "| 2025 | Drie miljoen |" in markdown
    assert markdown.rstrip().endswith("in de stad.")  # the next page, its own paragraph
    assert left.split()[0] in markdown and right.split()[-1] in markdown
    (running,) = [f for f in result.record.findings if f.kind == "running_lines"]
    assert running.data == {"lines": 4}
    assert result.record.elements == {"cell": 6, "heading": 1, "paragraph": 3}


def test_pdf_footnotes_stay_footnotes():
    """References stay on their words as Markdown footnotes, each note once at the end (the
    numbering that starts again on page 2 told apart), a note over two lines is one, the
    paragraph runs on past the notes, and no marker reaches the model."""
    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("noten.pdf", "", "pdf", data=pdfs.footnoted())])
    assert result.status == DONE, result.reason
    sent = _sent(engine)
    assert not any(c in s for s in sent for c in "\ue010\ue011\u00ad")
    assert sent.count(pdfs.NOTES["2"]) == 1  # its two lines: one note
    markdown = result.translation
    assert "Dat zei de wethouder[^1-1] tijdens" in markdown
    assert "past binnen de begroting.[^2] Het college" in markdown
    assert "1.200 m² en past" in markdown  # a square metre, not a reference
    assert "in de stad, zoals de raad[^2-1] vroeg aan de minister.<sup>3</sup>" in markdown
    notes = markdown.split("\n\n")[-3:]
    assert notes == [
        f"[^1-1]: {pdfs.NOTES['1']}",
        f"[^2]: {pdfs.NOTES['2']}",
        f"[^2-1]: {pdfs.NEXT_NOTE}\n",
    ]
    assert result.record.elements == {"paragraph": 2, "note": 3}


def test_raised_and_lowered_letters_of_a_pdf_stay_in_their_word():
    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("s.pdf", "", "pdf", data=pdfs.scripts())])
    assert result.status == DONE, result.reason
    assert _sent(engine) == [
        "Een tweede regel direct eronder.",
        "In de 20e eeuw groeide de uitstoot van CO2 sterk.",
    ]


def test_a_soft_hyphen_at_a_pdf_line_end_joins_the_word():
    from translate.formats.pdf import _join
    from translate.formats.pdf_notes import references

    assert _join("de reserve aanspre\u00ad", "ken om") == "de reserve aanspreken om"
    assert references("gemeente\u00adraad en\u200b stad") == ("gemeenteraad en stad", [])


@pytest.mark.parametrize(
    "data,message",
    [
        (pdfs.scan(), "no text layer: a scanned PDF; run OCR first, e.g. ocrmypdf"),
        (pdfs.encrypted(), "an encrypted PDF (a password protects it)"),
        (b"%PDF-1.4\nkapot", "not a readable PDF"),
    ],
)
def test_pdfs_that_cannot_be_read_fail_with_one_line(data, message):
    pipeline, _ = _echo()
    (result,) = pipeline.process([Article("x.pdf", "", "pdf", data=data)])
    assert result.status == FAILED and message in result.reason and "\n" not in result.reason


def test_subtitles_keep_cues_and_timings_and_share_sentences_over_cues():
    import srt
    import webvtt

    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("a.srt", SRT, "srt")])
    assert result.status == DONE
    sent = _sent(engine)
    assert "De burgemeester opende vandaag de nieuwe brug over de rivier." in sent  # whole
    before, after = list(srt.parse(SRT)), list(srt.parse(result.translation))
    assert [(c.index, c.start, c.end) for c in after] == [(c.index, c.start, c.end) for c in before]
    assert all(c.content.strip() for c in after)  # never a cue left empty
    assert after[2].content == "- Is hij mooi?\n- <i>Prachtig.</i>"  # dashes and tags kept
    assert after[3].content.startswith("JAN: ")
    timings = [line for line in SRT.splitlines() if "-->" in line]
    assert [line for line in result.translation.splitlines() if "-->" in line] == timings
    (vtt,) = pipeline.process([Article("a.vtt", VTT, "vtt")])
    cues = list(webvtt.from_string(vtt.translation))
    assert [(c.start, c.end) for c in cues] == [
        ("00:00:00.000", "00:00:02.000"),
        ("00:00:02.500", "00:00:04.000"),
    ]
    assert "NOTE gemaakt voor de test" in vtt.translation and "align:start" in vtt.translation


def test_pptx_runs_keep_their_formatting_links_breaks_and_fields_on_their_words():
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.oxml.ns import qn

    from tests.test_inline import Reversing

    deck = Presentation()
    deck.core_properties.title = "Het verslag van de raad"
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Nieuws"
    paragraph = slide.placeholders[1].text_frame.paragraphs[0]
    for text, bold in (("Lees het ", False), ("hele", True), (" verslag ", False)):
        run = paragraph.add_run()
        run.text, run.font.bold = text, bold
        run.font._rPr.set("lang", "nl-NL")  # proofing: not formatting
    link = paragraph.add_run()
    link.text = "op de site"
    link.hyperlink.address = "https://example.org/verslag"
    link.font.color.rgb = RGBColor(0, 0, 0xFF)
    paragraph._p.append(paragraph._p.makeelement(qn("a:br"), {}))
    field = paragraph._p.makeelement(qn("a:fld"), {"id": "{1}", "type": "slidenum"})
    field.append(field.makeelement(qn("a:t"), {}))
    field[0].text = "1"
    last = paragraph.add_run()
    last.text = "Dia van vandaag"
    last._r.addnext(field)  # the slide number after the second line's words
    data = io.BytesIO()
    deck.save(data)

    pipeline = Pipeline(Translator(Reversing()), language_check="nl")
    (result,) = pipeline.process([Article("a.pptx", "", "pptx", data=data.getvalue())])
    assert result.status == DONE, result.reason
    translated = Presentation(io.BytesIO(result.translation))
    assert translated.core_properties.title == "raad de van verslag Het"
    out = translated.slides[0].placeholders[1].text_frame
    p = out.paragraphs[0]
    runs = [(r.text, r.font.bold, r.hyperlink.address) for r in p.runs]
    # each line reversed, word by word: the bold word and the link on their words
    assert runs == [
        ("site de op", None, "https://example.org/verslag"),
        (" verslag ", False, None),
        ("hele", True, None),
        (" het Lees", False, None),
        ("vandaag van Dia", None, None),
    ]
    children = [c.tag.rsplit("}", 1)[1] for c in p._p]
    assert children.count("br") == 1 and children.count("fld") == 1
    assert children.index("br") < children.index("fld") and children[-1] != "pPr"
    assert not any(f.kind == "markup" for f in result.record.findings)


def test_odt_spans_links_breaks_and_notes_come_back_on_their_words():
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import A, LineBreak, Note, NoteBody, NoteCitation, P, S, Span, Tab

    from tests.test_inline import Reversing

    document = OpenDocumentText()
    bold = Style(name="Vet", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    paragraph = P(text="Lees het ")
    paragraph.addElement(Span(stylename=bold, text="hele"))
    paragraph.addText(" verslag")
    paragraph.addElement(S(c=2))
    link = A(href="https://example.org/verslag", type="simple")
    link.addText("op de site")
    paragraph.addElement(link)
    note = Note(noteclass="footnote", id="n1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Een voetnoot hier."))
    note.addElement(body)
    paragraph.addElement(note)
    paragraph.addElement(LineBreak())
    paragraph.addText("Naam:")
    paragraph.addElement(Tab())
    paragraph.addText("Jan de Vries")
    document.text.addElement(paragraph)
    data = io.BytesIO()
    document.write(data)

    pipeline = Pipeline(Translator(Reversing()), language_check="nl")
    (result,) = pipeline.process([Article("a.odt", "", "odt", data=data.getvalue())])
    assert result.status == DONE, result.reason
    content = zipfile.ZipFile(io.BytesIO(result.translation)).read("content.xml")
    ns = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
    out = etree.fromstring(content).find(".//office:text/text:p", {**ns, "office": OFFICE})
    assert out.find("text:span", ns).text == "hele"  # the bold word, still bold
    assert out.find("text:a", ns).text == "site de op"  # the link on its words
    href = out.find("text:a", ns).get("{http://www.w3.org/1999/xlink}href")
    assert href == "https://example.org/verslag"
    note_text = out.find("text:note/text:note-body/text:p", ns).text
    assert note_text == "hier. voetnoot Een"  # translated as a paragraph of its own
    assert out.find("text:note/text:note-citation", ns).text == "1"
    assert len(out.findall("text:line-break", ns)) == 1 and len(out.findall("text:tab", ns)) == 1
    for tab in out.findall(".//text:tab", ns):
        tab.text = "<tab>"
    text = "".join(out.itertext())
    # each line reversed word by word (the note's words are its own paragraph's), the tab
    # in place of the space between two words the model saw apart
    assert text == "site de op1hier. voetnoot Een verslag hele het LeesVries<tab>de Jan Naam:"
    assert not any(f.kind == "markup" for f in result.record.findings)


OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLED = """1
00:00:01,000 --> 00:00:03,000
De burgemeester opende <i>vandaag de nieuwe</i>

2
00:00:03,200 --> 00:00:05,500
<i>brug</i> over de {\\i1}rivier{\\i0} bij <b>Deventer</b>.

3
00:00:06,000 --> 00:00:08,000
{\\an8}Het was <i>een <b>heel</b> mooi</i> moment.
- Ja, <u>zeker</u>!

4
00:00:08,500 --> 00:00:10,000
<i>Ik</i> kom <i>morgen</i>
"""


def _tags(text: str) -> list[str]:
    return re.findall(r"</?[a-z][^>]*>|\{\\[^}]*\}", text)


def test_subtitle_tags_inside_lines_come_back_on_their_words():
    from tests.test_inline import Reversing

    pipeline, engine = _echo()
    (echoed,) = pipeline.process([Article("a.srt", STYLED, "srt")])
    assert echoed.translation == STYLED  # every tag where it was
    assert not any("<" in row or "{" in row for row in _sent(engine))  # none reaches the model
    assert not any(f.kind == "markup" for f in echoed.record.findings)
    reordering = Pipeline(Translator(Reversing()), language_check="nl")
    (result,) = reordering.process([Article("a.srt", STYLED, "srt")])
    cues = [c.content for c in srt.parse(result.translation)]
    # the sentence over cues 1 and 2, reversed: each tag on its words, a tag whose words
    # now lie in both cues closed at the first cue's end and opened again in the next; an
    # override glued to its word stays on it
    assert cues[0] == "<b>Deventer</b>. bij {\\i1}rivier{\\i0} de over <i>brug</i> <i>nieuwe</i>"
    assert cues[1] == "<i>de vandaag</i> opende burgemeester De"
    # nested tags, a positioning override kept at the line's start, a speaker's dash
    assert cues[2] == "{\\an8}moment. <i>mooi <b>heel</b> een</i> was Het\n- <u>zeker</u>! Ja,"
    assert cues[3] == "<i>morgen</i> kom <i>Ik</i>"  # two tags, not one around the line
    for cue in cues:  # every cue's tags balanced
        opened = [t for t in _tags(cue) if t.startswith("<") and not t.startswith("</")]
        assert len(opened) == len([t for t in _tags(cue) if t.startswith("</")])


def test_subtitle_tags_over_two_lines_nested_or_never_closed_stay_well_formed():
    from tests.test_inline import Reversing

    odd = (
        "1\n00:00:01,000 --> 00:00:03,000\n<i>De burgemeester opende\nde nieuwe brug.</i>\n\n"
        '2\n00:00:03,500 --> 00:00:05,000\n<b><i>Dubbel</i></b> opgemaakt en <font color="red">rood'
        "\n\n3\n00:00:05,500 --> 00:00:07,000\n<i></i>\n"
    )
    pipeline = Pipeline(Translator(Reversing()), language_check="nl")
    (result,) = pipeline.process([Article("a.srt", odd, "srt")])
    cues = [c.content for c in srt.parse(result.translation)]
    # a tag opened on one line and closed on the next of the cue: both kept, at its ends
    assert cues[0] == "<i>brug. nieuwe de opende\nburgemeester De</i>"
    # nested tags close inside out; a tag never closed is kept
    assert "<b><i>Dubbel</i></b>" in cues[1] and '<font color="red">' in cues[1]
    assert cues[2] == "<i></i>"  # a line of tags only: as it was, and no words moved into it


def test_webvtt_says_it_is_english_and_keeps_voices_classes_and_timestamps():
    vtt = (
        "WEBVTT\nKind: captions\nLanguage: nl\n\n00:00.000 --> 00:02.000\n"
        "<v Jan>Hallo <00:00:01.000>allemaal, welkom</v>\n\n"
        "00:02.500 --> 00:04.000\nhet <c.geel>journaal</c> van vandaag.\n"
    )
    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("a.vtt", vtt, "vtt")])
    assert result.translation == vtt.replace("Language: nl", "Language: en")
    assert "Hallo allemaal, welkom het journaal van vandaag." in _sent(engine)


def test_webvtt_character_references_are_characters_to_the_model_and_written_back():
    vtt = (
        "WEBVTT\n\n00:01.000 --> 00:03.000\nJan &amp; Piet gaan <i>naar huis</i>.\n\n"
        "00:03.500 --> 00:05.000\nHet is 5 &lt; 6 en&nbsp;klaar.\n"
    )
    engine = ShoutEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    (result,) = pipeline.process([Article("e.vtt", vtt, "vtt")])
    sent = _sent(engine)
    assert "Jan & Piet gaan naar huis." in sent and "Het is 5 < 6 en klaar." in sent
    assert "JAN &amp; PIET GAAN <i>NAAR HUIS</i>." in result.translation
    assert "HET IS 5 &lt; 6 EN KLAAR." in result.translation
    pipeline = Pipeline(Translator(EchoEngine()), language_check="nl")
    (srt_result,) = pipeline.process([Article("e.srt", SRT.replace("blij", "blij &"), "srt")])
    assert "blij & dat" in srt_result.translation  # SRT has no references: as written


def test_pptx_typed_footnote_number_never_reaches_the_model_and_powers_stay_text():
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    paragraph = slide.placeholders[1].text_frame.paragraphs[0]
    for text, raised in (("De dijk brak in juli", False), ("1", True), (" en 10 m", False)):
        run = paragraph.add_run()
        run.text = text
        if raised:
            run.font._rPr.set("baseline", "30000")
    square = paragraph.add_run()
    square.text = "2"
    square.font._rPr.set("baseline", "30000")  # after a unit: a power, text for the model
    tail = paragraph.add_run()
    tail.text = " water."
    data = io.BytesIO()
    deck.save(data)

    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("a.pptx", "", "pptx", data=data.getvalue())])
    assert result.status == DONE, result.reason
    assert "De dijk brak in juli en 10 m2 water." in _sent(engine)  # not "juli1"
    out = Presentation(io.BytesIO(result.translation)).slides[0].placeholders[1].text_frame
    runs = [(r.text, r.font._rPr.get("baseline")) for r in out.paragraphs[0].runs]
    assert ("1", "30000") in runs and ("2", "30000") in runs
    assert "".join(t for t, _ in runs) == "De dijk brak in juli1 en 10 m2 water."


def test_pptx_odt_odp_and_epub_round_trip_with_the_echo_engine():
    from ebooklib import epub
    from odf import teletype
    from odf.opendocument import load
    from odf.text import P
    from pptx import Presentation

    pipeline, engine = _echo()
    (deck,) = pipeline.process([Article("a.pptx", "", "pptx", data=pptx_file())])
    assert deck.status == DONE
    assert _sent(engine) == sorted(
        [
            "De brug is open",
            "Het werk duurde twee jaar.",
            "De grote brug is mooi.",
            "Jaar",
            "Kosten",
            "2025",
            "Twee miljoen euro",
            "Vertel over de opening.",
            "Vragen van de pers",
            "grote",  # the bold run's words, alone
        ]
    )
    before, after = (
        Presentation(io.BytesIO(pptx_file())),
        Presentation(io.BytesIO(deck.translation)),
    )
    assert len(after.slides) == len(before.slides)
    assert [len(s.shapes) for s in after.slides] == [len(s.shapes) for s in before.slides]
    assert after.slides[0].notes_slide.notes_text_frame.text == "Vertel over de opening."
    runs = [
        (r.text, r.font.bold) for r in after.slides[0].placeholders[1].text_frame.paragraphs[1].runs
    ]
    assert runs == [("De ", False), ("grote", True), (" brug is mooi.", False)]

    for kind, texts in (
        (
            "odt",
            [
                "De brug is open",
                "De grote brug is mooi.",
                "Een voetnoot over de brug.",
                "Eerste punt van de lijst.",
                "grote",  # the bold span's words, alone
                "Over",
                TITLE,  # the document's title (its properties)
            ],
        ),
        ("odp", ["De brug is weer open.", "Het werk duurde twee jaar.", "Vertel over de opening."]),
    ):
        pipeline, engine = _echo()
        data = odf_file(kind)
        (result,) = pipeline.process([Article(f"a.{kind}", "", kind, data=data)])
        assert result.status == DONE, result.reason
        assert _sent(engine) == sorted(texts)
        reopened = load(io.BytesIO(result.translation))
        original = load(io.BytesIO(data))
        assert len(reopened.getElementsByType(P)) == len(original.getElementsByType(P))
        assert zipfile.ZipFile(io.BytesIO(result.translation)).infolist()[0].filename == "mimetype"
        meta = zipfile.ZipFile(io.BytesIO(result.translation)).read("meta.xml")
        language = etree.fromstring(meta).find(".//{http://purl.org/dc/elements/1.1/}language")
        assert language.text == "en"
        assert all(teletype.extractText(p) for p in reopened.getElementsByType(P))

    pipeline, engine = _echo()
    (book,) = pipeline.process([Article("a.epub", "", "epub", data=epub_file())])
    assert book.status == DONE, book.reason
    sent = _sent(engine)
    assert "De grote brug is weer open." in sent and "Niet vertalen alstublieft." not in sent
    assert sent.count("Hoofdstuk een") == 1  # the chapter and the table of contents: one decode
    assert "Een spannend boek over de brug." in sent and "Voor jong en oud." in sent
    (lost,) = [f for f in book.record.findings if f.kind == "markup"]
    assert lost.data == {"description": True}  # its bold went: said so
    reopened = epub.read_epub(io.BytesIO(book.translation))
    assert reopened.get_metadata("DC", "language")[0][0] == "en"
    chapters = [i.file_name for i in reopened.get_items_of_type(9)]  # ITEM_DOCUMENT
    assert sorted(chapters) == ["een.xhtml", "nav.xhtml", "twee.xhtml"]


def test_a_pptx_tab_parts_words_for_the_model_and_stays_in_its_place():
    from pptx import Presentation

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "Cijfers\tvan de haven"
    slide.placeholders[1].text_frame.text = "Naam:\tJan de Vries"
    buffer = io.BytesIO()
    deck.save(buffer)
    pipeline, engine = _echo()
    (result,) = pipeline.process([Article("t.pptx", "", "pptx", data=buffer.getvalue())])
    assert _sent(engine) == ["Cijfers van de haven", "Naam: Jan de Vries"]
    after = Presentation(io.BytesIO(result.translation)).slides[0].shapes
    assert [s.text_frame.text for s in after] == ["Cijfers\tvan de haven", "Naam:\tJan de Vries"]


def _epub2() -> bytes:
    """An EPUB 2 book: an OPF 2.0 package, a toc.ncx, an XHTML 1.1 chapter."""
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" '
        'unique-identifier="id" version="2.0"><metadata '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>De haven</dc:title>'
        '<dc:language>nl</dc:language><dc:identifier id="id">urn:x:1</dc:identifier>'
        '</metadata><manifest><item id="ncx" href="toc.ncx" '
        'media-type="application/x-dtbncx+xml"/><item id="c1" href="Text/c1.xhtml" '
        'media-type="application/xhtml+xml"/></manifest><spine toc="ncx">'
        '<itemref idref="c1"/></spine></package>'
    )
    ncx = (
        '<?xml version="1.0" encoding="UTF-8"?><ncx '
        'xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle>'
        '<text>De haven</text></docTitle><navMap><navPoint id="n1" playOrder="1">'
        '<navLabel><text>Hoofdstuk een</text></navLabel><content src="Text/c1.xhtml"/>'
        "</navPoint></navMap></ncx>"
    )
    chapter = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML '
        '1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">\n<html '
        'xmlns="http://www.w3.org/1999/xhtml" xml:lang="nl"><head><title>Hoofdstuk een'
        "</title></head><body><h1>Hoofdstuk een</h1><p>De haven is groot.<br/>Heel groot."
        "</p></body></html>"
    )
    container = (
        '<?xml version="1.0"?><container version="1.0" '
        'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile '
        'full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
        "</rootfiles></container>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", container)
        book.writestr("OEBPS/content.opf", opf)
        book.writestr("OEBPS/toc.ncx", ncx)
        book.writestr("OEBPS/Text/c1.xhtml", chapter)
    return buffer.getvalue()


def test_an_epub2_chapter_keeps_its_xhtml_doctype_and_its_toc_is_translated():
    pipeline = Pipeline(Translator(ShoutEngine()), language_check="nl")
    (result,) = pipeline.process([Article("b.epub", "", "epub", data=_epub2())])
    assert result.status == DONE, result.reason
    book = zipfile.ZipFile(io.BytesIO(result.translation))
    chapter = book.read("OEBPS/Text/c1.xhtml").decode()
    assert chapter.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC')
    root = etree.fromstring(chapter.encode())  # well-formed XML
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert root.get("lang") is None  # XHTML 1.1 has no lang attribute
    assert "<h1>HOOFDSTUK EEN</h1>" in chapter and "<br/>" in chapter
    assert b"<text>HOOFDSTUK EEN</text>" in book.read("OEBPS/toc.ncx")
    assert b"<dc:title>DE HAVEN</dc:title>" in book.read("OEBPS/content.opf")


def charted_pptx() -> bytes:
    """A slide with a column chart (a title, a value axis title) and a pie chart (a title,
    no axes), and a text box on the slide master (on every slide)."""
    import copy

    from pptx import Presentation
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    box = slide.shapes.add_textbox(Inches(0.2), Inches(7), Inches(4), Inches(0.4))
    box.text_frame.text = "Vertrouwelijk: alleen voor intern gebruik"
    deck.slide_masters[0].shapes._spTree.append(copy.deepcopy(box._element))
    box._element.getparent().remove(box._element)
    slide.shapes.title.text = "Resultaten van het onderzoek"
    data = CategoryChartData()
    data.categories = ["2023", "2024"]
    data.add_series("Kosten", (1.0, 2.0))
    where = (Inches(1), Inches(1), Inches(6), Inches(3))
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, *where, data).chart
    chart.has_title = True
    chart.chart_title.text_frame.text = "Kosten per jaar"
    chart.value_axis.has_title = True
    chart.value_axis.axis_title.text_frame.text = "Miljoen euro"
    pie = slide.shapes.add_chart(XL_CHART_TYPE.PIE, *where, data).chart
    pie.has_title = True
    pie.chart_title.text_frame.text = "Verdeling"
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def test_pptx_charts_and_the_slide_master_are_translated():
    from pptx import Presentation

    engine = ShoutEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    (result,) = pipeline.process([Article("a.pptx", "", "pptx", data=charted_pptx())])
    assert result.status == DONE, result.reason
    sent = [row for batch in engine.batches for row in batch]
    deck = Presentation(io.BytesIO(result.translation))
    box = list(deck.slide_masters[0].shapes)[-1]
    assert box.text_frame.text == "VERTROUWELIJK: ALLEEN VOOR INTERN GEBRUIK"
    charts = [s.chart for s in deck.slides[0].shapes if s.has_chart]
    assert charts[0].chart_title.text_frame.text == "KOSTEN PER JAAR"
    assert charts[0].value_axis.axis_title.text_frame.text == "MILJOEN EURO"
    assert charts[1].chart_title.text_frame.text == "VERDELING"
    assert list(charts[0].plots[0].categories) == ["2023", "2024"]  # the data: kept
    assert "Kosten" not in sent  # a series name is data
    assert result.record.elements == {"master": 1, "title": 1, "caption": 3}


def _picture() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(out, format="PNG")
    return out.getvalue()


ALT = "Een foto van de nieuwe brug bij nacht"


def _pictured(kind: str) -> bytes:
    """A file of ``kind`` with one paragraph and one picture described by :data:`ALT`."""
    out = io.BytesIO()
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph("De brug is open.")
        document.add_picture(io.BytesIO(_picture()))._inline.docPr.set("descr", ALT)
        document.save(out)
    elif kind == "pptx":
        from pptx import Presentation
        from pptx.util import Inches

        deck = Presentation()
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        picture = slide.shapes.add_picture(io.BytesIO(_picture()), Inches(1), Inches(1))
        picture._element.nvPicPr.cNvPr.set("descr", ALT)
        deck.save(out)
    else:
        from odf.draw import Frame
        from odf.opendocument import OpenDocumentText
        from odf.svg import Desc
        from odf.text import P

        document = OpenDocumentText()
        document.text.addElement(P(text="De brug is open."))
        frame = Frame(width="2cm", height="1cm")
        frame.addElement(Desc(text=ALT))
        holder = P()
        holder.addElement(frame)
        document.text.addElement(holder)
        document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["docx", "pptx", "odt"])
def test_pictures_descriptions_are_translated(kind):
    """Alt text (what a screen reader says) is translated in place, as HTML's alt is."""
    engine = ShoutEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    (result,) = pipeline.process([Article(f"a.{kind}", "", kind, data=_pictured(kind))])
    assert result.status == DONE, result.reason
    assert [row for batch in engine.batches for row in batch].count(ALT) == 1
    package = zipfile.ZipFile(io.BytesIO(result.translation))
    part = {"docx": "word/document.xml", "pptx": "ppt/slides/slide1.xml", "odt": "content.xml"}
    xml = package.read(part[kind]).decode("utf-8")
    assert ALT.upper() in xml and ALT not in xml
    assert result.record.elements["alt"] == 1


def test_document_properties_and_descriptions_are_translated():
    """An OpenDocument file's title (and the field in the text that shows it), an EPUB's
    description (HTML: written back as paragraphs; plain text: as it is)."""
    from ebooklib import epub

    from translate.formats.epub import _description

    pipeline = Pipeline(Translator(ShoutEngine()), language_check="nl")
    (result,) = pipeline.process([Article("a.odt", "", "odt", data=odf_file("odt"))])
    assert result.status == DONE, result.reason
    package = zipfile.ZipFile(io.BytesIO(result.translation))
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert etree.fromstring(package.read("meta.xml")).find(f".//{dc}title").text == TITLE.upper()
    content = etree.fromstring(package.read("content.xml"))
    (field,) = content.iter("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}title")
    assert field.text == TITLE.upper()

    (book,) = pipeline.process([Article("a.epub", "", "epub", data=epub_file())])
    reopened = epub.read_epub(io.BytesIO(book.translation))
    (description,) = reopened.get_metadata("DC", "description")
    assert description[0] == "<p>EEN SPANNEND BOEK OVER DE BRUG.</p><p>VOOR JONG EN OUD.</p>"
    assert _description("Een boek.\n\nVoor iedereen.") == (
        ["Een boek.", "Voor iedereen."],
        False,
        False,
    )


@pytest.mark.parametrize("kind", ["pptx", "odt", "odp", "epub", "srt", "vtt"])
def test_a_broken_file_of_each_format_is_one_line(kind):
    pipeline, _ = _echo()
    text, data = (
        ("no subtitles at all\n", None) if kind in ("srt", "vtt") else ("", b"PK\x03\x04 kapot")
    )
    (result,) = pipeline.process([Article(f"x.{kind}", text, kind, data=data)])
    assert result.status == FAILED and result.reason.startswith(f"x.{kind}: ")
    assert "\n" not in result.reason


@pytest.mark.slow
def test_every_new_format_through_the_batch_job(tiny_marian, tiny_bart, tmp_path):
    from ebooklib import epub
    from odf.opendocument import load
    from pptx import Presentation

    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    files = {
        "verslag.pdf": pdfs.report(),
        "noten.pdf": pdfs.footnoted(),
        "boek.epub": epub_file(),
        "stuk.odt": odf_file("odt"),
        "dia.odp": odf_file("odp"),
        "dia.pptx": pptx_file(),
        "film.srt": SRT.encode(),
        "film.vtt": VTT.encode(),
        "opgemaakt.srt": STYLED.encode(),
        "windows.srt": SRT.replace("\n", "\r\n").encode(),
    }
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    result = runner.invoke(app, [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--review"])
    assert result.exit_code == 0, result.output
    assert (outbox / "verslag.pdf.en.md").read_text(encoding="utf-8").startswith("# ")
    noted = (outbox / "noten.pdf.en.md").read_text(encoding="utf-8")
    for key in ("1-1", "2", "2-1"):  # each reference once, each note once
        assert noted.count(f"[^{key}]") == 2 and noted.count(f"\n[^{key}]: ") == 1, noted
    assert noted.count("<sup>3</sup>") == 1
    assert len(epub.read_epub(str(outbox / "boek.epub.en.epub")).spine) == 3
    assert len(load(str(outbox / "stuk.odt.en.odt")).text.childNodes) > 0
    assert len(Presentation(str(outbox / "dia.pptx.en.pptx")).slides) == 2
    assert (outbox / "dia.odp.en.odp").is_file()
    cues = [
        line
        for line in (outbox / "film.srt.en.srt").read_text(encoding="utf-8").splitlines()
        if "-->" in line
    ]
    assert cues == [line for line in SRT.splitlines() if "-->" in line]
    assert (outbox / "film.vtt.en.vtt").read_text(encoding="utf-8").startswith("WEBVTT")
    styled = (outbox / "opgemaakt.srt.en.srt").read_text(encoding="utf-8")
    assert sorted(_tags(styled)) == sorted(_tags(STYLED))  # nonsense words, every tag back
    assert len(list(srt.parse(styled))) == 4
    windows = (outbox / "windows.srt.en.srt").read_bytes()  # written with its own line ends
    assert windows.count(b"\r\n") == windows.count(b"\n") > 10
    assert b"\r" not in (outbox / "film.srt.en.srt").read_bytes()
    for name in files:
        sidecar = json.loads((outbox / f"{name}.json").read_text(encoding="utf-8"))
        assert sidecar["format"] == name.rsplit(".", 1)[1] and sidecar["elements"]
        assert (outbox / f"{name}.review.html").is_file() and (
            outbox / f"{name}.summary.txt"
        ).is_file()


def test_the_translated_epub_passes_epubcheck(tmp_path):
    """EPUBCheck, where it is installed (Debian's epubcheck package)."""
    import shutil
    import subprocess

    jar = shutil.which("epubcheck")
    if jar is None or shutil.which("java") is None:
        pytest.skip("epubcheck is not installed")
    pipeline, _ = _echo()
    (book,) = pipeline.process([Article("a.epub", "", "epub", data=epub_file())])
    (tmp_path / "a.en.epub").write_bytes(book.translation)
    done = subprocess.run(
        ["java", "-jar", jar, str(tmp_path / "a.en.epub")], capture_output=True, text=True
    )
    assert done.returncode == 0 and "No errors or warnings detected" in done.stdout, done.stdout


def test_a_pdf_heading_told_by_its_weight():
    pipeline, _ = _echo()
    (result,) = pipeline.process([Article("b.pdf", "", "pdf", data=pdfs.bold_heading())])
    assert result.translation == (
        "Een gewone alinea over de raad.\n\n# Kosten van het plan\n\n"
        "De kosten zijn hoger dan verwacht.\n"
    )


def test_pdf_lists_keep_their_numbers_and_a_bold_question_is_a_heading():
    pipeline, _ = _echo()
    (result,) = pipeline.process([Article("l.pdf", "", "pdf", data=pdfs.listed())])
    assert result.translation == (
        "Het kabinet wil huurders beter beschermen.\n\n# Wat verandert er?\n\n"
        "- De huur mag minder snel stijgen.\n"
        "- Tijdelijke contracten worden weer de uitzondering op de regel en niet langer de "
        "norm op de markt van vandaag, zegt de minister.\n\n"
        "1. Eerst stemt de Tweede Kamer.\n2. Daarna stemt de Eerste Kamer.\n\n"
        "a) De wet geldt voor nieuwe contracten.\n\nb) Oude contracten blijven gelden.\n"
    )


class _Wordy(EchoEngine):
    """English half as long again as the Dutch: each sentence gets words added."""

    def _result(self, text, settings):
        from dataclasses import replace

        longer = text.rstrip(".") + " and a good many more words."
        return replace(super()._result(text, settings), text=longer)


def test_a_subtitle_line_grown_too_long_is_wrapped():
    cues = (
        "1\n00:00:01,000 --> 00:00:03,000\n<i>De burgemeester opende de brug.</i>\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\n- Is hij klaar?\n- Ja, sinds vandaag.\n"
    )
    pipeline = Pipeline(Translator(_Wordy()), language_check="nl")
    (result,) = pipeline.process([Article("a.srt", cues, "srt")])
    assert result.status == DONE, result.reason
    first, second = [s.content for s in srt.parse(result.translation)]
    lines = first.split("\n")
    assert len(lines) == 2 and all(len(re.sub("<[^>]+>", "", ln)) <= 42 for ln in lines)
    assert all(ln.startswith("<i>") and ln.endswith("</i>") for ln in lines)  # both wrapped
    plain = " ".join(re.sub("<[^>]+>", "", ln) for ln in lines)
    assert plain == "De burgemeester opende de brug and a good many more words."
    # a cue of two lines stays two; its line over the limit is said
    assert second.split("\n")[0].startswith("- ") and len(second.split("\n")) == 2
    (long,) = [f for f in result.record.findings if f.kind == "subtitle_lines"]
    assert long.data == {"lines": 1}


def test_a_two_line_cue_is_balanced_again_and_a_fast_cue_is_said():
    cues = (
        "1\n00:00:01,000 --> 00:00:05,000\nHij opende vandaag de nieuwe brug\nin Zwolle.\n\n"
        "2\n00:00:06,000 --> 00:00:07,000\nHij kwam.\n\n"
        "3\n00:00:08,000 --> 00:00:09,000\nDe burgemeester opende de brug.\n"
    )
    pipeline = Pipeline(Translator(_Wordy()), language_check="nl")
    (result,) = pipeline.process([Article("a.srt", cues, "srt")])
    assert result.status == DONE, result.reason
    first, second, third = [s.content for s in srt.parse(result.translation)]
    lines = first.split("\n")
    assert len(lines) == 2 and all(len(line) <= 42 for line in lines), lines
    assert abs(len(lines[0]) - len(lines[1])) <= 10  # shared again, balanced
    assert (
        " ".join(lines) == "Hij opende vandaag de nieuwe brug in Zwolle and a good many more words."
    )
    kinds = [f.kind for f in result.record.findings]
    assert "subtitle_lines" not in kinds
    # cue 2 (one second) now reads at 36 characters a second; cue 3 was fast in Dutch already
    (fast,) = [f for f in result.record.findings if f.kind == "subtitle_speed"]
    assert fast.data == {"cues": [2]} and "cues 2)" in fast.message


@pytest.mark.parametrize(
    ("timing", "seconds"),
    [
        ("00:00:01,000 --> 00:00:03,500", 2.5),
        ("01:00:00,000 --> 01:00:02,250 X1:10", 2.25),
        ("00:01.500 --> 00:03.000 align:start", 1.5),
        ("00:00:03,000 --> 00:00:01,000", None),
        ("no timing", None),
    ],
)
def test_a_cue_lasts_from_its_timing_line(timing, seconds):
    from translate.formats.subtitle_reading import cue_seconds

    assert cue_seconds(timing) == seconds


def test_odt_powers_stay_in_their_word_and_a_typed_note_number_never_reaches_the_model():
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, Span

    from tests.test_inline import Reversing

    document = OpenDocumentText()
    styles = {}
    for name, position in (("Sup", "super 58%"), ("Sub", "sub 58%")):
        styles[name] = Style(name=name, family="text")
        styles[name].addElement(TextProperties(textposition=position))
        document.automaticstyles.addElement(styles[name])
    paragraph = P(text="Het huis heeft 85 m")
    for style, text, after in (
        ("Sup", "2", " en de uitstoot van CO"),
        ("Sub", "2", " daalde in juli"),
        ("Sup", "1", " flink."),
    ):
        paragraph.addElement(Span(stylename=styles[style], text=text))
        paragraph.addText(after)
    document.text.addElement(paragraph)
    out = io.BytesIO()
    document.save(out)
    engine = EchoEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    (echoed,) = pipeline.process([Article("a.odt", "", "odt", data=out.getvalue())])
    assert "Het huis heeft 85 m2 en de uitstoot van CO2 daalde in juli flink." in _sent(engine)
    assert _odt_text(echoed.translation) == _odt_text(out.getvalue())
    pipeline = Pipeline(Translator(Reversing()), language_check="nl")
    (result,) = pipeline.process([Article("a.odt", "", "odt", data=out.getvalue())])
    text = _odt_text(result.translation)
    assert 'juli<text:span text:style-name="Sup">1</text:span> in' in text
    assert 'CO<text:span text:style-name="Sub">2</text:span> van' in text
    assert 'en m<text:span text:style-name="Sup">2</text:span> 85' in text


def test_odt_a_named_superscript_style_and_one_based_on_it_mark_a_typed_note_number():
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import P, Span

    document = OpenDocumentText()
    symbol = Style(name="Footnote_20_Symbol", displayname="Footnote Symbol", family="text")
    symbol.addElement(TextProperties(textposition="super 58%"))
    document.styles.addElement(symbol)  # a named style, in styles.xml
    based = Style(name="T1", family="text", parentstylename=symbol)
    based.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(based)  # raised through the style it is based on
    paragraph = P(text="De dijk brak in juli")
    paragraph.addElement(Span(stylename=symbol, text="1"))
    paragraph.addText(" en in augustus")
    paragraph.addElement(Span(stylename=based, text="2"))
    paragraph.addText(".")
    document.text.addElement(paragraph)
    out = io.BytesIO()
    document.save(out)
    pipeline, engine = _echo()
    (echoed,) = pipeline.process([Article("a.odt", "", "odt", data=out.getvalue())])
    assert "De dijk brak in juli en in augustus." in _sent(engine)
    assert _odt_text(echoed.translation) == _odt_text(out.getvalue())


def _odt_text(data: bytes) -> str:
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    return content[content.index("<office:text>") :]
