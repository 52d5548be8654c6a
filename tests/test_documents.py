import pytest

from tests.conftest import sample_articles
from tests.fakes import EchoEngine, ShoutEngine
from translate.errors import DocumentError
from translate.formats import read_source
from translate.formats.html import decode_html
from translate.formats.markdown import MarkdownLayout
from translate.run.core import Article, Pipeline
from translate.stages.translation import Translator
from translate.text.decode import decode
from translate.text.document import parse
from translate.text.fit import split_to_fit

DUTCH = "Één café in Zuid-Holland: 'Ça va?' – € 3,50.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (DUTCH.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + DUTCH.encode("utf-8"), "utf-8-sig"),
        (DUTCH.encode("utf-16"), "utf-16"),
        (DUTCH.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_encodings(data, encoding):
    decoded = decode(data, "a.txt")
    assert decoded.text == DUTCH
    assert decoded.encoding == encoding


def test_decode_normalises_newlines():
    assert decode(b"een\r\ntwee\rdrie\n", "a.txt").text == "een\ntwee\ndrie\n"


@pytest.mark.parametrize(
    ("data", "newline"),
    [
        (b"een\r\ntwee\r\n", "\r\n"),
        (b"een\r\ntwee\r\ndrie\n", "\r\n"),  # most line ends are Windows ones
        (b"een\ntwee\ndrie\r\n", "\n"),
        (b"een\ntwee\n", "\n"),
        (b"een\rtwee\r", "\n"),  # an old Mac's: read, and written back as \n
        (b"een regel", "\n"),
    ],
)
def test_decode_tells_which_line_ends_the_file_used(data, newline):
    assert decode(data, "a.txt").newline == newline
    assert decode_html(b'<meta charset="utf-8">' + data, "a.html").newline == newline


@pytest.mark.parametrize(
    ("name", "fmt", "text"),
    [
        ("a.txt", "text", "# Kop\n\nDe brug is open. Het verkeer rijdt.\n\n- een\n- twee\n"),
        ("a.md", "markdown", "# Kop\n\nDe brug is *open*.\n\n| a | b |\n|---|---|\n| c | d |\n"),
        ("a.srt", "srt", "1\n00:00:01,000 --> 00:00:02,000\nDe brug\nis open.\n"),
        ("a.vtt", "vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nDe brug is open.\n"),
        (
            "a.html",
            "html",
            "<html><body>\n<p>De brug is open.</p>\n<pre>a\nb</pre>\n</body></html>",
        ),
    ],
)
def test_a_windows_file_is_translated_with_windows_line_ends(name, fmt, text):
    engine = EchoEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    (plain, windows) = pipeline.process(
        [Article(name, text, fmt), Article(name, text, fmt, newline="\r\n")]
    )
    assert "\r" not in plain.translation
    assert windows.translation == plain.translation.replace("\n", "\r\n")
    if fmt == "text":  # the echo engine's translation is the file itself, byte for byte
        assert windows.translation == text.replace("\n", "\r\n")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"  \n\t\r\n ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
    ],
)
def test_decode_rejects_non_text(data, reason):
    with pytest.raises(DocumentError, match=f"^bad.txt: .*{reason}"):
        decode(data, "bad.txt")


def test_read_source_names_unreadable_file(tmp_path):
    with pytest.raises(DocumentError, match="missing.txt: cannot read"):
        read_source(tmp_path / "missing.txt")


CRAFTED = [
    # headings, blank-line runs and trailing spaces
    ("Kop\n\n\n\nEerste zin. Tweede zin.  \n", "Kop\n\nEerste zin. Tweede zin.\n"),
    # hard-wrapped prose is joined, a heading above it is kept on its own line
    (
        "Een kop\nDit is een lange regel proza die netjes is afgebroken zoals oude\n"
        "redactiesystemen dat doen. Dhr. J. de Vries zei 'ja.' En toen\nging hij.\n",
        "Een kop\nDit is een lange regel proza die netjes is afgebroken zoals oude "
        "redactiesystemen dat doen. Dhr. J. de Vries zei 'ja.' En toen ging hij.\n",
    ),
    # list items keep their own lines and markers; an indented continuation joins its item
    (
        "Punten:\n- een\n- twee die\n  doorloopt\n1. drie\n2) vier\n",
        "Punten:\n- een\n- twee die doorloopt\n1. drie\n2) vier\n",
    ),
    # CRLF and a BOM
    ("\ufeffTitel\r\n\r\nTekst hier.\r\n", "Titel\n\nTekst hier.\n"),
    # quotes and ellipses
    ("'Kom je?' vroeg ze... Hij zei: \"Ja!\" Klaar.\n", None),
    # markdown markup and lines without letters stay verbatim
    ("# Kop\n\n* * *\n\n## Sub kop\n- punt een\n", None),
]


@pytest.mark.parametrize(("source", "expected"), CRAFTED)
def test_echo_round_trip_crafted(source, expected):
    _assert_echo_round_trip(source, expected or source)


@pytest.mark.parametrize("path", sample_articles(), ids=lambda p: p.name)
def test_echo_round_trip_sample_articles(path):
    source = read_source(path)
    if path.suffix == ".md":  # its own parser: the file comes back byte for byte
        assert _markdown_echo(source.text) == source.text
        return
    document = parse(source.text)
    _assert_echo_round_trip(source.text, document.render())
    assert document.render().count("\n\n") == source.text.strip().count("\n\n")


def test_cp1252_file_round_trips(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Café 'De Zwaan' sluit.\r\n\r\nÉén keer per week.\r\n".encode("cp1252"))
    source = read_source(path)
    assert source.encoding == "cp1252"
    _assert_echo_round_trip(source.text, "Café 'De Zwaan' sluit.\n\nÉén keer per week.\n")


def test_markdown_fenced_code_is_not_translated():
    text = "# Kop\n\n```\ncode = 1. Niet vertalen.\n```\n\nWel vertalen.\n"
    layout = MarkdownLayout(text, "a.md")
    assert layout.document.sentences == ["Kop", "Wel vertalen."]
    assert _markdown_echo(text) == text


def _markdown_echo(text: str) -> str:
    pipeline = Pipeline(Translator(EchoEngine()), language_check="nl")
    (result,) = pipeline.process([Article("a.md", text, "markdown")])
    return result.translation


def _assert_echo_round_trip(source: str, expected: str) -> None:
    document = parse(decode(source.encode("utf-8"), "t.txt").text)
    engine = EchoEngine()
    result = Translator(engine).translate(document)
    assert result.translation.render() == expected
    sent = [text for batch in engine.batches for text in batch]
    assert sorted(sent) == sorted(document.sentences)  # every sentence exactly once
    assert result.translation.paragraphs == document.paragraphs  # same structure and order


def _word_count(text: str) -> int:
    return len(text.split()) + 1


def test_split_to_fit_2000_tokens_at_clause_boundaries():
    clause = "de raad besprak het plan voor de nieuwe brug over de rivier"
    text = ", ".join([clause] * 160) + "; " + ", ".join([clause] * 20) + "."
    assert _word_count(text) > 2000
    pieces = split_to_fit(text, _word_count, 512)
    assert "".join(pieces) == text
    assert all(_word_count(p) <= 512 for p in pieces)
    assert all(p.rstrip().endswith((",", ";", ".")) for p in pieces)
    assert len(pieces) == 5


def test_split_to_fit_without_punctuation_or_spaces():
    text = "x" * 5000
    pieces = split_to_fit(text, lambda t: len(t) // 3 + 1, 100)
    assert "".join(pieces) == text
    assert all(len(p) // 3 + 1 <= 100 for p in pieces)


def test_split_to_fit_packs_greedily_with_few_token_counts():
    """Each piece is the longest run of words that fits, found with a handful of counts per
    piece: counting once per word re-tokenized the growing piece 2,000 times (found on the
    GPU, where a summary input without punctuation kept the CPU busy for minutes)."""
    words = [f"w{i % 97}" + "x" * (i % 5) for i in range(2000)]
    text = " ".join(words)
    calls = []

    def count(piece: str) -> int:
        calls.append(1)
        return sum(1 + len(w) // 3 for w in piece.split()) + 1

    pieces = split_to_fit(text, count, 300)
    counted = len(calls)
    assert "".join(pieces) == text
    assert all(count(p) <= 300 for p in pieces)
    # greedy: no piece could have taken the next word as well
    for piece, following in zip(pieces, pieces[1:], strict=False):
        assert count(piece + following.split(" ")[0]) > 300
    assert counted < 30 * len(pieces)
    assert counted < len(words) / 4


def test_split_to_fit_with_real_tokenizer(tiny_marian):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_marian)

    def count(text: str) -> int:
        return len(tokenizer(text.strip(), verbose=False)["input_ids"])

    words = "Volgens de gemeente kost het plan ongeveer duizend euro per straat".split()
    text = " ".join(words[i % len(words)] for i in range(1500))  # no punctuation at all
    assert count(text) > 2000
    pieces = split_to_fit(text, count, 512)
    assert "".join(pieces) == text
    assert all(count(p) <= 512 for p in pieces)


def test_markdown_link_targets_never_reach_the_model():
    text = "Zie de [website](https://example.org/a.b?x=1). En [hier](http://x.nl) ook.\n"
    layout = MarkdownLayout(text, "a.md")
    assert layout.document.sentences == ["Zie de website.", "En hier ook."]
    assert _markdown_echo(text) == text
    # a translation that rewords the links' words: each link stays, on its words
    english = layout.document.with_sentences(["See the website.", "And here too."])
    written = layout.write(english, ("website", "here"))
    assert written.content == (
        "See the [website](https://example.org/a.b?x=1). And [here](http://x.nl) too.\n"
    )


def test_markdown_blocks_stay_as_written():
    text = (
        "---\ntitel: Nieuws\n---\n# Kop\n\n> Een citaat\n> over twee regels.\n\n"
        "| Jaar | Tekst |\n|---|:-:|\n| 2024 | Het **werk** |\n\n    code blok\n\n"
        "<div>html blok</div>\n\n- punt `code`  \n  tweede regel[^1]\n\n[^1]: Een voetnoot.\n"
    )
    layout = MarkdownLayout(text, "a.md")
    assert layout.document.sentences == [
        "Kop",
        "Een citaat over twee regels.",
        "Jaar",
        "Tekst",
        "Het werk",
        "html blok",  # an HTML block, through the HTML layout
        "punt",
        "tweede regel",
        "Een voetnoot.",
    ]
    assert _markdown_echo(text) == text
    upper = layout.write(
        layout.document.with_sentences([x.upper() for x in layout.document.sentences]),
        ("WERK",),
    ).content
    assert "---\ntitel: Nieuws\n---\n# KOP\n" in upper
    quote = [line for line in upper.split("\n") if line.startswith("> ")]
    assert " ".join(q[2:] for q in quote) == "EEN CITAAT OVER TWEE REGELS."  # its two
    assert len(quote) == 2  # lines, each with its marker
    assert "| JAAR | TEKST |\n|---|:-:|\n| 2024 | HET **WERK** |" in upper
    assert "    code blok\n\n<div>HTML BLOK</div>" in upper
    assert "- PUNT `code`  \n  TWEEDE REGEL[^1]" in upper and "[^1]: EEN VOETNOOT." in upper


def _shouted_markdown(text: str, name: str = "t.md"):
    """The batch job's result for a Markdown page, with the fake that capitalises."""
    (result,) = Pipeline(Translator(ShoutEngine()), language_check="nl").process(
        [Article(name, text, "markdown")]
    )
    return result


def test_markdown_html_blocks_are_translated_where_they_are_whole_fragments():
    text = (
        '# Kop\n\n<figure>\n<img src="brug.jpg" alt="De nieuwe brug">\n'
        "<figcaption>De brug bij <b>nacht</b>.</figcaption>\n</figure>\n\nTekst erna.\n\n"
        "<details>\n<summary>Meer lezen</summary>\n\nEen alinea in Markdown.\n\n</details>\n\n"
        "- Een punt\n\n  <div>In een lijst</div>\n\n<!-- opmerking van de redactie -->\n"
    )
    result = _shouted_markdown(text)
    out = result.translation
    # the figure: caption and alt text translated, its tags and lines as they were
    assert '<figure>\n<img src="brug.jpg" alt="DE NIEUWE BRUG">\n' in out
    assert "<figcaption>DE BRUG BIJ <b>NACHT</b>.</figcaption>\n</figure>\n\nTEKST ERNA." in out
    # a <details> opened here and closed further down: its summary translated, its tag and
    # the closing block as written
    assert (
        "<details>\n<summary>MEER LEZEN</summary>\n\nEEN ALINEA IN MARKDOWN.\n\n</details>" in out
    )
    # a block in a list: as written
    assert "  <div>In een lijst</div>" in out and "<!-- opmerking van de redactie -->" in out
    (kept,) = [f for f in result.record.findings if f.kind == "kept_html"]
    assert kept.data == {"blocks": 1}
    sentences = MarkdownLayout(text, "t.md").document.sentences  # in page order
    assert sentences[:4] == ["Kop", "De nieuwe brug", "De brug bij nacht.", "Tekst erna."]
    assert sentences[4:6] == ["Meer lezen", "Een alinea in Markdown."]
    echoed = _markdown_echo(text)
    assert echoed == text


def test_markdown_html_blocks_other_blocks_open_or_close_are_translated_between_those_tags():
    text = (
        '<div class="kader">\n<p>Let op: de weg is dicht.</p>\n\nNog een alinea.\n\n'
        "</div>\n<p>Daarna een zin.</p>\n\n<section>\n<div>\n<h2>Kop twee</h2>\n\nTekst.\n\n"
        "</div>\n</section>\n"
    )
    result = _shouted_markdown(text)
    assert result.translation == (
        '<div class="kader">\n<p>LET OP: DE WEG IS DICHT.</p>\n\nNOG EEN ALINEA.\n\n'
        "</div>\n<p>DAARNA EEN ZIN.</p>\n\n<section>\n<div>\n<h2>KOP TWEE</h2>\n\nTEKST.\n\n"
        "</div>\n</section>\n"
    )
    assert not [f for f in result.record.findings if f.kind == "kept_html"]
    assert _markdown_echo(text) == text
    # a block with an image alone: its alt text is its words
    image = _shouted_markdown('# Kop\n\n<img src="x" alt="Een foto">\n', "i.md")
    assert image.translation == '# KOP\n\n<img src="x" alt="EEN FOTO">\n'


def test_markdown_front_matter_fields_a_reader_sees_are_translated_in_place():
    text = (
        '---\ntitle: De nieuwe brug\ndescription: "Over de brug"\n'
        "summary: 'Het is ''t dorp'\nsubtitle: |\n  een blok\ntags: [brug, stad]\n"
        "slug: de-nieuwe-brug\nexcerpt: De brug # commentaar\n---\n# Kop\n"
    )
    layout = MarkdownLayout(text, "a.md")
    sentences = layout.document.sentences
    assert sentences == ["De nieuwe brug", "Over de brug", "Het is 't dorp", "Kop"]
    assert [u.kind for u in layout.units][:3] == ["title", "paragraph", "paragraph"]
    assert _markdown_echo(text) == text
    english = ["The new bridge: open", "About the bridge", "It's the village", "Heading"]
    written = layout.write(layout.document.with_sentences(english)).content
    assert written == (
        '---\ntitle: "The new bridge: open"\ndescription: "About the bridge"\n'
        "summary: 'It''s the village'\nsubtitle: |\n  een blok\ntags: [brug, stad]\n"
        "slug: de-nieuwe-brug\nexcerpt: De brug # commentaar\n---\n# Heading\n"
    )


def test_markdown_marks_over_the_same_words_nest_as_in_the_source():
    from tests.test_inline import Reversing

    text = "Lees **[het rapport](https://x.nl)** en *__de brug__* nu.\n"
    pipeline = Pipeline(Translator(Reversing()), language_check="nl")
    (result,) = pipeline.process([Article("a.md", text, "markdown")])
    assert result.translation == "nu. *__brug de__* en **[rapport het](https://x.nl)** Lees\n"


def test_a_stray_nul_is_dropped_not_binary():
    decoded = decode(b"De raad\x00 vergaderde dinsdag.\n", "a.txt")
    assert decoded.text == "De raad vergaderde dinsdag.\n"
    assert decoded.dropped == 1
    with pytest.raises(DocumentError, match="binary file"):
        decode(b"PK\x03\x04" + bytes(300) + b"word.xml", "doc.txt")  # a zip


def test_markdown_image_alt_text_is_translated_and_its_target_kept():
    text = 'Zie ![een foto van de brug](brug.jpg "Brug") hier **nu**.\n'
    layout = MarkdownLayout(text, "a.md")
    assert layout.inline_texts == ["nu", "een foto van de brug"]
    english = layout.document.with_sentences(["See here now."])
    written = layout.write(english, ("now", "a photo of the bridge")).content
    assert written == 'See ![a photo of the bridge](brug.jpg "Brug") here **now**.\n'
    assert layout.write(layout.document).content == text  # the layout itself is unchanged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kop van het stuk\n================\n\nTekst hier.\n", None),  # setext heading
        ("## Kop met hekjes ##\n\nTekst.\n", None),
        ("- een punt\n\n  met een tweede alinea\n\n  - genest punt\n- laatste\n", None),
        ("> Citaat dat\ndoorloopt zonder marker.\n", None),  # a lazy continuation line
        ("| a \\| b | Tekst hier |\n|---|---|\n| Een cel | Nog een |\n", None),
        ("Gebruik `` a ` b `` en *nadruk*.\n", None),
        ("***heel*** sterk en **vet _schuin_ vet**.\n", None),
        ("Zie <https://x.nl> en www.x.nl nu.\n", None),  # an autolink is kept, not a mark
        ("- [ ] Taak nog te doen\n- [x] Taak gedaan\n", None),  # a task list's boxes
        ("Een ~~doorgehaald~~ woord en ~~twee woorden~~ hier.\n", None),  # GFM's strikethrough
        ("Water is H<sub>2</sub>O, de kamer 5 m<sup>2</sup>.\n", None),  # inline HTML in words
        ('Een <b>heel</b> plan met <span class="x">eigen stijl</span>.\n', None),
        ("Een regel<br>en nog een.\n", None),  # a <br> parts the words for the model
        ("Een regel <br> en<br/>\nnog een, <i>open.\n", None),
        # the model's words never become markup: a literal star comes back escaped
        (
            "Het is \\*geen\\* nadruk en 5 * 3 = 15.\n",
            "Het is \\*geen\\* nadruk en 5 \\* 3 = 15.\n",
        ),
    ],
)
def test_markdown_edge_cases_come_back_as_written(text, expected):
    assert _markdown_echo(text) == (expected or text)


def test_markdown_strikethrough_and_inline_html_in_a_word_stay_on_their_letters():
    engine = ShoutEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    text = "Een ~~oud~~ plan voor H<sub>2</sub>O en CO<sub>2</sub>.\n"
    (result,) = pipeline.process([Article("t.md", text, "markdown")])
    assert result.translation == "EEN ~~OUD~~ PLAN VOOR H<sub>2</sub>O EN CO<sub>2</sub>.\n"
    sent = [row for batch in engine.batches for row in batch]
    assert "Een oud plan voor H2O en CO2." in sent  # no tildes, no tags


def test_markdown_inline_html_elements_are_marks_on_their_words():
    from tests.test_inline import Reversing

    engine = Reversing()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    text = 'Het <b>grote</b> plan van <span class="x">de oude stad</span> is klaar<br>nu.\n'
    (result,) = pipeline.process([Article("t.md", text, "markdown")])
    # each element on its own (reversed) words, the span's attribute kept, no tag crossed;
    # the <br> after the word it was glued to, in the space it stands for
    assert result.translation == (
        'nu. klaar<br>is <span class="x">stad oude de</span> van plan <b>grote</b> Het\n'
    )
    assert not any(f.kind == "markup" for f in result.record.findings)


def test_a_task_lists_box_stays_at_its_items_start_and_never_reaches_the_model():
    engine = ShoutEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    text = "- [ ] Taak nog te doen\n- [X] Taak *gedaan*\n\nZie [x] hier.\n"
    (result,) = pipeline.process([Article("t.md", text, "markdown")])
    assert result.translation.startswith("- [ ] TAAK NOG TE DOEN\n- [X] TAAK *GEDAAN*\n")
    sent = [row for batch in engine.batches for row in batch]
    assert "Taak nog te doen" in sent and not any(row.startswith("[") for row in sent)
