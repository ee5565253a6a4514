"""Run extraction batches on Dask: a LocalCluster started here, or an existing scheduler.

Each worker loads the spaCy pipeline once (a worker plugin does it as the worker joins,
and a worker that is restarted loads it again) and keeps it for every batch. Only a
bounded number of batches is submitted at a time, so neither this process nor the
scheduler holds the corpus. When a worker dies, Dask runs its unfinished batches again
elsewhere; the caller takes each batch once, so no document is lost or stored twice.

Workers of an existing cluster need consilience and its spaCy model installed, the same
versions as here.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import signal
import threading
import time
import uuid
from typing import Any

from consilience.defaults import LOCAL
from consilience.ingest import Document
from consilience.scale.pool import Job, ScaleError

# How long to wait for an existing scheduler to answer.
CONNECT_TIMEOUT_S = 10
# The workers of a cluster started here run as a pool process does. They do not sample
# their own stacks every 10 ms for the dashboard's profile (there is no dashboard; on
# extraction, which is mostly Python code, that costs several percent). Nor do
# they get MALLOC_TRIM_THRESHOLD_, which Dask sets to return memory to the system
# sooner: with it, glibc trims the heap and maps large blocks far more often (setting it
# turns off glibc's adaptive mmap threshold), and spaCy parses about 11% slower.
_MALLOC_TRIM = "MALLOC_TRIM_THRESHOLD_"
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    f"distributed.nanny.pre-spawn-environ.{_MALLOC_TRIM}": None,
}
# How often the number of worker threads is asked again (workers may join or leave).
WINDOW_REFRESH_S = 10.0


def _distributed() -> Any:
    """The `distributed` package, imported only when Dask is asked for (it is slow to
    import, and partly untyped)."""
    return importlib.import_module("distributed")


def _pipeline_plugin(local: bool) -> Any:
    class LoadPipeline(_distributed().WorkerPlugin):  # type: ignore[misc]
        """Loads the spaCy pipeline when a worker starts, before its first batch. A worker
        of a cluster started here also leaves Ctrl-C to this process (a terminal sends it
        to the whole process group): this process stops the cluster, with no traceback
        from every worker. Dask's nanny pipe already ends a worker whose parent dies."""

        def __init__(self, ignore_interrupt: bool) -> None:
            self.ignore_interrupt = ignore_interrupt

        def setup(self, worker: Any) -> None:
            from consilience.scale.pool import warm_worker

            if self.ignore_interrupt and threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            warm_worker()

    return LoadPipeline(local)


class DaskRunner:
    """Batches run as Dask tasks, two per worker thread in flight."""

    def __init__(self, job: Job, address: str = LOCAL, workers: int = 2) -> None:
        distributed = _distributed()
        self.job = job
        self.cluster: Any = None
        self._token = uuid.uuid4().hex[:8]
        try:
            if address == LOCAL:
                self.cluster = self._local_cluster(distributed, workers)
                self.client: Any = distributed.Client(self.cluster)
            else:
                self.client = distributed.Client(address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as error:
            self.close()
            raise ScaleError(f"cannot reach the Dask scheduler at {address} ({error})") from None
        self.client.register_plugin(
            _pipeline_plugin(self.cluster is not None), name="consilience-pipeline"
        )
        self._completed: Any = distributed.as_completed(with_results=False)
        self._keys: dict[str, int] = {}
        self._submitted = 0
        self._threads = 0
        self._threads_at = 0.0

    @staticmethod
    def _local_cluster(distributed: Any, workers: int) -> Any:
        # A nanny copies its workers' environment into this process's too, so a
        # cluster started here before would hand its setting on to this one's workers.
        inherited = os.environ.pop(_MALLOC_TRIM, None)
        try:
            with importlib.import_module("dask").config.set(LOCAL_WORKER_CONFIG):
                return distributed.LocalCluster(
                    n_workers=max(1, workers),
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    # The build owns this cluster and reports what fails through its
                    # results; a worker's own log lines are noise to its user, the
                    # commonest a heartbeat's traceback when a stopped build closes the
                    # scheduler under a worker that is still shutting down.
                    silence_logs=logging.CRITICAL,
                )
        finally:
            if inherited is not None:
                os.environ[_MALLOC_TRIM] = inherited

    @property
    def window(self) -> int:
        now = time.monotonic()
        if now - self._threads_at > WINDOW_REFRESH_S:
            self._threads = sum(self.client.nthreads().values())
            self._threads_at = now
        return max(2, 2 * self._threads)

    @property
    def workers(self) -> int:
        """The cluster's worker threads, as last counted (one batch each at a time)."""
        return max(1, self.window // 2)

    def submit(self, index: int, documents: list[Document]) -> None:
        # A key of its own for every submission: a batch number may come again (a
        # retried batch), and Dask would answer a key it still knows with the old result.
        self._submitted += 1
        key = f"consilience-extract-{self._token}-{self._submitted}"
        future = self.client.submit(self.job, documents, key=key, pure=False)
        self._keys[future.key] = index
        self._completed.add(future)

    def wait(self, block: bool) -> list[tuple[int, list[Any]]]:
        if not self._keys:
            return []
        if block:
            ready = [next(self._completed)]
            ready.extend(self._completed.next_batch(block=False))
        else:
            ready = list(self._completed.next_batch(block=False))
        finished: list[tuple[int, list[Any]]] = []
        for future in ready:
            index = self._keys.pop(future.key)
            # result() raises the task's own error (a missing model, a bug), or
            # KilledWorker when Dask gave up after workers died running this batch.
            try:
                finished.append((index, future.result()))
            except Exception as error:
                if type(error).__name__ != "KilledWorker":
                    raise
                raise ScaleError(
                    f"Dask gave up on a batch of documents: every worker that ran it died "
                    f"({error}); are the workers out of memory?"
                ) from None
            future.release()
        return finished

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()

    def stop(self) -> None:
        """Stop now: cancel the batches in flight, then close as usual (a local cluster's
        nannies terminate their workers)."""
        client = getattr(self, "client", None)
        keys = getattr(self, "_keys", {})
        if client is not None and keys:
            # Stopping must go on to close the cluster whatever cancelling says.
            with contextlib.suppress(Exception):
                client.cancel(list(self._completed.futures), force=True)
            keys.clear()
        self.close()
