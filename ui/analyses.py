"""The window's side of the analysis worker: ask for files, hear back, show what is wanted.

``Analyses`` starts the worker (``ui/worker.py``) on a thread of its own, queues each file
to it as a job (``ui/jobs.py`` keeps the ids and the worker's floor), and hears its results:
the text as soon as it is read, then the analysis, a failure, progress or a cancellation.
Only the shown job's results reach the screen; the others of the batch are only stored,
and results of jobs no longer wanted are dropped. The status bar's busy indicator and the
Esc action follow what is running; the library's panels are read again once per batch.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal

from reader.model import Article
from reader.output.words import plural
from ui import messages
from ui.jobs import JobTracker
from ui.on_screen import article_title, opening_name
from ui.worker import MODEL_JOB, AnalysisWorker, Opened

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Quitting waits this long for a running analysis to stop at its next check.
QUIT_WAIT_MS = 1000


class Analyses(QObject):
    """The analysis worker's thread, the jobs asked of it, and what comes back."""

    #: Queued to the worker: (job id, path).
    jobRequested = Signal(int, str)
    modelRequested = Signal()
    libraryReplaced = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.thread_ = QThread(window)
        self.thread_.setObjectName("dramatis-analysis")
        self.worker = AnalysisWorker(window.data_dir)
        self.worker.moveToThread(self.thread_)
        self.jobs = JobTracker(self.worker)
        #: Results were stored since the panels were last refreshed (once per batch).
        self.unrefreshed = False
        self.model_busy = False
        self.jobRequested.connect(self.worker.open_path)
        self.modelRequested.connect(self.worker.load_model)
        self.libraryReplaced.connect(self.worker.reopen_library)
        # ``finished`` is emitted on the worker thread, so the library closes where it lives.
        self.thread_.finished.connect(self.worker.shutdown, Qt.ConnectionType.DirectConnection)
        self.worker.articleRead.connect(self.on_article_read)
        self.worker.analysed.connect(self.on_analysed)
        self.worker.failed.connect(self.on_failed)
        self.worker.announced.connect(self.on_announced)
        self.worker.progressed.connect(self.on_parse_progress)
        self.worker.cancelled.connect(self.on_cancelled)
        self.worker.modelLoaded.connect(self.on_model_loaded)
        self.thread_.start()

    # -- asking ---------------------------------------------------------------------------------

    def open_paths(self, chosen: list[Path]) -> list[int]:
        """Queue ``chosen`` (the first shown); every earlier request still waiting drops."""
        jobs = self.jobs.start(len(chosen), opening_name(chosen[0]))
        for job, path in zip(jobs, chosen, strict=True):
            self.jobRequested.emit(job, str(path))
        self.update_busy(messages.OPENING.format(name=self.jobs.shown_name))
        return jobs

    def drop_all(self) -> None:
        """A stored article is shown: anything still being analysed for display is unwanted."""
        self.jobs.drop_all()
        self.update_busy("")

    def cancel(self) -> None:
        """Stop what is being opened (Esc, Cancel): the text stays, without highlights."""
        if not self.jobs.running:
            return
        cancelled_shown = self.jobs.cancel()
        self.update_busy("")
        if cancelled_shown:
            self.window.status_text.setText(
                messages.ANALYSIS_CANCELLED.format(name=self.jobs.shown_name)
            )

    def is_busy(self) -> bool:
        return self.model_busy or bool(self.jobs.running)

    def shutdown(self) -> None:
        """Stop the worker's thread, waiting about a second for a running analysis."""
        self.jobs.stop_all()
        self.thread_.quit()
        if not self.thread_.wait(QUIT_WAIT_MS):
            log.warning("The analysis did not stop within a second; waiting for it")
            self.thread_.wait()

    # -- hearing back ---------------------------------------------------------------------------

    def on_article_read(self, job: int, article: Article) -> None:
        """The text as soon as it is read; highlights and cast follow with the analysis."""
        if job == self.jobs.shown:
            self.jobs.shown_name = self.window.show_preview(article)

    def on_analysed(self, job: int, opened: Opened) -> None:
        if not self.jobs.finished(job):
            log.debug("Dropped the stale result of job %d", job)
            self.update_busy("")
            return
        window = self.window
        name = article_title(opened.analysis)
        if opened.saved:
            self.unrefreshed = True  # the panels refresh once the batch is done
        if job == self.jobs.shown:
            note = "from the library" if opened.was_stored else (opened.note or "")
            window.show_analysis(opened.analysis, opened.article_id, note=note)
            if opened.note:
                window.banner.show_message(f"{opened.path}: {opened.note}", "warning")
            if opened.copy_of is not None:
                message = messages.KEPT_AS_COPY.format(original=opened.copy_of)
            elif opened.was_stored:
                message = messages.SHOWN_STORED.format(name=name)
            elif opened.saved:
                message = messages.SHOWN_NEW.format(name=name)
            else:
                message = messages.SHOWN_NOT_SAVED.format(name=name)
        else:
            message = messages.ADDED_TO_LIBRARY.format(name=name)
        self.update_busy(message)

    def on_failed(self, job: int, subject: str, problem: str) -> None:
        self.jobs.running.discard(job)
        if job == MODEL_JOB:
            self.model_busy = False
            self.window.banner.show_message(messages.MODEL_PROBLEM.format(problem=problem))
        elif self.jobs.wanted(job):
            self.window.show_error(subject, problem)
        self.update_busy("")

    def on_announced(self, job: int, message: str) -> None:
        if job == MODEL_JOB:
            self.model_busy = True
        elif not self.jobs.wanted(job):
            return
        self.update_busy(message)

    def on_parse_progress(self, job: int, done: int, total: int) -> None:
        if not self.jobs.wanted(job) or not self.jobs.is_running(job):
            return
        self.window.busy.show_progress(done, total)
        self.window.status_text.setText(
            messages.ANALYSIS_PROGRESS.format(done=done, total=plural(total, "paragraph"))
        )

    def on_cancelled(self, job: int) -> None:
        """The worker stopped ``job`` when asked (it was cancelled, or replaced)."""
        self.jobs.running.discard(job)
        self.update_busy("")

    def on_model_loaded(self) -> None:
        self.model_busy = False
        self.update_busy(messages.MODEL_READY if not self.jobs.running else "")

    def update_busy(self, message: str) -> None:
        window = self.window
        if message:
            window.status_text.setText(message)
        running = bool(self.jobs.running)
        window.busy.setVisible(self.model_busy or running)
        window.busy.set_cancellable(running)
        window.commands["cancel"].setEnabled(running)
        if not running:
            window.busy.show_busy()
            if self.unrefreshed:
                self.unrefreshed = False
                window.refresh_library()
