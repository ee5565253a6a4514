"""Run extraction batches in this process, or in a pool of local worker processes.

The pool's processes are started with `spawn`: a fresh interpreter each, never a fork of
a parent that may hold threads (a progress display, a Dask client) and their locks. Each
loads the spaCy pipeline once, in its initializer, and keeps it for every batch it runs.
A worker that dies takes the pool down with it (that is how Python's pool reports it);
the runner then starts a new pool and sends every unfinished batch again, so no document
is lost, and the caller takes each batch once, so none is stored twice.

Stopping leaves nothing running. A build that is interrupted (Ctrl-C, SIGTERM, an error)
calls `stop`, which terminates the workers mid-batch rather than waiting for their work
(nothing they hold is stored yet). A worker ignores Ctrl-C itself, so a terminal's
SIGINT to the whole process group is handled once, by the parent; and it watches its
parent and exits when the parent is gone (SIGKILL, a crash), so no worker is left behind
holding the spaCy model, and multiprocessing's resource tracker, which lives until the
last process holding its pipe exits, goes with them.
"""

from __future__ import annotations

import concurrent.futures as futures
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from consilience.defaults import POOL_THRESHOLD_CHARS
from consilience.ingest import Document

Job = Callable[[Sequence[Document]], list[Any]]
# How often a pool may be restarted after a worker died before the build gives up: a
# document that kills its worker every time must not loop forever.
MAX_RESTARTS = 3
# How often a worker checks that its parent is still alive: the longest an orphaned worker
# lives on after its parent was killed.
PARENT_POLL_S = 0.5
# How long `stop` waits for terminated workers to exit before it kills them.
STOP_GRACE_S = 5.0
# Batches the automatic runner keeps back, unstarted, while it counts what there is to
# extract: enough to see POOL_THRESHOLD_CHARS before any is extracted even in items a
# fifth as long as the portal feed's one-sentence ones (13 batches of 32 of those), few
# enough to keep memory small.
HOLD_BATCHES = 64


class ScaleError(RuntimeError):
    """Extraction workers could not be started or kept running."""


def default_workers(
    chars_to_extract: int, cores: int, threshold: int = POOL_THRESHOLD_CHARS
) -> int:
    """How many processes a build extracts in when it is not told: one per core once
    there are `threshold` characters to extract, else this one, since each worker of a
    pool loads the spaCy model before it extracts anything."""
    return cores if cores > 1 and chars_to_extract >= threshold else 1


def warm_worker() -> None:
    """Load the spaCy pipeline once, when a worker process starts."""
    from consilience.extract import load_nlp

    load_nlp()


def init_pool_worker(parent: int) -> None:
    """Initializer of a pool worker: leave Ctrl-C to the parent process `parent`, exit
    when it is gone, then load the spaCy pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(
        target=_exit_with_parent, args=(parent,), name="consilience-parent-watch", daemon=True
    ).start()
    warm_worker()


def _exit_with_parent(parent: int) -> None:
    """Exit this process at once when `parent` is no longer its parent (an orphan is
    adopted by init or a subreaper); a batch it is running has no one to return to.
    Right for `spawn` and `fork`, whose workers are children of the build; under
    `forkserver` the parent would be the server, and every worker would exit at once."""
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)


class SerialRunner:
    """Batches run here, in this process, one at a time, when they are waited for."""

    window = 1
    workers = 1

    def __init__(self, job: Job) -> None:
        self.job = job
        self._pending: list[tuple[int, list[Document]]] = []

    def submit(self, index: int, documents: list[Document]) -> None:
        self._pending.append((index, documents))

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        if not block or not self._pending:
            return []
        index, documents = self._pending.pop(0)
        return [(index, self.job(documents))]

    def close(self) -> None:
        self._pending.clear()

    def stop(self) -> None:
        self.close()


class PoolRunner:
    """Batches run in `workers` local processes; two batches per worker are kept in flight
    so that a worker never waits for the next one."""

    def __init__(self, job: Job, workers: int, start_method: str = "spawn") -> None:
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.job = job
        self.workers = workers
        self.start_method = start_method
        self.restarts = 0
        self._futures: dict[futures.Future[list[Any]], tuple[int, list[Document]]] = {}
        self._pool = self._start()

    @property
    def window(self) -> int:
        return 2 * self.workers

    def _start(self) -> futures.ProcessPoolExecutor:
        return futures.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context(self.start_method),
            initializer=init_pool_worker,
            initargs=(os.getpid(),),
        )

    def submit(self, index: int, documents: list[Document]) -> None:
        try:
            future = self._pool.submit(self.job, documents)
        except BrokenProcessPool:
            self._restart()
            future = self._pool.submit(self.job, documents)
        self._futures[future] = (index, documents)

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        if not self._futures:
            return []
        done, _ = futures.wait(
            list(self._futures),
            timeout=None if block else 0,
            return_when=futures.FIRST_COMPLETED,
        )
        finished: list[tuple[int, list[Any]]] = []
        broken = False
        for future in done:
            index, documents = self._futures[future]
            try:
                results = future.result()
            except BrokenProcessPool:
                broken = True
                continue
            del self._futures[future]
            finished.append((index, results))
        if broken:
            self._restart()
        return finished

    def _restart(self) -> None:
        """A worker died: start a new pool and send every unfinished batch to it again."""
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            raise ScaleError(
                f"extraction worker processes died {self.restarts} times; giving up "
                "(is the machine out of memory?)"
            )
        self._pool.shutdown(wait=False, cancel_futures=True)
        unfinished = sorted(self._futures.values(), key=lambda batch: batch[0])
        self._futures.clear()
        self._pool = self._start()
        for index, documents in unfinished:
            self._futures[self._pool.submit(self.job, documents)] = (index, documents)

    def close(self) -> None:
        """Finish: the workers exit once the batches they run are done."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._futures.clear()

    def stop(self) -> None:
        """Stop now: drop queued batches and terminate the workers, killing any that does
        not exit within STOP_GRACE_S. Their results would not be stored anyway."""
        # The executor forgets its processes on shutdown, so take them first.
        processes = list((self._pool._processes or {}).values())
        self._futures.clear()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + STOP_GRACE_S
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join()


class AutoRunner:
    """Batches run in this process until `threshold` characters have been sent to be
    extracted, then in a pool of one worker per core (`default_workers`), which takes
    every batch not yet run. A batch is kept back, unrun, until it has to be waited for
    or HOLD_BATCHES are kept, so a build with enough to extract starts its pool before
    extracting anything here, and one with less never starts it."""

    def __init__(
        self,
        job: Job,
        cores: int,
        threshold: int = POOL_THRESHOLD_CHARS,
        start_pool: Callable[[Job, int], PoolRunner] = PoolRunner,
    ) -> None:
        self.job = job
        self.cores = cores
        self.threshold = threshold
        self.chars = 0
        self._start_pool = start_pool
        self._pool: PoolRunner | None = None
        self._held: list[tuple[int, list[Document]]] = []

    @property
    def workers(self) -> int:
        return 1 if self._pool is None else self._pool.workers

    @property
    def window(self) -> int:
        return HOLD_BATCHES if self._pool is None else self._pool.window

    def submit(self, index: int, documents: list[Document]) -> None:
        self.chars += sum(len(document.text) for document in documents)
        if self._pool is not None:
            self._pool.submit(index, documents)
            return
        self._held.append((index, documents))
        workers = default_workers(self.chars, self.cores, self.threshold)
        if workers > 1:
            self._pool = self._start_pool(self.job, workers)
            held, self._held = self._held, []
            for number, batch in held:
                self._pool.submit(number, batch)

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        if self._pool is not None:
            return self._pool.wait(block)
        if not block or not self._held:
            return []
        index, documents = self._held.pop(0)
        return [(index, self.job(documents))]

    def close(self) -> None:
        self._held.clear()
        if self._pool is not None:
            self._pool.close()

    def stop(self) -> None:
        self._held.clear()
        if self._pool is not None:
            self._pool.stop()
