"""The analysis of opened files, as tasks run off the GUI thread: load spaCy once, then turn
each file into an analysis, stored in the library.

``Analyst`` makes the tasks; the window's ``Analyses`` runs them on a ``Background`` of its
own (``ui/background.py``), one after the other. Each task tells news on the way (what it is
doing, the text as soon as it is read, parse progress) and answers with an ``Opened``, or
``Cancelled`` when it stopped because the window asked (``Reach.cancelled``, checked by
the readers at each page, paragraph or line and by the analysis between parse batches).
A file or library problem fails the task with its subject and problem. The analyst never
touches a widget; its state is only used on the background thread.

The analyst stores through the background thread's own library connection (a ``Library``
is not shared between threads) and hands each article to the reading step
(``reader.reading``) with the analysis it was given: the pipeline's, or a test's own.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reader.errors import DramatisError
from reader.library import LibraryError, NotSavedError
from reader.model import Analysis, Article
from reader.reading import Reading
from ui import messages
from ui.background import Reach, Where

if TYPE_CHECKING:
    from reader.library import Library, StoredArticle

log = logging.getLogger(__name__)


class Analyse(Protocol):
    """An analysis of one article that reports progress and asks whether to stop."""

    def __call__(
        self,
        article: Article,
        *,
        progress: Callable[[int, int], None],
        cancelled: Callable[[], bool],
    ) -> Analysis: ...


def pipeline_analysis(
    article: Article,
    *,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> Analysis:
    """The app's analysis: the NLP pipeline (imported when the first file is opened)."""
    from reader.pipeline import analyse

    return analyse(article, progress=progress, cancelled=cancelled)


def load_pipeline() -> None:
    """Load spaCy (once per process)."""
    from reader.pipeline import load_model

    load_model()


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


@dataclass(frozen=True, slots=True)
class Cancelled:
    """The analysis stopped when asked; nothing was stored."""


@dataclass(frozen=True, slots=True)
class Announced:
    """News: what the task is doing now, for the status bar."""

    text: str


@dataclass(frozen=True, slots=True)
class Progressed:
    """News: paragraphs parsed, of how many."""

    done: int
    total: int


@dataclass(frozen=True, slots=True)
class ArticleRead:
    """News: the text is read; its analysis follows (text first)."""

    article: Article


@dataclass(frozen=True, slots=True)
class ModelState:
    """The answer of the model task: ready, or the problem in one line."""

    problem: str | None = None


def _named(article: StoredArticle) -> str:
    """What to call a stored article in a message: its title, else its file's name."""
    if article.title:
        return article.title
    return Path(article.source).name if article.source else f"article {article.id}"


class Analyst:
    """Makes the tasks that load the model and analyse files; used on one background thread."""

    def __init__(
        self,
        data_dir: str | Path | None = None,
        analyse: Analyse = pipeline_analysis,
        load_model: Callable[[], None] = load_pipeline,
    ) -> None:
        self._where = Where(None if data_dir is None else str(data_dir))
        self._analyse = analyse
        self._load_model = load_model
        self._library_failed = False
        self._model_ready = False

    @property
    def model_ready(self) -> bool:
        """Whether the model is loaded (read from any thread: a flag set once)."""
        return self._model_ready

    def model_task(self, reach: Reach) -> ModelState:
        """Load spaCy (once per process) so that the first analysis starts at once."""
        if self._model_ready:
            return ModelState()
        reach.tell(Announced(messages.LOADING_MODEL))
        try:
            self._load_model()
        except Exception as error:  # the model package missing or broken
            log.exception("Loading the model failed")
            return ModelState(messages.MODEL_FAILED.format(detail=error))
        # The model's objects live as long as the process: moved out of the garbage
        # collector's sight, its full collections no longer walk them, which held the
        # interpreter (and the window) for about 120 ms at a time (bench/view_drawing.py).
        gc.freeze()
        self._model_ready = True
        return ModelState()

    def open_task(self, path: str) -> Callable[[Reach], Opened | Cancelled]:
        """The task opening, analysing (unless stored) and storing one file."""

        def task(reach: Reach) -> Opened | Cancelled:
            # The NLP stages are imported when a file is opened, on the background thread.
            from reader.pipeline import AnalysisCancelled

            try:
                return self._open(reach, path)
            except AnalysisCancelled:
                return Cancelled()

        return task

    def forget_library_task(self, reach: Reach) -> None:
        """Close the library connection (after a fresh library was started)."""
        reach.forget_library()
        self._library_failed = False

    def _open(self, reach: Reach, path: str) -> Opened:
        from reader.opening import open_article
        from reader.pipeline import AnalysisCancelled, stop_when
        from ui.sample import presented

        name = Path(path).name
        reach.tell(Announced(messages.OPENING.format(name=name)))

        def stop_if_cancelled() -> None:
            if reach.cancelled():
                raise AnalysisCancelled

        # The readers ask at each page, paragraph or line: a cancel stops the reading too.
        with stop_when(stop_if_cancelled):
            article = presented(open_article(path))
        reach.tell(ArticleRead(article))
        if not self._model_ready:
            problem = self.model_task(reach).problem
            if problem is not None:
                raise ModelMissing(messages.MODEL_SUBJECT, problem)
        stop_if_cancelled()
        reach.tell(Announced(messages.ANALYSING.format(name=name)))

        def analyse(article: Article) -> Analysis:
            return self._analyse(
                article,
                progress=lambda done, total: reach.tell(Progressed(done, total)),
                cancelled=reach.cancelled,
            )

        library = self._library(reach)
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

    def _library(self, reach: Reach) -> Library | None:
        """The thread's library connection; None (and analyses unsaved) if it cannot open."""
        if self._library_failed:
            return None
        try:
            return reach.library(self._where)
        except LibraryError as error:
            # The window opened its own connection first and tells the user why.
            log.warning("Analyses go unsaved: %s", error)
            self._library_failed = True
            return None


class ModelMissing(DramatisError):
    """The language model could not be loaded, so nothing can be analysed."""
