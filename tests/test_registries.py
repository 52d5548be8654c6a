"""The two registries a feature plugs into, each proved by a fake registered here and nowhere
else: a new format (one module's worth of code plus one registration) works end to end in
``translate batch`` and ``translate file``; a new finding kind produced by a new check
reaches the sidecar, the run table, the JSON report, the review page (at its sentence) and
``index.html``."""

import json

import lxml.html
import pytest
from typer.testing import CliRunner

from tests.fakes import EchoEngine
from tests.helpers import FAST, batch_args
from translate import checks, findings, formats
from translate.cli import app
from translate.findings import Finding
from translate.formats import Format, Written
from translate.run.core import DONE, Article, Pipeline
from translate.stages.translation import Translator
from translate.text.document import Document, parse

runner = CliRunner()
MARK = "<<translated from .nl>>\n"


class MarkedLayout:
    """Plain text, written back with a marker line on top."""

    def __init__(self, text: str, name: str):
        self.document = parse(text)
        self.findings = ()

    def write(self, english: Document) -> Written:
        return Written(MARK + english.render())


@pytest.fixture
def nl_format(monkeypatch):
    monkeypatch.setattr(formats, "FORMATS", dict(formats.FORMATS))
    formats.register(Format("nl-text", (".nl",), MarkedLayout, output_suffix=".txt"))


def test_registry_lookups_and_refusals(nl_format):
    assert formats.format_for("stuk.NL").name == "nl-text"  # suffixes in any case
    assert formats.format_for("a.htm").name == "html"
    assert formats.format_for("notes.csv").name == "text"  # unclaimed: plain text
    assert "*.nl" in formats.default_patterns()
    assert formats.format_for("a.nl").translation_suffix(".nl") == ".en.txt"
    assert formats.format_for("a.md").translation_suffix(".md") == ".en.md"
    with pytest.raises(ValueError, match="read by 'nl-text'"):
        formats.register(Format("other", (".nl",), MarkedLayout))
    with pytest.raises(ValueError, match="must be like"):
        formats.register(Format("upper", (".DOC",), MarkedLayout))


def test_a_registered_format_runs_through_the_run_core(nl_format):
    pipeline = Pipeline(Translator(EchoEngine()), language_check="nl")
    (result,) = pipeline.process([Article("a.nl", "Kop\n\nDe brug is open.\n", "nl-text")])
    assert result.status == DONE
    assert result.translation == MARK + "Kop\n\nDe brug is open.\n"
    assert result.record.format == "nl-text"


@pytest.mark.slow
def test_a_registered_format_in_batch_and_file(nl_format, tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "bericht.nl").write_text("Kop\n\nDe brug is weer open.\n", encoding="utf-8")
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert result.exit_code == 0, result.output
    translation = (outbox / "bericht.nl.en.txt").read_text(encoding="utf-8")
    assert translation.startswith(MARK) and len(translation.splitlines()) == 4
    sidecar = json.loads((outbox / "bericht.nl.json").read_text(encoding="utf-8"))
    assert sidecar["format"] == "nl-text" and sidecar["counts"]["sentences"] == 2
    assert (outbox / "bericht.nl.summary.txt").is_file()

    english = tmp_path / "file.txt"
    models = ["--model", str(tiny_marian), "--summarizer", str(tiny_bart), "--offline"]
    printed = runner.invoke(
        app, ["file", str(inbox / "bericht.nl"), "-o", str(english)] + models + FAST
    )
    assert printed.exit_code == 0, printed.output
    assert english.read_text(encoding="utf-8") == translation


def _brug(sentence: checks.Sentence):
    """A fake check: every sentence about a bridge."""
    if "brug" in sentence.source:
        yield Finding("fake", f"sentence {sentence.index + 1} mentions a bridge", data={"n": 1})


@pytest.fixture
def fake_check(monkeypatch):
    monkeypatch.setitem(findings.KINDS, "fake", "a test's own finding")
    monkeypatch.setattr(checks, "CHECKS", (_brug,))


ARTICLE = "Kop\n\nDe brug is open. Het weer is goed.\n\nEen andere alinea over de brug.\n"


@pytest.mark.slow
def test_a_new_finding_kind_reaches_every_output(fake_check, tiny_marian, tiny_bart, tmp_path):
    inbox, outbox, report = tmp_path / "in", tmp_path / "out", tmp_path / "run.json"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLE, encoding="utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--review", "--json", str(report))
    result = runner.invoke(app, [*args, "--force-language", "nl"])
    assert result.exit_code == 0, result.output

    # The sidecar: each finding with its kind and sentence
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    fake = [f for f in sidecar["findings"] if f["kind"] == "fake"]
    assert fake == [
        {
            "kind": "fake",
            "sentence": 1,
            "message": "sentence 2 mentions a bridge",
            "data": {"n": 1},
        },
        {
            "kind": "fake",
            "sentence": 3,
            "message": "sentence 4 mentions a bridge",
            "data": {"n": 1},
        },
    ]
    assert sidecar["warnings"] == [f["message"] for f in sidecar["findings"]]

    # The run table and the JSON report count them per kind
    assert "fake 2" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["totals"]["findings"]["fake"] == 2
    assert data["articles"][0]["finding_counts"]["fake"] == 2

    # The review page puts each beside the paragraph of its sentence, by index
    page = lxml.html.fromstring((outbox / "a.txt.review.html").read_text(encoding="utf-8"))
    notes = {
        div.get("id"): [
            n.text_content() for n in div.find_class("note") if n.get("data-kind") == "fake"
        ]
        for div in page.find_class("pair")
    }
    assert notes == {
        "p1": [],
        "p2": ["⚠ sentence 2 mentions a bridge"],
        "p3": ["⚠ sentence 4 mentions a bridge"],
    }
    # And index.html counts them
    assert "fake 2" in (outbox / "index.html").read_text(encoding="utf-8")


def test_an_undeclared_kind_is_refused():
    with pytest.raises(ValueError, match="declare it in KINDS"):
        Finding("made-up", "no such kind")
