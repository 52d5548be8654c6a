"""The glossary with the tiny random-weight models: terms enforced while decoding (torch,
beam and greedy), rows without terms untouched, terms inside markup, CTranslate2's method,
bad files before any model loads, and freshness when the glossary changes."""

import json

import pytest
from typer.testing import CliRunner

from tests.helpers import batch_args, count_skipped
from translate.cli import app
from translate.config import ModelSpec, TranslationOptions
from translate.engines.load import load_engine
from translate.glossary import read_glossary, realized, terms_in
from translate.stages.translation import Translator
from translate.text.document import parse

pytestmark = pytest.mark.slow
runner = CliRunner()

# Terms spelled with characters the tiny vocabulary knows; "Trump" is a keep-term that is
# also an English word
GLOSSARY = """Tweede Kamer\tHouse of Representatives
gemeenteraad\tcity council
minister-president\tminister
Trump
VVD
Schiphol
"""
ARTICLE = (
    "De Tweede Kamer stemde gisteren over de begroting. Het regende de hele dag in het land. "
    "De minister-president sprak met de gemeenteraad over Schiphol. Boeren protesteren al weken. "
    "De VVD wil dat Trump de Tweede Kamer bezoekt. Scholen krijgen geld."
)


@pytest.fixture
def glossary_file(tmp_path):
    path = tmp_path / "huisstijl.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def engine(tiny_marian):
    return load_engine(ModelSpec(str(tiny_marian)))


class Recording:
    """An engine wrapper that keeps each decoded row's token ids by its source ids."""

    def __init__(self, engine):
        self.engine, self.rows = engine, {}

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def generate(self, batch, settings):
        results = self.engine.generate(batch, settings)
        terms = settings.row_terms or [()] * len(batch)
        for row, result, held in zip(batch, results, terms, strict=True):
            self.rows[tuple(row)] = (result.token_ids, bool(held))
        return results


@pytest.mark.parametrize("beams", [4, 1])
def test_every_term_is_in_its_translation(engine, glossary_file, beams):
    glossary = read_glossary(glossary_file)
    translator = Translator(engine, TranslationOptions(beams=beams, glossary=glossary))
    document = parse(ARTICLE)
    result = translator.translate(document)
    held = 0
    for dutch, english in zip(document.sentences, result.translation.sentences, strict=True):
        for term in terms_in(glossary, dutch):
            assert realized(term.english, english), (term, english)
            held += 1
    assert held == 7  # one sentence with one term, two with three


def test_rows_without_terms_decode_token_for_token_as_without_a_glossary(engine, glossary_file):
    document = parse(ARTICLE)
    plain, constrained = Recording(engine), Recording(engine)
    Translator(plain, TranslationOptions(beams=4)).translate(document)
    options = TranslationOptions(beams=4, glossary=read_glossary(glossary_file))
    Translator(constrained, options).translate(document)
    free = [row for row, (_, held) in constrained.rows.items() if not held]
    assert len(free) == 3 and len(constrained.rows) == 6  # three sentences without terms
    assert all(constrained.rows[row] == plain.rows[row] for row in free)
    assert all(
        constrained.rows[row] != plain.rows[row] for row in constrained.rows if row not in free
    )


@pytest.mark.parametrize("beams", [4, 1])
def test_rows_with_terms_decode_alike_on_the_static_step(
    tiny_marian, glossary_file, monkeypatch, beams
):
    """On a GPU rows with terms decode over CUDA graphs too: the static step (forced here,
    on the CPU, without the capture) gives the eager step's tokens, terms and all."""
    from translate.engines.hf_loop import constraints, graphs

    steps = []
    search = constraints.constrained_beam

    def spied(step, *args):
        steps.append(type(step))
        return search(step, *args)

    monkeypatch.setattr(constraints, "constrained_beam", spied)
    options = TranslationOptions(beams=beams, glossary=read_glossary(glossary_file))
    rows = []
    for static in (False, True):
        monkeypatch.setattr(graphs, "GRAPHS", static)
        engine = load_engine(ModelSpec(str(tiny_marian)))
        recording = Recording(engine)
        Translator(recording, options).translate(parse(ARTICLE))
        rows.append(recording.rows)
        assert set(steps) == {graphs.GraphedStep if static else type(engine.loop.step)}
        steps.clear()
    assert rows[0] == rows[1]
    assert sum(held for _, held in rows[1].values()) == 3


def test_a_term_the_vocabulary_cannot_spell_is_a_finding(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("De Kamerleden en de Tweede Kamer.\n", encoding="utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text("Kamerleden\tMPs\nTweede Kamer\tHouse of Representatives\n", "utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--glossary", str(glossary))
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    record = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    applied = {a["english"]: a["realized"] for a in record["glossary"]["applied"]}
    assert applied == {"MPs": False, "House of Representatives": True}  # no "P" in the vocab
    (finding,) = [f for f in record["findings"] if f["kind"] == "glossary"]
    assert "'Kamerleden' (line 1)" in finding["message"]
    assert record["checks"]["glossary"] == 1
    assert record["glossary"]["sha256"] and record["glossary"]["entries"] == 2
    assert "glossary 1" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "kept"),
    [
        ("a.md", "Lees [het besluit van de Tweede Kamer](https://x.nl/b?c=1) nu.\n", "x.nl/b?c=1"),
        ("a.html", "<p>De <b>Tweede Kamer</b> en <a href='/t'>Trump</a>.</p>", "/t"),
    ],
)
def test_terms_inside_markup(tiny_marian, glossary_file, tmp_path, name, content, kept):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    out = tmp_path / ("out" + source.suffix)
    args = ["file", str(source), "--model", str(tiny_marian), "--offline", "--no-summary"]
    result = runner.invoke(app, [*args, "--glossary", str(glossary_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "House of Representatives" in text and kept in text
    if name.endswith(".html"):
        assert "Trump" in text


def test_a_bad_glossary_fails_before_any_model_loads(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("De Tweede Kamer.\n", encoding="utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_text("VVD\nTweede Kamer\tHouse\tof\n", encoding="utf-8")
    missing = str(tmp_path / "no-such-model")
    result = runner.invoke(app, ["file", str(source), "--model", missing, "--glossary", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {bad}:2: 3 columns; a line holds a Dutch term and, after a tab, its English "
        "(or nothing, to keep the term)"
    ]


def test_a_changed_glossary_redoes_the_articles(tiny_marian, tiny_bart, glossary_file, tmp_path):
    inbox, outbox = tmp_path / "inbox", tmp_path / "outbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    (inbox / "b.txt").write_text("Het regende. Scholen krijgen geld.\n", encoding="utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--glossary", str(glossary_file))
    assert runner.invoke(app, args).exit_code == 0
    assert count_skipped(runner.invoke(app, args).stderr) == 2
    # a comment changes nothing that decides a translation
    glossary_file.write_text("# reviewed\n" + GLOSSARY, encoding="utf-8")
    assert count_skipped(runner.invoke(app, args).stderr) == 2
    # one entry edited: every article is redone; the memory gives back every sentence but
    # the one holding the edited term, which is decoded again with the new term
    glossary_file.write_text(GLOSSARY.replace("\tminister\n", "\tpremier\n"), encoding="utf-8")
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and count_skipped(result.stderr) == 0
    record = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert record["counts"]["reused"] == 5
    assert {a["english"] for a in record["glossary"]["applied"]} >= {"premier"}
    assert all(a["realized"] for a in record["glossary"]["applied"])
    other = json.loads((outbox / "b.txt.json").read_text(encoding="utf-8"))
    assert other["counts"]["reused"] == 2 and other["glossary"]["applied"] == []


def test_ctranslate2_sends_rows_with_terms_to_the_torch_search(
    tiny_marian, tiny_bart, glossary_file, tmp_path, monkeypatch
):
    pytest.importorskip("ctranslate2")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE + "\n", encoding="utf-8")
    extra = ["--engine", "ctranslate2", "--glossary", str(glossary_file), "--no-summary"]
    args = batch_args(tiny_marian, tiny_bart, inbox, tmp_path / "out", *extra)
    assert runner.invoke(app, args).exit_code == 0
    record = json.loads((tmp_path / "out" / "a.txt.json").read_text(encoding="utf-8"))
    assert record["engine"] == "ctranslate2"
    assert len(record["glossary"]["applied"]) == 7
    assert all(a["realized"] for a in record["glossary"]["applied"])
    # Where torch cannot load the model, CTranslate2 decodes every row: terms are checked
    # only, and each one missing is a finding
    monkeypatch.setattr("translate.run.build._constrainer", lambda *a: None)
    args = batch_args(tiny_marian, tiny_bart, inbox, tmp_path / "unconstrained", *extra)
    assert runner.invoke(app, args).exit_code == 0
    record = json.loads((tmp_path / "unconstrained" / "a.txt.json").read_text("utf-8"))
    missing = [a for a in record["glossary"]["applied"] if not a["realized"]]
    assert missing and record["checks"]["glossary"] == len(missing)


@pytest.mark.parametrize("beams", [4, 1])
def test_web_addresses_are_held_as_written_without_a_glossary(engine, beams):
    """An address reaches the translation exactly as the source writes it (a constraint,
    as a glossary's kept term); rows without one decode as before, and so does one whose
    address the vocabulary cannot write (the tiny one has no "@")."""
    article = (
        "Meer staat op www.haven.nl voor iedereen. Het regende de hele dag. "
        "Mail de gemeente via info@haven.nl over de brug."
    )
    document = parse(article)
    recording = Recording(engine)
    result = Translator(recording, TranslationOptions(beams=beams)).translate(document)
    assert "www.haven.nl" in result.translation.sentences[0]
    assert engine.spells("www.haven.nl") and not engine.spells("info@haven.nl")
    assert sorted(held for _, held in recording.rows.values()) == [False, False, True]
