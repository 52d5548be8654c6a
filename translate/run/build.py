"""The one place that builds the pipeline from what the user asked for: used by
``translate file``, ``translate batch``, the Ray actors and the soak."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.errors import TranslateError
from translate.run.core import Pipeline, RunSettings

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PipelineSpec:
    """Everything a pipeline is built from; plain and picklable, so a Ray actor on another
    machine builds the same pipeline.

    Args:
        translation: the translation model.
        summary: the summarization model; ``None`` translates only.
        runtime: engine, device, dtype and threads, for both models.
        translation_options, summary_options: how each stage batches and decodes.
        language_check: ``auto`` or ``nl`` (see :class:`~translate.run.core.Pipeline`).
    """

    translation: ModelSpec
    summary: ModelSpec | None = None
    runtime: RuntimeOptions = RuntimeOptions()
    translation_options: TranslationOptions = TranslationOptions()
    summary_options: SummaryOptions = SummaryOptions()
    language_check: str = "auto"


def build_pipeline(
    spec: PipelineSpec,
    *,
    translation: bool = True,
    summary: bool = True,
    run: RunSettings | None = None,
) -> Pipeline:
    """Loads the models ``spec`` names and returns the run core over them.

    Args:
        spec: what to load.
        translation, summary: which stages this process runs (a Ray actor runs one); a
            pipeline without the translator needs ``run`` from one that has it.
        run: the run's settings, as the process that has both models computed them.

    Raises:
        ModelNotFoundError, ModelLoadError, UsageError: a model cannot be found or loaded.
    """
    from translate.engines.load import load_engine
    from translate.stages.summarization import Summarizer
    from translate.stages.translation import Translator

    translator = summarizer = None
    if translation:
        engine = load_engine(spec.translation, spec.runtime)
        if engine.device == "cpu" and engine.dtype in ("fp16", "bf16"):
            logger.warning(
                "--dtype %s on the CPU is slower than fp32 and less exact; it pays on a GPU",
                engine.dtype,
            )
        # Every article read as Dutch: every sentence goes to the model, English or not
        options = replace(spec.translation_options, keep_english=spec.language_check == "auto")
        translator = Translator(engine, options, _constrainer(spec, engine, load_engine))
    if summary and spec.summary is not None:
        summarizer = Summarizer(load_engine(spec.summary, spec.runtime), spec.summary_options)
    return Pipeline(translator, summarizer, run=run, language_check=spec.language_check)


def _constrainer(spec: PipelineSpec, engine, load_engine):
    """With a glossary and an engine that cannot enforce terms: the same checkpoint on the
    torch engine, which decodes the rows holding terms (``None`` where not needed, or where
    torch cannot load it: terms are then only checked, each unmet one a finding)."""
    if spec.translation_options.glossary is None or engine.constrains:
        return None
    runtime = replace(spec.runtime, engine="torch")
    try:
        constrainer = load_engine(spec.translation, runtime)
    except TranslateError as exc:
        logger.warning(
            "%s cannot enforce glossary terms and the torch engine cannot load the model (%s):"
            " terms are checked, not enforced",
            engine.name,
            exc,
        )
        return None
    logger.info("sentences holding glossary terms decode with the torch engine's search")
    return constrainer


def describe(spec: PipelineSpec) -> RunSettings:
    """The run's settings and model names as a process that loads ``spec`` sees them (its
    device and dtype): a driver that runs no model needs them for freshness."""
    return build_pipeline(spec).run
