"""The Library tab: every article opened so far, as a table, searched by words, actor or entity.

With an empty search box the library is a table (``ui.widgets.library_table``): title,
outlet, published date, date added and number of statements, sorted by clicking a header,
read a page at a time as it scrolls. Typing searches: the results list each article with
a snippet, the matched words in bold. An outlet and a date range (``library_filters``)
bound both. Enter or a double click on a row, or a click on a result's title, emits
``articleChosen`` with the library id, and the window shows the stored analysis without
analysing again.

Delete (or the context menu) removes the selected articles; a message above the table
offers Undo, as does Ctrl+Z in the table, which stores them again as they were
(``Library.remove_articles`` / ``put_back``, on the window's library connection, as a
correction is). Every read runs on the reader thread (``ui.tasks``), so a slow one never
freezes the window; an answer to a search or an order since replaced is dropped. Every
two seconds the reader asks the library's generation, which every article added or
removed moves, by this window or another program, and the table is read again when it
moved, keeping the selection and the scroll position.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.library import MARK_END, MARK_START, Column, LibraryError
from reader.output.words import plural
from ui import messages
from ui.style.safe_text import (
    NAME_LIMIT,
    TEXT_LIMIT,
    SafeTextBrowser,
    bounded,
    escaped,
    one_line,
    plain_label,
)
from ui.tasks import (
    LibraryTasks,
    SearchAnswer,
    TablePages,
    TableView,
    generation_task,
    put_back_task,
    remove_task,
    search_task,
    table_task,
)
from ui.widgets.banner import Banner
from ui.widgets.library_filters import LibraryFilters
from ui.widgets.library_table import (
    COLUMNS,
    PAGE_SIZE,
    LibraryTable,
    LibraryTableModel,
    hit_title,
)

if TYPE_CHECKING:
    from reader.library import Library, Removed, SearchHit

__all__ = ["LibraryPanel", "hit_title", "snippet_html"]

SCOPES = {"Words": "text", "Actor": "actor", "Entity": "entity"}
#: How often the library is asked whether another program added or removed articles.
POLL_MS = 2000


def snippet_html(snippet: str) -> str:
    """Escape a search snippet and turn its matched words bold (nothing else: "[sic]" stays)."""
    shown = escaped(bounded(snippet, TEXT_LIMIT))
    return shown.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class LibraryPanel(QWidget):
    """Search box, scope, filters, and the table of articles or the list of matches."""

    articleChosen = Signal(int)
    failed = Signal(str, str)
    #: Results of the latest search (or the table, for an empty one) are on screen.
    searched = Signal()
    #: Articles were removed or put back: what else shows the library reads it again.
    libraryChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.hits: list[SearchHit] = []
        self._asked: tuple[str, str] = ("", "text")
        self._view = TableView()
        self._generation: int | None = None
        #: Removals that Undo can take back, the latest last.
        self.removed: list[Removed] = []
        #: Articles to select once their rows are read (kept across reading the table again).
        self._to_select: set[int] = set()
        self.tasks = LibraryTasks(self, "dramatis-library-search")
        #: Removing and putting back, on a connection of its own: too slow for the GUI
        #: thread on a large library (every actor of an article is filed again).
        self.writes = LibraryTasks(self, "dramatis-library-writer", writable=True)
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search the library…")
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.addItems(list(SCOPES))
        self.scope.setToolTip(
            "Words: the article text. Actor: articles where a person or organisation "
            "appears. Entity: articles mentioning a name, place or date."
        )
        self.filters = LibraryFilters()
        self.status = plain_label(messages.SEARCH_HINT)
        self.status.setWordWrap(True)
        self.undo_bar = Banner()
        self.model = LibraryTableModel(self)
        self.table = LibraryTable(self.model)
        self.results = SafeTextBrowser()
        self.results.anchorClicked.connect(self._on_link)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.results)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.search)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._ask_generation)
        self._connect()
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.filters)
        layout.addWidget(self.status)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.stack, 1)
        self.table.horizontalHeader().setSortIndicator(
            _section(self._view.column), _qt_order(self._view.descending)
        )

    def _connect(self) -> None:
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.query.returnPressed.connect(self.search)
        self.scope.currentIndexChanged.connect(lambda _index: self.search())
        self.filters.changed.connect(self.search)
        self.model.pageWanted.connect(self._read_page)
        self.model.sortWanted.connect(self._sort)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.removeRequested.connect(self.remove_selected)
        self.table.undoRequested.connect(self.undo_remove)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self._generation = None
        self.removed.clear()
        self._forget_undo()
        for widget in (self.query, self.scope, self.filters):
            widget.setEnabled(library is not None)
        if library is None:
            self._poll.stop()
        else:
            self._poll.start()
        self.search()

    def refresh(self) -> None:
        """Read again what is shown (an article was just added)."""
        self.search()

    def search(self) -> None:
        """Search for what is in the box, or show the table when it is empty, on the reader
        thread; ``searched`` is emitted once the results are on screen. An answer to an
        earlier search that arrives after this one was asked for is dropped."""
        self._debounce.stop()
        if self.library is None:
            self.tasks.forget("search")
            self.tasks.forget("table")
            self.model.reset(0, {})
            self._show([], messages.NO_LIBRARY)
            self.searched.emit()
            return
        self._asked = (self.query.text().strip(), SCOPES[self.scope.currentText()])
        if not self._asked[0]:
            self.tasks.forget("search")
            self._read_table(keep=self._view.bounds == self.filters.bounds())
            return
        self.status.setText(messages.SEARCHING)
        work = search_task(*self._asked, self.filters.bounds())
        self.tasks.run_on("search", self.library, work, self._on_answered, self._on_failed)

    def shutdown(self) -> None:
        """Stop polling and the reader thread (interrupting its read); close its connection."""
        self._poll.stop()
        self.tasks.shutdown()
        self.writes.shutdown()

    # -- the table ---------------------------------------------------------------------------

    def _read_table(self, *, keep: bool) -> None:
        """Read the table again (its size, the pages on screen and the outlets); ``keep``:
        the same rows stay selected and the view where it was."""
        if self.library is None:
            return
        self._view = TableView(self._view.column, self._view.descending, self.filters.bounds())
        if keep:
            self._to_select.update(self.table.selected_ids())
        else:
            self._to_select.clear()
            self.table.scrollToTop()
        pages = self._pages_on_screen() if keep else (0,)
        work = table_task(self._view, pages, PAGE_SIZE, outlets=True)
        self.tasks.run_on("table", self.library, work, self._on_table, self._on_failed)

    def _pages_on_screen(self) -> tuple[int, ...]:
        top = max(self.table.rowAt(0), 0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        bottom = top + 50 if bottom < 0 else bottom
        return tuple(range(top // PAGE_SIZE, bottom // PAGE_SIZE + 1))

    def _on_table(self, answer: TablePages) -> None:
        if answer.view != self._view:
            return  # another order or other filters were asked for since
        self._generation = answer.generation
        scrolled = self.table.verticalScrollBar().value()
        self.model.reset(answer.total, answer.pages)
        self.table.verticalScrollBar().setValue(scrolled)
        self._select_kept()
        if answer.outlets is not None:
            self.filters.set_outlets(answer.outlets)
        if not self._asked[0]:
            self._show_table(answer)

    def _show_table(self, answer: TablePages) -> None:
        articles = plural(answer.total, "article")
        if answer.view.bounds:
            status = messages.LIBRARY_FILTERED.format(
                count=articles, total=plural(answer.everything, "article")
            )
        else:
            status = messages.LIBRARY_LISTED.format(count=articles)
        self.hits = []
        self.status.setText(status)
        self.stack.setCurrentWidget(self.table)
        self.searched.emit()

    def _read_page(self, number: int) -> None:
        if self.library is None:
            return
        work = table_task(self._view, (number,), PAGE_SIZE)
        self.tasks.run_on(f"page {number}", self.library, work, self._on_page, self._on_failed)

    def _on_page(self, answer: TablePages) -> None:
        if answer.view != self._view:
            return
        if answer.total != self.model.total or answer.generation != self._generation:
            self._read_table(keep=True)  # the library changed in between: read it all again
            return
        for number, rows in answer.pages.items():
            self.model.set_page(number, rows)
        self._select_kept()

    def _sort(self, column: Column, descending: bool) -> None:
        self._view = TableView(column, descending, self._view.bounds)
        self._read_table(keep=False)

    def _select_kept(self) -> None:
        """Select the kept articles whose rows are read (the rest when theirs are)."""
        rows = {self.model.row_of(i): i for i in self._to_select}
        rows.pop(None, None)
        if not rows:
            return
        selection = QItemSelection()
        last = len(COLUMNS) - 1
        for row in rows:
            assert row is not None
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)
        self._to_select -= set(rows.values())

    def _ask_generation(self) -> None:
        """Every ``POLL_MS``: has another program (or this window) added or removed articles?"""
        if self.library is None or self.tasks.busy("generation") or self.tasks.busy("table"):
            return
        self.tasks.run_on("generation", self.library, generation_task(), self._on_generation)

    def _on_generation(self, generation: int) -> None:
        if self._generation is not None and generation != self._generation:
            self._read_table(keep=True)

    def open_row(self, row: int) -> None:
        """Open the article in a row of the table (Enter, a double click)."""
        article = self.model.article(row)
        if article is not None:
            self.articleChosen.emit(article.id)

    def _menu(self, position: QPoint) -> None:
        ids = self.table.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        open_action = QAction(messages.OPEN_ARTICLE, menu)
        open_action.triggered.connect(lambda: self.open_row(self.table.currentIndex().row()))
        remove = QAction(messages.REMOVE_ARTICLES, menu)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.triggered.connect(self.remove_selected)
        menu.addAction(open_action)
        menu.addAction(remove)
        menu.popup(self.table.viewport().mapToGlobal(position))

    # -- removing and undoing ---------------------------------------------------------------

    def remove_selected(self) -> None:
        """Remove the selected articles from the library (on the writer thread); Undo
        stores them again."""
        ids = self.table.selected_ids()
        library = self.library
        if not ids or library is None or self.writes.busy("write"):
            return
        try:
            library.check_writable()
        except LibraryError as error:
            self.failed.emit(str(error.subject), error.problem)
            return
        self.status.setText(messages.REMOVING.format(count=plural(len(ids), "article")))
        self.writes.run_on("write", library, remove_task(ids), self._on_removed, self._write_failed)

    def _on_removed(self, removed: Removed) -> None:
        if not len(removed):
            self._read_table(keep=True)
            return
        self.removed.append(removed)
        self.table.undo_available = True
        self._offer_undo(removed)
        self.table.clearSelection()
        self.libraryChanged.emit()
        self._read_table(keep=True)
        self.table.setFocus()

    def undo_remove(self) -> None:
        """Store the articles of the latest removal again, as they were (on the writer
        thread), and select them."""
        library = self.library
        if not self.removed or library is None or self.writes.busy("write"):
            return
        self.status.setText(messages.PUTTING_BACK)
        work = put_back_task(self.removed[-1])
        self.writes.run_on("write", library, work, self._on_put_back, self._write_failed)

    def _write_failed(self, subject: str, problem: str) -> None:
        self.failed.emit(subject, problem)
        self._read_table(keep=True)

    def _on_put_back(self, placed: dict[int, int]) -> None:
        self.removed.pop()
        self._forget_undo()
        if self.removed:
            self._offer_undo(self.removed[-1])
        self.table.undo_available = bool(self.removed)
        self.table.clearSelection()
        self._to_select = set(placed.values())
        self.libraryChanged.emit()
        self._read_table(keep=True)
        self.table.setFocus()

    def _offer_undo(self, removed: Removed) -> None:
        if len(removed) == 1 and removed.articles[0].title:
            text = messages.REMOVED_NAMED.format(
                title=bounded(one_line(removed.articles[0].title), NAME_LIMIT)
            )
        else:
            text = messages.REMOVED.format(count=plural(len(removed), "article"))
        lost = len(removed) - len(removed.restorable)
        if lost:
            text += messages.REMOVED_FOR_GOOD.format(count=lost)
        self.undo_bar.dismiss()
        if removed.restorable:
            self.undo_bar.show_message(text, "info", messages.UNDO_REMOVE, self.undo_remove)
        else:
            self.undo_bar.show_message(text, "info")

    def _forget_undo(self) -> None:
        self.undo_bar.dismiss()
        self.table.undo_available = False

    # -- searches ----------------------------------------------------------------------------

    def _on_answered(self, answer: SearchAnswer) -> None:
        text, scope = self._asked
        hits = list(answer.hits)
        if scope == "actor":
            status = f"{plural(len(hits), 'article')} where {one_line(text)} appears."
        elif scope == "entity":
            status = f"{plural(len(hits), 'article')} mentioning {one_line(text)}."
        else:
            status = f"{plural(len(hits), 'article matches', 'articles match')}."
        self._show(hits, status if hits else messages.NO_RESULTS)
        self.searched.emit()

    def _on_failed(self, subject: str, problem: str) -> None:
        self.failed.emit(subject, problem)
        self._show([], f"{subject}: {problem}")
        self.searched.emit()

    def _show(self, hits: list[SearchHit], status: str) -> None:
        self.hits = hits
        self.status.setText(status)
        parts = []
        for n, hit in enumerate(hits):
            title = escaped(hit_title(hit.title, hit.source, hit.id))
            opened = escaped(hit.last_opened[:16].replace("T", " "))
            where = escaped(one_line(Path(hit.source).name)) if hit.source else ""
            meta = " · ".join(p for p in (where, f"opened {opened}") if p)
            body = f"<br>{snippet_html(hit.snippet)}" if hit.snippet else ""
            parts.append(
                f'<p style="margin-bottom:10px"><a href="hit:{n}"><b>{title}</b></a>'
                f'<br><span style="color:gray">{meta}</span>{body}</p>'
            )
        self.results.setHtml("".join(parts))
        self.stack.setCurrentWidget(self.results)

    def searched_text(self) -> str:
        """What the search whose results are listed looked for (words, or a name)."""
        return self._asked[0]

    def open_hit(self, n: int) -> None:
        """Open the n-th result (what a click on its title does)."""
        if 0 <= n < len(self.hits):
            self.articleChosen.emit(self.hits[n].id)

    def _on_link(self, url: QUrl) -> None:
        kind, _, n = url.toString().partition(":")
        if kind == "hit" and n.isdigit():
            self.open_hit(int(n))


def _section(column: Column) -> int:
    return next(n for n, (c, _) in enumerate(COLUMNS) if c is column)


def _qt_order(descending: bool) -> Qt.SortOrder:
    return Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
