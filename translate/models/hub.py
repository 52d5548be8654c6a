"""Where a model comes from: a folder, ``models/``, the Hugging Face cache, or a download."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from translate.config import (
    DEFAULT_MODELS_DIR,
    DEFAULT_SUMMARIZATION_MODEL,
    DEFAULT_TRANSLATION_MODEL,
    ModelSpec,
)
from translate.errors import ModelNotFoundError, first_line

logger = logging.getLogger(__name__)

KNOWN_MODELS = (DEFAULT_TRANSLATION_MODEL, DEFAULT_SUMMARIZATION_MODEL)
SNAPSHOT_FILE = "snapshot.json"

# Only what loading needs: no TF/Flax/Rust weights, no README images.
_LOAD_FILES = [
    "config.json",
    "generation_config.json",
    "*.spm",
    "vocab.json",
    "merges.txt",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
]
_SAFETENSORS = ["*.safetensors", "model.safetensors.index.json"]
_PYTORCH_BIN = ["pytorch_model.bin", "pytorch_model.bin.index.json", "pytorch_model-*.bin"]
_HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


@dataclass(frozen=True)
class ResolvedModel:
    """A model folder on disk and where it was found.

    ``source`` is one of ``folder``, ``models-dir``, ``cache``, ``download``; ``revision`` is
    the commit hash when known.
    """

    model_id: str
    path: Path
    source: str
    revision: str | None
    models_dir: Path = DEFAULT_MODELS_DIR

    @property
    def identity(self) -> str:
        """What decides whether outputs made with this model are current: the hub id and
        revision when known, else a fingerprint of the folder's files; never the spelling of
        its path."""
        name = self.model_id if self.source != "folder" else _snapshot_field(self.path, "model")
        if self.revision and name:
            return f"{name}@{self.revision}"
        return fingerprint(self.path.resolve())


@lru_cache(maxsize=16)
def fingerprint(folder: Path) -> str:
    """sha256 over the names and contents of a model folder's files."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != SNAPSHOT_FILE):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        with path.open("rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    return "sha256:" + digest.hexdigest()


def local_dir_name(model_id: str) -> str:
    return model_id.replace("/", "--")


def offline_mode(spec: ModelSpec) -> bool:
    # the values huggingface_hub itself accepts for HF_HUB_OFFLINE
    return spec.offline or os.environ.get("HF_HUB_OFFLINE", "").upper() in (
        "1",
        "ON",
        "YES",
        "TRUE",
    )


def cache_dir() -> Path:
    from huggingface_hub import constants

    return Path(constants.HF_HUB_CACHE)


def resolve_model(spec: ModelSpec) -> ResolvedModel:
    """Finds ``spec.model`` on disk, downloading it only when allowed and needed.

    Order: an existing folder path; ``<models_dir>/<org>--<name>/``; the Hugging Face cache;
    a download (unless offline).

    Raises:
        ModelNotFoundError: with a one-line message naming where it looked and how to fix it.
    """
    path = Path(spec.model).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelNotFoundError(f"{path}: folder has no config.json, so it is not a model")
        return ResolvedModel(spec.model, path, "folder", _snapshot_revision(path), spec.models_dir)
    if not _HUB_ID.match(spec.model):
        raise ModelNotFoundError(f"model folder {spec.model} does not exist")

    local = spec.models_dir / local_dir_name(spec.model)
    if (local / "config.json").is_file():
        return ResolvedModel(
            spec.model, local, "models-dir", _snapshot_revision(local), spec.models_dir
        )

    cached = _from_cache(spec)
    if cached is not None:
        return cached

    where = f"{local} and the Hugging Face cache ({cache_dir()})"
    fix = (
        "Fix: run `translate models pull` on a connected machine and copy its models/ folder "
        "here, or pass --model PATH to a local model folder."
    )
    if offline_mode(spec):
        raise ModelNotFoundError(
            f"model {spec.model!r} not found: looked in {where}; offline, so no download "
            f"was tried. {fix}"
        )
    unreachable = _hub_unreachable()
    if unreachable:  # huggingface_hub would retry for half a minute, warning each time
        raise ModelNotFoundError(
            f"model {spec.model!r} not found: looked in {where}; {unreachable}, so no download "
            f"was possible. {fix}"
        )
    try:
        folder = _download(spec, local_dir=None)
    except Exception as exc:  # huggingface_hub raises many types for one cause: no model
        raise ModelNotFoundError(
            f"model {spec.model!r} not found: looked in {where}; download failed "
            f"({first_line(exc)}). {fix}"
        ) from exc
    return ResolvedModel(spec.model, folder, "download", folder.name, spec.models_dir)


def pull_model(spec: ModelSpec) -> ResolvedModel:
    """Snapshots ``spec.model`` into ``<models_dir>/<org>--<name>/`` with only the files
    loading needs, and records the repository id and commit in ``snapshot.json``."""
    if offline_mode(spec):
        raise ModelNotFoundError(f"cannot pull {spec.model!r}: offline mode is on")
    target = spec.models_dir / local_dir_name(spec.model)
    unreachable = _hub_unreachable()
    if unreachable:
        raise ModelNotFoundError(f"cannot pull {spec.model!r}: {unreachable}")
    try:
        from huggingface_hub import HfApi

        # The commit first, then exactly that commit: a push in between cannot mix revisions
        sha = HfApi().model_info(spec.model, revision=spec.revision).sha
        _download(replace(spec, revision=sha), local_dir=target)
    except Exception as exc:
        raise ModelNotFoundError(f"cannot pull {spec.model!r}: {first_line(exc)}") from exc
    record = {
        "model": spec.model,
        "revision": sha,
        "pulled": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    (target / SNAPSHOT_FILE).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return ResolvedModel(spec.model, target, "models-dir", sha)


@dataclass(frozen=True)
class LocalModel:
    """One row of ``translate models list``."""

    model_id: str
    location: str
    path: Path | None
    size_bytes: int
    broken: str | None = None  # why a folder that is there cannot load, else None


def list_models(models_dir: Path) -> list[LocalModel]:
    """The known default models plus every folder in ``models_dir``, with where each lives."""
    names = list(KNOWN_MODELS)
    if models_dir.is_dir():
        for child in sorted(models_dir.iterdir()):
            if (child / "config.json").is_file():
                name = child.name.replace("--", "/", 1)
                if name not in names:
                    names.append(name)
    rows = []
    for name in names:
        spec = ModelSpec(name, offline=True, models_dir=models_dir)
        local = models_dir / local_dir_name(name)
        if (local / "config.json").is_file():
            # a conversion by the ctranslate2 engine holds model.bin, not transformers weights
            where = "ctranslate2" if (local / "model.bin").is_file() else "models dir"
            rows.append(LocalModel(name, where, local, _folder_size(local), broken_reason(local)))
            continue
        cached = _from_cache(spec)
        if cached is not None:
            size = _folder_size(cached.path)
            rows.append(LocalModel(name, "HF cache", cached.path, size, broken_reason(cached.path)))
        else:
            rows.append(LocalModel(name, "missing", None, 0))
    return rows


def broken_reason(folder: Path) -> str | None:
    """Why a model folder cannot load (an unreadable config, no weights), or ``None``: a
    quick look at its files, not a load."""
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"config.json unreadable ({first_line(exc)})"
    if not isinstance(config, dict) or "model_type" not in config:
        return "config.json names no model_type"
    weights = [*_SAFETENSORS, *_PYTORCH_BIN, "model.bin"]  # model.bin: a ctranslate2 conversion
    if not any(path.stat().st_size > 0 for w in weights for path in folder.glob(w)):
        return "no weights (no .safetensors, pytorch_model.bin or model.bin)"
    return None


def _from_cache(spec: ModelSpec) -> ResolvedModel | None:
    from huggingface_hub import snapshot_download

    try:
        folder = Path(snapshot_download(spec.model, revision=spec.revision, local_files_only=True))
    except Exception:  # not cached (or a broken cache entry): treat as absent
        return None
    if not (folder / "config.json").is_file():
        return None
    return ResolvedModel(spec.model, folder, "cache", folder.name, spec.models_dir)


def _hub_unreachable(timeout_s: float = 5.0) -> str | None:
    """Why the hub cannot be reached (no name resolution, no route, refused), or None.

    One TCP connection, so a machine without network fails in seconds. Behind a proxy the
    hub is not reached directly, so the check is left to the download itself."""
    if any(os.environ.get(k) for k in ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")):
        return None
    from huggingface_hub import constants

    url = urlsplit(constants.ENDPOINT)
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        with socket.create_connection((url.hostname, port), timeout=timeout_s):
            return None
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        return f"the hub ({url.hostname}:{port}) cannot be reached ({reason})"


def _download(spec: ModelSpec, local_dir: Path | None) -> Path:
    from huggingface_hub import HfApi, snapshot_download

    files = HfApi().list_repo_files(spec.model, revision=spec.revision)
    weights = _SAFETENSORS if any(f.endswith(".safetensors") for f in files) else _PYTORCH_BIN
    logger.info("downloading %s (%s weights)", spec.model, weights[0])
    return Path(
        snapshot_download(
            spec.model,
            revision=spec.revision,
            local_dir=local_dir,
            allow_patterns=_LOAD_FILES + weights,
        )
    )


def _snapshot_revision(folder: Path) -> str | None:
    return _snapshot_field(folder, "revision")


def _snapshot_field(folder: Path, name: str) -> str | None:
    record = folder / SNAPSHOT_FILE
    if not record.is_file():
        return None
    try:
        return json.loads(record.read_text(encoding="utf-8")).get(name)
    except (OSError, ValueError):
        return None


def _folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
