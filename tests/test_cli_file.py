import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import INBOX
from translate.cli import app
from translate.formats import read_source
from translate.text.document import parse

pytestmark = pytest.mark.slow
runner = CliRunner()
LONG = INBOX / "achtergrond" / "dijken-van-morgen.txt"
SCRIPT = Path(sys.executable).with_name("translate")


def test_console_script_translates_long_article(tiny_marian, tmp_path):
    source = parse(read_source(LONG).text)
    assert source.words > 1500
    done = subprocess.run(
        [str(SCRIPT), "file", str(LONG), "--model", str(tiny_marian), "--no-summary"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    english = parse(done.stdout)
    assert len(english.paragraphs) == len(source.paragraphs)
    assert [len(p) for p in english.paragraphs] == [len(p) for p in source.paragraphs]
    # headings are lines of their own: same line count, same blank-line layout
    assert done.stdout.count("\n") == source.render().count("\n")


def test_output_file_and_stdin(tiny_marian, tmp_path):
    out = tmp_path / "en.txt"
    result = runner.invoke(
        app,
        ["file", "-", "--model", str(tiny_marian), "-o", str(out), "--no-summary"],
        input="Kop\n\nDe raad vergaderde dinsdag.\n".encode("cp1252"),
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert len(parse(out.read_text(encoding="utf-8")).paragraphs) == 2
    # --no-cuda-graphs is a runtime option of every command (a no-op on a CPU): same output
    again = tmp_path / "again.txt"
    arguments = ["file", "-", "--model", str(tiny_marian), "-o", str(again), "--no-summary"]
    result = runner.invoke(
        app, [*arguments, "--no-cuda-graphs"], input="Kop\n\nDe raad vergaderde dinsdag.\n"
    )
    assert result.exit_code == 0, result.output
    assert again.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_missing_model_offline_exit_2_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Hallo wereld.\n", encoding="utf-8")
    done = subprocess.run(
        [str(SCRIPT), "file", str(article), "--offline"], capture_output=True, text=True
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: model 'Helsinki-NLP/opus-mt-nl-en' not found")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "file is empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not text")],
)
def test_bad_input_one_line_error(tiny_marian, tmp_path, content, reason):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = runner.invoke(app, ["file", str(bad), "--model", str(tiny_marian)])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {bad}: {reason}"


SHORT = INBOX / "nieuws" / "brug-heropend.txt"


def _file(tiny_marian, tiny_bart, *args):
    return runner.invoke(
        app,
        ["file", str(SHORT), "--model", str(tiny_marian), "--summarizer", str(tiny_bart), *args],
    )


def test_prints_translation_then_summary(tiny_marian, tiny_bart):
    result = _file(tiny_marian, tiny_bart)
    assert result.exit_code == 0, result.output
    translation, summary = result.stdout.split("\n\nSummary:\n")
    assert len(parse(translation).paragraphs) == len(parse(read_source(SHORT).text).paragraphs)
    assert summary.strip()


def test_no_summary_and_summary_only(tiny_marian, tiny_bart):
    plain = _file(tiny_marian, tiny_bart, "--no-summary")
    assert plain.exit_code == 0 and "Summary:" not in plain.stdout
    only = _file(tiny_marian, tiny_bart, "--summary-only")
    assert only.exit_code == 0 and "Summary:" not in only.stdout
    assert len(only.stdout.strip().split("\n")) == 1  # not splitlines: random bytes hold \x1e
    assert only.stdout.strip() not in plain.stdout


def test_summary_out_and_output_files(tiny_marian, tiny_bart, tmp_path):
    result = _file(
        tiny_marian,
        tiny_bart,
        "-o",
        str(tmp_path / "en.txt"),
        "--summary-out",
        str(tmp_path / "s.txt"),
    )
    assert result.exit_code == 0 and result.stdout == ""
    assert (tmp_path / "en.txt").read_text(encoding="utf-8").strip()
    assert (tmp_path / "s.txt").read_text(encoding="utf-8").strip()


def test_conflicting_summary_flags(tiny_marian, tiny_bart):
    result = _file(tiny_marian, tiny_bart, "--no-summary", "--summary-only")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --no-summary cannot be combined")


def test_output_that_is_the_source_or_a_folder_is_refused(tiny_marian, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("De raad vergaderde dinsdag.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    for target, reason in (
        (article, "is the source article"),
        (link, "is the source article"),
        (tmp_path, "is a folder"),
    ):
        result = runner.invoke(
            app,
            ["file", str(article), "-o", str(target), "--model", str(tiny_marian), "--no-summary"],
        )
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"error: {target}: {reason}")
    assert article.read_text(encoding="utf-8") == "De raad vergaderde dinsdag.\n"
