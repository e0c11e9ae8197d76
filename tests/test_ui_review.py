"""Review in the window: statements to check marked in the text, the Cast and Who said what,
F8 through them with the reason in the status bar, Accept, Add Statement from Selection,
Not an Actor, and the threshold remembered between runs.

A written article is analysed by the real pipeline: a named speaker given by apposition
(sure), a pronoun speaker, a minister nobody in the article is (no speaker), residents who
"joked about" something and a contractor who "asked for" money (often-wrong constructions).
"""

from __future__ import annotations

import pytest
from harbour_story import ARTICLE, MISSED
from PySide6.QtGui import QTextCharFormat
from window_opening import TIMEOUT, window_showing

from reader.model import CHECK_THRESHOLD
from ui import reviewing
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.widgets.actors_panel import CHECK_THIS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    win = window_showing(qtbot, tmp_path, path)
    win.view.finish_drawing()
    yield win
    win.shutdown()


def _index(window: MainWindow, words: str) -> int:
    assert window.analysis is not None
    found = [i for i, q in enumerate(window.analysis.quotes) if words in q.text]
    assert len(found) == 1
    return found[0]


def _underline(window: MainWindow, words: str) -> QTextCharFormat.UnderlineStyle:
    offset = ARTICLE.index(words) + 2
    return window.view.format_at(offset).underlineStyle()


def test_statements_to_check_are_marked_in_the_text_with_the_reason(window):
    assert _underline(window, "the government would not pay") == (
        QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    assert _underline(window, "the new breakwater") != (
        QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    tip = window.view.tooltip_at(ARTICLE.index("the government would not pay") + 2)
    assert "Check this (confidence 0.45)" in tip
    assert "nobody in the article answers to its speaker" in tip


def test_the_cast_says_check_this_and_counts_them(window):
    minister = window.actors.statement_item(_index(window, "would not pay"))
    sure = window.actors.statement_item(_index(window, "breakwater"))
    assert minister.text(1) == CHECK_THIS
    assert "nobody in the article answers to its speaker" in minister.toolTip(1)
    assert sure.text(1) != CHECK_THIS
    assert "3 statements to check (F8)" in window.actors.summary.text()


def test_f8_steps_through_them_and_accept_clears_one_for_good(window, qtbot):
    reviewer = window.reviewer
    assert window.commands["next_to_check"].shortcut().toString() == "F8"
    first = reviewer.next()
    assert first == _index(window, "would not pay")
    assert "Statement 1 of 3 to check" in window.status_text.text()
    assert reviewer.accept()
    # Accepted: stored, no longer marked, and the next one is shown.
    assert window.analysis.quotes[_index(window, "would not pay")].reviewed
    assert "Statement 1 of 2 to check" in window.status_text.text()
    assert _underline(window, "the government would not pay") != (
        QTextCharFormat.UnderlineStyle.WaveUnderline
    )
    stored = window.library.analysis(window.article_id)
    assert stored.quotes[_index(window, "would not pay")].reviewed
    assert window.library.to_check_counts([window.article_id], CHECK_THRESHOLD) == {
        window.article_id: 2
    }
    # Undo takes it back like any correction.
    window.cast_editor.undo()
    assert window.analysis.quotes[_index(window, "would not pay")].to_check()


def test_add_a_statement_from_the_selection(window, monkeypatch):
    start = ARTICLE.index(MISSED)
    cursor = window.view._cursor(start - 1, start + len(MISSED))  # a space taken in too
    window.view.setTextCursor(cursor)
    monkeypatch.setattr(
        reviewing,
        "ask_item",
        lambda _parent, _title, _label, items: items.index("Hollis Marine"),
    )
    assert window.reviewer.add_statement()
    added = window.analysis.quotes[_index(window, "unavoidable")]
    assert added.text == MISSED and added.rule == "reader" and not added.to_check()
    assert window.analysis.actor(added.actor).name == "Hollis Marine"
    assert window.actors.statement_item(_index(window, "unavoidable")) is not None


def test_add_statement_without_a_selection_says_what_to_do(window):
    window.view.setTextCursor(window.view._cursor(5, 5))
    assert not window.reviewer.add_statement()
    assert "Select the words of the statement" in window.status_text.text()


def test_not_an_actor_from_the_cast(window):
    residents = next(a for a in window.analysis.actors if a.name == "Residents")
    window.cast_gestures.not_actor(residents)
    assert all(a.name != "Residents" for a in window.analysis.actors)
    statement = window.analysis.quotes[_index(window, "the harbour")]
    assert statement.actor is None and "no-speaker" in statement.doubts


def test_the_threshold_moves_every_mark_and_is_remembered(window):
    window.reviewer.set_threshold(0.3)
    assert window.view.to_check() == []
    assert window.actors.statement_item(_index(window, "would not pay")).text(1) != CHECK_THIS
    window.reviewer.set_threshold(0.99)
    assert len(window.view.to_check()) == 5
    window.settings.set_check_below(0.5)
    assert Settings().check_below() == 0.5


def test_who_said_what_marks_a_statement_to_check(window, qtbot):
    window.reviewer.set_threshold(0.8)  # the pronoun statement (0.76) is to check
    window.show_said("Marit Solberg")
    results = window.said.results
    qtbot.waitUntil(lambda: len(results.statements) == 2, timeout=TIMEOUT)
    html = results.toPlainText()
    assert "Check this (confidence 0.76): the speaker is a pronoun" in html
    assert html.count("Check this") == 1


def test_the_library_tab_says_how_many_to_check_and_filters_them(window, qtbot, tmp_path):
    from ui.widgets.library_table import TO_CHECK_COLUMN

    other = tmp_path / "ferry.txt"
    other.write_text(
        "Ferry timetable unchanged\n\nMarit Solberg said the ferry would keep its timetable.",
        encoding="utf-8",
    )
    window.open_paths([other])
    qtbot.waitUntil(lambda: window.library.count() == 2, timeout=TIMEOUT)
    panel = window.library_panel
    window.tabs.setCurrentWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.model.article(1) is not None, timeout=TIMEOUT)
    counts = {
        panel.model.article(row).title: panel.model.index(row, TO_CHECK_COLUMN).data()
        for row in range(2)
    }
    assert counts == {"Harbour works delayed again": "3", "Ferry timetable unchanged": ""}
    panel.filters.to_check.setChecked(True)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: panel.model.article(0) is not None, timeout=TIMEOUT)
    assert panel.model.article(0).title == "Harbour works delayed again"
    # The Review menu's threshold reaches the table: nothing is that unsure.
    window.reviewer.set_threshold(0.1)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=TIMEOUT)
