"""The background worker: loads spaCy once and turns files into analyses, off the GUI thread.

``AnalysisWorker`` lives on its own ``QThread``. The window asks for work with queued
signals and gets immutable results back through ``articleRead``, ``progressed``,
``analysed``, ``cancelled`` and ``failed``; the worker never touches a widget. Every job has
an id: when the user opens something else the job tracker (``ui.jobs``) raises ``floor``,
and older jobs are skipped if not yet started and cancelled if running (the window also
ignores any stale result that still arrives). ``cancel(job)`` is called directly from the
GUI thread: the worker is busy inside the analysis, so a queued signal would arrive too
late; it sets a ``threading.Event`` that the analysis asks about between parse batches.

The worker keeps its own library connection (a ``Library`` is not shared between threads)
and hands each article to the reading step (``reader.reading``) with an analyser of its job.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.library import Library, LibraryError, NotSavedError, StoredArticle, open_library
from reader.model import Analysis, Article
from reader.opening import ArticleError
from reader.reading import Reading
from ui import messages

log = logging.getLogger(__name__)

#: Job id used for messages about the model itself rather than one file.
MODEL_JOB = 0


@dataclass(frozen=True, slots=True)
class Opened:
    """An analysis ready to show, and what happened to it in the library."""

    path: str
    analysis: Analysis
    article_id: int | None
    was_stored: bool
    saved: bool
    note: str | None = None
    #: The title of the stored article this one is a copy of (the same story), or None.
    copy_of: str | None = None


def _named(article: StoredArticle) -> str:
    """What to call a stored article in a message: its title, else its file's name."""
    if article.title:
        return article.title
    return Path(article.source).name if article.source else f"article {article.id}"


class AnalysisWorker(QObject):
    """Loads the model and analyses files; one instance on one QThread."""

    modelLoaded = Signal()
    #: (job id, what the worker is doing now, for the status bar).
    announced = Signal(int, str)
    #: (job id, paragraphs parsed, paragraphs in all).
    progressed = Signal(int, int, int)
    #: (job id, Article): the text is read; its analysis follows (text first).
    articleRead = Signal(int, object)
    analysed = Signal(int, object)
    #: (job id): the analysis stopped when asked; nothing was stored.
    cancelled = Signal(int)
    failed = Signal(int, str, str)

    def __init__(self, data_dir: str | Path | None = None) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._library: Library | None = None
        self._library_tried = False
        self._model_ready = False
        #: Jobs below this id are no longer wanted (set from the GUI thread; an int store
        #: is atomic, and the running analysis reads it between parse batches).
        self.floor = 0
        self._flags: dict[int, threading.Event] = {}
        self._flags_lock = threading.Lock()

    def cancel(self, job: int) -> None:
        """Stop ``job`` at its next check; safe to call from any thread."""
        self._flag(job).set()

    def _flag(self, job: int) -> threading.Event:
        with self._flags_lock:
            return self._flags.setdefault(job, threading.Event())

    def is_cancelled(self, job: int) -> bool:
        """Whether ``job`` should stop: cancelled, or below the floor."""
        return job < self.floor or self._flag(job).is_set()

    @Slot()
    def load_model(self) -> None:
        """Load spaCy (once per process) so that the first analysis starts at once."""
        if self._model_ready:
            return
        self.announced.emit(MODEL_JOB, messages.LOADING_MODEL)
        try:
            from reader.pipeline import load_model

            load_model()
        except Exception as error:  # the model package missing or broken
            log.exception("Loading the model failed")
            detail = messages.MODEL_FAILED.format(detail=error)
            self.failed.emit(MODEL_JOB, messages.MODEL_SUBJECT, detail)
            return
        # The model's objects live as long as the process: moved out of the garbage
        # collector's sight, its full collections no longer walk them, which held the
        # interpreter (and the window) for about 120 ms at a time (bench/view_drawing.py).
        gc.freeze()
        self._model_ready = True
        self.modelLoaded.emit()

    @Slot(int, str)
    def open_path(self, job: int, path: str) -> None:
        """Open, analyse (unless stored) and store one file; report the result."""
        if job < self.floor:
            self._forget(job)
            return
        # The NLP stages are imported when a file is opened, on this thread.
        from reader.pipeline import AnalysisCancelled

        name = Path(path).name
        self.announced.emit(job, messages.OPENING.format(name=name))
        try:
            self.analysed.emit(job, self._open(job, path, name))
        except AnalysisCancelled:
            self.cancelled.emit(job)
        except ArticleError as error:
            self.failed.emit(job, error.subject, error.problem)
        except LibraryError as error:
            self.failed.emit(job, error.subject, error.problem)
        except Exception as error:  # a bug: keep the app running, keep the traceback
            log.exception("Analysing %s failed", path)
            self.failed.emit(job, path, messages.UNEXPECTED.format(detail=error))
        finally:
            self._forget(job)

    def _forget(self, job: int) -> None:
        with self._flags_lock:
            self._flags.pop(job, None)

    def _open(self, job: int, path: str, name: str) -> Opened:
        from reader.opening import open_article
        from reader.pipeline import AnalysisCancelled, stop_when
        from ui.sample import presented

        def stop_if_cancelled() -> None:
            if self.is_cancelled(job):
                raise AnalysisCancelled

        # The readers ask at each page, paragraph or line: a cancel stops the reading too.
        with stop_when(stop_if_cancelled):
            article = presented(open_article(path))
        self.articleRead.emit(job, article)
        if not self._model_ready:
            self.load_model()
        if self.is_cancelled(job):
            raise AnalysisCancelled
        self.announced.emit(job, messages.ANALYSING.format(name=name))
        analyse = self._analyser(job)
        library = self._open_library()
        if library is None:
            return Opened(path, analyse(article), None, False, False)
        try:
            stored_before = library.find(article.sha256) is not None
        except LibraryError:
            stored_before = False
        try:
            added = Reading(library, analyse).add_article(article)
        except NotSavedError as error:
            note = messages.NOT_SAVED_NOTE.format(problem=error.problem)
            return Opened(path, error.analysis, None, False, False, note)
        article_id, analysis, was_new = added
        stored = stored_before and not was_new
        original = None if added.original is None else _named(added.original)
        return Opened(path, analysis, article_id, stored, True, copy_of=original)

    def _analyser(self, job: int) -> Callable[[Article], Analysis]:
        """The analysis of ``job``'s article, reporting progress and stopping when cancelled."""
        from reader.pipeline import analyse

        def analyse_for_job(article: Article) -> Analysis:
            return analyse(
                article,
                progress=lambda done, total: self.progressed.emit(job, done, total),
                cancelled=lambda: self.is_cancelled(job),
            )

        return analyse_for_job

    def _open_library(self) -> Library | None:
        if not self._library_tried:
            self._library_tried = True
            try:
                self._library = open_library(self._data_dir)
            except LibraryError as error:
                # The window opened its own connection first and tells the user why.
                log.warning("Worker works without the library: %s", error)
                self._library = None
        return self._library

    @Slot()
    def reopen_library(self) -> None:
        """Forget the current library connection (after a fresh library was started)."""
        self._close_library()
        self._library_tried = False

    @Slot()
    def shutdown(self) -> None:
        """Close the library connection; called on the worker's thread as it finishes."""
        self._close_library()

    def _close_library(self) -> None:
        if self._library is not None:
            with contextlib.suppress(LibraryError):
                self._library.close()
            self._library = None
