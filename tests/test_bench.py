import json

import pytest
from typer.testing import CliRunner

from translate.bench.workload import dutch_sentences, english_articles
from translate.cli import app
from translate.text.document import parse

pytestmark = pytest.mark.slow


def test_workload_is_seeded_and_splits_back():
    def count(text):
        return len(text.split()) + 1

    import random

    first = dutch_sentences(random.Random(3), 50, count)
    assert first == dutch_sentences(random.Random(3), 50, count)
    assert all(4 <= count(s) <= 120 for s in first)
    assert 15 <= sum(map(count, first)) / 50 <= 45
    assert parse(" ".join(first) + "\n").sentences == first
    texts = english_articles(random.Random(3), 5, count, 100)
    assert all(250 <= count(t) <= 960 for t in texts)


def test_bench_cli_writes_ratios(tiny_marian, tiny_bart, tmp_path, monkeypatch):
    import shutil

    monkeypatch.chdir(tmp_path)  # the default .bench-models/ must not be used

    models = tmp_path / "bench-models"
    shutil.copytree(tiny_marian, models / "opus-mt-shape")
    shutil.copytree(tiny_bart, models / "distilbart-shape")
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "--models-dir",
            str(models),
            "--articles",
            "2",
            "--sentences",
            "3",
            "--summary-tokens",
            "12",
            "--generate",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "translation_vs_pipeline" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["device"] == "cpu"
    assert report["settings"]["sentences"] == 6
    assert not (tmp_path / ".bench-models").exists()
    engines = {(r["stage"], r["engine"]) for r in report["runs"]}
    assert engines == {
        ("translation", "naive"),
        ("translation", "pipeline"),
        ("translation", "ours"),
        ("translation", "ours-int8"),
        ("translation", "ours-generate"),
        ("summarization", "pipeline"),
        ("summarization", "ours"),
        ("summarization", "ours-int8"),
        ("summarization", "ours-generate"),
        ("end to end", "pipeline"),
        ("end to end", "ours"),
        ("end to end", "ours-int8"),
        ("end to end", "ours-generate"),
    }
    rates = {(r["stage"], r["engine"]): r["items_per_s"] for r in report["runs"]}
    ratios = report["ratios"]
    for key in (
        "translation_vs_pipeline",
        "translation_vs_naive",
        "summarization_vs_pipeline",
        "end_to_end_vs_pipeline",
        "translation_decoding_loop_vs_generate",
        "summarization_decoding_loop_vs_generate",
    ):
        assert ratios[key] > 0
    assert report["decoding_loop_drift_vs_generate"] == 0  # same tokens, other loop
    by = {(r["stage"], r["engine"]): r for r in report["runs"]}
    for engine in ("pipeline", "ours"):
        both = by[("translation", engine)]["seconds"] + by[("summarization", engine)]["seconds"]
        assert by[("end to end", engine)]["seconds"] == pytest.approx(both)
        assert by[("end to end", engine)]["articles_per_s"] == pytest.approx(2 / both, rel=0.01)
    e2e = by[("end to end", "ours")]["items_per_s"] / by[("end to end", "pipeline")]["items_per_s"]
    assert ratios["end_to_end_vs_pipeline"] == pytest.approx(e2e, rel=0.05)
    decoding = {(r["stage"], r["engine"]): r["decoding"] for r in report["runs"]}
    assert decoding[("translation", "ours")] == decoding[("summarization", "ours")] == "own loop"
    assert decoding[("translation", "ours-generate")] == "generate"
    expected = rates[("translation", "ours")] / rates[("translation", "pipeline")]
    assert ratios["translation_vs_pipeline"] == pytest.approx(expected, rel=0.05)
    assert 0 <= report["int8_drift"] <= 1
    summaries = [r for r in report["runs"] if r["stage"] == "summarization"]
    assert all(r["output_tokens"] == 2 * 12 for r in summaries)  # forced length, every engine


def test_soak_reports_memory_points():
    from translate.bench.soak import run_soak

    result = run_soak(120)
    assert [p.articles for p in result.points] == [120]
    assert result.points[0].rss_mb > 0


def test_bench_runs_ctranslate2_beside_torch_and_bare(tiny_marian, tiny_bart, tmp_path):
    import shutil

    pytest.importorskip("ctranslate2")
    models = tmp_path / "bench-models"
    shutil.copytree(tiny_marian, models / "opus-mt-shape")
    shutil.copytree(tiny_bart, models / "distilbart-shape")
    out = tmp_path / "bench.json"
    args = ["bench", "--models-dir", str(models), "--engine", "ctranslate2", "--no-naive"]
    args += ["--articles", "2", "--sentences", "3", "--summary-tokens", "12", "--json", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    runs = {(r["stage"], r["engine"]): r for r in report["runs"]}
    for stage in ("translation", "summarization"):
        assert runs[(stage, "ours")]["decoding"] == "own loop"  # torch stays in the run
        assert runs[(stage, "ours-ct2")]["decoding"] == "ctranslate2"
        assert (
            runs[(stage, "bare-ct2")]["output_tokens"] == runs[(stage, "ours-ct2")]["output_tokens"]
        )  # same batches, same forced lengths
        for key in (f"ct2_{stage}_vs_torch", f"ct2_{stage}_wrapper_vs_bare"):
            assert report["ratios"][key] > 0
    assert 0 <= report["ratios"]["ct2_int8_translation_drift"] <= 1


def test_bench_with_graphs_runs_the_loop_without_them(
    tiny_marian, tiny_bart, tmp_path, monkeypatch
):
    """The GPU's bench rows, on the CPU: the static step forced (graphs.GRAPHS), our loop
    again step by step, and the ratio of the two."""
    import shutil

    from translate.engines.hf_loop import graphs

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(graphs, "GRAPHS", True)
    models = tmp_path / "bench-models"
    shutil.copytree(tiny_marian, models / "opus-mt-shape")
    shutil.copytree(tiny_bart, models / "distilbart-shape")
    out = tmp_path / "bench.json"
    arguments = ["bench", "--models-dir", str(models), "--articles", "2", "--sentences", "2"]
    arguments += ["--summary-tokens", "8", "--no-naive", "--no-int8", "--generate"]
    result = CliRunner().invoke(app, [*arguments, "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    decoding = {(r["stage"], r["engine"]): r["decoding"] for r in report["runs"]}
    for stage in ("translation", "summarization"):
        assert decoding[(stage, "ours")].startswith("own loop, static step (")
        assert decoding[(stage, "ours-eager")] == "own loop"
        assert report["ratios"][f"{stage}_cuda_graphs_vs_step_by_step"] > 0
    assert report["decoding_loop_drift_vs_generate"] == 0
    # --no-cuda-graphs: ours runs step by step, and there is no second row to compare with
    result = CliRunner().invoke(app, [*arguments, "--no-cuda-graphs", "--json", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    decoding = {(r["stage"], r["engine"]): r["decoding"] for r in report["runs"]}
    assert decoding[("translation", "ours")] == "own loop"
    assert not any(engine == "ours-eager" for _, engine in decoding)
