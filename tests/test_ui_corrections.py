"""Correcting the cast in the window: the Cast rows' context menu, dragging an actor onto
another, Edit > Undo Correction; every correction is stored in the library and shown.

A written article is analysed by the real pipeline; each test first checks the analysis it
corrects, then reads the result back from the panel, the text view and the library.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu
from window_opening import window_showing

from ui.main_window import MainWindow
from ui.widgets import cast_corrections

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000
ARTICLE = (
    "Harbour plan splits Port Ellis\n\n"
    "Aileen MacLeod said the harbour plan would destroy breeding grounds. "
    '"We will fight it," MacLeod told the meeting in Halifax. '
    "Mayor Tom Okafor said the council would vote on it in May.\n"
)


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    win = window_showing(qtbot, tmp_path, path)
    yield win
    win.shutdown()


def _names(window: MainWindow) -> list[str]:
    assert window.analysis is not None
    return [a.name for a in window.analysis.actors]


def _actor(window: MainWindow, name: str):
    assert window.analysis is not None
    return next(a for a in window.analysis.actors if a.name == name)


def _item(window: MainWindow, name: str):
    item = window.actors.actor_item(_actor(window, name).id)
    assert item is not None
    return item


def _action(menu: QMenu, *path: str):
    """The action at ``path`` of (sub)menu titles, ignoring the & of shortcuts."""
    *submenus, last = path
    for title in submenus:
        menu = next(
            a.menu() for a in menu.actions() if a.menu() and a.text().replace("&", "") == title
        )
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(last))


def _stored_names(window: MainWindow) -> list[str]:
    assert window.library is not None and window.article_id is not None
    return [a.name for a in window.library.analysis(window.article_id).actors]


def test_rename_from_the_context_menu_is_stored_and_shown(window, monkeypatch):
    assert "Aileen MacLeod" in _names(window)
    monkeypatch.setattr(cast_corrections, "ask_text", lambda *a, **k: "Aileen MacLeod-Hart")
    menu = window.cast_gestures.menu_for(_item(window, "Aileen MacLeod"))
    _action(menu, "Rename").trigger()
    assert "Aileen MacLeod-Hart" in _names(window)
    assert "Aileen MacLeod-Hart" in _stored_names(window)
    assert any("Aileen MacLeod-Hart" in n for n in window.actors.actor_names())
    assert window.status_text.text().startswith("Corrected: rename Aileen MacLeod")
    assert [s.text for s in window.library.said("Aileen MacLeod-Hart")]


def test_kind_submenu_changes_the_kind_and_undo_restores_it(window):
    halifax = _actor(window, "Halifax")
    assert halifax.kind == "place"
    menu = window.cast_gestures.menu_for(_item(window, "Halifax"))
    assert _action(menu, "Kind", "Place").isChecked()
    assert not window.undo_correction_action.isEnabled()
    _action(menu, "Kind", "Organisation").trigger()
    assert _actor(window, "Halifax").kind == "organisation"
    assert window.undo_correction_action.isEnabled()
    assert "Halifax" in window.undo_correction_action.text()
    assert "Halifax" in window.cast_gestures.undo_text  # the Cast menu's Undo says the same
    window.undo_correction_action.trigger()  # Edit > Undo Correction, Ctrl+Z
    assert _actor(window, "Halifax").kind == "place"
    assert window.status_text.text().startswith("Undone:")
    assert window.cast_gestures.undo_text == ""
    assert not window.undo_correction_action.isEnabled()


def test_statement_menu_moves_a_statement_and_dismisses_another(window):
    okafor = _actor(window, "Tom Okafor")
    index = okafor.quotes[0]
    text = window.analysis.quotes[index].text
    item = window.actors.statement_item(index)
    menu = window.cast_gestures.menu_for(item)
    _action(menu, "Speaker", "Aileen MacLeod").trigger()
    assert text in [window.analysis.quotes[i].text for i in _actor(window, "Aileen MacLeod").quotes]
    moved = next(q for q in window.analysis.quotes if q.text == text)
    assert moved.speaker_start is None  # "Okafor" in the text is no longer its speaker
    assert not _actor(window, "Tom Okafor").quotes
    count = len(window.analysis.quotes)
    first = _actor(window, "Aileen MacLeod").quotes[0]
    menu = window.cast_gestures.menu_for(window.actors.statement_item(first))
    _action(menu, "Not a Statement").trigger()
    assert len(window.analysis.quotes) == count - 1
    stored = window.library.analysis(window.article_id)
    assert len(stored.quotes) == count - 1
    # The text view draws the corrected analysis: one statement highlight fewer.
    assert window.view.analysis is window.analysis


def test_dragging_an_actor_onto_another_merges_it(window, qtbot):
    assert {"Halifax", "Tom Okafor"} <= set(_names(window))
    tree = window.actors.tree
    source = _item(window, "Halifax")
    target = _item(window, "Tom Okafor")
    tree.setCurrentItem(source)  # a drag starts at the row pressed
    tree.scrollToItem(target)
    point = tree.visualItemRect(target).center()
    data = QMimeData()
    data.setData("application/x-qabstractitemmodeldatalist", b"")
    args = (
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # What a drag does: enter over the row it starts from, move over the target, drop.
    start = tree.visualItemRect(source).center()
    enter = QDragEnterEvent(start, *args)
    QApplication.sendEvent(tree.viewport(), enter)
    assert enter.isAccepted()  # else Qt sends no move or drop at all
    move = QDragMoveEvent(point, *args)
    QApplication.sendEvent(tree.viewport(), move)
    assert move.isAccepted()  # the row says it takes the drop
    QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(point), *args))
    assert "Halifax" not in _names(window)
    assert "Halifax" in _actor(window, "Tom Okafor").aliases
    assert "Halifax" not in _stored_names(window)


def test_a_correction_for_every_article_applies_to_articles_opened_later(window, qtbot, tmp_path):
    menu = window.cast_gestures.menu_for(_item(window, "Tom Okafor"))
    _action(menu, "Apply to Every Article").trigger()
    assert window.cast_gestures.everywhere
    menu = window.cast_gestures.menu_for(_item(window, "Tom Okafor"))
    _action(menu, "Kind", "Group").trigger()
    later = tmp_path / "later.txt"
    later.write_text(
        "Council delays harbour vote\n\nTom Okafor said on Monday that the vote would wait.\n",
        encoding="utf-8",
    )
    shown: list[int] = []
    window.articleShown.connect(lambda _a, article_id: shown.append(article_id))
    window.open_paths([later])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] > 0, timeout=TIMEOUT)
    assert _actor(window, "Tom Okafor").kind == "group"


def test_a_correction_without_a_library_says_so_and_changes_nothing(window, monkeypatch):
    before = _names(window)
    window.article_id = None  # as for an article that could not be saved
    menu = window.cast_gestures.menu_for(_item(window, "Halifax"))
    _action(menu, "Kind", "Organisation").trigger()
    assert "not in it" in window.banner.text()
    assert _names(window) == before


def test_a_row_with_nothing_to_correct_has_no_menu(window):
    assert window.cast_gestures.menu_for(None) is None
    assert window.cast_gestures._drop_pair(QPoint(-5, -5)) is None
    # An actor dropped on itself does nothing.
    item = _item(window, "Halifax")
    assert not window.cast_gestures.drop_on(item, item)
