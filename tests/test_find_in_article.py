"""Find in the article: Ctrl+F opens a bar above the text; next and previous
step through the matches, wrapping, with a count; Esc closes it. Ctrl+F from inside the
library tab still searches the library, which Ctrl+Shift+F reaches from anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000
TEXT = (
    "Ferry fares to rise\n"
    "The ferry company said fares would rise in June.\n"
    "Councillor Ann Lee said the rise was unfair, and said she would oppose it.\n"
)


@pytest.fixture
def shown(window, qtbot, tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(TEXT, encoding="utf-8")
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT):
        window.open_paths([path])
    return window


def _action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def _selected(window) -> tuple[int, int]:
    cursor = window.view.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def test_ctrl_f_finds_in_the_article_with_a_count_and_wraps(shown, qtbot):
    window = shown
    find = _action(window, "&Find in the Article")
    assert find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert not window.find_bar.isVisible()
    find.trigger()
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "said")
    text = window.view.toPlainText()
    starts = [i for i in range(len(text)) if text.startswith("said", i)]
    assert len(starts) == 3
    assert window.find_bar.count.text() == "1 of 3"
    assert _selected(window) == (starts[0], starts[0] + 4)
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)  # Enter: the next one
    assert window.find_bar.count.text() == "2 of 3"
    assert _selected(window) == (starts[1], starts[1] + 4)
    window.find_bar.next_match()
    window.find_bar.next_match()  # past the last: back to the first
    assert window.find_bar.count.text() == "1 of 3"
    window.find_bar.previous_match()  # before the first: the last
    assert _selected(window) == (starts[2], starts[2] + 4)
    assert window.find_bar.count.text() == "3 of 3"


def test_case_is_ignored_and_a_miss_says_so(shown, qtbot):
    window = shown
    window.find_in_article()
    qtbot.keyClicks(window.find_bar.field, "FERRY")
    assert window.find_bar.count.text() == "1 of 2"
    window.find_bar.field.setText("hovercraft")
    assert window.find_bar.count.text() == "no matches"
    assert not window.find_bar.next_button.isEnabled()


def test_esc_closes_the_bar_and_gives_the_text_the_focus(shown, qtbot):
    window = shown
    window.find_in_article()
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_ctrl_f_in_the_library_tab_still_searches_the_library(shown, qtbot):
    window = shown
    window.tabs.setCurrentWidget(window.library_panel)
    window.library_panel.query.setFocus()
    qtbot.waitUntil(lambda: window.library_panel.query.hasFocus(), timeout=5_000)
    window.find_in_article()
    assert not window.find_bar.isVisible()
    assert window.library_panel.query.hasFocus()
    library = _action(window, "Search the &Library")
    assert library.shortcut() == QKeySequence("Ctrl+Shift+F")
