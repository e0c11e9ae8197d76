"""The Library tab as a table: sorted by a click on a header, filtered by outlet and dates,
articles removed with Delete and put back with Undo, the table read again when another
program adds an article, and a large library read a page at a time."""

from __future__ import annotations

import pytest
from fake_articles import VERSION, Said, fake_analysis
from PySide6.QtCore import QDate, Qt

from reader.library import Library, open_library
from ui.widgets import library_table
from ui.widgets.library_panel import LibraryPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 10_000

#: (title, outlet, published, what was said)
ARTICLES = [
    ("Harbour reopens", "The Coastal Times", "2024-03-05",
     [Said("Aileen MacLeod", "the harbour would reopen"), Said("Tom Okafor", "it was safe")]),
    ("Bridge closes", "Daily Courier", "2023-07-01", []),
    ("Council budget", None, "2024-06-30",
     [Said("Niamh Byrne", "the budget was tight"), Said("Tom Okafor", "roads came first"),
      Said("Aileen MacLeod", "the harbour came first")]),
    ("Zoo expands", "Daily Courier", "2022-01-15", [Said("Tom Okafor", "the zoo was growing")]),
]  # fmt: skip


def _fill(library: Library) -> None:
    for title, outlet, published, said in ARTICLES:
        library.add_analysis(
            fake_analysis(
                title, said, outlet=outlet, published=published, extra=f"The {title.lower()} story."
            )
        )


@pytest.fixture
def library(tmp_path):
    library = open_library(tmp_path / "data", version=VERSION)
    _fill(library)
    yield library
    library.close()


@pytest.fixture
def panel(qtbot, library):
    widget = LibraryPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    with qtbot.waitSignal(widget.searched, timeout=TIMEOUT):
        widget.set_library(library)
    yield widget
    widget.shutdown()


def _column(panel: LibraryPanel, column: int) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _sorted_by(panel, qtbot, section: int, order: Qt.SortOrder) -> list[str]:
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        panel.table.horizontalHeader().setSortIndicator(section, order)
    return _column(panel, 0)


def test_an_empty_search_shows_the_library_as_a_table(panel):
    assert panel.stack.currentWidget() is panel.table
    assert panel.status.text() == "4 articles in the library."
    headers = [panel.model.headerData(n, Qt.Orientation.Horizontal) for n in range(5)]
    assert headers == ["Title", "Outlet", "Published", "Added", "Statements"]
    # Newest first: the order they were added in, reversed.
    assert _column(panel, 0) == ["Zoo expands", "Council budget", "Bridge closes",
                                 "Harbour reopens"]  # fmt: skip
    row = _column(panel, 0).index("Harbour reopens")
    shown = [panel.model.index(row, n).data() for n in range(5)]
    assert shown[:3] == ["Harbour reopens", "The Coastal Times", "2024-03-05"]
    assert len(shown[3]) == 10 and shown[3].startswith("20")  # the day it was added
    assert shown[4] == "2"


def test_clicking_a_header_sorts_by_that_column(panel, qtbot):
    up, down = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    titles = ["Bridge closes", "Council budget", "Harbour reopens", "Zoo expands"]
    assert _sorted_by(panel, qtbot, 0, up) == titles
    assert _sorted_by(panel, qtbot, 0, down) == titles[::-1]
    # No outlet first; the courier's two in the order they were added.
    assert _sorted_by(panel, qtbot, 1, up) == [
        "Council budget", "Bridge closes", "Zoo expands", "Harbour reopens",
    ]  # fmt: skip
    assert _sorted_by(panel, qtbot, 2, up) == [
        "Zoo expands", "Bridge closes", "Harbour reopens", "Council budget",
    ]  # fmt: skip
    assert _sorted_by(panel, qtbot, 3, up) == [
        "Harbour reopens", "Bridge closes", "Council budget", "Zoo expands",
    ]  # fmt: skip
    assert _sorted_by(panel, qtbot, 4, down) == [
        "Council budget", "Harbour reopens", "Zoo expands", "Bridge closes",
    ]  # fmt: skip
    assert _column(panel, 4) == ["3", "2", "1", "0"]


def test_the_outlet_list_counts_and_filters_the_table_and_searches(panel, qtbot):
    combo = panel.filters.outlet
    items = [combo.itemText(n) for n in range(combo.count())]
    assert items == ["All outlets", "Daily Courier (2)", "The Coastal Times (1)"]
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        combo.setCurrentIndex(1)
    assert sorted(_column(panel, 0)) == ["Bridge closes", "Zoo expands"]
    assert panel.status.text() == "2 articles of the 4 articles in the library, within the filters."
    panel.query.setText("story")
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        panel.search()
    assert panel.stack.currentWidget() is panel.results
    assert sorted(hit.title for hit in panel.hits) == ["Bridge closes", "Zoo expands"]


def test_the_date_range_filters_on_the_published_date(panel, qtbot):
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        panel.filters.dated_from.setDate(QDate(2023, 1, 1))
    assert sorted(_column(panel, 0)) == ["Bridge closes", "Council budget", "Harbour reopens"]
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        panel.filters.dated_to.setDate(QDate(2024, 3, 5))
    assert sorted(_column(panel, 0)) == ["Bridge closes", "Harbour reopens"]
    assert panel.filters.bounds().dated_to == "2024-03-05"


def test_enter_opens_the_article(panel, qtbot, library):
    row = _column(panel, 0).index("Council budget")
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    with qtbot.waitSignal(panel.articleChosen, timeout=TIMEOUT) as chosen:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert library.article(chosen.args[0]).title == "Council budget"


def _seen(library: Library) -> dict:
    """Who said what, and the actors with their counts, as a reader sees them."""
    actors = library.actors()
    return {
        "actors": sorted((a.name, a.aliases, a.articles, a.statements) for a in actors),
        "said": {a.name: [(s.article_id, s.text, s.date) for s in library.said(a.name)]
                 for a in actors},
    }  # fmt: skip


def _select(panel: LibraryPanel, titles: list[str]) -> None:
    shown = _column(panel, 0)
    panel.table.clearSelection()
    flags = panel.table.selectionModel().SelectionFlag
    for title in titles:
        panel.table.selectionModel().select(
            panel.model.index(shown.index(title), 0), flags.Select | flags.Rows
        )


def test_delete_removes_the_selected_articles_and_undo_brings_them_back(panel, qtbot, library):
    before = _seen(library)
    texts = {a.id: library.analysis(a.id) for a in library.articles()}
    _select(panel, ["Council budget", "Harbour reopens"])
    panel.table.setFocus()
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert library.count() == 2
    assert sorted(_column(panel, 0)) == ["Bridge closes", "Zoo expands"]
    assert panel.undo_bar.isVisible()
    assert panel.undo_bar.text() == "2 articles removed"
    assert library.said_count("Aileen MacLeod") == (0, 0)
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert library.count() == 4
    assert _seen(library) == before
    assert {a.id: library.analysis(a.id) for a in library.articles()} == texts
    assert not panel.undo_bar.isVisible()
    # The articles put back are selected again.
    assert sorted(panel.table.selected_ids()) == sorted(
        a.id for a in library.articles() if a.title in ("Council budget", "Harbour reopens")
    )


def test_the_undo_button_brings_back_the_article_named(panel, qtbot, library):
    before = _seen(library)
    _select(panel, ["Zoo expands"])
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        panel.remove_selected()
    assert panel.undo_bar.text() == "Removed “Zoo expands”"
    assert library.said_count("Tom Okafor") == (2, 2)
    with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
        panel.undo_bar.action.click()
    assert library.said_count("Tom Okafor") == (3, 3)
    assert _seen(library) == before


@pytest.mark.slow
def test_the_table_is_read_again_when_another_program_adds_an_article(
    panel, qtbot, library, tmp_path, monkeypatch
):
    _select(panel, ["Bridge closes"])
    chosen = panel.table.selected_ids()
    other = open_library(tmp_path / "data", version=VERSION)  # as another process would
    try:
        other.add_analysis(
            fake_analysis(
                "Late news", [Said("Tom Okafor", "the late news was good")], outlet="Island News"
            )
        )
    finally:
        other.close()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5, timeout=TIMEOUT)
    assert _column(panel, 0)[0] == "Late news"
    assert panel.table.selected_ids() == chosen
    assert "Island News (1)" in [
        panel.filters.outlet.itemText(n) for n in range(panel.filters.outlet.count())
    ]


@pytest.fixture
def big_library(tmp_path):
    library = open_library(tmp_path / "big", version=VERSION)
    library.add_analyses(
        fake_analysis(f"Report {n:04d}", [], outlet=f"Outlet {n % 7}", extra=f"Report {n} text.")
        for n in range(450)
    )
    yield library
    library.close()


@pytest.mark.slow
def test_a_large_library_is_read_a_page_at_a_time(qtbot, big_library, monkeypatch):
    monkeypatch.setattr(library_table, "KEPT_PAGES", 2)
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 400)
    panel.show()
    try:
        with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
            panel.set_library(big_library)
        assert panel.model.rowCount() == 450
        assert list(panel.model.pages) == [0]  # the rows on screen only
        assert panel.model.index(449, 0).data() == library_table.LOADING
        panel.table.scrollToBottom()
        qtbot.waitUntil(lambda: panel.model.index(449, 0).data() == "Report 0000", timeout=TIMEOUT)
        panel.table.scrollTo(panel.model.index(250, 0))
        qtbot.waitUntil(lambda: panel.model.article(250) is not None, timeout=TIMEOUT)
        assert len(panel.model.pages) <= 2
        assert sum(len(rows) for rows in panel.model.pages.values()) <= 2 * library_table.PAGE_SIZE
        # Another program adds an article: the table grows, and stays where it was scrolled.
        scrolled = panel.table.verticalScrollBar().value()
        assert scrolled > 0
        big_library.add_analysis(fake_analysis("Oldest title", [], extra="A late report."))
        qtbot.waitUntil(lambda: panel.model.rowCount() == 451, timeout=TIMEOUT)
        assert panel.table.verticalScrollBar().value() == scrolled
    finally:
        panel.shutdown()


def test_in_the_window_delete_and_ctrl_z_act_on_the_library_not_on_corrections(qtbot, tmp_path):
    from ui.main_window import MainWindow

    data = tmp_path / "window"
    with open_library(data, version=VERSION) as library:
        _fill(library)
        before = _seen(library)
    window = MainWindow(data_dir=data)
    qtbot.addWidget(window)
    window.show()
    panel = window.library_panel
    try:
        with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
            window.tabs.setCurrentWidget(panel)
            panel.search()
        _select(panel, ["Harbour reopens"])
        panel.table.setFocus()
        qtbot.waitUntil(panel.table.hasFocus, timeout=TIMEOUT)
        with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
            qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
        assert window.library.count() == 3
        # Even with a correction to undo, Ctrl+Z in the table undoes the removal.
        window.undo_correction_action.setEnabled(True)
        undone = []
        window.undo_correction_action.triggered.connect(lambda: undone.append(True))
        with qtbot.waitSignal(panel.searched, timeout=TIMEOUT):
            qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert window.library.count() == 4
        assert _seen(window.library) == before
        assert undone == []
    finally:
        window.shutdown()
