"""Newsroom inputs through the real CLI with the tiny models: HTML and Word in and out, the
language check, bad documents isolated, and the bilingual review pages."""

import io
import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from tests.conftest import INBOX
from tests.helpers import batch_args, count_skipped
from tests.test_language import ENGLISH, FRENCH
from translate.cli import app
from translate.formats.markdown import MarkdownLayout

lxml_html = pytest.importorskip("lxml.html")
docx = pytest.importorskip("docx")
pytestmark = pytest.mark.slow
runner = CliRunner()
# Nothing the page loads from elsewhere (a link of the article's own, to click, is fine)
EXTERNAL = re.compile(r"""src\s*=\s*["']?(https?:)?//|<link|<script|@import|url\(""", re.I)


def _docx(*paragraphs: str) -> bytes:
    document = docx.Document()
    document.add_heading("Nieuwe brug", level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture()
def newsroom(tmp_path):
    inbox = tmp_path / "in"
    shutil.copytree(INBOX, inbox)
    (inbox / "word").mkdir()
    (inbox / "word" / "brug.docx").write_bytes(
        _docx("De brug is dinsdag weer opengegaan na twee jaar werk.", "Het verkeer rijdt weer.")
    )
    (inbox / "word" / "kapot.docx").write_bytes(b"PK\x03\x04 dit is geen document")
    (inbox / "word" / "geheim.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (inbox / "web").mkdir()
    (inbox / "web" / "oud.html").write_bytes(
        '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Het café '
        "aan de Dam is na één jaar weer open voor bezoekers.</p></body></html>".encode("cp1252")
    )
    (inbox / "web" / "leeg.html").write_text("<html><body>  </body></html>", encoding="utf-8")
    (inbox / "web" / "kapot.html").write_text(
        "<html><body><p>De raad <b>vergaderde dinsdag.<p>Het plan is <i>klaar</body>",
        encoding="utf-8",
    )
    (inbox / "talen").mkdir()
    (inbox / "talen" / "english.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    (inbox / "talen" / "francais.txt").write_text(FRENCH + "\n", encoding="utf-8")
    return inbox, tmp_path / "out"


def test_newsroom_inbox_with_review_pages(tiny_marian, tiny_bart, newsroom):
    inbox, outbox = newsroom
    args = [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--review"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output

    # Formats out as they came in
    page = (outbox / "nieuws" / "haven-in-cijfers.html.en.html").read_text(encoding="utf-8")
    root = lxml_html.document_fromstring(page)
    assert root.get("lang") == "en" and len(root.findall(".//td")) == 4
    assert root.find(".//code").text == "jaarverslag-2026.pdf"  # code is not translated
    assert root.find(".//script").text.strip() == "window.dataLayer = window.dataLayer || [];"
    word = docx.Document(io.BytesIO((outbox / "word" / "brug.docx.en.docx").read_bytes()))
    assert [p.style.name for p in word.paragraphs] == ["Heading 1", "Normal", "Normal"]
    cafe = json.loads((outbox / "web" / "oud.html.json").read_text(encoding="utf-8"))
    assert cafe["source"]["encoding"] == "windows-1252" and cafe["format"] == "html"
    repaired = json.loads((outbox / "web" / "kapot.html.json").read_text(encoding="utf-8"))
    assert any("repaired" in w for w in repaired["warnings"])
    sidecar = json.loads((outbox / "word" / "brug.docx.json").read_text(encoding="utf-8"))
    assert sidecar["format"] == "docx" and sidecar["elements"] == {"heading": 1, "paragraph": 2}

    # Languages routed
    english = outbox / "talen" / "english.txt.en.txt"
    assert english.read_text(encoding="utf-8") == ENGLISH + "\n"
    assert (outbox / "talen" / "english.txt.summary.txt").is_file()
    french = (outbox / "talen" / "francais.txt.error.txt").read_text(encoding="utf-8")
    assert french.startswith("talen/francais.txt: written in French (fr, confidence")

    # Bad documents: one line each in their error files, the run went on
    for name, reason in [
        ("word/kapot.docx", "not a readable Word .docx"),
        ("word/geheim.docx", "not a readable Word .docx"),
        ("web/leeg.html", "no text to translate"),
    ]:
        text = (outbox / f"{name}.error.txt").read_text(encoding="utf-8")
        assert text.startswith(f"{name}: {reason}") and text.count("\n") == 1, text
        assert f"failed  {name}: {reason}" in result.stderr

    # Review pages: every paragraph in order, warnings marked, nothing loaded from outside
    done = [p for p in outbox.rglob("*.json")]
    assert len(done) == 10
    for sidecar_path in done:
        review = sidecar_path.with_name(sidecar_path.name[: -len(".json")] + ".review.html")
        page = review.read_text(encoding="utf-8")
        assert not EXTERNAL.search(page), review
        root = lxml_html.document_fromstring(page)
        pairs = root.find_class("pair")
        record = json.loads(sidecar_path.read_text(encoding="utf-8"))
        assert len(pairs) == record["counts"]["paragraphs"]
        assert all(len(pair.findall("p")) == 2 for pair in pairs)
        if record["warnings"]:
            assert root.find_class("warn") or root.find_class("notes"), review
    # Every paragraph and its translation, in order
    museum = (outbox / "cultuur" / "museumnacht.md.review.html").read_text(encoding="utf-8")
    source = MarkdownLayout((inbox / "cultuur" / "museumnacht.md").read_text("utf-8"), "m.md")
    record = json.loads((outbox / "cultuur" / "museumnacht.md.json").read_text(encoding="utf-8"))
    cells = lxml_html.document_fromstring(museum).find_class("pair")
    dutch = [
        c.findall("p")[0].text_content()[len(c.find_class("n")[0].text_content()) :] for c in cells
    ]
    assert dutch == [unit.text for unit in source.units]  # the words, markup aside
    shown = " ".join(c.findall("p")[1].text_content() for c in cells)
    assert shown == " ".join(s["translation"] for s in record["sentences"])
    index = (outbox / "index.html").read_text(encoding="utf-8")
    assert not EXTERNAL.search(index)
    links = lxml_html.document_fromstring(index).findall(".//a")
    assert {a.get("href") for a in links} >= {
        "word/brug.docx.review.html",
        "word/kapot.docx.error.txt",
    }

    again = runner.invoke(app, args)
    assert again.exit_code == 1 and count_skipped(again.stderr) == 10


def test_translate_file_with_word_and_html(tiny_marian, tmp_path):
    source = tmp_path / "stuk.docx"
    source.write_bytes(_docx("De brug is dinsdag weer opengegaan na twee jaar werk."))
    base = ["file", str(source), "--model", str(tiny_marian), "--no-summary", "--beams", "1"]
    refused = runner.invoke(app, base)
    assert refused.exit_code == 2
    assert refused.stderr.strip().splitlines() == [
        f"error: {source}: a Word translation is a file: give -o FILE.docx"
    ]
    out = tmp_path / "stuk.en.docx"
    done = runner.invoke(app, [*base, "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert len(docx.Document(str(out)).paragraphs) == 2

    page = tmp_path / "p.html"
    page.write_text("<html><body><h1>Kop</h1><p>De raad vergaderde.</p></body></html>", "utf-8")
    printed = runner.invoke(app, ["file", str(page), "--model", str(tiny_marian), "--no-summary"])
    assert printed.exit_code == 0 and printed.stdout.startswith("<!DOCTYPE html>")
    bad = runner.invoke(app, ["file", str(page), "--force-language", "fr", "--no-summary"])
    assert bad.exit_code == 2
    assert "--force-language 'fr': only nl is possible" in bad.stderr


def test_asking_for_review_pages_later_writes_them(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text("De raad vergaderde dinsdag. Het plan is klaar.\n", "utf-8")
    assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox)).exit_code == 0
    assert not (outbox / "a.txt.review.html").exists()
    later = runner.invoke(app, [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--review"])
    assert later.exit_code == 0 and count_skipped(later.stderr) == 0
    assert (outbox / "a.txt.review.html").is_file() and (outbox / "index.html").is_file()
