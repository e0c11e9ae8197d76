"""Library reads off the GUI thread: searches run on a thread with their own connection.

A search of many terms can take seconds, and the window must keep drawing meanwhile.
``LibraryReader`` lives on its own ``QThread`` with its own read-only ``Library`` (a
connection is never shared between threads); the panel asks with a queued signal carrying
a request number and gets immutable results back, dropping any answer to a request it has
since replaced. The reader never touches a widget.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from reader.library import Library, LibraryError, SearchHit, open_library
from ui import messages

log = logging.getLogger(__name__)

#: How many recently opened articles an empty search lists.
RECENT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One search: where the library is, and what to look for in which scope."""

    data_dir: str
    version: str
    text: str
    scope: str  # "text", "actor" or "entity"


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    """The hits of one search; ``total`` is the library's size for an empty search."""

    hits: tuple[SearchHit, ...]
    total: int | None = None


class LibraryReader(QObject):
    """Answers searches on its own thread, from its own read-only connection."""

    answered = Signal(int, object)
    failed = Signal(int, str, str)

    def __init__(self) -> None:
        super().__init__()
        self._library: Library | None = None
        self._opened_for: tuple[str, str] | None = None

    @Slot(int, object)
    def search(self, request_id: int, request: SearchRequest) -> None:
        try:
            library = self._library_for(request)
            if not request.text:
                stored = library.articles(limit=RECENT_LIMIT)
                hits = tuple(
                    SearchHit(a.id, a.title, "", 0.0, a.source, a.last_opened) for a in stored
                )
                answer = SearchAnswer(hits, library.count())
            elif request.scope == "actor":
                answer = SearchAnswer(tuple(library.search("", actor=request.text)))
            elif request.scope == "entity":
                answer = SearchAnswer(tuple(library.search("", entity=request.text)))
            else:
                answer = SearchAnswer(tuple(library.search(request.text)))
        except LibraryError as error:
            self.failed.emit(request_id, error.subject, error.problem)
            return
        except Exception as error:  # a bug: logged with its traceback, reported in one line
            log.exception("A library search failed")
            self.failed.emit(request_id, request.data_dir, messages.UNEXPECTED.format(detail=error))
            return
        self.answered.emit(request_id, answer)

    def _library_for(self, request: SearchRequest) -> Library:
        key = (request.data_dir, request.version)
        if self._library is None or self._opened_for != key:
            self.close()
            self._library = open_library(request.data_dir, version=request.version, read_only=True)
            self._opened_for = key
        return self._library

    @Slot()
    def close(self) -> None:
        """Close the connection (on the reader's own thread, where it was opened)."""
        if self._library is not None:
            self._library.close()
            self._library = None
            self._opened_for = None


def start_reader(parent: QObject) -> tuple[LibraryReader, QThread]:
    """A reader on a new, running thread owned by ``parent``."""
    thread = QThread(parent)
    thread.setObjectName("dramatis-library-reader")
    reader = LibraryReader()
    reader.moveToThread(thread)
    # ``finished`` is emitted on the reader's thread, so the connection closes where it lives.
    thread.finished.connect(reader.close, Qt.ConnectionType.DirectConnection)
    thread.start()
    return reader, thread


def data_dir_of(library: Library) -> str:
    """The data folder a library lives in (what ``open_library`` takes)."""
    return str(Path(library.path).parent)
