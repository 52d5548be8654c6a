"""``benchmarks/gpu-check.sh`` keeps to its budget, so a device session's few minutes are
never spent on a step that cannot finish, and says what is left for a second call."""

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _check(out: Path, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in ("OUT", "STEPS", "BUDGET_S")}
    environment.update(PYTHON=sys.executable, DEVICE="cpu", SMALL="1", **env)
    return subprocess.run(
        ["bash", "benchmarks/gpu-check.sh", str(out)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_steps_that_do_not_fit_the_budget_are_left_for_a_second_call(tmp_path):
    done = _check(tmp_path, BUDGET_S="0", STEPS="tests throughput beam4")
    assert done.returncode == 3, done.stdout + done.stderr
    for step in ("tests", "throughput", "beam4"):
        assert f"--- {step} not started: " in done.stdout
    assert 'left for a second call: STEPS="tests throughput beam4"' in done.stdout
    assert "bench-shaped models" not in done.stdout  # nothing is built for steps left
    assert (tmp_path / "gpu-check.log").read_text("utf-8") == done.stdout


def test_an_unknown_step_is_an_error(tmp_path):
    done = _check(tmp_path, BUDGET_S="0", STEPS="tests thruput")
    assert done.returncode == 1
    assert "!!! no step thruput" in done.stdout


@pytest.mark.slow
def test_on_the_device_the_figures_come_back_as_one_archive(tmp_path):
    """A device call brings back at most 8 files: with OUT set, the figures are packed."""
    out = tmp_path / "out"
    done = _check(out, OUT=str(out), STEPS="tests", BUDGET_S="200")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert sorted(p.name for p in out.iterdir()) == ["gpu-check-figures.tgz", "gpu-check.log"]
    with tarfile.open(out / "gpu-check-figures.tgz") as archive:
        assert archive.getnames() == ["."]  # the CUDA tests write no figures
