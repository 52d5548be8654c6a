"""``benchmarks/checks_eval.py`` reports the evaluation figures of any batch of the set's
form, and names the file and the reason for a batch it cannot read."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _eval(*files: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "benchmarks/checks_eval.py", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_a_batch_gets_its_figures_per_kind(tmp_path):
    batch = tmp_path / "batch.tsv"
    batch.write_text(
        "# a comment\n"
        "Er kwamen zes mensen.\tSix people came.\n"
        "Er kwamen zes mensen.\tSeven people came.\n"  # a correct pair that is wrong: flagged
        "Het kost 1,2 miljard euro.\tIt costs 1.2 million euros.\tnumbers\tbillion became million\n"
        "Hij sprak in Utrecht.\tHe spoke in Utrecht.\tnames\tnothing changed: missed\n",
        encoding="utf-8",
    )
    done = _eval(batch)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert (figures["correct"], figures["correct_flagged"]) == (2, 1)
    assert figures["flagged"][0]["pair"][1] == "Seven people came."
    assert (figures["corrupted"], figures["caught"]) == (2, 1)
    assert figures["per_kind"] == {"names": "0 of 1", "numbers": "1 of 1"}
    assert [m["defect"] for m in figures["missed"]] == ["nothing changed: missed"]


@pytest.mark.slow
def test_a_batch_it_cannot_read_is_one_line_naming_the_file(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("Er kwamen zes mensen.\tSix people came.\tnumbers\n", encoding="utf-8")
    done = _eval(bad)
    assert done.returncode == 1 and done.stderr.strip().splitlines() == [
        f"{bad}: row 1 has 3 columns, not 2 or 4"
    ]
    missing = tmp_path / "missing.tsv"
    done = _eval(missing)
    assert done.returncode == 1
    assert done.stderr.strip() == f"{missing}: cannot be read (FileNotFoundError)"
