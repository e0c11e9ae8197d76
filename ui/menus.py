"""The main window's menus, laid out from its actions (``ui/actions.py``).

File, Edit, View, Review and Help; Esc (stop the analysis) belongs
to the window, in no menu. File > Open Recent is filled from the library each time it opens.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from reader.library import LibraryError
from ui.actions import WindowActions
from ui.style.safe_text import menu_entry, tooltip
from ui.widgets.library_panel import hit_title

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: Articles at most in File > Open Recent.
RECENT_LIMIT = 12


def _add(menu: QMenu, actions: WindowActions, *names: str) -> None:
    for name in names:
        menu.addAction(actions[name])


def build_menus(window: MainWindow, actions: WindowActions) -> QMenu:
    """Put the actions in the window's menus; returns File > Open Recent."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    _add(file_menu, actions, "open")
    recent = QMenu("Open &Recent", window)
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    file_menu.addMenu(recent)
    _add(file_menu, actions, "sample")
    file_menu.addSeparator()
    _add(file_menu, actions, "export", "export_library")
    file_menu.aboutToShow.connect(actions.update_export)
    window.articleShown.connect(actions.update_export)
    file_menu.addSeparator()
    _add(file_menu, actions, "quit")

    edit_menu = bar.addMenu("&Edit")
    _add(edit_menu, actions, "undo_correction")
    edit_menu.aboutToShow.connect(actions.name_undo)
    # Every correction and undo shows the article again: this names what Undo undoes.
    window.articleShown.connect(actions.name_undo)

    view_menu = bar.addMenu("&View")
    _add(view_menu, actions, "legend", "find_text", "search_library", "sources")
    view_menu.addSeparator()
    _add(view_menu, actions, "next_statement", "previous_statement", "hide_highlights")
    view_menu.addSeparator()
    _add(view_menu, actions, "zoom_in", "zoom_out", "reset_zoom")
    theme_menu = view_menu.addMenu("&Theme")
    for action in actions.themes.values():
        theme_menu.addAction(action)

    review_menu = bar.addMenu("&Review")
    _add(review_menu, actions, "next_to_check", "previous_to_check", "accept_statement")
    review_menu.addSeparator()
    _add(review_menu, actions, "add_statement")
    review_menu.addSeparator()
    _add(review_menu, actions, "check_below")
    help_menu = bar.addMenu("&Help")
    _add(help_menu, actions, "shortcuts", "about")
    window.addAction(actions["cancel"])
    return recent


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    """File > Open Recent: the articles opened last, from their file while it is there."""
    menu.clear()
    articles = []
    if window.library is not None:
        try:
            articles = window.library.articles(limit=RECENT_LIMIT)
        except LibraryError as error:
            window.library_failed(error.subject, error.problem)
    for stored in articles:
        label = hit_title(stored.title, stored.source, stored.id)
        action = menu_entry(menu, label)
        source = Path(stored.source) if stored.source else None
        if source is not None and source.exists():
            action.setToolTip(tooltip(str(source)))
            action.triggered.connect(lambda _c=False, p=source: window.open_paths([p]))
        else:
            # The file moved or came from elsewhere: the library still has it.
            action.triggered.connect(lambda _c=False, i=stored.id: window.open_stored(i))
    if not articles:
        menu.addAction("No articles yet").setEnabled(False)
