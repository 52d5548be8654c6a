"""The one place that picks an engine."""

from __future__ import annotations

import importlib

from translate.config import ENGINES, ModelSpec, RuntimeOptions
from translate.engines import Engine
from translate.errors import UsageError
from translate.models.hub import resolve_model


def load_engine(spec: ModelSpec, runtime: RuntimeOptions = RuntimeOptions()) -> Engine:
    """Resolves ``spec`` (folder, ``models/``, cache or download) and loads it with the
    engine ``runtime.engine`` names: the module ``translate.engines.<name>``, whose ``load``
    builds it.

    Raises:
        UsageError: an unknown engine.
        ModelNotFoundError, ModelLoadError: the model cannot be found or loaded.
    """
    if runtime.engine not in ENGINES:
        raise UsageError(f"unknown engine {runtime.engine!r}: use {', '.join(ENGINES)}")
    resolved = resolve_model(spec)
    module = importlib.import_module(f"translate.engines.{runtime.engine}")
    return module.load(resolved, runtime)
