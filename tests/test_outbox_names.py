"""Output names that cannot collide, very long names, symlinks out of the inbox, orphans."""

import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import (
    SHORT,
    batch_args,
    count_skipped,
    finish_times,
    numbered_article,
    output_kinds,
)
from translate.cli import app
from translate.outputs.outbox import NAME_MAX, Outputs, orphans, output_name, scan

runner = CliRunner()


def test_output_names_keep_the_whole_source_name():
    outputs = Outputs.for_source(Path("out"), Path("regio/a.md"))
    assert outputs.translation == Path("out/regio/a.md.en.md")  # Markdown stays Markdown
    assert outputs.summary == Path("out/regio/a.md.summary.txt")
    assert outputs.sidecar == Path("out/regio/a.md.json")
    assert outputs.error == Path("out/regio/a.md.error.txt")
    names = set()
    for source in ("a.txt", "a.md", "a.txt.en.txt", "a.en.txt", "a.summary.txt", "a"):
        for path in vars(Outputs.for_source(Path("o"), Path(source))).values():
            assert path.name not in names, path
            names.add(path.name)


def test_names_over_the_limit_are_shortened_with_a_hash():
    long = "é" * 130 + ".txt"  # 264 bytes: the source name alone is over the limit
    short = output_name(long, ".summary.txt")
    assert len(short.encode()) <= NAME_MAX and short.endswith(".summary.txt")
    assert short == output_name(long, ".summary.txt")  # stable across runs
    assert short != output_name("é" * 131 + ".txt", ".summary.txt")  # distinct sources
    assert output_name("a.txt", ".json") == "a.txt.json"


@pytest.mark.slow
def test_same_stem_sources_both_get_stable_outputs(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text("De brug is open.\n", encoding="utf-8")
    (inbox / "a.md").write_text("# Kaas\n\nDe kaas is oud.\n", encoding="utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox)
    assert runner.invoke(app, args).exit_code == 0
    assert output_kinds(outbox) == {
        "a.txt": {"en.txt", "summary.txt", "json"},
        "a.md": {"en.md", "summary.txt", "json"},
    }
    for name, source in (("a.txt.json", "a.txt"), ("a.md.json", "a.md")):
        assert json.loads((outbox / name).read_text(encoding="utf-8"))["source"]["path"] == source
    assert (outbox / "a.md.en.md").read_text(encoding="utf-8").startswith("# ")
    stamps = finish_times(outbox)
    for _ in range(2):  # the outbox settles: every rerun skips both
        again = runner.invoke(app, args)
        assert again.exit_code == 0 and count_skipped(again.stderr) == 2
    assert finish_times(outbox) == stamps


@pytest.mark.slow
def test_a_246_character_name_is_translated_and_skipped_after(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    long = inbox / ("bericht-" * 31)[:246]
    long = long.with_name(long.name + ".txt")
    long.write_text(SHORT, encoding="utf-8")
    (inbox / "kort.txt").write_text(numbered_article(1), encoding="utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "4")
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    names = sorted(p.name for p in outbox.iterdir() if not p.name.startswith("."))
    assert len(names) == 6 and all(len(n.encode()) <= NAME_MAX for n in names)
    sidecar = Outputs.for_source(outbox, Path(long.name)).sidecar
    assert json.loads(sidecar.read_text(encoding="utf-8"))["source"]["path"] == long.name
    assert "retrying one by one" not in first.stderr
    assert not list(outbox.glob(".*.tmp"))
    again = runner.invoke(app, args)
    assert again.exit_code == 0 and count_skipped(again.stderr) == 2


@pytest.mark.slow
def test_symlinks_out_of_the_inbox_are_skipped_unless_asked(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elders.txt"
    (inbox / "sub").mkdir(parents=True)
    elsewhere.write_text("Dit bestand staat buiten de inbox.\n", encoding="utf-8")
    (inbox / "echt.txt").write_text(numbered_article(1), encoding="utf-8")
    (inbox / "naar-buiten.txt").symlink_to(elsewhere)
    (inbox / "binnen.txt").symlink_to(inbox / "echt.txt")  # inside: read
    (inbox / "sub" / "lus").symlink_to(inbox, target_is_directory=True)  # a loop: not followed
    (inbox / "kapot.txt").symlink_to(tmp_path / "weg.txt")  # dangling: not a file

    found = scan(inbox, ("*.txt",))
    assert [str(p) for p in found.sources] == ["binnen.txt", "echt.txt"]
    assert [str(p) for p, _ in found.passed_over] == ["naar-buiten.txt"]

    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert result.exit_code == 0, result.output
    assert (
        f"skipped naar-buiten.txt: a symlink to {elsewhere.resolve()}, outside the inbox "
        "(--follow-symlinks to read it)"
    ) in result.stderr
    assert set(output_kinds(outbox)) == {"binnen.txt", "echt.txt"}

    followed = runner.invoke(
        app, [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--follow-symlinks"]
    )
    assert followed.exit_code == 0, followed.output
    assert set(output_kinds(outbox)) == {"binnen.txt", "echt.txt", "naar-buiten.txt"}


def test_orphans_are_outputs_of_no_current_source(tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    (inbox / "regio").mkdir(parents=True)
    (inbox / "regio" / "b.txt").write_text("x", encoding="utf-8")
    (outbox / "regio").mkdir(parents=True)
    for name in ("b.txt.en.txt", "b.txt.json", "weg.txt.json", "weg.txt.error.txt", "b.en.txt"):
        (outbox / "regio" / name).write_text("x", encoding="utf-8")
    (outbox / "notities.csv").write_text("x", encoding="utf-8")  # not ours: not judged
    (outbox / "run.json").write_text("{}", encoding="utf-8")
    found = orphans(inbox, outbox, keep=[outbox / "run.json"])
    assert [str(p) for p in found] == [
        "regio/b.en.txt",
        "regio/weg.txt.error.txt",
        "regio/weg.txt.json",
    ]


@pytest.mark.slow
def test_a_run_notes_orphans_and_keeps_them(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(numbered_article(1), encoding="utf-8")
    (inbox / "b.txt").write_text("", encoding="utf-8")  # fails: gets an error file
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox)
    assert runner.invoke(app, args).exit_code == 1
    (inbox / "b.txt").unlink()
    (inbox / "a.txt").rename(inbox / "c.txt")
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (
        "note: 4 outputs in the outbox have no source in the inbox (a.txt.en.txt, a.txt.json, "
        "a.txt.summary.txt and 1 more); kept: delete them if they are no longer wanted"
    ) in result.stderr
    assert (outbox / "b.txt.error.txt").is_file() and (outbox / "a.txt.en.txt").is_file()


@pytest.mark.slow
def test_table_shows_loading_and_total_and_fp16_on_cpu_warns(
    tiny_marian, tiny_bart, tmp_path, caplog
):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(numbered_article(1), encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(
        app,
        [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--device", "cpu", "--dtype", "fp16"],
    )
    assert result.exit_code == 0, result.output
    warnings = [r for r in caplog.records if "--dtype fp16 on the CPU" in r.getMessage()]
    assert len(warnings) == 1  # once, though two models load
    header = next(line for line in result.stderr.splitlines() if "loading" in line)
    assert "work" in header and "total" in header
    row = result.stderr.splitlines()[result.stderr.splitlines().index(header) + 2]
    cells = [c.strip() for c in row.strip("│ ").split("│")]
    loading, work, total = (float(c.rstrip("s")) for c in cells[7:10])  # after "reused"
    assert loading > 0 and abs(loading + work - total) <= 0.11
    assert total <= time.perf_counter() - started + 0.05  # the table rounds to 0.1 s


def test_progress_learns_each_windows_segment_total(monkeypatch):
    from translate.cli.views import BatchView

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    view = BatchView(3)
    if view._progress is None:
        pytest.skip("no terminal progress here")
    view.segments_done(0, 10)
    view.segments_done(4)
    task = view._progress.tasks[view._segments]
    assert (task.completed, task.total) == (4, 10)
    view.segments_done(6)
    view.segments_done(0, 5)  # the next window: done and total of the run so far
    task = view._progress.tasks[view._segments]
    assert (task.completed, task.total) == (10, 15)


@pytest.mark.slow
def test_full_outbox_still_writes_the_json_report(tiny_marian, tiny_bart, tmp_path, monkeypatch):
    import errno

    inbox, outbox, report = tmp_path / "in", tmp_path / "out", tmp_path / "run.json"
    inbox.mkdir()
    for i in range(3):
        (inbox / f"art{i}.txt").write_text(numbered_article(i), encoding="utf-8")
    real_write = Outputs.write
    calls = []

    def write(self, *args):
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, *args)

    monkeypatch.setattr(Outputs, "write", write)
    result = runner.invoke(
        app,
        batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "1", "--json", str(report)),
    )
    assert result.exit_code == 2
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["interrupted"] is True and "No space left on device" in data["stopped"]
    assert [a["source"] for a in data["articles"]] == ["art0.txt"]
    assert os.path.exists(outbox / "art0.txt.json")
