"""Library reads off the GUI thread: run a task on a reader thread, hand its answer back.

A search of many terms can take seconds, and "who said what" for a prolific actor reads
thousands of rows; the window must keep drawing meanwhile. A
``LibraryTasks`` (on the GUI thread) owns a ``LibraryReader`` on its own ``QThread`` with
its own read-only ``Library`` (a connection is never shared between threads). ``run`` sends
the reader a callable taking that library; the reader calls it and the answer comes back,
through a queued signal, to the ``done`` callback on the GUI thread. Each task belongs to a
channel ("search", "said", …): an answer to a task its channel has since replaced is
dropped, so a late answer never overwrites a newer one. A task only reads the library it is
given and returns immutable values; the reader never touches a widget (as Picard's
``util/thread.py``: run a task, then deliver to the main thread).
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from reader.library import (
    Bounds,
    Column,
    Library,
    LibraryError,
    ListedArticle,
    Removed,
    SearchHit,
    open_library,
)
from ui import messages

log = logging.getLogger(__name__)

#: How many recently opened articles an empty search lists.
RECENT_LIMIT = 50
#: How long quitting waits for a task still running (its query is interrupted first).
STOP_WAIT_MS = 1000

#: A task: reads the library it is given (on the reader thread), returns immutable values.
Work = Callable[[Library], Any]


@dataclass(frozen=True, slots=True)
class Where:
    """Which library a task reads: its data folder and analysis version; ``sound``: the
    window's connection knows the file sound (checked, or as the last clean close left it),
    so that a writer's first write need not check it again."""

    data_dir: str
    version: str
    sound: bool = field(default=False, compare=False)

    @classmethod
    def of(cls, library: Library) -> Where:
        return cls(data_dir_of(library), library.version, library.trusted)


@dataclass(frozen=True, slots=True)
class _Pending:
    channel: str
    done: Callable[[Any], None]
    failed: Callable[[str, str], None] | None


class LibraryReader(QObject):
    """Runs tasks on its own thread, from its own connection: read-only, or ``writable`` for
    the few writes too slow for the GUI thread (removing articles, putting them back)."""

    answered = Signal(int, object)
    failed = Signal(int, str, str)

    def __init__(self, writable: bool = False) -> None:
        super().__init__()
        self.writable = writable
        self._library: Library | None = None
        self._opened_for: Where | None = None
        self._lock = threading.Lock()

    @Slot(int, object, object)
    def run(self, task_id: int, where: Where, work: Work) -> None:
        try:
            answer = work(self._library_for(where))
        except LibraryError as error:
            self.failed.emit(task_id, error.subject, error.problem)
            return
        except sqlite3.OperationalError as error:
            if "interrupt" not in str(error):
                raise
            return  # stopped by ``interrupt`` (quitting): nobody waits for the answer
        except Exception as error:  # a bug: logged with its traceback, reported in one line
            log.exception("A library task failed")
            self.failed.emit(task_id, where.data_dir, messages.UNEXPECTED.format(detail=error))
            return
        self.answered.emit(task_id, answer)

    def _library_for(self, where: Where) -> Library:
        if self._library is None or self._opened_for != where:
            self.close()
            library = open_library(
                where.data_dir, version=where.version, read_only=not self.writable
            )
            if self.writable and where.sound:
                library.mark_sound()  # the same file the window's connection knows sound
            with self._lock:
                self._library, self._opened_for = library, where
        assert self._library is not None
        return self._library

    def interrupt(self) -> None:
        """Abort the query running now; safe to call from any thread (``sqlite3`` allows it)."""
        with self._lock:
            if self._library is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._library.connection.interrupt()

    @Slot()
    def close(self) -> None:
        """Close the connection (on the reader's own thread, where it was opened)."""
        with self._lock:
            library, self._library, self._opened_for = self._library, None, None
        if library is not None:
            library.close()


class LibraryTasks(QObject):
    """The GUI thread's side: ``run`` a task, get its answer in a callback, late ones dropped."""

    #: Queued to the reader thread: (task id, Where, work).
    requested = Signal(int, object, object)

    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "dramatis-library-reader",
        *,
        writable: bool = False,
    ) -> None:
        super().__init__(parent)
        self._next = 0
        self._latest: dict[str, int] = {}
        self._pending: dict[int, _Pending] = {}
        self._stopped = False
        self.thread_ = QThread(self)
        self.thread_.setObjectName(name)
        self.reader = LibraryReader(writable)
        self.reader.moveToThread(self.thread_)
        # ``finished`` is emitted on the reader's thread, so the connection closes where it lives.
        self.thread_.finished.connect(self.reader.close, Qt.ConnectionType.DirectConnection)
        self.requested.connect(self.reader.run)
        self.reader.answered.connect(self._on_answered)
        self.reader.failed.connect(self._on_failed)
        self.thread_.start()

    def run(
        self,
        channel: str,
        library: Library,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[str, str], None] | None = None,
    ) -> int:
        """Run ``work(reader's library)`` on the reader thread; ``done(answer)`` follows here.

        Replaces any task of ``channel`` still running or waiting: its answer is dropped.
        """
        self._next += 1
        self._latest[channel] = self._next
        self._pending[self._next] = _Pending(channel, done, failed)
        self.requested.emit(self._next, Where.of(library), work)
        return self._next

    def forget(self, channel: str) -> None:
        """Drop the answer of ``channel``'s task still to come."""
        self._latest.pop(channel, None)

    def busy(self, channel: str) -> bool:
        """Whether an answer of ``channel`` is still awaited."""
        return channel in self._latest

    def _take(self, task_id: int) -> _Pending | None:
        pending = self._pending.pop(task_id, None)
        if pending is None or self._latest.get(pending.channel) != task_id:
            return None  # replaced since: a late answer
        del self._latest[pending.channel]
        return pending

    def _on_answered(self, task_id: int, answer: object) -> None:
        pending = self._take(task_id)
        if pending is not None:
            pending.done(answer)

    def _on_failed(self, task_id: int, subject: str, problem: str) -> None:
        pending = self._take(task_id)
        if pending is not None and pending.failed is not None:
            pending.failed(subject, problem)

    def shutdown(self) -> None:
        """Stop the reader thread: interrupt its query, wait about a second at most."""
        if self._stopped:
            return
        self._stopped = True
        self._latest.clear()
        self.thread_.quit()
        if not self.reader.writable:
            self.reader.interrupt()  # a write is let finish: it is one transaction
        if not self.thread_.wait(STOP_WAIT_MS):
            log.warning("A library task is still running; waiting for it to finish")
            self.thread_.wait()


# -- searches ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """The hits of one search; ``total`` is the library's size for an empty search."""

    hits: tuple[SearchHit, ...]
    total: int | None = None


def search_task(text: str, scope: str, bounds: Bounds | None = None) -> Work:
    """A task searching for ``text`` in ``scope`` ("text", "actor" or "entity"), within
    the Library tab's outlet and date range."""

    def work(library: Library) -> SearchAnswer:
        if not text:
            stored = library.articles(limit=RECENT_LIMIT)
            hits = tuple(SearchHit(a.id, a.title, "", 0.0, a.source, a.last_opened) for a in stored)
            return SearchAnswer(hits, library.count())
        if scope == "actor":
            return SearchAnswer(tuple(library.search("", actor=text, bounds=bounds)))
        if scope == "entity":
            return SearchAnswer(tuple(library.search("", entity=text, bounds=bounds)))
        return SearchAnswer(tuple(library.search(text, bounds=bounds)))

    return work


# -- the library as a table ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TableView:
    """What the table shows: its order and filters (an answer for another is dropped)."""

    column: Column = Column.ADDED
    descending: bool = True
    bounds: Bounds = field(default_factory=Bounds)


@dataclass(frozen=True, slots=True)
class TablePages:
    """Some pages of the table (``{page number: rows}``), how many rows it has in all,
    and the library's generation when they were read."""

    view: TableView
    total: int
    pages: dict[int, tuple[ListedArticle, ...]]
    generation: int
    #: The library's outlets with their counts, when asked for.
    outlets: tuple[tuple[str, int], ...] | None = None
    #: How many articles the library holds, filters or not.
    everything: int = 0


def table_task(
    view: TableView, pages: tuple[int, ...], page_size: int, *, outlets: bool = False
) -> Work:
    """A task reading pages of the table (and its size and the generation, first, so that
    they describe the same library as the pages, bar a writer in between)."""

    def work(library: Library) -> TablePages:
        generation = library.generation()
        total = library.listing_count(view.bounds)
        found = {
            n: tuple(
                library.listing(
                    view.column, view.descending, view.bounds,
                    limit=page_size, offset=n * page_size,
                )
            )
            for n in pages
        }  # fmt: skip
        listed = tuple(library.outlets()) if outlets else None
        everything = library.listing_count() if view.bounds else total
        return TablePages(view, total, found, generation, listed, everything)

    return work


def remove_task(article_ids: list[int]) -> Work:
    """A task removing articles, keeping what putting them back needs (``Removed``)."""
    return lambda library: library.remove_articles(article_ids)


def put_back_task(removed: Removed) -> Work:
    """A task storing removed articles again: ``{old id: id now}``."""
    return lambda library: library.put_back(removed)


def generation_task() -> Work:
    """A task asking how far the library has come (one row read: cheap every few seconds)."""
    return lambda library: library.generation()


def data_dir_of(library: Library) -> str:
    """The data folder a library lives in (what ``open_library`` takes)."""
    return str(Path(library.path).parent)
