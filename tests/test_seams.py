"""The seams: stages without torch, the run core without files, freshness by identity, and
``translate file`` and ``translate batch`` giving the same bytes."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from tests.fakes import EchoEngine
from tests.helpers import FAST, SHORT, batch_args, count_skipped
from translate.cli import app
from translate.run.core import DONE, FAILED, Article, Pipeline
from translate.stages.summarization import Summarizer
from translate.stages.translation import Translator

runner = CliRunner()


def test_stages_and_run_core_never_import_torch():
    code = (
        "import sys\n"
        "import translate.stages.translation, translate.stages.summarization, translate.run.core\n"
        "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith('transformers')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_run_core_on_texts_with_the_echo_engine():
    pipeline = Pipeline(Translator(EchoEngine()), Summarizer(EchoEngine()))
    articles = [
        Article("a.txt", "Kop\n\nDe raad vergaderde. Het plan is klaar.\n"),
        Article("leeg.md", "```\ncode\n```\n", "markdown"),
        Article("b.md", "# Titel\n\n- een punt\n- nog een punt\n", "markdown"),
    ]
    results = pipeline.process(articles)
    assert [r.name for r in results] == ["a.txt", "leeg.md", "b.md"]
    assert [r.status for r in results] == [DONE, FAILED, DONE]
    assert results[1].reason == "leeg.md: no text to translate"
    assert results[0].translation == articles[0].text  # the echo engine returns its input
    assert results[2].translation == articles[2].text
    record = results[0].record
    assert record.counts.sentences == 3 and record.engine == "echo"
    assert record.settings == pipeline.settings
    # under 60 words: the English is its own summary, with a note
    assert results[0].summary == articles[0].text.strip() + "\n"
    assert "returned as its own summary" in record.warnings[-1]


@pytest.mark.slow
def test_file_and_batch_write_the_same_bytes(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox)).exit_code == 0
    english, summary = tmp_path / "file.en.txt", tmp_path / "file.summary.txt"
    models = ["--model", str(tiny_marian), "--summarizer", str(tiny_bart), "--offline"]
    result = runner.invoke(
        app,
        ["file", str(inbox / "a.txt"), "-o", str(english), "--summary-out", str(summary)]
        + models
        + FAST,
    )
    assert result.exit_code == 0, result.output
    assert english.read_bytes() == (outbox / "a.txt.en.txt").read_bytes()
    assert summary.read_bytes() == (outbox / "a.txt.summary.txt").read_bytes()
    printed = runner.invoke(app, ["file", str(inbox / "a.txt"), *models, *FAST])
    assert printed.stdout == (
        english.read_text(encoding="utf-8") + "\nSummary:\n" + summary.read_text(encoding="utf-8")
    )


@pytest.mark.slow
def test_freshness_follows_dtype_not_path_spelling(tiny_marian, tiny_bart, tmp_path, monkeypatch):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    first = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert first.exit_code == 0 and count_skipped(first.stderr) == 0
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert sidecar["settings"]["translation"]["dtype"] == "fp32"

    # Another dtype changes outputs: the article is redone
    redo = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--dtype", "int8"))
    assert redo.exit_code == 0, redo.output
    assert count_skipped(redo.stderr) == 0
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert sidecar["dtype"] == sidecar["settings"]["translation"]["dtype"] == "int8"

    # The same models by another spelling of their paths: current, skipped
    monkeypatch.chdir(tiny_marian.parent.parent)
    relative = [p.parent.name + "/" + p.name for p in (tiny_marian, tiny_bart)]
    assert relative[0] != str(tiny_marian)
    again = runner.invoke(
        app, batch_args(relative[0], relative[1], inbox, outbox, "--dtype", "int8")
    )
    assert again.exit_code == 0, again.output
    assert count_skipped(again.stderr) == 1
