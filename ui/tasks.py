"""Library reads and writes off the GUI thread, as tasks that take a library.

A search of many terms can take seconds, and "who said what" for a prolific actor reads
thousands of rows; the window must keep drawing meanwhile. ``LibraryTasks`` is a
``Background`` (``ui/background.py``) whose tasks read the library: ``run`` takes the
window's ``Library`` only to know which file it is, and the task is given the background
thread's own connection to it, read-only unless ``writable`` (removing articles, putting
them back). The tasks below return immutable values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from reader.library import Bounds, Column
from ui.background import Background, Reach, Where

if TYPE_CHECKING:
    from reader.library import Library, ListedArticle, Removed, SearchHit

#: How many recently opened articles an empty search lists.
RECENT_LIMIT = 50

#: A task: reads the library it is given (on the background thread), returns immutable values.
Work = Callable[["Library"], Any]


class LibraryTasks(Background):
    """A background thread for library tasks; answers to replaced tasks are dropped."""

    def __init__(
        self,
        parent: QObject | None = None,
        name: str = "dramatis-library-reader",
        *,
        writable: bool = False,
    ) -> None:
        super().__init__(parent, name, writable=writable)

    def run_on(
        self,
        channel: str,
        library: Library,
        work: Work,
        done: Callable[[Any], None],
        failed: Callable[[str, str], None] | None = None,
    ) -> int:
        """Run ``work`` on the thread's own connection to ``library``'s file."""
        where = Where.of(library)

        def task(reach: Reach) -> Any:
            return work(reach.library(where))

        return self.run(channel, task, done, failed)


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
