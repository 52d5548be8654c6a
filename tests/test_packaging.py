"""Installable anywhere, behaving like the CLIs people know."""

import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.helpers import SHORT, batch_args
from translate.cli import app

_PYPROJECT = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
VERSION = re.search(r'^version = "(.+)"$', _PYPROJECT, re.MULTILINE).group(1)

runner = CliRunner()


def test_version_names_the_distribution_and_engines():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    line = result.stdout.strip()
    assert line.startswith("translate-nl-en ")
    assert "torch " in line and "transformers " in line and "ctranslate2 " in line


@pytest.mark.parametrize(
    ("option", "value", "listed"),
    [
        ("--dtype", "fp8", "int8"),
        ("--device", "gpu", "cuda:N"),
        ("--summary-length", "huge", "medium"),
        ("--engine", "onnx", "ctranslate2"),
    ],
)
def test_bad_choices_fail_before_any_model_loads(monkeypatch, tmp_path, option, value, listed):
    import translate.engines.load

    monkeypatch.setattr(translate.engines.load, "load_engine", lambda *a: pytest.fail("loaded"))
    article = tmp_path / "a.txt"
    article.write_text(SHORT, encoding="utf-8")
    for command in (["file", str(article)], ["batch", str(tmp_path), str(tmp_path / "o")]):
        result = runner.invoke(app, [*command, option, value])
        assert result.exit_code == 2
        assert value in result.output and listed in result.output


def test_peak_memory_on_each_platform(monkeypatch):
    from translate.bench import measure

    class Usage:
        ru_maxrss = 2 * 2**20

    class FakeResource:
        RUSAGE_SELF = 0

        @staticmethod
        def getrusage(_):
            return Usage

    monkeypatch.setattr(measure, "resource", FakeResource)
    monkeypatch.setattr(measure.sys, "platform", "linux")
    assert measure.peak_rss_mb() == 2048  # KiB on Linux
    monkeypatch.setattr(measure.sys, "platform", "darwin")
    assert measure.peak_rss_mb() == 2  # bytes on macOS
    monkeypatch.setattr(measure, "resource", None)  # Windows has no resource module
    assert measure.peak_rss_mb() == 0


@pytest.mark.slow
def test_json_run_report(tiny_marian, tiny_bart, tmp_path):
    inbox, outbox, report = tmp_path / "in", tmp_path / "out", tmp_path / "run.json"
    inbox.mkdir()
    (inbox / "a.txt").write_text(SHORT, encoding="utf-8")
    (inbox / "b.txt").write_text("De raad vergaderde dinsdag.\n", encoding="utf-8")
    first = runner.invoke(
        app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--json", str(report))
    )
    assert first.exit_code == 0, first.output
    (inbox / "b.txt").write_text("De kaas is oud.\n", encoding="utf-8")  # redone
    (inbox / "leeg.txt").write_bytes(b"")  # fails
    second = runner.invoke(
        app, batch_args(tiny_marian, tiny_bart, inbox, outbox, "--json", str(report))
    )
    assert second.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["report_version"] == 1 and data["interrupted"] is False
    assert 0 < data["totals"]["loading_s"] < data["totals"]["elapsed_s"]
    assert data["totals"] | {"elapsed_s": 0, "loading_s": 0} == {
        "done": 1,
        "skipped": 1,
        "failed": 1,
        "segments": data["totals"]["segments"],
        "words": 4,
        "articles": 3,
        "elapsed_s": 0,
        "loading_s": 0,
        "findings": data["totals"]["findings"],
        "flagged": data["totals"]["flagged"],
        "reused": 0,
    }
    by = {a["source"]: a for a in data["articles"]}
    assert data["totals"]["findings"] == by["b.txt"]["finding_counts"]
    assert by["b.txt"]["finding_counts"]["summary_note"] == 1  # 4 words: its own summary
    assert [f["message"] for f in by["b.txt"]["findings"]] == by["b.txt"]["warnings"]
    assert by["a.txt"]["status"] == "skipped" and by["a.txt"]["reason"] is None
    assert by["b.txt"]["status"] == "done" and by["b.txt"]["words"] == 4
    assert set(by["b.txt"]["outputs"]) == {"translation", "summary", "sidecar"}
    assert by["leeg.txt"]["status"] == "failed" and "empty" in by["leeg.txt"]["reason"]
    assert set(by["leeg.txt"]["outputs"]) == {"error"}
    for article in data["articles"]:
        assert set(article) == {
            "source",
            "status",
            "reason",
            "outputs",
            "segments",
            "words",
            "warnings",
            "findings",
            "finding_counts",
            "reused",
        }


@pytest.mark.slow
def test_models_folder_from_the_environment(tiny_marian, tmp_path, monkeypatch):
    models = tmp_path / "shared-models"
    shutil.copytree(tiny_marian, models / "Helsinki-NLP--opus-mt-nl-en")
    article = tmp_path / "a.txt"
    article.write_text(SHORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no models/ here
    monkeypatch.setenv("TRANSLATE_MODELS_DIR", str(models))
    found = runner.invoke(app, ["file", str(article), "--no-summary", "--offline"])
    assert found.exit_code == 0, found.output
    listed = runner.invoke(app, ["models", "list", "--json"])
    rows = {r["model"]: r for r in json.loads(listed.stdout)}
    assert rows["Helsinki-NLP/opus-mt-nl-en"]["where"] == "models dir"
    overridden = runner.invoke(
        app, ["file", str(article), "--no-summary", "--offline", "--models-dir", "elsewhere"]
    )
    assert overridden.exit_code == 2 and "elsewhere" in overridden.output


@pytest.mark.slow
def test_built_wheel_installs_and_reports_its_version(tmp_path):
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    dist = tmp_path / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(dist), str(root)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next(dist.glob(f"translate_nl_en-{VERSION}-*.whl"))
    sdist = next(dist.glob(f"translate_nl_en-{VERSION}.tar.gz"))
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "translate/py.typed" in names and "translate/engines/hf_loop/search.py" in names
    assert not any(n.startswith("tests/") for n in names)
    with tarfile.open(sdist) as archive:
        members = {m.name.split("/", 1)[1] for m in archive.getmembers() if "/" in m.name}
    assert {"LICENSE", "tests/conftest.py", "tests/fakes.py"} <= members
    assert any(m.startswith("inbox/") for m in members)
    site = tmp_path / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert installed.returncode == 0, installed.stderr
    version = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.argv = ['translate', '--version'];"
            "from translate.cli import main; main()",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site)},
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith(f"translate-nl-en {VERSION}, torch ")
