"""Moving through the article view: statements, an actor's marks, clicks, search
hits, zoom. A real analysis of a short article, made once for the module."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from show_long_article import tiled

from reader.library import open_library
from reader.model import Analysis
from reader.opening import article_from_text
from reader.pipeline import analyse
from ui.main_window import MainWindow
from ui.style.colors import Theme
from ui.widgets.article_view import ZOOM_MAX, ArticleView
from ui.widgets.text_matches import find_matches, search_words

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TEXT = (
    "Ana Silva, the mayor of Lisbon, said on Monday that the new bridge would open in May.\n"
    "“We are proud of this bridge,” Silva told reporters from Reuters.\n"
    "The European Commission said the project was “a model for Europe”, according to a "
    "statement.\n"
    "Officials in Madrid said they would study the plans. Silva added that 300 workers had "
    "built it.\n"
)
SILVA = "ana-silva"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyse(article_from_text(TEXT, title="Bridge"))


@pytest.fixture
def view(qtbot, analysis):
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_analysis(analysis, Theme.LIGHT)
    return widget


def _selected_spans(view: ArticleView) -> set[tuple[int, int]]:
    return {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()}


def _point_at(view: ArticleView, offset: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(offset)
    rect = view.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def test_next_and_previous_statement_step_through_the_text_in_order(view, analysis, qtbot):
    order = sorted(range(len(analysis.quotes)), key=lambda i: analysis.quotes[i].start)
    shown = []
    view.statementShown.connect(shown.append)
    view.moveCursor(QTextCursor.MoveOperation.Start)
    # The first statement starts at the very beginning: "next" from there is the second.
    first_start = analysis.quotes[order[0]].start
    steps = order[1:] if first_start == 0 else order
    for index in steps:
        assert view.next_statement() == index
        quote = analysis.quotes[index]
        assert view.selected_span() == (quote.start, quote.end)
    assert view.next_statement() is None  # the last one: nothing after it
    for index in reversed(order[:-1]):
        assert view.previous_statement() == index
    assert view.previous_statement() is None
    assert shown == steps + list(reversed(order[:-1]))


def test_marking_an_actor_marks_its_mentions_and_statements_with_ticks(view, analysis, qtbot):
    view.mark_actor(SILVA)
    mentions = {(e.start, e.end) for e in analysis.entities if e.actor == SILVA}
    assert len(mentions) == 3
    quotes = [q for q in analysis.quotes if q.actor == SILVA]
    contents = {span for q in quotes for span in q.spans}
    speakers = {(q.speaker_start, q.speaker_end) for q in quotes}
    assert _selected_spans(view) == mentions | contents | speakers
    marks = view.actor_marks()
    assert {(s, e) for s, e, kind in marks if kind == "mention"} == mentions | speakers
    qtbot.waitUntil(lambda: len(view.markers.ticks) == len(mentions | speakers), timeout=2000)
    places = [where for where, _colour in view.markers.ticks]
    assert places == sorted(places) and 0.0 <= places[0] < places[-1] <= 1.0
    assert view.markers.isVisible() or not view.verticalScrollBar().isVisible()

    view.mark_actor(None)
    assert view.extraSelections() == [] and view.actor_marks() == []
    qtbot.waitUntil(lambda: view.markers.ticks == [], timeout=2000)


def test_a_long_article_selects_only_the_marks_near_the_view(qtbot, analysis):
    """Thousands of extra selections took a third of a second to set."""
    long_analysis = tiled(analysis, 12_000)
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    view.show_analysis(long_analysis, Theme.LIGHT)
    view.finish_drawing()
    view.mark_actor(SILVA)
    every = view.actor_marks()
    near = sorted(_selected_spans(view))
    assert 0 < len(near) < len(every) // 4
    assert near[0] == every[0][:2]  # the view is at the top
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    near = sorted(_selected_spans(view))
    assert near[-1] == every[-1][:2]
    assert near[0][0] > len(long_analysis.article.text) // 2


def test_clicking_a_name_selects_its_actor_and_a_statement_its_statement(view, analysis, qtbot):
    lisbon = next(e for e in analysis.entities if e.text == "Lisbon")
    with qtbot.waitSignal(view.actorClicked) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=_point_at(view, lisbon.start + 1)
        )
    assert blocker.args == [lisbon.actor]
    silva = next(e for e in analysis.entities if e.actor == SILVA and e.start > 0)
    with qtbot.waitSignal(view.actorClicked) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=_point_at(view, silva.start + 1)
        )
    assert blocker.args == [SILVA]
    plans = TEXT.index("study the plans")
    index = next(i for i, q in enumerate(analysis.quotes) if q.start <= plans < q.end)
    with qtbot.waitSignal(view.statementClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_point_at(view, plans + 2))
    assert blocker.args == [index]


def test_selecting_text_across_a_name_selects_no_actor(view, analysis, qtbot):
    lisbon = next(e for e in analysis.entities if e.text == "Lisbon")
    clicked = []
    view.actorClicked.connect(clicked.append)
    start, end = _point_at(view, lisbon.start + 1), _point_at(view, lisbon.end + 6)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert view.textCursor().hasSelection()
    assert clicked == []


def test_search_words_are_the_words_looked_for():
    query = 'Bridge AND "new bridge" -Lisbon NOT Madrid minist* OR (May)'
    assert search_words(query) == ["bridge", "new", "minist", "may"]


def test_show_matches_marks_word_starts_in_any_case_and_scrolls_to_the_first(view):
    found = view.show_matches(["BRIDG", "stud"])
    bridge = [i for i in range(len(TEXT)) if TEXT.startswith("bridge", i)]
    study = TEXT.index("study")
    assert found == sorted([(i, i + len("bridge")) for i in bridge] + [(study, study + 5)])
    assert _selected_spans(view) == set(found)
    assert view.selected_span() == found[0]
    assert find_matches("abridged bridges", ["bridge"]) == [(9, 16)]  # word starts only


def test_opening_a_search_hit_marks_the_words_searched_for(qtbot, tmp_path, analysis):
    library = open_library(tmp_path / "data")
    library.add_analysis(analysis)
    library.close()
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    try:
        window.library_panel.query.setText("proud")
        with qtbot.waitSignal(window.library_panel.searched, timeout=30_000):
            window.library_panel.search()
        assert len(window.library_panel.hits) == 1
        window.library_panel.open_hit(0)
        proud = TEXT.index("proud")
        assert window.view.matches() == [(proud, proud + 5)]
        assert window.view.selected_span() == (proud, proud + 5)
    finally:
        window.shutdown()


def test_the_view_menu_steps_through_statements(qtbot, tmp_path, analysis):
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    try:
        window.show_analysis(analysis)
        actions = {a.text().replace("&", ""): a for a in window.menuBar().actions()}
        view_menu = actions["View"].menu()
        steps = {a.text().replace("&", ""): a for a in view_menu.actions()}
        assert steps["Next Statement"].shortcut().toString() == "]"
        assert steps["Previous Statement"].shortcut().toString() == "["
        window.view.moveCursor(QTextCursor.MoveOperation.End)
        steps["Previous Statement"].trigger()
        last = max(analysis.quotes, key=lambda q: q.start)
        assert window.view.selected_span() == (last.start, last.end)
        steps["Hide All Highlights"].trigger()
        assert not window.view.highlights_shown()
        assert window.legend.hide_all.isChecked()
    finally:
        window.shutdown()


def test_zoom_steps_keep_the_first_visible_line_in_place(qtbot):
    text = "".join(
        f"Paragraph {n} of a long article about bridges and mayors.\n" for n in range(400)
    )
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    view.show_analysis(Analysis(article_from_text(text)), Theme.LIGHT)
    line = text.index("Paragraph 200 ")
    cursor = QTextCursor(view.document())
    cursor.setPosition(line)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + view.cursorRect(cursor).top())
    assert view.first_visible_offset() == line
    size = view.font().pointSizeF()
    with qtbot.waitSignal(view.zoomChanged) as blocker:
        view.zoom_in()
    assert blocker.args == [1] and view.zoom_steps() == 1
    assert view.font().pointSizeF() == pytest.approx(size * 1.1)
    assert text.index("Paragraph 200 ") <= view.first_visible_offset() < line + 10
    view.zoom_out()
    view.zoom_out()
    assert view.zoom_steps() == -1 and view.font().pointSizeF() < size
    assert line <= view.first_visible_offset() < line + 10
    view.reset_zoom()
    assert view.zoom_steps() == 0 and view.font().pointSizeF() == pytest.approx(size)
    view.set_zoom_steps(100)
    assert view.zoom_steps() == ZOOM_MAX
