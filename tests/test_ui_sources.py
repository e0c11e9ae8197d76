"""View > Sources… in the window: the library's figures and the article's, as bars, within
an outlet, counted on a reader thread, and exported as CSV."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog
from source_articles import three_stories

from reader.library import open_library
from ui.main_window import MainWindow
from ui.sources_window import SourcesWindow

# Offscreen, a window can neither be raised nor told its size hints: said, harmless.
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints", r"This plugin does not support raise"
)

TIMEOUT = 20_000


@pytest.fixture
def window(qtbot, tmp_path):
    data = tmp_path / "data"
    with open_library(data) as library:
        for analysis in three_stories():
            library.add_analysis(analysis)
    win = MainWindow(data_dir=data)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def bars(sources: SourcesWindow) -> dict[str, tuple[int, int]]:
    """Each bar's label with its count and what its share is of."""
    return {row.label: (row.count, row.whole) for row in sources.chart.rows}


def test_the_library_figures_as_bars(window, qtbot):
    action = next(a for a in window.menuBar().actions() if a.text() == "&View")
    entry = next(a for a in action.menu().actions() if a.text() == "&Sources…")
    entry.trigger()
    sources = window.sources_window
    assert sources is not None and sources.isVisible()
    qtbot.waitUntil(lambda: sources.report is not None, timeout=TIMEOUT)
    assert sources.summary.text() == (
        "10 sources in 3 articles: 7 named, 3 unnamed; 14 statements, 21% quoted directly."
    )
    shown = bars(sources)
    assert shown["Named"] == (7, 10)
    assert shown["Officials and politicians"] == (4, 10)
    assert shown["Citizens and residents"] == (3, 10)
    assert shown["Women"] == (3, 7) and shown["Men"] == (3, 7)
    assert shown["Direct quote"] == (3, 14)
    assert shown["Grace Obi"] == (2, 0)  # quoted most: no share, measured against the top
    gender = [row for row in sources.chart.rows if row.noun == "person"]
    assert [row.words for row in gender] == [
        "Women: 3 of 7 people (43%)",
        "Men: 3 of 7 people (43%)",
        "Not stated: 1 of 7 people (14%)",
    ]
    assert sources.chart.height() > 20 * sources.chart.row_height()


def test_an_outlet_narrows_the_figures(window, qtbot):
    sources = window.show_sources()
    qtbot.waitUntil(lambda: sources.filters.outlet_names() != [], timeout=TIMEOUT)
    assert sources.filters.outlet_names() == ["Harbour Times", "Valley Courier"]
    sources.filters.choose_outlet("Valley Courier")
    qtbot.waitUntil(
        lambda: sources.summary.text().startswith("4 sources in 1 article"), timeout=TIMEOUT
    )
    assert bars(sources)["Not stated"] == (1, 3)  # of the people: Jordan Ellis


def test_the_article_on_screen(window, qtbot):
    window.open_stored(1)
    sources = window.show_sources()
    qtbot.waitUntil(lambda: sources.report is not None, timeout=TIMEOUT)
    sources.scope.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: sources.report is not None and sources.report.article_id == 1, timeout=TIMEOUT
    )
    assert sources.summary.text() == (
        "Ferry service to resume in April: 3 sources, 2 named; 5 statements, 40% quoted directly."
    )
    assert not sources.filters.isEnabled()
    assert bars(sources)["Citizens and residents"] == (1, 3)
    window.open_stored(3)  # the window follows the article on screen
    qtbot.waitUntil(lambda: sources.report.article_id == 3, timeout=TIMEOUT)
    assert sources.summary.text().startswith("Library to open on Sundays: 4 sources")


def test_choosing_an_actor_quoted_most_shows_what_they_said(window, qtbot):
    sources = window.show_sources()
    qtbot.waitUntil(lambda: sources.report is not None, timeout=TIMEOUT)
    n = next(i for i, row in enumerate(sources.chart.rows) if row.actor == "Lena Fischer")
    sources.chart.choose(n)
    assert window.tabs.currentWidget() is window.said
    qtbot.waitUntil(lambda: len(window.said.statements) == 2, timeout=TIMEOUT)


def test_export_as_csv(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "harbour"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    sources = window.show_sources()
    qtbot.waitUntil(lambda: sources.export_button.isEnabled(), timeout=TIMEOUT)
    assert sources.export_csv() == tmp_path / "harbour.csv"
    qtbot.waitUntil(lambda: sources.status.text() == "Sources report saved to harbour.csv")
    lines = (tmp_path / "harbour.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "section,key,label,count,share"
    assert "Role,expert,Experts,1,0.100" in lines
