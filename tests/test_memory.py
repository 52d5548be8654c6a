"""Translate each sentence once: duplicates in a window, the translation memory across runs
(an edited article sends only its changed paragraph to the model), memory keys, a killed
run, two runs sharing one memory, a corrupt memory file, the TMX export, Ray."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from lxml import etree
from typer.testing import CliRunner

from tests.fakes import EchoEngine
from tests.helpers import batch_args
from translate.cli import app
from translate.engines.torch import TorchEngine
from translate.run.core import Article, Pipeline
from translate.stages.translation import Translator

pytestmark = pytest.mark.slow
runner = CliRunner()
SCRIPT = os.path.join(os.path.dirname(sys.executable), "translate")
PARAGRAPHS = [
    "De gemeenteraad vergaderde dinsdag over het nieuwe plan. Het plan kost veel geld.",
    "De wethouder wil de brug volgend jaar vernieuwen. Bewoners zijn daar blij mee.",
    "Lees ook: ons dossier over de binnenstad.",
]


def _article(edit: str = "") -> str:
    paragraphs = list(PARAGRAPHS)
    if edit:
        paragraphs[1] = edit
    return "\n\n".join(paragraphs) + "\n"


def test_duplicates_in_a_window_are_decoded_once():
    engine = EchoEngine()
    pipeline = Pipeline(Translator(engine), language_check="nl")
    text = "Lees ook: het dossier.\n\nDe raad vergaderde.\n\nLees  ook: het dossier.\n"
    results = pipeline.process(
        [Article("a.txt", text), Article("b.txt", "Lees ook: het dossier.\n")]
    )
    sent = [row for batch in engine.batches for row in batch]
    assert sorted(sent) == ["De raad vergaderde.", "Lees ook: het dossier."]
    assert [r.record.counts.duplicates for r in results] == [1, 1]
    assert [r.record.counts.segments for r in results] == [2, 0]  # decoded rows only
    assert (
        results[0].translation
        == "Lees ook: het dossier.\n\nDe raad vergaderde.\n\nLees ook: het dossier.\n"
    )


@pytest.fixture
def counted(monkeypatch):
    """Rows of first decodes (retries of runaway rows aside) the torch engine is asked for."""
    rows: list[int] = []
    real = TorchEngine.generate

    def generate(self, batch, settings):
        if settings.repetition_penalty is None:
            rows.append(len(batch))
        return real(self, batch, settings)

    monkeypatch.setattr(TorchEngine, "generate", generate)
    return rows


def test_an_edited_article_sends_only_its_changed_paragraph(
    tiny_marian, tiny_bart, tmp_path, counted
):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(_article(), encoding="utf-8")
    (inbox / "b.txt").write_text(PARAGRAPHS[2] + "\n\nEen ander bericht over de haven.\n", "utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--no-summary")
    assert runner.invoke(app, args).exit_code == 0
    assert sum(counted) == 6  # 5 + 2 sentences, the shared "Lees ook" line decoded once
    before = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    counted.clear()
    edit = "De wethouder wil de brug dit jaar nog vernieuwen. Bewoners zijn daar blij mee."
    (inbox / "a.txt").write_text(_article(edit), encoding="utf-8")
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert sum(counted) == 1  # only the changed sentence; the rest came from the memory
    after = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert after["counts"]["segments"] == 1 and after["counts"]["reused"] == 4
    table = next(line for line in again.stderr.splitlines() if "reused" in line)
    assert table  # the run table's column
    unchanged = [0, 1, 3, 4]
    for i in unchanged:
        assert after["sentences"][i]["translation"] == before["sentences"][i]["translation"]
        assert after["sentences"][i]["score"] == before["sentences"][i]["score"]
    # Another beam size is another translation: the memory has none of it
    counted.clear()
    other = runner.invoke(app, [*args, "--beams", "2", "--force"])
    assert other.exit_code == 0 and sum(counted) == 6
    counted.clear()
    off = runner.invoke(app, [*args, "--force", "--no-memory"])
    assert off.exit_code == 0 and sum(counted) == 6


def test_a_corrupt_memory_is_one_warning_and_the_run_goes_on(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(_article(), encoding="utf-8")
    broken = outbox / ".translate" / "memory.sqlite"
    broken.parent.mkdir(parents=True)
    broken.write_bytes(b"this is not a database" * 100)
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert result.exit_code == 0, result.output
    assert "translation memory cannot be used" in result.stderr
    assert (outbox / "a.txt.en.txt").is_file()


def test_memory_export_and_stats(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(_article(), encoding="utf-8")
    assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox)).exit_code == 0
    tmx, lines = tmp_path / "m.tmx", tmp_path / "m.jsonl"
    exported = runner.invoke(
        app, ["memory", "export", "--outbox", str(outbox), "--tmx", str(tmx), "--jsonl", str(lines)]
    )
    assert exported.exit_code == 0, exported.output
    units = etree.parse(str(tmx)).getroot().findall("body/tu")
    assert len(units) == 5
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    first = {v.get(lang): v.findtext("seg") for v in units[0].findall("tuv")}
    assert set(first) == {"nl", "en"} and first["nl"] in _article()
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5 and records[0]["settings"]["beams"] == 1
    stats = runner.invoke(app, ["memory", "stats", "--outbox", str(outbox), "--json"])
    data = json.loads(stats.stdout)
    assert data["entries"] == 5 and data["last_run"]["lookups"] == 5
    pruned = runner.invoke(app, ["memory", "prune", "--older-than", "30d", "--outbox", str(outbox)])
    assert pruned.exit_code == 0 and "0 entries removed" in pruned.stderr
    bad = runner.invoke(app, ["memory", "prune", "--older-than", "soon", "--outbox", str(outbox)])
    assert bad.exit_code == 2
    missing = runner.invoke(app, ["memory", "stats", "--outbox", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no translation memory there" in missing.stderr


def test_an_english_sentence_kept_as_it_was_is_not_remembered(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    quote = '"We will not give up on this fight for a better future," said the minister.'
    (inbox / "a.txt").write_text(_article() + "\n" + quote + "\n", encoding="utf-8")
    assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox)).exit_code == 0
    sidecar = json.loads((outbox / "a.txt.json").read_text(encoding="utf-8"))
    assert [f["sentence"] for f in sidecar["findings"] if f["kind"] == "english"] == [5]
    assert quote in (outbox / "a.txt.en.txt").read_text(encoding="utf-8")
    stats = runner.invoke(app, ["memory", "stats", "--outbox", str(outbox), "--json"])
    assert json.loads(stats.stdout)["entries"] == 5  # the five Dutch sentences only


def _command(tiny_marian, tiny_bart, inbox, outbox, *extra):
    return [SCRIPT, *batch_args(tiny_marian, tiny_bart, inbox, outbox, *extra)]


def test_two_runs_share_one_memory_at_once(tiny_marian, tiny_bart, tmp_path):
    memory = tmp_path / "shared.sqlite"
    runs = []
    for name in ("a", "b"):
        inbox = tmp_path / f"in-{name}"
        inbox.mkdir()
        for i in range(4):
            (inbox / f"{i}.txt").write_text(_article(f"Bericht {name} {i} over de haven."), "utf-8")
        command = _command(tiny_marian, tiny_bart, inbox, tmp_path / f"out-{name}", "--window", "1")
        runs.append(subprocess.Popen([*command, "--memory", str(memory)], stderr=subprocess.PIPE))
    said = []
    for run in runs:
        _, stderr = run.communicate(timeout=300)
        assert run.returncode == 0, stderr.decode()
        said.append(stderr.decode())
    stats = runner.invoke(app, ["memory", "stats", "--memory", str(memory), "--json"])
    noted = [line for text in said for line in text.splitlines() if "memory" in line]
    assert json.loads(stats.stdout)["entries"] == 3 + 2 * 4, noted  # shared sentences once


def test_a_killed_run_leaves_a_usable_memory(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for i in range(12):
        (inbox / f"{i:02}.txt").write_text(
            _article(f"Bericht {i} over de haven van vandaag."), "utf-8"
        )
    run = subprocess.Popen(
        _command(tiny_marian, tiny_bart, inbox, outbox, "--window", "1"), stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not list(outbox.glob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    again = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert again.exit_code == 0, again.output
    assert len(list(outbox.glob("*.en.txt"))) == 12
    stats = runner.invoke(app, ["memory", "stats", "--outbox", str(outbox), "--json"])
    assert json.loads(stats.stdout)["entries"] == 3 + 12  # shared sentences once, one each


def test_an_article_is_remembered_before_its_outputs_are_written(
    tiny_marian, tiny_bart, tmp_path, monkeypatch
):
    """The order the killed run above relies on, without its timing: when an article's
    outputs land, its sentences are in the memory already."""
    import sqlite3

    from translate.outputs.outbox import Outputs

    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for i in range(2):
        (inbox / f"{i}.txt").write_text(_article(f"Bericht {i} over de haven."), "utf-8")
    real_write, seen = Outputs.write, []

    def write(self, *args):
        with sqlite3.connect(outbox / ".translate" / "memory.sqlite") as db:
            seen.append(db.execute("SELECT COUNT(*) FROM entries").fetchone()[0])
        return real_write(self, *args)

    monkeypatch.setattr(Outputs, "write", write)
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "1")
    assert runner.invoke(app, args).exit_code == 0
    assert seen == [3 + 1, 3 + 2]  # the shared sentences and each article's own


def test_ray_with_the_memory_gives_the_local_outputs(tiny_marian, tiny_bart, tmp_path):
    pytest.importorskip("ray")
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(_article(), encoding="utf-8")
    (inbox / "b.txt").write_text(_article("Een ander bericht over de haven."), encoding="utf-8")
    memory = tmp_path / "m.sqlite"
    local, remote = tmp_path / "local", tmp_path / "ray"
    assert (
        runner.invoke(
            app, [*batch_args(tiny_marian, tiny_bart, inbox, local), "--memory", str(memory)]
        ).exit_code
        == 0
    )
    result = runner.invoke(
        app,
        [
            *batch_args(tiny_marian, tiny_bart, inbox, remote),
            "--memory",
            str(memory),
            "--ray",
            "local",
        ],
    )
    assert result.exit_code == 0, result.output
    for name in ("a.txt.en.txt", "b.txt.en.txt"):
        assert (remote / name).read_bytes() == (local / name).read_bytes()
    sidecar = json.loads((remote / "a.txt.json").read_text(encoding="utf-8"))
    assert sidecar["counts"]["reused"] == 5 and sidecar["counts"]["segments"] == 0


_RACE = """
import sys, time
from pathlib import Path
from translate.memory import Entry, TranslationMemory, memory_key
start = float(sys.argv[3])
while time.time() < start:
    pass
memory = TranslationMemory(Path(sys.argv[1]))
key = memory_key({"model": "x"})
for i in range(20):
    memory.lookup(key, [f"s{j}" for j in range(10)])
    memory.store(key, [Entry(f"{sys.argv[2]}-{i}", "t"), Entry("shared", "t")])
memory.close()
"""


def test_two_processes_creating_one_memory_at_once_lose_nothing(tmp_path):
    import sqlite3

    # Before every write took the lock up front (and the first open was retried), one of
    # the two failed with "database is locked" within these twelve tries, every time
    for attempt in range(12):
        path = tmp_path / f"race-{attempt}.sqlite"
        start = str(time.time() + 0.4)
        runs = [
            subprocess.Popen([sys.executable, "-c", _RACE, str(path), who, start])
            for who in ("a", "b")
        ]
        assert [run.wait(timeout=60) for run in runs] == [0, 0]
        with sqlite3.connect(path) as db:
            assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 41


def test_a_sentence_with_an_address_has_a_key_of_its_own():
    """Addresses are held as written: a translation remembered without that (another
    version, or an engine that did not hold them) is not reused for one that must."""
    from pathlib import Path
    from types import SimpleNamespace

    from translate.memory.store import memory_key
    from translate.run.files import ArticleFiles

    settings = {"translation": {"model": "m", "beams": 4}}
    run = SimpleNamespace(settings=settings, glossary=None)
    files = ArticleFiles(SimpleNamespace(inbox=Path(".")), run)
    sentences = ["De brug is open.", "Zie www.haven.nl voor meer.", "Het regent."]
    keys = files._keys(sentences)
    plain = memory_key(settings["translation"])
    assert keys[plain] == [0, 2]
    (other,) = [k for k in keys if k != plain]
    assert keys[other] == [1]
    assert other == memory_key(settings["translation"], [("www.haven.nl", "www.haven.nl")])
