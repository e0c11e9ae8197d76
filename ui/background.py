"""The one way the window runs work off the GUI thread: a named thread that runs tasks.

A ``Background`` (on the GUI thread) owns a ``_Runner`` on a ``QThread`` of its own. ``run``
sends the runner a task, a callable taking a ``Reach``; the runner calls it, and its answer
comes back through a queued signal to the ``done`` callback on the GUI thread. While it
runs, a task may ``tell`` news (a file's text read, progress) that reaches the ``news``
callback the same way, and ask whether it was ``cancelled``. Through its ``Reach`` a task
also gets the thread's own library connection (a ``Library`` is never shared between
threads), opened when first needed and closed on that thread when it finishes.

Each task belongs to a channel ("search", "said", "job 4", …): an answer or news of a task
its channel has since replaced is dropped, so a late answer never overwrites a newer one.
A ``DramatisError`` (a file or library the user can act on) reaches the ``failed``
callback as its subject and problem; any other exception is a bug, logged with its
traceback and reported in one line. A task returns immutable values and never touches a
widget (as Picard's ``util/thread.py``: run a task, then deliver to the main thread).

The analyses of opened files, the library's reads and writes, and the exports all run
this way, each on a ``Background`` of its own.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

import reader.library
from reader.errors import DramatisError
from ui import messages

if TYPE_CHECKING:
    from reader.library import Library

log = logging.getLogger(__name__)

#: How long stopping waits at first for a task still running, before it says so and waits on.
STOP_WAIT_MS = 1000


@dataclass(frozen=True, slots=True)
class Where:
    """Which library a task reads: its data folder and analysis version (None: the current
    one); ``sound``: the window's connection knows the file sound (checked, or as the last
    clean close left it), so that a writer's first write need not check it again."""

    data_dir: str | None
    version: str | None = None
    sound: bool = field(default=False, compare=False)

    @classmethod
    def of(cls, library: Library) -> Where:
        return cls(str(Path(library.path).parent), library.version, library.trusted)


class Reach:
    """What a running task can reach: its thread's library, a way to tell news, and
    whether it was cancelled. Only the runner's thread uses it."""

    def __init__(self, runner: _Runner, task_id: int) -> None:
        self._runner = runner
        self._task_id = task_id

    def library(self, where: Where) -> Library:
        """The thread's own connection to the library ``where`` names (opened if needed)."""
        return self._runner.library_for(where)

    def forget_library(self) -> None:
        """Close the thread's connection: the next ``library`` opens it afresh."""
        self._runner.close()

    def tell(self, news: object) -> None:
        """Send ``news`` to the task's ``news`` callback on the GUI thread."""
        self._runner.told.emit(self._task_id, news)

    def cancelled(self) -> bool:
        """Whether the GUI thread has asked this task to stop."""
        return self._runner.is_cancelled(self._task_id)


#: A task: runs on the background thread with its ``Reach``, returns immutable values.
Task = Callable[[Reach], Any]


class _Runner(QObject):
    """Runs tasks on its thread, from its own library connection: read-only, or
    ``writable`` for work that stores (analyses, removals)."""

    answered = Signal(int, object)
    failed = Signal(int, str, str)
    told = Signal(int, object)
    #: A task cancelled before it started: it was never run.
    skipped = Signal(int)

    def __init__(self, writable: bool) -> None:
        super().__init__()
        self.writable = writable
        self._library: Library | None = None
        self._opened_for: Where | None = None
        self._lock = threading.Lock()
        self._cancelled: set[int] = set()

    @Slot(int, object)
    def run(self, task_id: int, task: Task) -> None:
        try:
            if self.is_cancelled(task_id):
                self.skipped.emit(task_id)
                return
            answer = task(Reach(self, task_id))
        except DramatisError as error:
            self.failed.emit(task_id, error.subject, error.problem)
            return
        except sqlite3.OperationalError as error:
            if "interrupt" not in str(error):
                self._report_bug(task_id, error)
            return  # stopped by ``interrupt`` (quitting): nobody waits for the answer
        except Exception as error:  # a bug: logged with its traceback, reported in one line
            self._report_bug(task_id, error)
            return
        finally:
            with self._lock:
                self._cancelled.discard(task_id)
        self.answered.emit(task_id, answer)

    def _report_bug(self, task_id: int, error: Exception) -> None:
        log.exception("A background task failed")
        subject = (self._opened_for.data_dir if self._opened_for is not None else None) or ""
        self.failed.emit(task_id, subject, messages.UNEXPECTED.format(detail=error))

    def cancel(self, task_id: int) -> None:
        with self._lock:
            self._cancelled.add(task_id)

    def is_cancelled(self, task_id: int) -> bool:
        with self._lock:
            return task_id in self._cancelled

    def library_for(self, where: Where) -> Library:
        if self._library is None or self._opened_for != where:
            self.close()
            library = reader.library.open_library(
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
        """Close the connection (on the runner's own thread, where it was opened)."""
        with self._lock:
            library, self._library, self._opened_for = self._library, None, None
        if library is not None:
            with contextlib.suppress(DramatisError):
                library.close()


@dataclass(frozen=True, slots=True)
class _Pending:
    channel: str
    done: Callable[[Any], None]
    failed: Callable[[str, str], None] | None
    news: Callable[[Any], None] | None


class Background(QObject):
    """The GUI thread's side: ``run`` a task, hear its news and answer in callbacks."""

    #: Queued to the runner's thread: (task id, task).
    requested = Signal(int, object)

    def __init__(self, parent: QObject | None, name: str, *, writable: bool = False) -> None:
        super().__init__(parent)
        self._next = 0
        self._latest: dict[str, int] = {}
        self._pending: dict[int, _Pending] = {}
        self._stopped = False
        self.thread_ = QThread(self)
        self.thread_.setObjectName(name)
        self.runner = _Runner(writable)
        self.runner.moveToThread(self.thread_)
        # ``finished`` is emitted on the runner's thread: the connection closes where it lives.
        self.thread_.finished.connect(self.runner.close, Qt.ConnectionType.DirectConnection)
        self.requested.connect(self.runner.run)
        self.runner.answered.connect(self._on_answered)
        self.runner.failed.connect(self._on_failed)
        self.runner.told.connect(self._on_told)
        self.runner.skipped.connect(self._take)
        self.thread_.start()

    def run(
        self,
        channel: str,
        task: Task,
        done: Callable[[Any], None],
        failed: Callable[[str, str], None] | None = None,
        news: Callable[[Any], None] | None = None,
    ) -> int:
        """Run ``task`` on the background thread; ``done(answer)`` follows here.

        Replaces any task of ``channel`` still running or waiting: its answer is dropped.
        """
        self._next += 1
        self._latest[channel] = self._next
        self._pending[self._next] = _Pending(channel, done, failed, news)
        self.requested.emit(self._next, task)
        return self._next

    def cancel(self, channel: str) -> None:
        """Ask ``channel``'s task to stop: skipped if not started, else told through
        ``Reach.cancelled``. Its answer still comes (what a task stopped early returns)."""
        task_id = self._latest.get(channel)
        if task_id is not None:
            self.runner.cancel(task_id)

    def forget(self, channel: str) -> None:
        """Drop the answer of ``channel``'s task still to come."""
        self._latest.pop(channel, None)

    def busy(self, channel: str) -> bool:
        """Whether an answer of ``channel`` is still awaited."""
        return channel in self._latest

    def _current(self, task_id: int) -> _Pending | None:
        pending = self._pending.get(task_id)
        if pending is None or self._latest.get(pending.channel) != task_id:
            return None  # replaced since: late news
        return pending

    def _take(self, task_id: int) -> _Pending | None:
        pending = self._current(task_id)
        self._pending.pop(task_id, None)
        if pending is not None:
            del self._latest[pending.channel]
        return pending

    def _on_told(self, task_id: int, news: object) -> None:
        pending = self._current(task_id)
        if pending is not None and pending.news is not None:
            pending.news(news)

    def _on_answered(self, task_id: int, answer: object) -> None:
        pending = self._take(task_id)
        if pending is not None:
            pending.done(answer)

    def _on_failed(self, task_id: int, subject: str, problem: str) -> None:
        pending = self._take(task_id)
        if pending is not None and pending.failed is not None:
            pending.failed(subject, problem)

    def shutdown(self, *, drain: bool = False) -> None:
        """Stop the thread, waiting about a second before saying so and waiting on.

        A read running now is interrupted; on a writable thread the task is let finish (a
        write is one transaction). Tasks not yet started are skipped, unless ``drain``:
        then every task already asked for runs first (files being written).
        """
        if self._stopped:
            return
        self._stopped = True
        self._latest.clear()
        if not self.runner.writable:
            self.runner.interrupt()
        if drain:
            self._wait_for_queued()
        else:
            for task_id in self._pending:
                self.runner.cancel(task_id)
        self.thread_.quit()
        if not self.thread_.wait(STOP_WAIT_MS):
            log.warning("A background task is still running; waiting for it to finish")
            self.thread_.wait()

    def _wait_for_queued(self) -> None:
        """Block until every task asked for so far has run (tasks run in order)."""
        reached = threading.Event()
        self.requested.emit(0, lambda _reach: reached.set())
        reached.wait()
