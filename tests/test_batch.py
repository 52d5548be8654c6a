import json
import os
import signal
import subprocess
import sys
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

pytestmark = pytest.mark.slow
runner = CliRunner()
SCRIPT = Path(sys.executable).with_name("translate")


def test_nested_inbox_outputs_skip_touch_force(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    for rel in ["a.txt", "regio/b.txt", "regio/noord/c.md", "regio/noord/d.txt"]:
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_text(SHORT if rel == "a.txt" else numbered_article(len(rel)), "utf-8")
    (inbox / "notes.csv").write_text("not an article", encoding="utf-8")
    args = batch_args(tiny_marian, tiny_bart, inbox, outbox)

    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    outputs = output_kinds(outbox)
    assert set(outputs) == {"a.txt", "regio/b.txt", "regio/noord/c.md", "regio/noord/d.txt"}
    assert outputs.pop("regio/noord/c.md") == {"en.md", "summary.txt", "json"}
    assert all(kinds == {"en.txt", "summary.txt", "json"} for kinds in outputs.values())
    sidecar = json.loads((outbox / "regio" / "b.txt.json").read_text(encoding="utf-8"))
    assert sidecar["source"]["path"] == "regio/b.txt"
    assert sidecar["source"]["encoding"] == "utf-8"
    assert sidecar["counts"]["sentences"] == 3 and sidecar["device"] == "cpu"
    assert sidecar["models"]["translation"] == str(tiny_marian)
    assert sidecar["settings"]["translation"]["model"].startswith("sha256:")
    assert sidecar["engine"] == sidecar["settings"]["translation"]["engine"] == "torch"
    assert len(sidecar["source"]["sha256"]) == 64
    stamps = finish_times(outbox)

    time.sleep(1.1)  # sidecar times have one-second resolution
    second = runner.invoke(app, args)
    assert second.exit_code == 0
    assert finish_times(outbox) == stamps
    assert count_skipped(second.stderr) == 4

    (inbox / "regio" / "b.txt").write_text(numbered_article(99), encoding="utf-8")
    third = runner.invoke(app, args)
    assert third.exit_code == 0
    changed = {k for k, v in finish_times(outbox).items() if stamps[k] != v}
    assert changed == {"regio/b.txt.json"}

    time.sleep(1.1)
    stamps = finish_times(outbox)
    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0
    assert all(stamps[k] != v for k, v in finish_times(outbox).items())

    other_settings = runner.invoke(app, [*args[:-4], "--summary-max-tokens", "30", *args[-2:]])
    assert other_settings.exit_code == 0
    assert count_skipped(other_settings.stderr) == 0


def test_no_summary_and_dry_run(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "x.txt").write_text(numbered_article(1), encoding="utf-8")
    dry = runner.invoke(app, [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--dry-run"])
    assert dry.exit_code == 0 and dry.stdout.strip() == "x.txt"
    assert not outbox.exists()
    plain = runner.invoke(app, [*batch_args(tiny_marian, tiny_bart, inbox, outbox), "--no-summary"])
    assert plain.exit_code == 0
    assert output_kinds(outbox) == {"x.txt": {"en.txt", "json"}}


def test_bad_inputs_are_isolated(tiny_marian, tiny_bart, tmp_path, monkeypatch):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "goed.txt").write_text(numbered_article(1), encoding="utf-8")
    (inbox / "leeg.txt").write_bytes(b"")
    (inbox / "spaties.txt").write_bytes(b"   \n\n\t  \n")
    (inbox / "plaatje.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (inbox / "oud.txt").write_bytes("Café 'De Zwaan' is dicht. Één dag.\r\n".encode("cp1252"))
    (inbox / "utf16.txt").write_bytes("Het weer wordt mooi. Echt waar.\n".encode("utf-16"))
    (inbox / "groot.txt").write_bytes(("Een zin over niets. " * 250_000).encode())
    (inbox / "lange regel.txt").write_text(
        " ".join(f"woord{i % 97}" for i in range(2_600))[:20_000], encoding="utf-8"
    )
    (inbox / "geheim.txt").write_text("Geheim.\n", encoding="utf-8")
    (inbox / "één artikel met spaties.txt").write_text(numbered_article(2), encoding="utf-8")

    real_read = Path.read_bytes

    def read_bytes(self):
        if self.name == "geheim.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert result.exit_code == 1, result.output
    outputs = output_kinds(outbox)
    good = ["goed", "oud", "utf16", "lange regel", "één artikel met spaties"]
    for stem in good:
        assert outputs[f"{stem}.txt"] == {"en.txt", "summary.txt", "json"}, stem
    reasons = {
        "leeg": "file is empty",
        "spaties": "only whitespace",
        "plaatje": "binary file",
        "groot": "over the 2 MB limit",
        "geheim": "Permission denied",
    }
    for stem, reason in reasons.items():
        assert outputs[f"{stem}.txt"] == {"error.txt"}, stem
        assert reason in (outbox / f"{stem}.txt.error.txt").read_text(encoding="utf-8")
        assert reason in result.stderr
    sidecar = json.loads((outbox / "oud.txt.json").read_text(encoding="utf-8"))
    assert sidecar["source"]["encoding"] == "cp1252"
    assert (
        json.loads((outbox / "utf16.txt.json").read_text("utf-8"))["source"]["encoding"] == "utf-16"
    )
    long_line = json.loads((outbox / "lange regel.txt.json").read_text(encoding="utf-8"))
    assert long_line["counts"]["segments"] > 1
    assert any("translated in" in w for w in long_line["warnings"])

    # a fixed file succeeds on the next run and loses its error file
    (inbox / "leeg.txt").write_text(numbered_article(3), encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", real_read)
    (inbox / "geheim.txt").unlink()
    for stem in ("spaties", "plaatje", "groot"):
        (inbox / f"{stem}.txt").unlink()
    again = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert again.exit_code == 0, again.output
    assert output_kinds(outbox)["leeg.txt"] == {"en.txt", "summary.txt", "json"}


@pytest.mark.parametrize(("sent", "code"), [(signal.SIGKILL, -9), (signal.SIGTERM, 143)])
def test_stopped_run_resumes_without_partial_outputs(tiny_marian, tiny_bart, tmp_path, sent, code):
    """kill -9 leaves whole files only; SIGTERM (a scheduler, docker stop) stops like Ctrl-C
    with exit 143 and a message. Either way a rerun does exactly the rest."""
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for i in range(12):
        (inbox / f"art{i:02}.txt").write_text(numbered_article(i), encoding="utf-8")
    cmd = [str(SCRIPT), *batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "2")]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(outbox.rglob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(sent)
    stderr = proc.communicate(timeout=60)[1]
    assert proc.returncode == code, stderr
    if sent == signal.SIGTERM:
        assert "interrupted:" in stderr and "Traceback" not in stderr
    stopped_with = len(list(outbox.rglob("*.json")))
    assert 0 < stopped_with < 12

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    outputs = output_kinds(outbox)
    assert set(outputs) == {f"art{i:02}.txt" for i in range(12)}
    assert all(kinds == {"en.txt", "summary.txt", "json"} for kinds in outputs.values())
    assert not [p for p in outbox.rglob("*.tmp")]
    assert count_skipped(done.stderr) == stopped_with
    for sidecar in outbox.rglob("*.json"):
        json.loads(sidecar.read_text(encoding="utf-8"))  # complete, parseable


def test_second_run_refused_while_first_holds_the_lock(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "x.txt").write_text(numbered_article(1), encoding="utf-8")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from translate.outputs.outbox import OutboxLock\n"
            "with OutboxLock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(60)",
            str(outbox),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "locked"
    refused = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert refused.exit_code == 2
    assert f"another translate batch (pid {holder.pid})" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    os.kill(holder.pid, signal.SIGKILL)  # a killed holder never blocks the next run
    holder.wait()
    after = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert after.exit_code == 0, after.output


def test_usage_and_model_errors_exit_2(tmp_path):
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope"), str(tmp_path / "out")])
    assert missing.exit_code == 2 and "inbox folder does not exist" in missing.stderr
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Hallo.\n", encoding="utf-8")
    no_model = runner.invoke(
        app,
        ["batch", str(tmp_path / "in"), str(tmp_path / "out"), "--offline"],
    )
    assert no_model.exit_code == 2
    assert "not found" in no_model.stderr and "translate models pull" in no_model.stderr


def test_outbox_mistakes_are_one_line_errors(tiny_marian, tiny_bart, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    for outbox in (inbox, tmp_path):  # the inbox itself, a folder holding it
        result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--dry-run"))
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [
            f"error: {outbox}: the outbox is the inbox or holds it; choose an outbox outside "
            f"{inbox}"
        ]
    afile = tmp_path / "f"
    afile.write_text("x", encoding="utf-8")
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, afile))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {afile}: cannot use as the outbox (File exists)"
    ]


def test_outputs_get_the_modes_of_a_plain_write(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    previous = os.umask(0o022)
    try:
        assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox)).exit_code == 0
    finally:
        os.umask(previous)
    modes = {p.name: p.stat().st_mode & 0o777 for p in outbox.iterdir() if p.name[0] != "."}
    assert modes == {"a.txt.en.txt": 0o644, "a.txt.summary.txt": 0o644, "a.txt.json": 0o644}


def test_a_stray_nul_is_read_and_noted_in_the_sidecar(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "nul.txt").write_bytes(SHORT.encode().replace(b"De ", b"De\x00 ", 1))
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox))
    assert result.exit_code == 0, result.output
    sidecar = json.loads((outbox / "nul.txt.json").read_text(encoding="utf-8"))
    assert sidecar["warnings"][0] == "1 control characters (NUL and the like) dropped"


def test_a_full_outbox_stops_the_run_at_once(tiny_marian, tiny_bart, tmp_path, monkeypatch):
    import errno

    from translate.outputs.outbox import Outputs
    from translate.run.core import Pipeline

    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for i in range(4):
        (inbox / f"art{i}.txt").write_text(numbered_article(i), encoding="utf-8")
    real_write, real_process = Outputs.write, Pipeline.process_parsed
    writes, windows = [], []

    def write(self, *args):
        writes.append(self.translation.name)
        if len(writes) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, *args)

    def process(self, window, progress=None):
        windows.append(len(window))
        return real_process(self, window, progress)

    monkeypatch.setattr(Outputs, "write", write)
    monkeypatch.setattr(Pipeline, "process_parsed", process)
    result = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "1"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {outbox}: cannot write outputs (No space left on device); every article "
        "finished before is written, run again once there is room"
    )
    assert windows == [1, 1]  # stopped at once: nothing translated twice, nothing after
    assert set(output_kinds(outbox)) == {"art0.txt"}
    monkeypatch.setattr(Outputs, "write", real_write)
    rerun = runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "1"))
    assert rerun.exit_code == 0 and count_skipped(rerun.stderr) == 1
    assert set(output_kinds(outbox)) == {f"art{i}.txt" for i in range(4)}
