"""The Dask client side: start a local cluster or connect to one, and analyse through it.

``DaskEngine.run`` keeps a bounded window of tasks in flight (eight per worker thread),
asking the run for its next job only as results arrive, so that a million-file archive
never sits in memory; results come back in the order they finish. A task opens a file's
bytes on a worker or analyses a group of articles there, as one parse stream: while every
worker has an analysis to do, the articles opened meanwhile are held here and sent
together (up to ``GROUP_CHARS`` of text), so that spaCy's batches run on from one article
into the next; a worker with nothing to analyse gets what is held at once, and once every
file is handed out what is held is shared out between the workers. An analysis is keyed
by its first article's content hash and its size. A task whose worker dies is rescheduled
by Dask; a group that killed ``allowed-failures`` workers is sent again an article at a
time, and an article that did comes back as a verdict naming its files. Any other
exception on a worker is a bug and is raised here with its traceback.

A scheduler is asked for with a bounded handshake first (``probe``) and must have a worker
within ``WORKERS_SECONDS``; a local cluster is started only if loopback connections work.
Each failure is a ``DramatisError``. This and ``probe`` are the only modules that import
dask.
"""

from __future__ import annotations

import logging
import math
import os
import signal
import socket
import time
import uuid
from collections.abc import Callable
from typing import Any

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed
from distributed.system import MEMORY_LIMIT

from reader import errors
from reader.archive.probe import probe
from reader.archive.tasks import (
    Articles,
    FileBytes,
    Job,
    Opened,
    Refused,
    Result,
    Work,
    analyse_articles,
    open_file,
    worker_version,
)
from reader.errors import DramatisError
from reader.model import Analysis, Article

#: Seconds to wait for an existing scheduler to answer (after ``probe`` found it there).
CONNECT_TIMEOUT = "10s"
#: Seconds to wait for a scheduler without workers to get one.
WORKERS_SECONDS = 10.0
#: Seconds to wait for a connection to this machine's own loopback address.
LOOPBACK_SECONDS = 2.0
#: A worker process is restarted above this much memory (the largest article needs ~1 GB).
MAX_WORKER_MEMORY = 4 * 1024**3
#: How often the window is re-sized to the workers present (a cluster may grow).
WINDOW_REFRESH_SECONDS = 2.0
#: Articles are sent to a worker in groups of up to this much text (about 12,000 words,
#: a few seconds of work): enough for several of spaCy's batches, so that few of them end
#: part-full at a group's end, and little enough to share out at the end of a run.
GROUP_CHARS = 64_000
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
    """A cluster of ``workers`` processes of one thread each, listening on loopback only;
    ``DramatisError`` when it cannot be started (with the loopback interface
    down, a traceback after 30 s)."""
    subject = f"--workers {workers}"
    try:
        check_loopback()
    except OSError as error:
        detail = f"127.0.0.1 cannot be reached: {_os_detail(error)}"
        raise DramatisError(subject, errors.LOCAL_CLUSTER_FAILED.format(detail=detail)) from None
    try:
        return _start_local(workers)
    except Exception as error:  # the machine, not the program: ports, processes, memory
        detail = f"{type(error).__name__}: {error}"
        raise DramatisError(subject, errors.LOCAL_CLUSTER_FAILED.format(detail=detail)) from error


def check_loopback() -> None:
    """Connect to a listening socket on 127.0.0.1; ``OSError`` if that cannot be done."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=LOOPBACK_SECONDS):
            pass


def _os_detail(error: OSError) -> str:
    return (error.strerror or str(error) or type(error).__name__).lower()


def _start_local(workers: int) -> tuple[Client, LocalCluster]:
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
    """A client of the scheduler at ``address``, which has at least one worker;
    ``DramatisError`` if it cannot be reached, is no Dask scheduler, or has no worker."""
    probe(address)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except Exception as error:  # the network and the peer, not this program
        raise DramatisError(address, errors.SCHEDULER_UNREACHABLE.format(detail=error)) from error
    try:
        client.wait_for_workers(1, timeout=WORKERS_SECONDS)
    except TimeoutError:
        client.close()
        problem = errors.SCHEDULER_NO_WORKERS.format(seconds=WORKERS_SECONDS, address=address)
        raise DramatisError(address, problem) from None
    except BaseException:
        client.close()
        raise
    return client


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
        #: Opened articles held until a worker can take them, and their text's length.
        self._held: list[Article] = []
        self._held_chars = 0
        #: Analysis tasks in flight.
        self._analysing = 0

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

    def run(self, work: Work) -> None:
        """Do every job of ``work``, handing back each result in the order they finish."""
        running = as_completed(loop=self.client.loop)
        in_flight: dict[Future, Job] = {}
        self._held, self._held_chars, self._analysing = [], 0, 0
        try:
            self._fill(work, running, in_flight)
            for future in running:
                job = in_flight.pop(future)
                if not isinstance(job, FileBytes):
                    self._analysing -= 1
                results = self._results(future, job)
                future.release()
                for result in results:
                    if isinstance(result, Articles):
                        self._submit(result, running, in_flight)
                    else:
                        work.take(result)
                self._fill(work, running, in_flight)
        finally:
            if in_flight:
                self.client.cancel(list(in_flight))

    def _fill(self, work: Work, running: as_completed, in_flight: dict[Future, Job]) -> None:
        """Send jobs until the window is full: files to open, and the articles opened, held
        until there are enough to send together or a worker has nothing to analyse."""
        handed_out = False
        while len(in_flight) < self.window():
            if self._held_chars >= GROUP_CHARS:
                self._submit(self._group(GROUP_CHARS), running, in_flight)
                continue
            job = work.next_job()
            if job is None:
                handed_out = True
                break
            if isinstance(job, Article):
                self._held.append(job)
                self._held_chars += len(job.text)
            else:
                self._submit(job, running, in_flight)
        threads = max(self.threads(), 1)
        while self._held and (self._analysing < threads or not in_flight):
            # Every file handed out: what is held is all there is, shared between workers.
            share = math.ceil(self._held_chars / threads) if handed_out else GROUP_CHARS
            self._submit(self._group(min(share, GROUP_CHARS)), running, in_flight)

    def _group(self, chars: int) -> Articles:
        """The articles held longest, up to ``chars`` of text (at least one)."""
        taken, size = 1, len(self._held[0].text)
        while taken < len(self._held) and size + len(self._held[taken].text) <= chars:
            size += len(self._held[taken].text)
            taken += 1
        group, self._held = tuple(self._held[:taken]), self._held[taken:]
        self._held_chars -= size
        return Articles(group)

    def _submit(
        self, job: FileBytes | Articles, running: as_completed, in_flight: dict[Future, Job]
    ) -> None:
        task: Callable[..., object]
        if isinstance(job, FileBytes):
            # Two runs may open files at the same index: a key of its own each time.
            task, key = open_file, f"dramatis-open-{uuid.uuid4().hex}"
        else:
            first = job.articles[0].sha256
            task, key = analyse_articles, f"dramatis-analyse-{first}-{len(job.articles)}"
            self._analysing += 1
        future = self.client.submit(task, job, key=key, pure=False)
        in_flight[future] = job
        running.add(future)

    def window(self) -> int:
        """Tasks to keep in flight: eight per worker thread. A worker opens the files sent
        to it once its analysis is done, so the articles held for the next group are
        about as many as the files in flight: eight a thread make groups of a dozen
        news articles (four made groups of six, whose last batch ran part-full at about
        7 % more processor time an article than one long stream)."""
        now = time.monotonic()
        if now - self._window_at > WINDOW_REFRESH_SECONDS:
            self._window = max(16, 8 * self.threads())
            self._window_at = now
        return self._window

    def _results(self, future: Future, job: Job) -> list[Result | Articles]:
        """What a task gave back, one result a file or article; a group whose task killed
        its workers comes back as its articles, to be sent again one at a time."""
        if future.status == "error":
            error = future.exception()
            if isinstance(error, KilledWorker):
                problem = errors.WORKER_DIED.format(times=_allowed_failures() + 1)
                if isinstance(job, FileBytes):
                    return [Opened(job.index, None, problem)]
                articles = job.articles if isinstance(job, Articles) else (job,)
                if len(articles) > 1:
                    return [Articles((article,)) for article in articles]
                return [Refused(articles[0].sha256, problem)]
            raise error
        answer: Any = future.result()
        results: list[Result | Articles] = list(answer) if isinstance(job, Articles) else [answer]
        for result in results:
            if isinstance(result, Analysis):
                self._check_version(result.version)
        return results

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
