"""Every action of the main window, declared once: its text, keys and what it does.

As in MusicBrainz Picard's actions registry, each action is one entry of ``ACTIONS``;
``WindowActions`` makes them all for a window, ``ui/menus.py`` lays them out in the menus,
and Help > Keyboard Shortcuts (``ui/about.py``) lists them from the menus, so what a key
does, where it sits and what the list says cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ui import messages
from ui.style.safe_text import NAME_LIMIT, menu_text
from ui.style.themes import ThemeChoice

if TYPE_CHECKING:
    from ui.main_window import MainWindow

Key = QKeySequence.StandardKey | str
Standard = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: ``key`` is its one shortcut (a standard key's first binding), ``keys``
    all of them (a standard key with every binding it has)."""

    name: str
    text: str
    run: Callable[[MainWindow], object] | None = None
    key: Key | None = None
    keys: tuple[Key, ...] = ()
    tip: str = ""
    #: For a checkable action: checked at first, and what a toggle does.
    checked: bool | None = None
    toggled: Callable[[MainWindow, bool], object] | None = None
    about: bool = False


def _theme(choice: ThemeChoice, text: str) -> ActionSpec:
    return ActionSpec(
        f"theme_{choice.value}",
        text,
        lambda w: w.state.set_theme(choice),
        checked=choice is ThemeChoice.SYSTEM,
    )


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "&Open…", lambda w: w.opener.choose_files(), Standard.Open),
    ActionSpec("sample", "Open the &Sample Article", lambda w: w.opener.open_sample()),
    ActionSpec(
        "export",
        "&Export…",
        lambda w: w.export_article(),
        "Ctrl+Shift+E",
        tip="Save this article as a web page, Markdown or JSON",
    ),
    ActionSpec("export_library", "Export &Library Statements…", lambda w: w.export_library()),
    ActionSpec("quit", "&Quit", lambda w: w.close(), Standard.Quit),
    ActionSpec(
        "undo_correction", "&Undo Correction", lambda w: w.cast_editor.undo(), Standard.Undo
    ),
    ActionSpec(
        "legend", "Show &Legend", checked=True, toggled=lambda w, on: w.legend.setVisible(on)
    ),
    ActionSpec(
        "find_text", "&Find in the Article", lambda w: w.views.find_in_article(), Standard.Find
    ),
    ActionSpec(
        "search_library", "Search the &Library", lambda w: w.views.focus_search(), "Ctrl+Shift+F"
    ),
    ActionSpec(
        "sources",
        "&Sources…",
        lambda w: w.views.show_sources(),
        tip="Who gets to speak: the sources of the library and of this article",
    ),
    ActionSpec(
        "next_statement",
        "&Next Statement",
        lambda w: w.view.next_statement(),
        keys=("]", "Alt+Down"),
    ),
    ActionSpec(
        "previous_statement",
        "&Previous Statement",
        lambda w: w.view.previous_statement(),
        keys=("[", "Alt+Up"),
    ),
    ActionSpec(
        "hide_highlights",
        "&Hide All Highlights",
        checked=False,
        toggled=lambda w, hidden: w.view.set_highlights_shown(not hidden),
    ),
    ActionSpec(
        "zoom_in",
        "Zoom &In",
        lambda w: w.view.zoom_in(),
        keys=(Standard.ZoomIn, "Ctrl++", "Ctrl+="),
    ),
    ActionSpec(
        "zoom_out", "Zoom &Out", lambda w: w.view.zoom_out(), keys=(Standard.ZoomOut, "Ctrl+-")
    ),
    ActionSpec("reset_zoom", "&Reset Zoom", lambda w: w.view.reset_zoom(), keys=("Ctrl+0",)),
    ActionSpec("next_to_check", "&Next Statement to Check", lambda w: w.reviewer.next(), "F8"),
    ActionSpec(
        "previous_to_check",
        "&Previous Statement to Check",
        lambda w: w.reviewer.previous(),
        "Shift+F8",
    ),
    ActionSpec(
        "accept_statement",
        "&Accept Statement: Right as It Is",
        lambda w: w.reviewer.accept(),
        "Ctrl+Shift+A",
    ),
    ActionSpec(
        "add_statement",
        "A&dd Statement from Selection…",
        lambda w: w.reviewer.add_statement(),
        "Ctrl+Shift+N",
    ),
    ActionSpec("check_below", "&Check Statements Below…", lambda w: w.reviewer.ask_threshold()),
    _theme(ThemeChoice.SYSTEM, "&System"),
    _theme(ThemeChoice.LIGHT, "&Light"),
    _theme(ThemeChoice.DARK, "&Dark"),
    ActionSpec("shortcuts", "&Keyboard Shortcuts", lambda w: w.show_shortcuts(), "Ctrl+/"),
    ActionSpec("about", "&About Dramatis", lambda w: w.show_about(), about=True),
    # Esc stops the analysis; enabled only while one runs, so Esc is free otherwise.
    ActionSpec("cancel", messages.CANCEL, lambda w: w.analyses.cancel(), "Esc"),
)

ZOOMS = ("zoom_in", "zoom_out", "reset_zoom")


def key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The shortcuts of an action, each once (a standard key may equal a listed one)."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key) if isinstance(key, Standard) else [QKeySequence(key)]
        )
        found += [k for k in sequences if not k.isEmpty() and k not in found]
    return found


def make_action(spec: ActionSpec, window: MainWindow) -> QAction:
    action = QAction(spec.text, window)
    if spec.key is not None:
        action.setShortcut(QKeySequence(spec.key))
    if spec.keys:
        action.setShortcuts(key_sequences(spec.keys))
    if spec.tip:
        action.setToolTip(spec.tip)
    if spec.checked is not None:
        action.setCheckable(True)
        action.setChecked(spec.checked)
    if spec.about:
        action.setMenuRole(QAction.MenuRole.AboutRole)
    if spec.run is not None:
        action.triggered.connect(lambda _checked=False, run=spec.run: run(window))
    if spec.toggled is not None:
        action.toggled.connect(lambda on, toggled=spec.toggled: toggled(window, on))
    return action


class WindowActions:
    """The window's actions by name, and the few whose state follows what is on screen."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.by_name = {spec.name: make_action(spec, window) for spec in ACTIONS}
        self.zooms = {name: self.by_name[name] for name in ZOOMS}
        self.themes = {choice: self.by_name[f"theme_{choice.value}"] for choice in ThemeChoice}
        self.theme_group = QActionGroup(window)
        self.theme_group.setExclusive(True)
        for action in self.themes.values():
            self.theme_group.addAction(action)
        self["cancel"].setEnabled(False)
        hide = self["hide_highlights"]
        window.view.highlightsChanged.connect(
            lambda: hide.setChecked(not window.view.highlights_shown())
        )

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def name_undo(self, *_changed: object) -> None:
        """Edit > Undo names what it undoes (every correction shows the article again)."""
        what = self.window.cast_editor.undo_text()
        self.window.cast_gestures.undo_text = what  # the Cast menu's Undo, for this article
        undo = self["undo_correction"]
        undo.setText("&Undo " + menu_text(what, NAME_LIMIT) if what else "&Undo Correction")
        undo.setEnabled(bool(what))

    def update_export(self, *_shown: object) -> None:
        """Export needs an analysed article on screen; the library export, a library."""
        self["export"].setEnabled(self.window.analysis is not None)
        self["export_library"].setEnabled(self.window.library is not None)

    def theme_choice(self) -> ThemeChoice:
        return next((c for c, a in self.themes.items() if a.isChecked()), ThemeChoice.SYSTEM)
