"""The batch job on Ray Data: the same job across machines, on Ray's own scheduler.

The driver does what touches files, exactly as local mode (scan, size and encoding checks,
freshness, the outbox lock, atomic writes with the sidecar last); the models run in two Ray
Data stages of stateful actors (``map_batches`` over callable classes in actor pools), one
that translates and one that summarizes, each sized on its own. Workers get article texts,
not paths, so only the driver needs the inbox and outbox; every node needs the models.
"""

from __future__ import annotations

import logging
import pickle
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from translate.config import ModelSpec, RuntimeOptions, SummaryOptions, TranslationOptions
from translate.errors import TranslateError, UsageError
from translate.run.core import Parsed, Pipeline, Result, Translated, isolated
from translate.run.local import BatchJob, BatchRunner, Outcome

logger = logging.getLogger(__name__)

INSTALL = "pip install -e '.[ray]' (or pip install 'ray[data,client]')"


@dataclass(frozen=True)
class RayOptions:
    """Where and how wide the job runs.

    Args:
        address: ``None`` starts a local Ray sized to this machine; ``auto`` joins the
            cluster this machine belongs to; else a cluster address (``ray://host:10001``).
        translation_workers, summary_workers: actors per stage (each loads its model once).
        gpus_per_worker: GPUs per actor; a fraction lets several actors share one GPU.
        cpus_per_worker: CPUs per actor (and torch threads, on the CPU).
    """

    address: str | None = None
    translation_workers: int = 1
    summary_workers: int = 1
    gpus_per_worker: float = 0.0
    cpus_per_worker: float = 1.0


@dataclass(frozen=True)
class StageModels:
    """What the stage actors load: the models, runtime and stage options, all picklable."""

    translation: ModelSpec
    summary: ModelSpec | None
    runtime: RuntimeOptions
    translation_options: TranslationOptions
    summary_options: SummaryOptions
    language_check: str = "auto"


def import_ray():
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UsageError(f"--ray needs Ray Data, which is not installed: {INSTALL}") from exc
    return ray


def _translator(models: StageModels):
    from translate.engines.load import load_engine
    from translate.stages.translation import Translator

    return Translator(load_engine(models.translation, models.runtime), models.translation_options)


def _summarizer(models: StageModels):
    from translate.engines.load import load_engine
    from translate.stages.summarization import Summarizer

    if models.summary is None:
        return None
    return Summarizer(load_engine(models.summary, models.runtime), models.summary_options)


def describe(models: StageModels) -> tuple[dict, dict]:
    """The run's settings and model names, as the workers will see them (their device and
    dtype): the driver needs them for freshness before anything is scheduled."""
    pipeline = Pipeline(
        _translator(models), _summarizer(models), language_check=models.language_check
    )
    return pipeline.settings, pipeline.models


class TranslateStage:
    """Ray Data stage 1: a batch of articles in, each translated (or failed) out.

    Called by ``map_batches`` with a batch as a dict of columns; the ``item`` column holds
    pickled :class:`~translate.run.core.Article` (in) and ``Translated`` or failed
    ``Result`` (out). The model loads once, when the actor starts.
    """

    def __init__(self, models: StageModels, settings: dict, names: dict):
        self.pipeline = Pipeline(
            _translator(models),
            None,
            settings=settings,
            models=names,
            language_check=models.language_check,
        )

    def __call__(self, batch: dict) -> dict:
        parsed = [self.pipeline.parse(pickle.loads(item)) for item in batch["item"]]
        window = [p for p in parsed if isinstance(p, Parsed)]
        done = iter(isolated(window, self.pipeline.translate, _name_of))
        return _column([p if isinstance(p, Result) else next(done) for p in parsed])


class SummarizeStage:
    """Ray Data stage 2: translated articles in, each with its summary and record out."""

    def __init__(self, models: StageModels, settings: dict, names: dict):
        self.pipeline = Pipeline(None, _summarizer(models), settings=settings, models=names)

    def __call__(self, batch: dict) -> dict:
        items = [pickle.loads(item) for item in batch["item"]]
        window = [t for t in items if isinstance(t, Translated)]
        done = iter(isolated(window, self.pipeline.finish, _name_of))
        return _column([t if isinstance(t, Result) else next(done) for t in items])


def _column(items: list) -> dict:
    import numpy as np

    column = np.empty(len(items), dtype=object)
    column[:] = [pickle.dumps(item) for item in items]
    return {"item": column}


def _name_of(item) -> str:
    return item.article.name


class RayRunner(BatchRunner):
    """The batch job with its models on Ray: reading and writing as :class:`BatchRunner`,
    the two stages as Ray Data actor pools.

    Args:
        models: what the stages load.
        job: folders and flags; ``window_articles`` is the batch each actor call gets.
        options: where and how wide.
    """

    def __init__(self, models: StageModels, job: BatchJob, options: RayOptions):
        self.models = models
        self.options = options
        self.ray = import_ray()
        self._started = _connect(self.ray, options)
        try:
            settings, names = self._remote(describe, models)
        except BaseException:
            self.close()
            raise
        super().__init__(Pipeline(None, None, settings=settings, models=names), job)

    def close(self) -> None:
        """Stops the local Ray this runner started (a joined cluster is left running)."""
        if self._started and self.ray.is_initialized():
            self.ray.shutdown()
        self._started = False

    def run(
        self, sources: Iterable[Path], progress: Callable[..., None] | None = None
    ) -> Iterator[Outcome]:
        """Processes ``sources`` (relative to the inbox). A generator: skipped and refused
        sources come first, then outcomes as results come back from the cluster.
        ``progress`` is not called: segments are counted inside the actors."""
        articles = []
        for rel in sources:
            prepared = self._prepare(rel)
            if isinstance(prepared, Outcome):
                yield prepared
            else:
                articles.append(prepared)
        if not articles:
            return
        written: set[str] = set()
        for result in self._results(articles):
            if result.name in written:  # a retried task may hand a batch back twice
                continue
            written.add(result.name)
            yield self._write(Path(result.name), result)

    def _results(self, articles: list) -> Iterator[Result]:
        ray, options, window = self.ray, self.options, self.job.window_articles
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the batch view shows progress
        context.print_on_execution_start = False
        arguments = {
            "models": self.models,
            "settings": self.pipeline.settings,
            "names": self.pipeline.models,
        }
        dataset = ray.data.from_items(
            [{"item": pickle.dumps(a)} for a in articles],
            override_num_blocks=max(1, -(-len(articles) // window)),
        )
        dataset = self._stage(dataset, TranslateStage, options.translation_workers, arguments)
        if self.models.summary is not None:
            dataset = self._stage(dataset, SummarizeStage, options.summary_workers, arguments)
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for item in batch["item"]:
                result = pickle.loads(item)
                if isinstance(result, Translated):  # translation only: the record, here
                    result = self.pipeline.finish([result])[0]
                yield result

    def _stage(self, dataset, stage: type, workers: int, arguments: dict):
        """``stage`` as a pool of ``workers`` actors, each called with ``--window`` articles."""
        return dataset.map_batches(
            stage,
            fn_constructor_kwargs=arguments,
            batch_size=self.job.window_articles,
            compute=self.ray.data.ActorPoolStrategy(size=workers),
            num_cpus=self.options.cpus_per_worker,
            num_gpus=self.options.gpus_per_worker,
        )

    def _remote(self, function, *args):
        ray = self.ray
        task = ray.remote(
            num_cpus=self.options.cpus_per_worker, num_gpus=self.options.gpus_per_worker
        )(function)
        try:
            return ray.get(task.remote(*args))
        except ray.exceptions.RayTaskError as exc:
            cause = getattr(exc, "cause", None)
            if isinstance(cause, TranslateError):  # a missing model: one line, as locally
                raise cause from None
            raise


def _connect(ray, options: RayOptions) -> bool:
    """Joins or starts Ray; True when this call started it (and so must stop it)."""
    if ray.is_initialized():  # an embedding program (or a test session) already did
        return False
    from translate.config import available_cpus

    # Readable output: the batch view reports progress and failures; Ray's own notices
    # (token auth, progress bars off) would drown it
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    if options.address is None:
        ray.init(num_cpus=available_cpus(), include_dashboard=False, **quiet)
    else:
        try:
            with warnings.catch_warnings():  # the Ray Client warns, then raises the same
                warnings.simplefilter("ignore")
                ray.init(address=options.address, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise UsageError(
                f"cannot join the Ray cluster at {options.address}: {reason}"
            ) from None
    return True
