import shutil

import pytest

from translate.config import ModelSpec
from translate.errors import ModelNotFoundError
from translate.models.hub import list_models, local_dir_name, resolve_model


def test_resolves_existing_folder(tiny_marian):
    resolved = resolve_model(ModelSpec(str(tiny_marian)))
    assert resolved.path == tiny_marian
    assert resolved.source == "folder"


def test_resolves_snapshot_in_models_dir(tiny_marian, tmp_path):
    shutil.copytree(tiny_marian, tmp_path / local_dir_name("Helsinki-NLP/opus-mt-nl-en"))
    resolved = resolve_model(ModelSpec("Helsinki-NLP/opus-mt-nl-en", models_dir=tmp_path))
    assert resolved.source == "models-dir"
    assert resolved.path == tmp_path / "Helsinki-NLP--opus-mt-nl-en"


def test_missing_model_offline_names_places_and_fixes(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    with pytest.raises(ModelNotFoundError) as info:
        resolve_model(ModelSpec("Helsinki-NLP/opus-mt-nl-en", offline=True, models_dir=tmp_path))
    message = str(info.value)
    assert "\n" not in message
    assert "'Helsinki-NLP/opus-mt-nl-en' not found" in message
    assert str(tmp_path / "Helsinki-NLP--opus-mt-nl-en") in message
    assert "translate models pull" in message and "--model PATH" in message


def test_folder_without_config_is_rejected(tmp_path):
    with pytest.raises(ModelNotFoundError, match="no config.json"):
        resolve_model(ModelSpec(str(tmp_path)))


def test_missing_local_path(tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        resolve_model(ModelSpec(str(tmp_path / "nope" / "model")))


def test_list_models_shows_local_and_missing(tiny_marian, tmp_path):
    shutil.copytree(tiny_marian, tmp_path / "Helsinki-NLP--opus-mt-nl-en")
    rows = {row.model_id: row for row in list_models(tmp_path)}
    assert rows["Helsinki-NLP/opus-mt-nl-en"].location == "models dir"
    assert rows["Helsinki-NLP/opus-mt-nl-en"].size_bytes > 0
    assert rows["sshleifer/distilbart-cnn-12-6"].location in ("missing", "HF cache")


def test_unreachable_hub_fails_at_once_with_one_line(tmp_path):
    """No models and no network (`make run` on a fresh machine without internet): one clear
    line, exit 2, and no half minute of hub retries printed twice each."""
    import os
    import subprocess
    import sys

    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "a.txt").write_text("De brug is open.\n", encoding="utf-8")
    env = os.environ | {
        "HF_ENDPOINT": "http://127.0.0.1:9",  # the discard port: nothing listens there
        "HF_HOME": str(tmp_path / "hf"),
        "HF_HUB_OFFLINE": "0",
    }
    for name in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(name, None)
    script = os.path.join(os.path.dirname(sys.executable), "translate")
    done = subprocess.run(
        [script, "batch", str(inbox), str(tmp_path / "out")],
        cwd=tmp_path,  # no models/ folder here
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "the hub (127.0.0.1:9) cannot be reached" in lines[0]
    assert "translate models pull" in lines[0]
