"""The library as a table: a model that holds a few pages of rows, and the view over it.

``LibraryTableModel`` knows how many rows the table has and holds only the pages read so
far (at most ``KEPT_PAGES`` of ``PAGE_SIZE`` rows, the least recently used let go), never
the whole library. A row not read yet shows "…" and asks for its page once
(``pageWanted``), which the Library panel reads on its reader thread
(``ui.tasks.table_task``) and hands back with ``set_page``. Clicking a header asks for the
table in that order (``sortWanted``); the order is SQL's (``reader.library.listing``),
never a sort of rows held here.

``LibraryTable`` is the view: rows selected whole, several at once; Enter or a double
click opens an article (``activated``), Delete removes the selected ones and Ctrl+Z undoes
the latest removal (``removeRequested``, ``undoRequested``), before the window's own
shortcuts for those keys.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from reader.library import Column
from reader.output.article_titles import listed_title
from reader.output.words import plural
from ui import messages
from ui.style.safe_text import LINE_LIMIT, one_line, tooltip

if TYPE_CHECKING:
    from reader.library import ListedArticle

#: Rows read at a time.
PAGE_SIZE = 200
#: Pages held at most; scrolling through 100,000 articles keeps only these.
KEPT_PAGES = 20
#: The columns, in the order shown, with their headings.
#: "To check" (None) is not an order: statements to check depend on the reader's threshold,
#: so no index holds them; its header does not sort.
COLUMNS: tuple[tuple[Column | None, str], ...] = (
    (Column.TITLE, "Title"),
    (Column.OUTLET, "Outlet"),
    (Column.PUBLISHED, "Published"),
    (Column.ADDED, "Added"),
    (Column.STATEMENTS, "Statements"),
    (None, "To check"),
)
TO_CHECK_COLUMN = len(COLUMNS) - 1
#: Shown in a row whose page is being read.
LOADING = "…"

_Index = QModelIndex | QPersistentModelIndex


class LibraryTableModel(QAbstractTableModel):
    """``total`` rows, of which the pages read are held; the rest are asked for."""

    #: A page not held was shown: (page number).
    pageWanted = Signal(int)
    #: A header was clicked: (column, descending).
    sortWanted = Signal(object, bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.total = 0
        self.pages: OrderedDict[int, tuple[ListedArticle, ...]] = OrderedDict()
        self._asked: set[int] = set()

    # -- filling ---------------------------------------------------------------------------

    def reset(self, total: int, pages: dict[int, tuple[ListedArticle, ...]]) -> None:
        """Another table: ``total`` rows, these pages read."""
        self.beginResetModel()
        self.total = total
        self.pages = OrderedDict(sorted(pages.items()))
        self._asked = set()
        self.endResetModel()

    def set_page(self, number: int, rows: tuple[ListedArticle, ...]) -> None:
        """A page read: show its rows (and let go of the page least recently read)."""
        self._asked.discard(number)
        first = number * PAGE_SIZE
        if first >= self.total:
            return
        self.pages[number] = rows
        self.pages.move_to_end(number)
        while len(self.pages) > KEPT_PAGES:
            self.pages.popitem(last=False)
        last = min(first + PAGE_SIZE, self.total) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def article(self, row: int) -> ListedArticle | None:
        """The article in ``row``, if its page is held."""
        page = self.pages.get(row // PAGE_SIZE)
        if page is None or row % PAGE_SIZE >= len(page):
            return None
        return page[row % PAGE_SIZE]

    def row_of(self, article_id: int) -> int | None:
        """The row of an article among the pages held, or None."""
        for number, rows in self.pages.items():
            for n, article in enumerate(rows):
                if article.id == article_id:
                    return number * PAGE_SIZE + n
        return None

    # -- the model -------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self.article(index.row())
        column = COLUMNS[index.column()][0]
        if article is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._want(index.row() // PAGE_SIZE)
                return LOADING if column is Column.TITLE else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(article, column)
        if column is Column.PUBLISHED and article.published is None:
            return _added_instead(article, role)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TITLE, Column.OUTLET):
            shown = _shown(article, column)
            if column is Column.TITLE and article.copies:
                names = ", ".join(one_line(c.name) for c in article.copies[:10])
                shown += "\n" + messages.ALSO_STORED_AS.format(names=names)
            return tooltip(shown)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.STATEMENTS, None):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column is None and article.to_check:
            return tooltip(messages.TO_CHECK_TIP.format(count=article.to_check))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The header was clicked: the panel reads the table again in that order."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column][0] is not None:
            self.sortWanted.emit(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    def _want(self, number: int) -> None:
        if number not in self._asked:
            self._asked.add(number)
            self.pageWanted.emit(number)


def hit_title(title: str | None, source: str | None, article_id: int, opening: str = "") -> str:
    """What to call an article in a list: its title, else a meaningful file name, else its
    first sentence when the list has the start of its text, else "Untitled article 12"
    (never a hash file name); on one line, cut short (a stored title may be any
    length)."""
    if title and len(title) > 8 * LINE_LIMIT:
        title = one_line(title)  # not the whole of it, word by word: it is cut anyway
    return one_line(listed_title(title, source, article_id, opening))


def shown_date(value: str | None) -> str:
    """A stored date as the table shows it: the day of an ISO time ("2024-03-05"), any
    other date as the file wrote it, on one line."""
    if not value:
        return ""
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    return one_line(value)


def _added_instead(article: ListedArticle, role: int) -> Any:
    """A file that gave no date is dated, and sorted, by the day it was added: shown muted,
    in italics, and said so."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setItalic(True)
        return font
    if role == Qt.ItemDataRole.ToolTipRole:
        return tooltip(messages.NO_PUBLISHED_DATE.format(added=shown_date(article.added)))
    return None


def _shown(article: ListedArticle, column: Column | None) -> str:
    if column is Column.TITLE:
        title = hit_title(article.title, article.source, article.id, article.opening)
        if article.copies:
            return messages.WITH_COPIES.format(
                title=title, copies=plural(len(article.copies), "copy", "copies")
            )
        return title
    if column is Column.OUTLET:
        return one_line(article.outlet) if article.outlet else ""
    if column is Column.PUBLISHED:
        return shown_date(article.published or article.added)
    if column is Column.ADDED:
        return shown_date(article.added)
    if column is None:
        return str(article.to_check) if article.to_check else ""
    return str(article.statements)


class LibraryTable(QTableView):
    """The view: whole rows, several at once, sorted by clicking a header."""

    removeRequested = Signal()
    undoRequested = Signal()

    def __init__(self, model: LibraryTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for section in range(1, len(COLUMNS)):
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
        # Widths from the font, not from the rows (which are read a page at a time).
        metrics = self.fontMetrics()
        widths = {
            1: "Coastal Times",
            2: "0000-00-00",
            3: "0000-00-00",
            4: "Statements",
            TO_CHECK_COLUMN: "To check",
        }
        for section, sample in widths.items():
            header.resizeSection(section, metrics.horizontalAdvance(sample) + 2 * metrics.height())
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        # The model sorts nothing itself: a click asks the library (``sortWanted``).
        self.setSortingEnabled(True)
        self._sorted_by = (0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._keep_sortable)
        self.undo_available = False

    def _keep_sortable(self, section: int, order: Qt.SortOrder) -> None:
        """A click on "To check" sorts nothing: the indicator stays where it was."""
        if section != TO_CHECK_COLUMN:
            self._sorted_by = (section, order)
            return
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sorted_by)
        header.blockSignals(False)

    def selected_ids(self) -> list[int]:
        """The ids of the selected articles whose rows are read, in table order."""
        model = self.model()
        assert isinstance(model, LibraryTableModel)
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [a.id for a in map(model.article, rows) if a is not None]

    def event(self, event: QEvent) -> bool:
        # Claim Delete, and Ctrl+Z while a removal can be undone, before the window's
        # shortcuts (Undo Correction has Ctrl+Z).
        overridden = event.type() == QEvent.Type.ShortcutOverride
        if overridden and isinstance(event, QKeyEvent) and self._claims(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_delete(event):
            self.removeRequested.emit()
        elif self._claims(event):
            self.undoRequested.emit()
        else:
            super().keyPressEvent(event)

    def _claims(self, event: QKeyEvent) -> bool:
        undo = event.matches(QKeySequence.StandardKey.Undo) and self.undo_available
        return _is_delete(event) or undo


def _is_delete(event: QKeyEvent) -> bool:
    return event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not (
        event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    )
