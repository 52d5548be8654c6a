"""Word files keep their markup: formatted runs, hyperlinks, footnotes, text boxes,
tracked changes, fields and comment anchors, with fakes and with the tiny models."""

import io
import re
from collections import Counter

import pytest

from tests.fakes import EchoEngine
from tests.test_inline import Reversing
from tests.wordfiles import document_xml, footnotes_xml, rich_word_file, runs_of
from translate.run.core import DONE, Article, Pipeline
from translate.stages.translation import Translator

docx = pytest.importorskip("docx")
TRACKED = 4  # the paragraph with a tracked deletion and insertion (body paragraphs from 0)


def _run(engine, data):
    pipeline = Pipeline(Translator(engine), language_check="nl")
    (result,) = pipeline.process([Article("a.docx", "", format="docx", data=data)])
    assert result.status == DONE, result.reason
    return result


def test_the_echo_engine_gives_the_file_back_with_changes_accepted():
    data = rich_word_file()
    engine = EchoEngine()
    result = _run(engine, data)
    sent = {row for batch in engine.batches for row in batch}
    assert "Tekst in een kader." in sent and "Bron: het verslag van de gemeente." in sent
    assert not any("verwierp" in row or "PAGE" in row for row in sent)  # deleted, a field
    before, after = runs_of(data), runs_of(result.translation)
    assert len(before) == len(after)
    for i, (old, new) in enumerate(zip(before, after, strict=True)):
        if i != TRACKED:
            assert new == old, i
    assert after[TRACKED] == [("t", "De raad steunde het plan.", "", None)]
    body = document_xml(result.translation)
    assert body.count("Tekst in een kader.") == 2  # in its box and in the old readers' copy
    assert "verwierp" not in body and not re.search(r"<w:(ins|del)\b", body)
    (finding,) = [f for f in result.record.findings if f.kind == "tracked_changes"]
    assert finding.data == {"paragraphs": 1}
    assert not any(f.kind == "markup" for f in result.record.findings)


def test_runs_links_notes_and_boxes_land_on_their_words_after_reordering():
    result = _run(Reversing(), rich_word_file())
    paragraphs = runs_of(result.translation)
    texts = [(item[1], item[2] != "", item[3]) for item in paragraphs[1] if item[0] == "t"]
    formatted = [t.replace(".", "") for t, styled, _ in texts if styled]  # the fake keeps
    assert formatted == ["open weer", "Amsterdam", "grote"]  # the full stop on its word
    link = [item for item in paragraphs[2] if item[0] == "t" and item[3]]
    assert [item[1] for item in link] == ["rapport volledige het"]
    assert ("footnoteReference",) in paragraphs[2]
    assert "gemeente. de van verslag het Bron:" in footnotes_xml(result.translation)
    body = document_xml(result.translation)
    assert body.count("kader. een in Tekst") == 2
    last = [item[1] for item in paragraphs[5] if item[0] == "t"]
    assert "Het Parool" in last and "3" in last  # kept words, the field's own value
    assert ("fldChar",) in paragraphs[5] and ("commentReference",) in paragraphs[5]


@pytest.mark.slow
def test_with_the_tiny_models_every_run_link_and_reference_stays(tiny_marian):
    from translate.config import ModelSpec
    from translate.engines.load import load_engine

    data = rich_word_file()
    result = _run(load_engine(ModelSpec(str(tiny_marian))), data)
    before, after = runs_of(data), runs_of(result.translation)
    for i, (old, new) in enumerate(zip(before, after, strict=True)):
        if i == TRACKED:
            continue
        # every formatting and hyperlink of the source is on some run of the same paragraph
        wanted = {(x[2], x[3]) for x in old if x[0] == "t" and (x[2] or x[3])}
        assert wanted <= {(x[2], x[3]) for x in new if x[0] == "t"}, i
        kept = Counter(x[0] for x in old if x[0] != "t")
        assert Counter(x[0] for x in new if x[0] != "t") == kept, i
    assert docx.Document(io.BytesIO(result.translation)).core_properties.language == "en"


def test_the_document_title_is_translated_and_the_body_untouched_by_it():
    from tests.test_inline import Reversing

    document = docx.Document()
    document.core_properties.title = "Het verslag van de raad"
    document.add_paragraph("De raad vergaderde.")
    data = io.BytesIO()
    document.save(data)
    result = _run(Reversing(), data.getvalue())
    after = docx.Document(io.BytesIO(result.translation))
    assert after.core_properties.title == "raad de van verslag Het"
    assert [p.text for p in after.paragraphs] == ["vergaderde. raad De"]


def test_the_review_page_shows_word_formatting_and_links():
    from translate.outputs.review import review_page

    result = _run(EchoEngine(), rich_word_file())
    review = review_page("a.docx", result.pairs, None, result.record)
    assert "De <b>grote</b> brug in <i>Amsterdam</i> is <u>weer open</u>." in review
    assert '<a href="https://example.org/brug">het volledige rapport</a>' in review


def _tabbed_word_file() -> bytes:
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_paragraph("Naam:\tJan de Vries, wethouder van Rotterdam.")
    paragraph = document.add_paragraph("Het Oost")
    paragraph.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
    paragraph.add_run("Europese land groeit snel.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_tab_parts_words_for_the_model_and_a_no_break_hyphen_is_a_hyphen():
    """A tab is kept where it was and stands for a space (the model never sees "Naam:Jan");
    a non-breaking hyphen reaches the model as a hyphen ("Oost-Europese")."""
    data = _tabbed_word_file()
    engine = EchoEngine()
    result = _run(engine, data)
    sent = {row for batch in engine.batches for row in batch}
    assert sent == {
        "Naam: Jan de Vries, wethouder van Rotterdam.",
        "Het Oost-Europese land groeit snel.",
    }
    texts = [p.text for p in docx.Document(io.BytesIO(result.translation)).paragraphs]
    assert texts == [
        "Naam:\tJan de Vries, wethouder van Rotterdam.",
        "Het Oost-Europese land groeit snel.",
    ]
    reversed_ = _run(Reversing(), data)
    (first, _) = [p.text for p in docx.Document(io.BytesIO(reversed_.translation)).paragraphs]
    assert first.count("\t") == 1 and re.search(r"\S\t\S", first) and "  " not in first


def test_a_typed_footnote_number_never_reaches_the_model_and_powers_stay_in_their_word():
    document = docx.Document()
    paragraph = document.add_paragraph("Het kabinet viel in juli")
    paragraph.add_run("1").font.superscript = True
    paragraph.add_run(" en de Kamer sprak over 85 m")
    paragraph.add_run("2").font.superscript = True
    paragraph.add_run(" grond en CO")
    paragraph.add_run("2").font.subscript = True
    paragraph.add_run(" uit de 20")
    paragraph.add_run("e").font.superscript = True
    paragraph.add_run(" eeuw.")
    out = io.BytesIO()
    document.save(out)
    engine = EchoEngine()
    echoed = _run(engine, out.getvalue())
    sent = {row for batch in engine.batches for row in batch}
    # the footnote's number is kept aside; a unit's power and an ordinal are read
    assert (
        "Het kabinet viel in juli en de Kamer sprak over 85 m2 grond en CO2 uit de 20e eeuw."
        in sent
    )
    assert runs_of(echoed.translation) == runs_of(out.getvalue())
    reversed_ = docx.Document(io.BytesIO(_run(Reversing(), out.getvalue()).translation))
    runs = [(r.text, r.font.superscript, r.font.subscript) for r in reversed_.paragraphs[0].runs]
    texts = "".join(text for text, _, _ in runs)
    assert (
        texts
        == "eeuw. 20e de uit CO2 en grond m2 85 over sprak Kamer de en juli1 in viel kabinet Het"
    )
    raised = [text for text, up, down in runs if up or down]
    assert raised == ["e", "2", "2", "1"]  # each on its letters, after reordering
