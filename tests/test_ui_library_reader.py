"""Library searches run off the GUI thread and late answers are dropped.

A search of a thousand prefix terms once took minutes on the GUI thread, freezing the
window. The panel now asks the reader thread; the window keeps handling events while a
search runs, and an answer to a search the user has since replaced never reaches the screen.
"""

from __future__ import annotations

import threading

import pytest

from reader.library import Library, open_library
from reader.model import Analysis
from reader.opening import article_from_text
from ui.widgets.library_panel import LibraryPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def _store(data_dir, titles: list[str]) -> Library:
    library = open_library(data_dir, version="test")
    for title in titles:
        article = article_from_text(f"{title} were discussed on Monday.", title=title)
        library.add_analysis(Analysis(article, version="test"))
    return library


@pytest.fixture
def panel(qtbot, tmp_path):
    library = _store(tmp_path, ["Harbour plans", "Council budget"])
    widget = LibraryPanel()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.searched, timeout=10_000):
        widget.set_library(library)
    yield widget
    widget.shutdown()
    library.close()


def test_a_slow_search_runs_on_another_thread_while_the_window_keeps_working(
    panel, qtbot, monkeypatch
):
    release = threading.Event()
    ran_on: list[threading.Thread] = []
    original = Library.search

    def slow_search(self, *args, **kwargs):
        ran_on.append(threading.current_thread())
        assert release.wait(timeout=20), "the test never released the search"
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Library, "search", slow_search)
    panel.query.setText("harbour")
    panel.search()
    qtbot.waitUntil(lambda: bool(ran_on), timeout=10_000)  # the GUI thread is free meanwhile
    assert ran_on[0] is not threading.main_thread()
    assert panel.status.text() == "Searching…"
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        release.set()
    assert [hit.title for hit in panel.hits] == ["Harbour plans"]


def test_the_answer_to_a_replaced_search_is_dropped(panel, qtbot, monkeypatch):
    first_started = threading.Event()
    release_first = threading.Event()
    original = Library.search

    def search(self, text, *args, **kwargs):
        if text == "harbour":
            first_started.set()
            assert release_first.wait(timeout=20)
        return original(self, text, *args, **kwargs)

    monkeypatch.setattr(Library, "search", search)
    panel.query.setText("harbour")
    panel.search()
    qtbot.waitUntil(first_started.is_set, timeout=10_000)
    panel.query.setText("budget")
    panel.search()  # queued behind the first on the reader thread
    release_first.set()
    with qtbot.waitSignal(panel.searched, timeout=10_000):
        pass
    assert [hit.title for hit in panel.hits] == ["Council budget"]
