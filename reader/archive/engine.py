"""The Dask client side: start a local cluster or connect to one, and analyse through it.

``DaskEngine.map`` keeps a bounded window of tasks in flight (twice the workers' threads),
taking the next article from its input only as results arrive, so that a million-file
archive never sits in memory; results come back in the order they finish. Each task is
keyed by the article's content hash. A task whose worker dies is rescheduled by Dask; one
that killed ``allowed-failures`` workers comes back as a ``Refused`` verdict. Any other
exception on a worker is a bug and is raised here with its traceback.

This is the only module that imports dask.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Iterable, Iterator
from typing import Any

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed
from distributed.system import MEMORY_LIMIT

from reader import errors
from reader.archive.tasks import Refused, analyse_article, worker_version
from reader.errors import DramatisError
from reader.model import Analysis, Article

#: Seconds to wait for an existing scheduler to answer.
CONNECT_TIMEOUT = "10s"
#: A worker process is restarted above this much memory (the largest article needs ~1 GB).
MAX_WORKER_MEMORY = 4 * 1024**3
#: How often the window is re-sized to the workers present (a cluster may grow).
WINDOW_REFRESH_SECONDS = 2.0
#: Settings for the processes of a local cluster. Dask's ``MALLOC_TRIM_THRESHOLD_`` turns
#: off glibc's adaptive heap thresholds, which made spaCy's parsing about 15 % slower in a
#: worker than in this process; its statistical profiler (every 10 ms) and frequent
#: ticks and monitors took another 5-10 % of the processor from the analysis. None of
#: them is needed for long, uniform, CPU-bound tasks.
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class LeaveInterruptsToTheClient(WorkerPlugin):
    """Ctrl+C reaches every process of the terminal's group; a local worker ignores it and
    is shut down by the client instead (without a traceback of its own)."""

    name = "dramatis-leave-interrupts-to-the-client"

    def setup(self, worker: Any) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_local(workers: int) -> tuple[Client, LocalCluster]:
    """A cluster of ``workers`` processes of one thread each, listening on loopback only."""
    _forget_dask_heap_trim()
    # The nannies take the settings when created, and keep them for workers they restart.
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            # No dashboard; the scheduler's small HTTP server (health, metrics) on any
            # free loopback port rather than on 8787, which may be taken.
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            memory_limit=min(MEMORY_LIMIT // workers, MAX_WORKER_MEMORY),
            silence_logs=logging.ERROR,
        )
    try:
        client = Client(cluster, set_as_default=False)
    except BaseException:
        cluster.close()
        raise
    try:
        client.register_plugin(LeaveInterruptsToTheClient())
    except BaseException:
        client.close()
        cluster.close()
        raise
    return client, cluster


def _forget_dask_heap_trim() -> None:
    """Nannies started with Dask's defaults leave their ``MALLOC_TRIM_THRESHOLD_`` in this
    process's environment, where new workers would inherit it: take it out again."""
    dasks = dask.config.get("distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_", None)
    if dasks is not None and os.environ.get("MALLOC_TRIM_THRESHOLD_") == str(dasks):
        del os.environ["MALLOC_TRIM_THRESHOLD_"]


def connect(address: str) -> Client:
    """A client of the scheduler at ``address``; ``DramatisError`` if it cannot be reached."""
    try:
        return Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise DramatisError(address, errors.SCHEDULER_UNREACHABLE.format(detail=error)) from error


class DaskEngine:
    """Analyses on a Dask cluster; ``close`` shuts down a cluster it started."""

    def __init__(
        self, client: Client, expected_version: str, cluster: LocalCluster | None = None
    ) -> None:
        self.client = client
        self.cluster = cluster
        self.expected_version = expected_version
        self.name = "local cluster" if cluster is not None else str(client.scheduler.address)
        self._window = 0
        self._window_at = 0.0

    @classmethod
    def start(cls, expected_version: str, workers: int, scheduler: str | None) -> DaskEngine:
        """Connect to ``scheduler`` or start ``workers`` local processes, and check that the
        workers produce ``expected_version``."""
        if scheduler is not None:
            engine = cls(connect(scheduler), expected_version)
        else:
            client, cluster = start_local(workers)
            engine = cls(client, expected_version, cluster)
        try:
            engine.check_workers()
        except BaseException:
            engine.close()
            raise
        return engine

    # -- set-up ---------------------------------------------------------------------------

    def check_workers(self) -> None:
        """Every worker present runs the same analysis as this installation."""
        try:
            versions = self.client.run(worker_version)
        except Exception as error:  # the workers cannot import or run reader at all
            detail = f"{type(error).__name__}: {error}"
            raise DramatisError(
                self.name, errors.WORKERS_CANNOT_RUN.format(detail=detail)
            ) from error
        for version in versions.values():
            self._check_version(version)

    def _check_version(self, version: str) -> None:
        if version != self.expected_version:
            raise DramatisError(
                self.name,
                errors.WORKERS_OTHER_VERSION.format(found=version, expected=self.expected_version),
            )

    def threads(self) -> int:
        """Worker threads in the cluster now (0 while no worker has joined)."""
        return sum(self.client.nthreads().values())

    # -- analysing ------------------------------------------------------------------------

    def map(self, articles: Iterable[Article]) -> Iterator[Analysis | Refused]:
        """Analyse every article; verdicts in the order they finish."""
        source = iter(articles)
        running = as_completed(loop=self.client.loop)
        in_flight: dict[Future, str] = {}
        try:
            self._fill(source, running, in_flight)
            for future in running:
                sha256 = in_flight.pop(future)
                verdict = self._verdict(future, sha256)
                future.release()
                self._fill(source, running, in_flight)
                yield verdict
        finally:
            if in_flight:
                self.client.cancel(list(in_flight))

    def _fill(
        self, source: Iterator[Article], running: as_completed, in_flight: dict[Future, str]
    ) -> None:
        while len(in_flight) < self.window():
            article = next(source, None)
            if article is None:
                return
            future = self.client.submit(
                analyse_article, article, key=f"dramatis-analyse-{article.sha256}", pure=False
            )
            in_flight[future] = article.sha256
            running.add(future)

    def window(self) -> int:
        """Tasks to keep in flight: two per worker thread, so that none waits for work."""
        now = time.monotonic()
        if now - self._window_at > WINDOW_REFRESH_SECONDS:
            self._window = max(4, 2 * self.threads())
            self._window_at = now
        return self._window

    def _verdict(self, future: Future, sha256: str) -> Analysis | Refused:
        if future.status == "error":
            error = future.exception()
            if isinstance(error, KilledWorker):
                return Refused(sha256, errors.WORKER_DIED.format(times=_allowed_failures() + 1))
            raise error
        result: Any = future.result()
        if isinstance(result, Analysis):
            self._check_version(result.version)
        return result

    # -- shutting down --------------------------------------------------------------------

    def close(self) -> None:
        """Close the client, and shut down the local cluster if this engine started it."""
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _allowed_failures() -> int:
    return int(dask.config.get("distributed.scheduler.allowed-failures"))
