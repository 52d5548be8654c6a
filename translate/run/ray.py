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

from translate.errors import TranslateError, UsageError, first_line
from translate.run.build import PipelineSpec, build_pipeline, describe
from translate.run.core import Parsed, Result, RunSettings, Translated, merge_isolated
from translate.run.files import ArticleFiles, BatchJob
from translate.types import Outcome

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


def import_ray():
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UsageError(f"--ray needs Ray Data, which is not installed: {INSTALL}") from exc
    return ray


class TranslateStage:
    """Ray Data stage 1: a batch of articles in, each translated (or failed) out; with no
    summary stage, each finished with its record.

    Called by ``map_batches`` with a batch as a dict of columns; the ``item`` column holds
    pickled :class:`~translate.run.core.Article` (in) and ``Translated`` or ``Result``
    (out). The model loads once, when the actor starts.
    """

    def __init__(self, spec: PipelineSpec, run: RunSettings):
        self.pipeline = build_pipeline(spec, summary=False, run=run)
        self.last_stage = spec.summary is None

    def __call__(self, batch: dict) -> dict:
        pipeline = self.pipeline
        parsed = [pipeline.parse(pickle.loads(item)) for item in batch["item"]]
        if self.last_stage:
            return _column(merge_isolated(parsed, Parsed, pipeline.process_parsed))
        return _column(merge_isolated(parsed, Parsed, pipeline.translate))


class SummarizeStage:
    """Ray Data stage 2: translated articles in, each with its summary and record out."""

    def __init__(self, spec: PipelineSpec, run: RunSettings):
        self.pipeline = build_pipeline(spec, translation=False, run=run)

    def __call__(self, batch: dict) -> dict:
        items = [pickle.loads(item) for item in batch["item"]]
        return _column(merge_isolated(items, Translated, self.pipeline.finish))


def _column(items: list) -> dict:
    import numpy as np

    column = np.empty(len(items), dtype=object)
    column[:] = [pickle.dumps(item) for item in items]
    return {"item": column}


class RayRunner:
    """The batch job with its models on Ray: the driver reads and writes the files as
    :class:`~translate.run.local.BatchRunner` does (:class:`ArticleFiles`), the two stages
    run as Ray Data actor pools.

    Args:
        spec: what the stages load.
        job: folders and flags; ``window_articles`` is the batch each actor call gets (the
            actor's translator windows those by segments, as locally).
        options: where and how wide.
        memory: the translation memory, or None: looked up and added to in the driver;
            the actors get only the sentences left to translate.
    """

    def __init__(self, spec: PipelineSpec, job: BatchJob, options: RayOptions, memory=None):
        self.spec = spec
        self.job = job
        self.options = options
        self.ray = import_ray()
        self._started = _connect(self.ray, options)
        try:
            self.run_settings = self._remote(describe, spec)
        except BaseException:
            self.close()
            raise
        self.files = ArticleFiles(job, self.run_settings, memory)

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
            prepared = self.files.prepare(rel)
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
            yield self.files.write(Path(result.name), result)

    def _results(self, articles: list) -> Iterator[Result]:
        ray, options, window = self.ray, self.options, self.job.window_articles
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # the batch view shows progress
        context.print_on_execution_start = False
        arguments = {"spec": self.spec, "run": self.run_settings}
        dataset = ray.data.from_items(
            [{"item": pickle.dumps(a)} for a in articles],
            override_num_blocks=max(1, -(-len(articles) // window)),
        )
        dataset = self._stage(dataset, TranslateStage, options.translation_workers, arguments)
        if self.spec.summary is not None:
            dataset = self._stage(dataset, SummarizeStage, options.summary_workers, arguments)
        for batch in dataset.iter_batches(batch_size=None, batch_format="numpy"):
            for item in batch["item"]:
                yield pickle.loads(item)

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
        unreachable = _unreachable(options.address)
        if unreachable:  # Ray itself would retry for minutes, holding the outbox lock
            raise UsageError(f"cannot join the Ray cluster at {options.address}: {unreachable}")
        try:
            with warnings.catch_warnings():  # the Ray Client warns, then raises the same
                warnings.simplefilter("ignore")
                ray.init(address=options.address, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise UsageError(
                f"cannot join the Ray cluster at {options.address}: {first_line(exc)}"
            ) from None
    return True


def _unreachable(address: str, timeout: float = 10.0) -> str | None:
    """Why nothing answers at a cluster address (``host:port`` or ``ray://host:port``), or
    ``None`` when something does; ``auto`` is Ray's to resolve."""
    import socket

    if address == "auto":
        return None
    hostport = address.removeprefix("ray://")
    host, _, port = hostport.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return "not an address: give auto, host:port or ray://host:port"
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as exc:
        return f"nothing answers there ({exc.strerror or type(exc).__name__})"
    return None
