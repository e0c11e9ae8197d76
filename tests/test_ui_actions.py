"""The window's actions registry (ui/actions.py): every action it declares is in a menu or
on the window, and Help > Keyboard Shortcuts lists every one that has a key."""

from __future__ import annotations

import pytest

from ui.about import ShortcutsDialog, window_actions
from ui.actions import ACTIONS

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def test_every_declared_action_is_reachable_and_listed_with_its_keys(window):
    reachable = window_actions(window)
    declared = [window.commands[spec.name] for spec in ACTIONS]
    assert all(action in reachable for action in declared)
    dialog = ShortcutsDialog(window)
    listed = dict(dialog.rows)
    keyed = [a.text().replace("&", "") for a in declared if a.shortcuts()]
    assert {"Open…", "Export…", "Next Statement", "Reset Zoom", "Cancel"} <= set(keyed)
    assert all(text in listed for text in keyed)
    assert listed["Zoom In"].split(", ")[0] == "Ctrl++"
    assert listed["Search the Library"] == "Ctrl+Shift+F"
    dialog.close()


def test_an_action_does_what_its_entry_says(window, qtbot):
    window.commands["search_library"].trigger()
    assert window.tabs.currentWidget() is window.library_panel
    window.commands["legend"].setChecked(False)
    assert not window.legend.isVisibleTo(window)
    window.commands["hide_highlights"].setChecked(True)
    assert not window.view.highlights_shown()
