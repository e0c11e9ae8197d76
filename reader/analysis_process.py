"""An analysis in a process of its own: the language model loads and articles are analysed
there, so the caller's interpreter is never held by spaCy.

The window analyses this way. Importing spaCy and loading the model hold the interpreter
for up to 50 ms at a time, and the stages between parse batches hold it again; in a thread
of the window's own process that is time its event loop cannot run. Here the process that
asks only waits on a pipe, which holds nothing.

``AnalysisProcess`` starts its process (``spawn``: a fresh interpreter, which is also what
a packaged app can start) when first asked, loads the model there on ``load_model``, and
``analyse`` has the same contract as ``reader.pipeline.analyse`` with ``progress`` and
``cancelled``: paragraphs parsed are told as the process reports them, a cancel stops the
analysis at its next check (``AnalysisCancelled``), an article the pipeline refuses raises
the same ``ArticleError``. A process that dies (killed, out of memory) fails the article in
hand with an ``ArticleError`` naming it, and the next request starts a new process. Only
one thread asks at a time (the window's analyses run on one background thread).
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.errors import ArticleError, DramatisError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import SpawnProcess
    from multiprocessing.synchronize import Event

    from reader.model import Analysis, Article

#: How often the asking thread looks at the cancel flag while it waits (seconds).
POLL_SECONDS = 0.05
#: How long stopping waits for the process to end before it is terminated (seconds).
STOP_SECONDS = 0.5

PROCESS_ENDED = "the analysis stopped: the process analysing it ended unexpectedly"
NAME = "dramatis-analysis"


_shared: list[AnalysisProcess] = []


def shared_process() -> AnalysisProcess:
    """The analysis process of this program, shared by its windows: one model loaded once,
    as it was when the model lived in the window's own process. It ends with the program
    (a daemon process, and its pipe closes)."""
    if not _shared:
        _shared.append(AnalysisProcess())
    return _shared[0]


class ModelLoadFailed(Exception):
    """The model could not be loaded in the analysis process; the message says why."""


class AnalysisProcess:
    """The model and the analyses, in a child process started when first needed."""

    def __init__(self, seconds: float | None = None) -> None:
        """``seconds``: how long one analysis may take (``reader.deadline.ANALYSIS_SECONDS``
        when None)."""
        self._seconds = seconds
        self._lock = threading.Lock()
        #: Answers to requests sent without waiting (``start_loading``), to pass over.
        self._unheard = 0
        self._process: SpawnProcess | None = None
        self._connection: Connection | None = None
        self._cancel: Event | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def load_model(self) -> None:
        """Start the process if needed and load the model in it (once per process)."""
        with self._lock:
            answer = self._ask(("load",), None, lambda: False, subject=NAME)
        if answer[0] == "failed":
            raise ModelLoadFailed(answer[1])

    def analyse(
        self,
        article: Article,
        *,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Analysis:
        """The article's analysis, made in the process (see the module)."""
        from reader.pipeline import AnalysisCancelled

        subject = str(article.source or article.title or "the article")
        with self._lock:
            request = ("analyse", article, self._seconds)
            answer = self._ask(request, progress, cancelled, subject=subject)
        kind = answer[0]
        if kind == "done":
            analysis: Analysis = answer[1]
            return analysis
        if kind == "cancelled":
            raise AnalysisCancelled
        if kind == "refused":
            raise ArticleError(answer[1], answer[2])
        if kind == "failed":
            raise ModelLoadFailed(answer[1])
        raise RuntimeError(f"the analysis process met a bug:\n{answer[1]}")

    def start_loading(self) -> None:
        """Start the process and have it load the model now, without waiting: an app calls
        this first thing, so that spaCy is imported while its window is being made."""
        with self._lock:
            if not self.running:
                self.stop()
                self._start()
            assert self._connection is not None
            self._connection.send(("load",))
            self._unheard += 1

    def stop(self) -> None:
        """End the process (the window closes); the next request starts a new one."""
        # The cancel flag is held until the process has ended: a process still starting
        # reads it (a named semaphore) and would find it gone.
        process, connection, cancel = self._process, self._connection, self._cancel
        self._process = self._connection = self._cancel = None
        self._unheard = 0
        if process is None:
            return
        try:
            if connection is not None:
                connection.send(("stop",))
        except (OSError, ValueError):
            pass
        process.join(STOP_SECONDS)
        if process.is_alive():
            process.terminate()
            process.join(STOP_SECONDS)
        if connection is not None:
            connection.close()
        del cancel

    # -- in the asking process ------------------------------------------------------------------

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe(duplex=True)
        cancel = context.Event()
        process = context.Process(target=serve, args=(theirs, cancel), name=NAME, daemon=True)
        process.start()
        theirs.close()
        self._process, self._connection, self._cancel = process, mine, cancel

    def _ask(
        self,
        request: tuple[Any, ...],
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool],
        subject: str,
    ) -> tuple[Any, ...]:
        """Send one request and wait for its answer, telling progress and passing a cancel
        on; a process that ended is replaced by the next request."""
        if not self.running:
            self.stop()
            self._start()
        connection, cancel, process = self._connection, self._cancel, self._process
        assert connection is not None and cancel is not None and process is not None
        cancel.clear()
        try:
            connection.send(request)
            while True:
                if connection.poll(POLL_SECONDS):
                    answer: tuple[Any, ...] = connection.recv()
                    if self._unheard and answer[0] in ("loaded", "failed"):
                        self._unheard -= 1  # the answer to ``start_loading``
                        continue
                    if answer[0] == "progress":
                        if progress is not None:
                            progress(answer[1], answer[2])
                        continue
                    return answer
                if cancelled():
                    cancel.set()
                if not process.is_alive() and not connection.poll():
                    raise EOFError
        except (EOFError, OSError) as error:
            self.stop()
            raise ArticleError(subject, PROCESS_ENDED) from error


# -- in the analysis process ------------------------------------------------------------------


def serve(connection: Connection, cancel: Event) -> None:
    """The analysis process: answer requests until told to stop or the pipe closes."""
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request[0] == "stop":
            return
        if request[0] == "load":
            connection.send(_load())
        elif request[0] == "analyse":
            connection.send(_analyse(request[1], request[2], connection, cancel))


_loaded: list[bool] = []


def _load() -> tuple[Any, ...]:
    if _loaded:
        return ("loaded",)
    try:
        from reader.pipeline import load_model

        load_model()
    except Exception as error:  # the model package missing or broken
        return ("failed", str(error))
    # The model's objects live as long as the process: out of the collector's sight.
    gc.freeze()
    _loaded.append(True)
    return ("loaded",)


def _analyse(
    article: Article, seconds: float | None, connection: Connection, cancel: Event
) -> tuple[Any, ...]:
    from reader.pipeline import AnalysisCancelled, Deadline, analyse

    loaded = _load()
    if loaded[0] == "failed":
        return loaded
    try:
        analysis = analyse(
            article,
            progress=lambda done, total: connection.send(("progress", done, total)),
            cancelled=cancel.is_set,
            deadline=Deadline(article.source, seconds),
        )
    except AnalysisCancelled:
        return ("cancelled",)
    except DramatisError as error:
        return ("refused", error.subject, error.problem)
    except Exception:  # a bug: told with its traceback, the process goes on
        return ("bug", traceback.format_exc())
    return ("done", analysis)
