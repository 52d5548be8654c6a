"""The model, decoding and runtime options, declared once and shared by the commands."""

from __future__ import annotations

import functools
import inspect
import logging
import re
from dataclasses import dataclass, fields
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from translate.config import (
    DEFAULT_MODELS_DIR,
    DEFAULT_SUMMARIZATION_MODEL,
    DEFAULT_TRANSLATION_MODEL,
    DEVICES_HELP,
    DTYPES,
    ENGINES,
    SUMMARY_LENGTHS,
    ModelSpec,
    RuntimeOptions,
    SummaryOptions,
    TranslationOptions,
)
from translate.errors import UsageError
from translate.glossary import read_glossary

logger = logging.getLogger("translate")

# Choices as string enums: a bad value fails before anything loads, with the valid ones.
EngineChoice = Enum("EngineChoice", {name: name for name in ENGINES}, type=str)
DtypeChoice = Enum("DtypeChoice", {name: name for name in DTYPES}, type=str)
LengthChoice = Enum("LengthChoice", {name: name for name in SUMMARY_LENGTHS}, type=str)


@dataclass(frozen=True)
class Options:
    """The shared options as given on the command line."""

    model: str = DEFAULT_TRANSLATION_MODEL
    revision: str | None = None
    summarizer: str = DEFAULT_SUMMARIZATION_MODEL
    offline: bool = False
    models_dir: Path = DEFAULT_MODELS_DIR
    beams: int | None = None
    batch_tokens: int | None = None
    summary_length: str = "medium"
    summary_min_tokens: int | None = None
    summary_max_tokens: int | None = None
    glossary: Path | None = None
    engine: str = "torch"
    device: str = "auto"
    dtype: str = "auto"
    threads: int | None = None
    cuda_graphs: bool = True
    verbose: int = 0

    def translation_spec(self) -> ModelSpec:
        return ModelSpec(self.model, self.revision, self.offline, self.models_dir)

    def summary_spec(self) -> ModelSpec:
        return ModelSpec(self.summarizer, None, self.offline, self.models_dir)

    def runtime(self) -> RuntimeOptions:
        return RuntimeOptions(self.device, self.dtype, self.engine, self.threads, self.cuda_graphs)

    def translation(self) -> TranslationOptions:
        """The translator's options; reads and checks ``--glossary``.

        Raises:
            GlossaryError: the glossary cannot be used (file and line named).
        """
        glossary = read_glossary(self.glossary) if self.glossary is not None else None
        return TranslationOptions(
            beams=self.beams, batch_tokens=self.batch_tokens, glossary=glossary
        )

    def summary(self) -> SummaryOptions:
        return SummaryOptions(
            length=self.summary_length,
            min_tokens=self.summary_min_tokens,
            max_tokens=self.summary_max_tokens,
        )


MODELS_DIR_ENV = "TRANSLATE_MODELS_DIR"
_DEVICE = re.compile(r"auto|cpu|mps|cuda(:\d+)?")


def _device(value: str) -> str:
    if not _DEVICE.fullmatch(value):
        raise typer.BadParameter(f"{value!r} is not one of {DEVICES_HELP}")
    return value


_DECLARED = {
    "model": Annotated[
        str, typer.Option("--model", "-m", help="Translation model: hub id or local folder.")
    ],
    "revision": Annotated[str | None, typer.Option(help="Hub branch, tag or commit of --model.")],
    "summarizer": Annotated[
        str, typer.Option("--summarizer", help="Summarization model: hub id or local folder.")
    ],
    "offline": Annotated[
        bool, typer.Option("--offline", help="Never touch the network (as HF_HUB_OFFLINE=1).")
    ],
    "models_dir": Annotated[
        Path,
        typer.Option(envvar=MODELS_DIR_ENV, help="Folder of local model snapshots."),
    ],
    "beams": Annotated[
        int | None, typer.Option(min=1, help="Beam size (default: the checkpoint's own).")
    ],
    "batch_tokens": Annotated[
        int | None,
        typer.Option(min=16, help="Padded source tokens per batch (default by device)."),
    ],
    "summary_length": Annotated[
        LengthChoice,
        typer.Option(
            "--summary-length",
            help="short, medium (the checkpoint's own bounds) or long (twice them).",
        ),
    ],
    "summary_min_tokens": Annotated[
        int | None, typer.Option("--summary-min-tokens", min=0, help="Explicit lower bound.")
    ],
    "summary_max_tokens": Annotated[
        int | None, typer.Option("--summary-max-tokens", min=1, help="Explicit upper bound.")
    ],
    "glossary": Annotated[
        Path | None,
        typer.Option(
            "--glossary",
            help="TSV (or .csv) of Dutch term, tab, required English; a Dutch term alone is "
            "kept as it is. Enforced while decoding.",
        ),
    ],
    "engine": Annotated[
        EngineChoice,
        typer.Option(help="torch, or ctranslate2 (the optional extra: pip install -e .[fast])."),
    ],
    "device": Annotated[str, typer.Option(callback=_device, help=f"{DEVICES_HELP}.")],
    "dtype": Annotated[
        DtypeChoice,
        typer.Option(help="auto: fp16 on GPUs, fp32 on CPU; int8: CPU, quantized."),
    ],
    "threads": Annotated[
        int | None,
        typer.Option(min=1, help="CPU threads (default: the CPUs this process may use)."),
    ],
    "cuda_graphs": Annotated[
        bool,
        typer.Option(
            "--cuda-graphs/--no-cuda-graphs",
            help="On a GPU, replay the torch engine's decoder step as CUDA graphs (the same "
            "tokens as step by step).",
        ),
    ],
    "verbose": Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")],
}
GROUPS = {
    "models": ("model", "revision", "summarizer", "offline", "models_dir"),
    "decoding": (
        "beams",
        "batch_tokens",
        "summary_length",
        "summary_min_tokens",
        "summary_max_tokens",
        "glossary",
    ),
    "runtime": ("engine", "device", "dtype", "threads", "cuda_graphs", "verbose"),
}
_CHOICES = {"engine": EngineChoice, "dtype": DtypeChoice, "summary_length": LengthChoice}
_DEFAULTS = {
    f.name: _CHOICES[f.name](f.default) if f.name in _CHOICES else f.default
    for f in fields(Options)
}


def shared(*groups: str):
    """Adds the options of ``groups`` to a Typer command and passes them to it as one
    :class:`Options` in its ``options`` parameter."""
    names = [name for group in groups for name in GROUPS[group]]

    def decorate(command):
        signature = inspect.signature(command, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != "options"]
        added = [
            inspect.Parameter(
                name,
                inspect.Parameter.KEYWORD_ONLY,
                default=_DEFAULTS[name],
                annotation=_DECLARED[name],
            )
            for name in names
        ]

        @functools.wraps(command)
        def wrapper(**kwargs):
            values = {name: kwargs.pop(name) for name in names}
            values = {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}
            return command(options=Options(**values), **kwargs)

        del wrapper.__wrapped__  # Typer must read the new signature, not the command's
        wrapper.__signature__ = signature.replace(parameters=own + added)
        wrapper.__annotations__ = {p.name: p.annotation for p in own + added}
        return wrapper

    return decorate


def language_check(force_language: str | None) -> str:
    """The run core's language check for ``--force-language`` (only ``nl``)."""
    if force_language not in (None, "nl"):
        raise UsageError(f"--force-language {force_language!r}: only nl is possible")
    return force_language or "auto"


STRICT = typer.Option(
    "--strict",
    help="An article with a numbers, names, negation, length, untranslated, glossary or summary "
    "finding counts as failed (outputs still written; exit 1).",
)
FORCE_LANGUAGE = typer.Option(
    "--force-language",
    metavar="nl",
    help="Translate every article as Dutch; by default English articles are copied through "
    "and other languages fail.",
)


def pipeline_spec(options: Options, summarize: bool = True, check: str = "auto"):
    """What :func:`translate.run.build.build_pipeline` loads for these options."""
    from translate.run.build import PipelineSpec

    return PipelineSpec(
        translation=options.translation_spec(),
        summary=options.summary_spec() if summarize else None,
        runtime=options.runtime(),
        translation_options=options.translation(),
        summary_options=options.summary(),
        language_check=check,
    )


def load_pipeline(options: Options, summarize: bool = True, check: str = "auto"):
    """Loads the models ``options`` name and returns the run core over them."""
    from translate.run.build import build_pipeline

    return build_pipeline(pipeline_spec(options, summarize, check))
