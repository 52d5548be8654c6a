"""Inline markup placed in translations: the span search on hand-made data (Dutch sentences
with markup and a correct English translation with the markup where a human puts it), the
fallback, nesting, and HTML pages through the pipeline with fakes and the tiny models."""

import json
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from tests.fakes import EchoEngine
from tests.helpers import page_shape
from translate.run.core import DONE, Article, Pipeline
from translate.stages.translation import Translator
from translate.text.inline import place
from translate.text.marks import Mark

DATA = Path(__file__).parent / "data" / "inline-markup.jsonl"
_TAG = re.compile(r"<(/?)([a-z]+)(\d)>")
_KEEP = {"a", "span", "abbr"}  # elements that carry attributes in real pages


def _parse(marked: str):
    """Plain text, the marks as a tree (keys from the tags' names), and every span by key."""
    stack, spans, roots, children = [], {}, [], {}
    pos, out = 0, ""
    for match in _TAG.finditer(marked):
        out += marked[pos : match.start()]
        pos = match.end()
        closing, tag, number = match.groups()
        key = f"{tag}{number}"
        if not closing:
            stack.append((key, len(out)))
        else:
            opened, start = stack.pop()
            assert opened == key, marked
            spans[key] = (start, len(out))
            mark = Mark(key, start, len(out), tag in _KEEP, tuple(children.pop(key, ())))
            (children.setdefault(stack[-1][0], []) if stack else roots).append(mark)
    out += marked[pos:]
    return out, roots, spans


def _items():
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def _flat(marks):
    for mark in marks:
        yield mark
        yield from _flat(mark.children)


def _outcomes(with_alone: bool) -> Counter:
    found = Counter()
    for item in _items():
        dutch, marks, _ = _parse(item["nl"])
        english, _, reference = _parse(item["en"])
        alone = {}
        if with_alone:  # each element's words as a model would translate them alone
            alone = {k: english[a:b] for k, (a, b) in reference.items()}
            alone |= item.get("alone", {})
        placed = place(dutch, english, marks, alone=alone)
        for mark in _flat(marks):
            if mark.key in placed.dropped:
                outcome = "dropped"
            elif placed.spans.get(mark.key) == reference[mark.key]:
                outcome = "right"
            elif mark.key in placed.approximate:
                outcome = "by position, wrong"
            else:
                outcome = "wrong"
            found[item["kind"], outcome] += 1
    return found


def test_the_data_is_what_it_says():
    items = _items()
    assert len(items) >= 40
    for item in items:
        dutch, marks, spans = _parse(item["nl"])
        english, _, reference = _parse(item["en"])
        assert set(spans) == set(reference), item  # the same elements in both
        assert "<" not in dutch + english


def test_every_element_lands_on_its_words_given_their_translation():
    found = _outcomes(with_alone=True)
    wrong = {k: n for k, n in found.items() if k[1] != "right"}
    assert not wrong, wrong
    assert sum(found.values()) >= 55  # elements, nested ones included


def test_without_translations_alone_names_still_land_and_links_are_kept():
    found = _outcomes(with_alone=False)
    assert found["name", "right"] == 7  # the model copies them: found by their own words
    assert not any(k[1] == "wrong" for k in found)  # placed by words only where right
    kept = sum(n for (kind, outcome), n in found.items() if outcome != "dropped")
    assert kept > found["name", "right"]  # links and spans stay, by position


def test_siblings_never_overlap_and_children_stay_inside():
    dutch = "Lees het nieuwe rapport vandaag."
    marks = [Mark("a", 5, 23, True, (Mark("b", 9, 15),)), Mark("c", 24, 31, True)]
    # both translated alone to words found at the same place: the second is cut back
    placed = place(
        dutch, "Read the report today.", marks, alone={"a": "the report", "c": "the report"}
    )
    a, c = placed.spans["a"], placed.spans["c"]
    assert a[1] <= c[0] or c[1] <= a[0]
    assert "b" in placed.dropped  # plain emphasis with no words to hold: left out
    assert not placed.approximate or "c" in placed.approximate


def test_a_link_inside_emphasis_that_is_left_out_is_kept_on_its_own():
    dutch = "Lees vandaag het verslag over de haven."
    link = Mark("a", 17, 24, True)  # "verslag", in emphasis over "het verslag over de"
    marks = [Mark("em", 13, 32, False, (link,))]
    placed = place(dutch, "Read the port report today.", marks, alone={"a": "report"})
    assert placed.dropped == ["em"]  # no words of its own found, no attributes
    assert placed.spans["a"] == (14, 20)  # "report", by its words translated alone


class Reversing(EchoEngine):
    """Translates word by word with reordering: each row's words in reverse order."""

    def decode(self, row):
        return " ".join(reversed(super().decode(row).split()))


def _pipeline(engine):
    return Pipeline(Translator(engine), language_check="nl")


RICH = """<!DOCTYPE html>
<html lang="nl"><head><title>Nieuws van de dag</title>
<meta name="description" content="Het nieuws van vandaag"><meta name="author" content="De redactie">
</head><body>
<p class="intro">Lees <a href="/rapport" title="PDF">het <b>volledige</b> rapport</a> op onze
<em>eigen</em> site. <!-- bron: redactie -->
Het kabinet <span class="nadruk">viel gisteren</span>.</p>
<p>Gemeentehuis<br>Stationsplein 1<br/>3511 ED Utrecht</p>
<p>De foto <img src="brug.jpg" alt="De brug"> toont de <abbr title="Noord-Holland">NH</abbr>
kust en <span translate="no">Het Parool</span> schreef erover.</p>
<ul><li>Zie <a href="https://example.org/a?b=1&amp;c=2">de lijst</a>.</li></ul>
<form><input name="q" placeholder="Zoek een artikel"><button aria-label="Zoek nu">?</button></form>
</body></html>
"""


def test_the_echo_engine_gives_every_page_back_unchanged():
    for page in (
        RICH,
        (Path(__file__).parent.parent / "inbox/nieuws/haven-in-cijfers.html").read_text("utf-8"),
    ):
        (result,) = _pipeline(EchoEngine()).process([Article("a.html", page, format="html")])
        assert result.status == DONE, result.reason
        assert page_shape(result.translation) == page_shape(page)
        assert not any(f.kind == "markup" for f in result.record.findings)


def test_links_and_emphasis_land_on_their_words_after_reordering():
    (result,) = _pipeline(Reversing()).process([Article("a.html", RICH, format="html")])
    root = lxml.html.document_fromstring(result.translation)
    link = root.find(".//p[@class='intro']/a")
    assert link.get("href") == "/rapport" and link.get("title") == "PDF"
    # attributes of elements inside a block, and what a search result shows, are translated
    assert root.find(".//p/img").get("alt") == "brug De"
    assert root.find(".//meta[@name='description']").get("content") == "vandaag van nieuws Het"
    assert root.find(".//meta[@name='author']").get("content") == "De redactie"
    assert root.find(".//input").get("placeholder") == "artikel een Zoek"
    assert root.find(".//input").get("name") == "q"
    assert root.find(".//button").get("aria-label") == "nu Zoek"
    assert " ".join(link.text_content().split()) == "rapport volledige het"
    assert link.find("b").text == "volledige"
    assert root.find(".//p[@class='intro']/em").text == "eigen"
    span = root.find(".//span[@class='nadruk']").text  # the fake keeps the full stop on it
    assert " ".join(span.replace(".", "").split()) == "gisteren viel"
    # the fixed span keeps its own words; the address keeps its lines
    assert root.find(".//span[@translate='no']").text == "Het Parool"
    lines = [" ".join(t.split()) for t in root.find(".//body/p[2]").itertext()]
    assert lines == ["Gemeentehuis", "1 Stationsplein", "Utrecht ED 3511"]


NOTES = """<html><body>
<p>Het kabinet viel in 2023<sup><a href="#n1" id="r1">1</a></sup> en de Kamer debatteerde.</p>
<p>Rutte trad af<sup>2</sup>, zei de krant.<a href="#n3">[3]</a> Daarna kwam Schoof.</p>
<p>Het begon in 2019<sup>5</sup> met een plan.</p>
<p>Het huis heeft 85 m<sup>2</sup> en 10<sup>6</sup> bakstenen uit de 19<sup>e</sup> eeuw.</p>
<p>Lees <em>het <a href="/verslag">verslag</a> nu</em>.</p>
<p>De minister sprak <a epub:type="noteref" href="noten.xhtml#n4">4</a> gisteren.</p>
<p>De dijk brak in juli [<a href="#n6">6</a>] en in augustus (<a href="#n7">7</a>).</p>
<ol><li id="n1">Zie het verslag.</li></ol>
</body></html>"""


def test_a_footnote_reference_never_reaches_the_model_and_comes_back_after_its_word():
    engine = EchoEngine()
    (echoed,) = _pipeline(engine).process([Article("a.html", NOTES, format="html")])
    assert page_shape(echoed.translation) == page_shape(NOTES)
    sent = [row for batch in engine.batches for row in batch]
    assert "Het kabinet viel in 2023 en de Kamer debatteerde." in sent  # not "20231"
    assert "Rutte trad af, zei de krant." in sent  # nor "af2,"
    assert "De minister sprak gisteren." in sent  # a note's link, by its type
    assert "Het begon in 2019 met een plan." in sent  # after a year: a note, no power
    assert "De dijk brak in juli en in augustus." in sent  # its brackets go with it
    # an exponent, a unit's power and an ordinal's suffix are the model's to read
    assert "Het huis heeft 85 m2 en 106 bakstenen uit de 19e eeuw." in sent
    (result,) = _pipeline(Reversing()).process([Article("a.html", NOTES, format="html")])
    page = result.translation
    # each reference whole, after the word it marked, which the translation holds once
    assert 'en 2023<sup><a href="#n1" id="r1">1</a></sup> in viel' in page
    assert "<sup>2</sup>" in page and '<a href="#n3">[3]</a>' in page
    # with its brackets (one at the line's end goes to the reversed line's end)
    assert 'juli [<a href="#n6">6</a>]' in page and ' (<a href="#n7">7</a>)</p>' in page
    assert "m<sup>2</sup>" in page and "19<sup>e</sup>" in page  # in their words
    # a link inside emphasis the fake's word order leaves no place for is still kept
    assert '<a href="/verslag">verslag</a>' in page


@pytest.mark.slow
def test_with_the_tiny_models_no_tag_or_link_is_lost(tiny_marian, tmp_path):
    from translate.config import ModelSpec
    from translate.engines.load import load_engine

    engine = load_engine(ModelSpec(str(tiny_marian)))
    pages = [
        RICH,
        (Path(__file__).parent.parent / "inbox/nieuws/haven-in-cijfers.html").read_text("utf-8"),
    ]
    for page in pages:
        (result,) = _pipeline(engine).process([Article("a.html", page, format="html")])
        before, after = (lxml.html.document_fromstring(p) for p in (page, result.translation))
        if _tags(after) != _tags(before):
            _only_plain_emphasis_lost(_tags(before), _tags(after), result)
        for attribute in ("href", "src"):
            assert [
                e.get(attribute)
                for e in before.iter()
                if isinstance(e.tag, str) and e.get(attribute)
            ] == [
                e.get(attribute)
                for e in after.iter()
                if isinstance(e.tag, str) and e.get(attribute)
            ]


def _tags(root) -> Counter:
    return Counter(e.tag if isinstance(e.tag, str) else "comment" for e in root.iter())


def _only_plain_emphasis_lost(before: Counter, after: Counter, result) -> bool:
    lost = before - after
    assert not (after - before), after - before
    assert set(lost) <= {"b", "em", "i", "strong"}, lost  # never a link, span, image, comment
    (finding,) = [f for f in result.record.findings if f.kind == "markup"]
    assert finding.data["dropped"] == sum(lost.values())
    return True


def test_the_review_page_shows_the_translated_inline_markup_safely():
    from translate.outputs.review import review_page

    page = (
        '<p>Lees <a href="/rapport" onclick="x()">het <b>rapport</b></a> en '
        '<a href="javascript:alert(1)">dit</a> &lt;script&gt;.</p>'
    )
    (result,) = _pipeline(EchoEngine()).process([Article("a.html", page, format="html")])
    review = review_page("a.html", result.pairs, None, result.record)
    assert '<a href="/rapport">het <b>rapport</b></a>' in review
    assert "javascript" not in review and "onclick" not in review
    assert "<a>dit</a> &lt;script&gt;." in review


def test_markdown_review_shows_its_markup_and_no_block_with_notranslate_is_sent():
    from translate.outputs.review import review_page

    text = "Lees **dit** en [de bron](https://x.nl/a) of [niet](javascript:alert(1)) <b>ja</b>.\n"
    (result,) = _pipeline(EchoEngine()).process([Article("a.md", text, format="markdown")])
    review = review_page("a.md", result.pairs, None, result.record)
    assert '<strong>dit</strong> en <a href="https://x.nl/a">de bron</a>' in review
    assert 'href="javascript' not in review and "&lt;b&gt;" in review and "<b>" not in review
    engine = EchoEngine()
    page = "<p>Te vertalen.</p><p class='x notranslate'>Het Parool blijft.</p>"
    (result,) = _pipeline(engine).process([Article("a.html", page, format="html")])
    assert [row for batch in engine.batches for row in batch] == ["Te vertalen."]
    assert "Het Parool blijft." in result.translation
