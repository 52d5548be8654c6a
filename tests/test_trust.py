"""Where the checks show: ``translate check`` on pairs made elsewhere, ``--strict``, the
review page's flagged sentences, and the sidecar's sentences and counts."""

import json

import lxml.html
import pytest
from typer.testing import CliRunner

from tests.fakes import EchoEngine
from tests.helpers import SHORT, batch_args
from translate.cli import app
from translate.outputs.review import review_page
from translate.run.core import Article, Pipeline
from translate.stages.translation import Translator

runner = CliRunner()
GOOD = ("De trein naar Brussel vertrekt om 8.15 uur.", "The train to Brussels leaves at 8:15.")
BAD = (
    "Bij de verkiezingen haalde de partij 24 zetels.",
    "The party won 34 seats in the elections.",
)


def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def test_check_on_jsonl_prints_flagged_lines_and_exits_1(tmp_path):
    pairs = _jsonl(
        tmp_path / "pairs.jsonl",
        [
            {"source": GOOD[0], "translation": GOOD[1], "id": "a"},
            {"source": BAD[0], "translation": BAD[1], "id": "b"},
        ],
    )
    result = runner.invoke(app, ["check", str(pairs)])
    assert result.exit_code == 1
    assert result.stdout == "line 2: numbers: 24 in the source, 34 in the translation\n"
    assert "1 of 2 pairs flagged" in result.stderr
    as_json = runner.invoke(app, ["check", str(pairs), "--json"])
    lines = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]  # other fields passed through
    assert lines[0]["flags"] == []
    assert lines[1]["flags"] == [
        {"kind": "numbers", "detail": "numbers: 24 in the source, 34 in the translation"}
    ]
    clean = _jsonl(tmp_path / "clean.jsonl", [{"source": GOOD[0], "translation": GOOD[1]}])
    assert runner.invoke(app, ["check", str(clean)]).exit_code == 0


def test_check_on_two_parallel_files(tmp_path):
    (tmp_path / "nl.txt").write_text(f"{GOOD[0]}\n{BAD[0]}\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(f"{GOOD[1]}\n{BAD[1]}\n", encoding="utf-8")
    args = ["check", "--source", str(tmp_path / "nl.txt"), "--translation"]
    result = runner.invoke(app, [*args, str(tmp_path / "en.txt")])
    assert result.exit_code == 1 and result.stdout.startswith("line 2: numbers:")
    (tmp_path / "short.txt").write_text(f"{GOOD[1]}\n", encoding="utf-8")
    uneven = runner.invoke(app, [*args, str(tmp_path / "short.txt")])
    assert uneven.exit_code == 2 and "has 2 lines" in uneven.stderr


@pytest.mark.parametrize(
    "content,message",
    [
        ('{"source": "De brug."}\n', "line 1: no 'translation' text"),
        ('{"source": "a", "translation": "b"}\nnot json\n', "line 2: not JSON"),
        ('["a", "b"]\n', "line 1: not a JSON object"),
    ],
)
def test_check_refuses_bad_input_naming_the_line(tmp_path, content, message):
    path = tmp_path / "pairs.jsonl"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {path}: {message}" or message in result.stderr


@pytest.mark.slow
def test_check_with_a_model_scores_every_pair(tiny_marian, tmp_path):
    rows = [{"source": GOOD[0], "translation": GOOD[1]}] * 3
    pairs = _jsonl(tmp_path / "pairs.jsonl", rows)
    result = runner.invoke(app, ["check", str(pairs), "--json", "--model", str(tiny_marian)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(isinstance(line["score"], float) and line["score"] < 0 for line in lines)


def _flagged_pipeline() -> tuple[Pipeline, Article]:
    # The echo engine returns the Dutch: "3,4" read as English is 34, and it is untranslated
    text = (
        "Kop van het stuk\n\nDe brug is open. Het kost 3,4 miljoen euro.\n\nDe raad vergaderde.\n"
    )
    return Pipeline(Translator(EchoEngine()), language_check="nl"), Article("a.txt", text)


def test_the_review_page_marks_flagged_sentences_first_and_in_place():
    pipeline, article = _flagged_pipeline()
    (result,) = pipeline.process([article])
    record = result.record
    flagged = {f.sentence for f in record.findings if f.kind in ("numbers", "untranslated")}
    assert 2 in flagged  # "Het kost 3,4 miljoen euro."
    assert record.checks["untranslated"] >= 1
    page = lxml.html.fromstring(review_page("a.txt", result.pairs, None, record))
    (first,) = page.find_class("first")
    items = {int(li.get("data-sentence")): li for li in first.iter("li")}
    assert set(items) == flagged
    assert items[2].find("a").get("href") == "#p2"  # the second paragraph holds sentence 3
    assert "numbers" in items[2].text_content()
    span = next(s for s in page.iter("span") if s.get("data-sentence") == "2")
    assert (
        "flag" in span.get("class")
        and span.get("title").startswith("mean log-probability") is False
    )
    assert span.text_content() == "Het kost 3,4 miljoen euro."
    sentences = record.to_json()["sentences"]
    assert [s["source"] for s in sentences] == [
        "Kop van het stuk",
        "De brug is open.",
        "Het kost 3,4 miljoen euro.",
        "De raad vergaderde.",
    ]
    assert "numbers" in sentences[2]["findings"]


@pytest.mark.slow
def test_strict_fails_flagged_articles_but_writes_their_outputs(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")  # random weights: flagged
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--strict")
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "a.txt: --strict:" in result.stderr
    assert (outbox / "a.txt.en.txt").is_file() and (outbox / "a.txt.json").is_file()
    assert "--strict" in (outbox / "a.txt.error.txt").read_text(encoding="utf-8")
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    # random weights run every sentence to its cap: each was decoded once more, and recorded
    assert all(s["retry"] is not None and "score" in s["retry"] for s in sidecar["sentences"])
    assert all(isinstance(s["score"], float) for s in sidecar["sentences"])
    assert sum(sidecar["checks"].values()) > 0
    again = runner.invoke(app, args)  # current, but still flagged: failed again, not redone
    assert again.exit_code == 1 and "a.txt: --strict:" in again.stderr
    relaxed = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert relaxed.exit_code == 0 and not (outbox / "a.txt.error.txt").exists()
    assert "flagged" in result.stderr  # the run table's column
