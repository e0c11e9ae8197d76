"""How the desktop app starts: the sample titled, text first, the last article.

On first run the window shows the sample under its own title, never its path inside the
app; the text appears as soon as it is read, before the analysis; a start without files
reopens the article opened most recently. The app's window paints before anything else:
``MainWindow(at_start=…)`` opens no library before its first paint; after it the library
opens, ``at_start`` runs, and the model loads behind the file it opened
(``AfterFirstPaint``, which also runs for a window never painted).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from reader.opening import open_article
from tests.conftest import analysis_without_nlp
from ui import messages
from ui.app import reopen_last
from ui.first_paint import AfterFirstPaint
from ui.main_window import MainWindow
from ui.sample import is_sample, presented, sample_article_path

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000


def test_the_sample_is_presented_with_a_title_and_no_path():
    article = presented(open_article(sample_article_path()))
    assert article.title == messages.SAMPLE_TITLE
    assert article.source is None


def test_other_articles_keep_their_title_and_source(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Maria Lopez said the bridge would open in May.\n", encoding="utf-8")
    article = open_article(path)
    assert not is_sample(path)
    assert presented(article) is article


@pytest.mark.slow
def test_first_run_shows_the_sample_titled_without_its_path(window, qtbot):
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        window.open_paths([sample_article_path()])
    assert window.heading.text() == messages.SAMPLE_TITLE
    assert window.windowTitle() == f"Dramatis — {messages.SAMPLE_TITLE}"
    shown = window.meta.text() + window.heading.text() + window.windowTitle()
    assert "seeds" not in shown and "000_dd5b" not in shown
    stored = window.library.articles(limit=1)
    assert [(a.title, a.source) for a in stored] == [(messages.SAMPLE_TITLE, None)]


class _Recorder(QObject):
    """Notes what the window shows when the text arrives (queued after the window's slot)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.seen: list[tuple[str, str, object]] = []

    @Slot(int, object)
    def read(self, _job: int, _article: object) -> None:
        w = self.window
        self.seen.append((w.view.toPlainText(), w.heading.text(), w.analysis))


@pytest.mark.slow
def test_the_text_is_shown_before_the_analysis(nlp_window, qtbot):
    window = nlp_window  # the real analysis, which finds entities, follows the text
    recorder = _Recorder(window)
    window.analyses.articleRead.connect(recorder.read)
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        window.open_paths([sample_article_path()])
    text, heading, analysis = recorder.seen[0]
    assert text == open_article(sample_article_path()).text
    assert heading == messages.SAMPLE_TITLE
    assert analysis is None  # the highlights came later
    assert window.analysis is not None and window.analysis.entities


def test_a_start_without_files_reopens_the_last_article(window, qtbot, tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Bridge opens\n\nMaria Lopez said the bridge would open in May.\n")
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        window.open_paths([note])
    window.shutdown()
    again = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(again)
    try:
        assert reopen_last(again)
        assert again.analysis is not None
        assert again.analysis.article.title == "Bridge opens"
        assert not again.is_busy()  # shown from the library, nothing analysed
    finally:
        again.shutdown()


def test_an_empty_library_has_no_last_article(window):
    assert not reopen_last(window)


def test_the_library_opens_after_the_first_paint(qtbot, tmp_path):
    seen: list[tuple[bool, bool]] = []

    def at_start(window: MainWindow) -> None:
        # What the start shows is opened with the library already there.
        seen.append((window.library is not None, window.view.isVisible()))

    window = MainWindow(data_dir=tmp_path, analyse=analysis_without_nlp, at_start=at_start)
    qtbot.addWidget(window)
    try:
        assert window.library is None  # nothing opened before the window is on screen
        assert not window.commands["export_library"].isEnabled()
        window.show()
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert seen == [(True, True)]
        assert window.library is not None
        assert window.library.path.parent == tmp_path
        assert window.commands["export_library"].isEnabled()
        assert window.library_panel.library is window.library
    finally:
        window.shutdown()


def test_without_at_start_the_library_opens_at_once(qtbot, tmp_path):
    window = MainWindow(data_dir=tmp_path, analyse=analysis_without_nlp)
    qtbot.addWidget(window)
    try:
        assert window.library is not None
    finally:
        window.shutdown()


def test_a_start_runs_once_on_the_first_paint(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    AfterFirstPaint(widget, lambda: calls.append("ran"), latest_ms=60_000)
    qtbot.wait(50)
    assert calls == []  # not shown: not painted
    widget.show()
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=5000)
    widget.update()
    qtbot.wait(50)
    assert calls == ["ran"]


def test_a_window_never_painted_starts_all_the_same(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    AfterFirstPaint(widget, lambda: calls.append("ran"), latest_ms=100)
    qtbot.waitUntil(lambda: calls == ["ran"], timeout=5000)
    qtbot.wait(150)
    assert calls == ["ran"]
