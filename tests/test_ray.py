"""The batch job on Ray Data: the stages without Ray, then one local Ray for the session."""

import json
import os
import pickle
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import FAST, SHORT, batch_args, count_skipped, numbered_article, output_kinds
from translate.cli import app
from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.run.core import DONE, FAILED, Article, Result, Translated

np = pytest.importorskip("numpy")
ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")
from translate.run.build import PipelineSpec, describe  # noqa: E402
from translate.run.ray import SummarizeStage, TranslateStage  # noqa: E402

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def local_ray():
    """One local Ray for these tests; the CLI joins it instead of starting its own."""
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _spec(tiny_marian, tiny_bart) -> PipelineSpec:
    return PipelineSpec(
        ModelSpec(str(tiny_marian), offline=True),
        ModelSpec(str(tiny_bart), offline=True),
        RuntimeOptions("cpu", threads=1),
        TranslationOptions(beams=1),
        SummaryOptions(min_tokens=4, max_tokens=24),
    )


def test_stages_on_a_batch_of_columns_without_ray(tiny_marian, tiny_bart):
    """What map_batches hands a stage: a dict of columns. Ray is not started here."""
    spec = _spec(tiny_marian, tiny_bart)
    run = describe(spec)
    articles = [
        Article("a.txt", SHORT),
        Article("leeg.txt", "   \n"),
        Article("b.md", "# Kop\n\nDe kaas.\n", "markdown"),
    ]
    column = np.array([pickle.dumps(a) for a in articles], dtype=object)
    translated = TranslateStage(spec, run)({"item": column})
    items = [pickle.loads(x) for x in translated["item"]]
    assert [type(x) for x in items] == [Translated, Result, Translated]
    assert items[1].status == FAILED and "no text to translate" in items[1].reason
    assert items[0].article.text == ""  # the Dutch text does not travel to stage 2
    assert items[2].rendered.startswith("# ")  # the Markdown file, its heading kept

    finished = SummarizeStage(spec, run)(translated)
    results = [pickle.loads(x) for x in finished["item"]]
    assert [r.status for r in results] == [DONE, FAILED, DONE]
    assert results[0].summary and results[0].record.settings == run.settings
    assert results[0].record.counts.segments == items[0].segments


def _inbox(root: Path) -> Path:
    inbox = root / "in"
    (inbox / "regio" / "noord").mkdir(parents=True)
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    (inbox / "regio" / "b.txt").write_text(numbered_article(1), encoding="utf-8")
    (inbox / "regio" / "noord" / "c.md").write_text(
        "# Kop\n\n" + numbered_article(2), encoding="utf-8"
    )
    (inbox / "regio" / "leeg.txt").write_bytes(b"")
    return inbox


def test_ray_job_equals_local_mode_and_resumes(local_ray, tiny_marian, tiny_bart, tmp_path):
    inbox = _inbox(tmp_path)
    local, remote = tmp_path / "local", tmp_path / "ray"
    assert runner.invoke(app, batch_args(tiny_marian, tiny_bart, inbox, local)).exit_code == 1
    result = runner.invoke(
        app, [*batch_args(tiny_marian, tiny_bart, inbox, remote), "--ray", "local"]
    )
    assert result.exit_code == 1, result.output
    assert "failed  regio/leeg.txt: file is empty" in result.stderr
    assert output_kinds(remote) == output_kinds(local)
    assert output_kinds(remote)["regio/leeg.txt"] == {"error.txt"}
    for path in local.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(local).parts)
        if path.is_file() and not hidden and path.suffix != ".json":
            assert (remote / path.relative_to(local)).read_bytes() == path.read_bytes(), path
    for sidecar in local.rglob("*.json"):
        here, there = (
            json.loads(p.read_text("utf-8")) for p in (sidecar, remote / sidecar.relative_to(local))
        )
        for record in (here, there):
            del record["finished"], record["timings"]
        assert here == there

    again = runner.invoke(
        app, [*batch_args(tiny_marian, tiny_bart, inbox, remote), "--ray", "local"]
    )
    assert again.exit_code == 1 and count_skipped(again.stderr) == 3  # the empty file fails again


def test_ray_actors_enforce_the_glossary_as_local_mode(local_ray, tiny_marian, tiny_bart, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("De Tweede Kamer en de VVD stemden. Het regende.\n", "utf-8")
    glossary = tmp_path / "g.tsv"
    glossary.write_text("Tweede Kamer\tHouse of Representatives\nVVD\n", encoding="utf-8")
    records = []
    for outbox, extra in ((tmp_path / "local", ()), (tmp_path / "ray", ("--ray", "local"))):
        args = batch_args(tiny_marian, tiny_bart, inbox, outbox, "--glossary", str(glossary))
        result = runner.invoke(app, [*args, *extra])
        assert result.exit_code == 0, result.output
        records.append(json.loads((outbox / "a.txt.json").read_text(encoding="utf-8")))
    here, there = records
    assert here["glossary"] == there["glossary"]
    assert [a["realized"] for a in there["glossary"]["applied"]] == [True, True]
    assert here["sentences"] == there["sentences"]


def _actor_pids(name: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and name in (proc / "cmdline").read_bytes().decode(
                errors="ignore"
            ):
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finds the actor through /proc")
def test_an_actor_killed_mid_run_loses_and_duplicates_nothing(
    local_ray, tiny_marian, tiny_bart, tmp_path
):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    for i in range(8):
        (inbox / f"art{i}.txt").write_text(numbered_article(i), encoding="utf-8")
    killed = []

    def kill_an_actor():
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if list(outbox.glob("*.json")):  # mid-run: something is written, more to come
                for pid in _actor_pids("MapBatches(SummarizeStage)"):
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_an_actor)
    killer.start()
    args = [*batch_args(tiny_marian, tiny_bart, inbox, outbox, "--window", "1"), "--ray", "local"]
    first = runner.invoke(app, args)
    killer.join()
    assert killed, "no actor was found to kill"
    if first.exit_code != 0:  # Ray gave up on the dataset: the rerun does the rest
        rerun = runner.invoke(app, args)
        assert rerun.exit_code == 0, rerun.output
    outputs = output_kinds(outbox)
    assert set(outputs) == {f"art{i}.txt" for i in range(8)}
    assert all(kinds == {"en.txt", "summary.txt", "json"} for kinds in outputs.values())
    assert not list(outbox.glob(".*.tmp"))


def test_missing_ray_is_one_line_exit_2(tiny_marian, tiny_bart, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    result = runner.invoke(
        app, [*batch_args(tiny_marian, tiny_bart, inbox, tmp_path / "o"), "--ray", "local"]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: --ray needs Ray Data, which is not installed: pip install -e '.[ray]' "
        "(or pip install 'ray[data,client]')"
    ]


def test_bad_ray_workers_is_a_usage_error(tiny_marian, tiny_bart, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    args = [*batch_args(tiny_marian, tiny_bart, inbox, tmp_path / "o"), "--ray", "local"]
    result = runner.invoke(app, [*args, "--ray-workers", "2,x"])
    assert result.exit_code == 2 and "--ray-workers '2,x'" in result.stderr


def test_missing_model_on_ray_is_one_line(local_ray, tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "batch",
            str(inbox),
            str(tmp_path / "o"),
            "--model",
            str(tmp_path / "geen"),
            "--offline",
            *FAST,
            "--ray",
            "local",
        ],
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: model folder {tmp_path / 'geen'} does not exist"
    ]
