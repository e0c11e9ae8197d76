"""The window's side of the analyses: ask for files, hear back, show what is wanted.

``Analyses`` runs the analyst's tasks (``ui/worker.py``) on a ``Background`` thread of their
own (``ui/background.py``): the model first, then each file as a job (``ui/jobs.py`` keeps
the ids and cancels the jobs no longer wanted). It hears the news of each job (the text
as soon as it is read, progress) and its end (the analysis, a failure or a cancellation).
Only the shown job's results reach the screen; the others of the batch are only stored,
and results of jobs no longer wanted are dropped. The status bar's busy indicator and the
Esc action follow what is running; the library's panels are read again once per batch.
The signals repeat each event on the GUI thread, after the window has shown it.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.analysis_process import shared_process
from reader.model import Article
from reader.output.words import plural
from ui import messages
from ui.background import Background
from ui.jobs import JobTracker
from ui.on_screen import article_title, opening_name
from ui.worker import (
    Analyse,
    Analyst,
    Announced,
    ArticleRead,
    Cancelled,
    ModelState,
    Opened,
    Progressed,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The job id of messages about the model itself rather than one file.
MODEL_JOB = 0


class Analyses(QObject):
    """The analyses' background thread, the jobs asked of it, and what comes back."""

    #: (job id, Article): the text is read and shown; its analysis follows.
    articleRead = Signal(int, object)
    #: (job id, paragraphs parsed, paragraphs in all).
    progressed = Signal(int, int, int)
    #: (job id, Opened): the analysis of a job still wanted arrived.
    analysed = Signal(int, object)
    #: (job id): the analysis stopped when asked; nothing was stored.
    cancelled = Signal(int)
    #: (job id, subject, problem); job ``MODEL_JOB`` for the model.
    failed = Signal(int, str, str)

    def __init__(self, window: MainWindow, analyse: Analyse | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.background = Background(self, "dramatis-analysis", writable=True)
        if analyse is None:
            # The model and the analyses live in a process of their own: loading spaCy and
            # analysing never hold this process's interpreter, nor so the window.
            process = shared_process()
            self.analyst = Analyst(window.data_dir, process.analyse, process.load_model)
        else:  # a test's own analysis, which needs no language model
            self.analyst = Analyst(window.data_dir, analyse, load_model=lambda: None)
        self.jobs = JobTracker(self._cancel_job)
        #: Results were stored since the panels were last refreshed (once per batch).
        self.unrefreshed = False
        self.model_busy = False

    # -- asking ---------------------------------------------------------------------------------

    def load_model(self) -> None:
        """Load the model now, so that the first analysis starts at once."""
        self.background.run(
            "model",
            self.analyst.model_task,
            self.on_model_state,
            news=lambda news: self.on_news(MODEL_JOB, news),
        )

    def library_replaced(self) -> None:
        """A fresh library was started: the analyses' connection opens it afresh."""
        self.background.run("library", self.analyst.forget_library_task, lambda _none: None)

    def open_paths(self, chosen: list[Path]) -> list[int]:
        """Queue ``chosen`` (the first shown); every earlier request still waiting drops."""
        jobs = self.jobs.start(len(chosen), opening_name(chosen[0]))
        for job, path in zip(jobs, chosen, strict=True):
            self.background.run(
                f"job {job}",
                self.analyst.open_task(str(path)),
                partial(self.on_answer, job),
                partial(self.on_failed, job),
                partial(self.on_news, job),
            )
        self.update_busy(messages.OPENING.format(name=self.jobs.shown_name))
        return jobs

    def _cancel_job(self, job: int) -> None:
        self.background.cancel(f"job {job}")

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
        """Stop the analyses' thread, waiting about a second for a running one to stop."""
        self.jobs.stop_all()
        self.background.shutdown()  # a writable thread: the analysis stops at its next check

    # -- hearing back ---------------------------------------------------------------------------

    def on_news(self, job: int, news: object) -> None:
        if isinstance(news, Announced):
            self.on_announced(job, news.text)
        elif isinstance(news, Progressed):
            self.on_parse_progress(job, news.done, news.total)
        elif isinstance(news, ArticleRead):
            self.on_article_read(job, news.article)

    def on_answer(self, job: int, answer: Opened | Cancelled) -> None:
        if isinstance(answer, Cancelled):
            self.on_cancelled(job)
        else:
            self.on_analysed(job, answer)

    def on_article_read(self, job: int, article: Article) -> None:
        """The text as soon as it is read; highlights and cast follow with the analysis."""
        if job == self.jobs.shown:
            self.jobs.shown_name = self.window.show_preview(article)
        self.articleRead.emit(job, article)

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
        self.analysed.emit(job, opened)

    def on_failed(self, job: int, subject: str, problem: str) -> None:
        self.jobs.running.discard(job)
        if job == MODEL_JOB:
            self.model_busy = False
            self.window.banner.show_message(messages.MODEL_PROBLEM.format(problem=problem))
        elif self.jobs.wanted(job):
            self.window.show_error(subject, problem)
        self.update_busy("")
        self.failed.emit(job, subject, problem)

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
        self.progressed.emit(job, done, total)

    def on_cancelled(self, job: int) -> None:
        """The analysis stopped ``job`` when asked (it was cancelled, or replaced)."""
        self.jobs.running.discard(job)
        self.update_busy("")
        self.cancelled.emit(job)

    def on_model_state(self, state: ModelState) -> None:
        if state.problem is not None:
            self.on_failed(MODEL_JOB, messages.MODEL_SUBJECT, state.problem)
            return
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
