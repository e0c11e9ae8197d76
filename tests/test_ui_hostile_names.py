"""Names and titles from an article reach the window as short plain text.

An article with ``According to <qt><h1><img src=/dev/zero>Lisa White</h1></qt>, …`` gave an
actor whose name carried a working ``<img>``: the Rename… dialog's label guessed rich text
and Qt read ``/dev/zero`` until the app was killed. "Smith & Wesson" showed as "Smith
_Wesson" in menus (``&`` marks a shortcut there). A 20 MB PDF title went to the title bar,
and X11 closed the connection ("Maximum allowed requested length exceeded") at every start
once the article was in the library.

Here every Cast menu and submenu is opened on actors with such names, every dialog they
lead to is answered, and every label, button, menu entry, tooltip, tab, status message and
the window title is checked: plain text (or escaped), ``&`` doubled where Qt reads
shortcuts, and bounded in length. The image the hostile markup names is a small file whose
access time shows whether anything read it (``/dev/zero`` itself would hang a failing test).
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QWidget,
)

from reader.library import open_library
from reader.model import Actor, Analysis, Article, Entity, Quote
from ui.app import open_at_start
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.style.safe_text import (
    LINE_LIMIT,
    TEXT_LIMIT,
    TOOLTIP_LIMIT,
    menu_text,
    one_line,
    plain_label,
    tooltip,
    window_title,
)
from ui.widgets.eliding_label import ElidingLabel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)")

ROOT = Path(__file__).resolve().parent.parent
#: The longest text any widget may be handed (the widest limit, with room for its wording).
MOST = TOOLTIP_LIMIT + 200
AMPERSAND = "Smith & Wesson"
LONG_NAME = "Long" + "o" * 999_996  # a million characters, no space to wrap at
HUGE_TITLE = "Budget " * 3_000_000  # 21 MB


def _image_name(bait: Path) -> str:
    """A name that is rich text with an image, the image a harmless file instead of /dev/zero."""
    return f"<qt><h1><img src={bait.as_uri()}>Lisa White</h1></qt>"


def _hostile_analysis(
    bait: Path, title: str = "Talks resume", long_name: str = LONG_NAME
) -> Analysis:
    """Three quoted actors with hostile names, and enough others for "Other…" menus."""
    image = _image_name(bait)
    others = [f"Person {n}" for n in range(22)]
    names = [image, AMPERSAND, long_name, *others]
    parts: list[str] = []
    quotes: list[Quote] = []
    entities: list[Entity] = []
    offset = 0
    for n, name in enumerate(names[:3]):
        words = f"“Talks {n} will resume,” said "
        q_start = offset + 1
        q_end = offset + words.index("”")
        s_start = offset + len(words)
        cue = offset + words.index("said")
        # The text has the long name's start only: the article view is not what is tested,
        # and a million characters without a space take Qt minutes to lay out there.
        written = name if len(name) <= 1_000 else name[:40]
        parts.append(f"{words}{written}.\n")
        quotes.append(
            Quote(
                start=q_start,
                end=q_end,
                text=f"Talks {n} will resume,"[: q_end - q_start],
                spans=((q_start, q_end),),
                kind="direct",
                speaker=name,
                speaker_start=s_start,
                speaker_end=s_start + len(written),
                cue="said",
                cue_start=cue,
                cue_end=cue + 4,
                actor=f"a{n}",
            )
        )
        entities.append(Entity(s_start, s_start + len(written), name, "PERSON", f"a{n}"))
        offset += len(parts[-1])
    text = "".join(parts) + " ".join(others) + ".\n"
    article = Article(
        title=title,
        text=text,
        source=None,
        format="txt",
        sha256=f"{abs(hash((title, str(bait)))):064x}"[:64],
        byline=f"By {AMPERSAND} and {image}",
        published="2026-01-02",
    )
    actors = [
        Actor(f"a{n}", name, "person", (name, f"{name} Jr", "S&W"), 3, (n,))
        for n, name in enumerate(names[:3])
    ]
    actors += [Actor(f"o{n}", name, "person", (name,), 1, ()) for n, name in enumerate(others)]
    return Analysis(article, tuple(entities), tuple(quotes), tuple(actors), version="test")


def _stored(window: MainWindow, analysis: Analysis) -> int:
    assert window.library is not None
    article_id, _new = window.library.add_analysis(analysis)
    window.open_stored(article_id)
    assert window.article_id == article_id
    return article_id


# -- what every check looks at -----------------------------------------------------------------


def _shown(text: str) -> str:
    """What Qt shows of a menu, button or tab text: "&&" is "&", a lone "&" marks a key."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _check_shortcut_text(text: str, where: str) -> None:
    """Bounded, and every "&" doubled: the texts checked have no shortcut of their own, and
    a "&" from a name would make "& W" one ("Smith _Wesson")."""
    assert len(text) <= MOST, f"{where}: {len(text):,} characters"
    assert "&" not in text.replace("&&", ""), f"{where}: {text[:80]!r}"


def _menu_actions(menu: QMenu) -> list[QAction]:
    """Every action of a menu and its submenus, each submenu shown as the reader opens it."""
    found: list[QAction] = []
    menu.aboutToShow.emit()
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menu_actions(sub)
    return found


def _check_menu(menu: QMenu) -> list[QAction]:
    actions = _menu_actions(menu)
    for action in actions:
        _check_shortcut_text(action.text(), "menu entry")
        assert len(action.toolTip()) <= MOST
        assert "<img" not in action.toolTip() or action.toolTip().startswith("<qt>")
    return actions


def _check_labels(widget: QWidget, bait: Path) -> None:
    """No label interprets markup from the article, and none holds unbounded text."""
    for label in widget.findChildren(QLabel):
        text = label.text()
        assert len(text) <= MOST, f"{type(label).__name__} of {len(text):,} characters"
        if "<" in text or "&" in text:
            assert label.textFormat() == Qt.TextFormat.PlainText, text[:80]
        assert len(label.toolTip()) <= MOST
    for button in widget.findChildren(QAbstractButton):
        _check_shortcut_text(button.text(), "button")
        assert len(button.toolTip()) <= MOST
    assert os.stat(bait).st_atime == 1_000_000, "the image named in the article was read"


class DialogAnswerer:
    """Answers the next modal dialogs as a reader would, noting what each one showed.

    It polls for the active modal widget, so it answers a dialog however it was made
    (Qt's static ``QInputDialog.getText`` or the app's own), from inside its event loop.
    """

    def __init__(self, answers: list[str | None], bait: Path) -> None:
        self.answers = list(answers)
        self.bait = bait
        self.seen: list[dict[str, object]] = []
        self.problems: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            return
        labels = dialog.findChildren(QLabel)
        combos = dialog.findChildren(QComboBox)
        self.seen.append(
            {
                "title": dialog.windowTitle(),
                "labels": [
                    (_shown(label.text()) if label.buddy() else label.text(), label.textFormat())
                    for label in labels
                ],
                "items": [c.itemText(i) for c in combos for i in range(c.count())],
            }
        )
        if len(dialog.windowTitle()) > LINE_LIMIT:
            self.problems.append(f"dialog title of {len(dialog.windowTitle()):,} characters")
        for label in labels:
            if len(label.text()) > MOST:
                self.problems.append(f"dialog label of {len(label.text()):,} characters")
            if label.textFormat() != Qt.TextFormat.PlainText and "<" in label.text():
                self.problems.append(f"dialog label {label.text()[:60]!r} may be read as markup")
            # A label with a buddy reads "&" as a shortcut, even in plain text.
            if label.buddy() is not None and "&" in label.text().replace("&&", ""):
                self.problems.append(f"dialog label {label.text()[:60]!r} shows '& ' as '_'")
        for item in self.seen[-1]["items"]:  # type: ignore[attr-defined]
            if len(item) > MOST:
                self.problems.append(f"dialog choice of {len(item):,} characters")
        answer = self.answers.pop(0) if self.answers else None
        if answer is None or not isinstance(dialog, QInputDialog):
            dialog.reject()
            return
        if dialog.comboBoxItems():
            choice = next((i for i in dialog.comboBoxItems() if answer in i), answer)
            dialog.setTextValue(choice)
        else:
            dialog.setTextValue(answer)
        dialog.accept()

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def answerer(bait):
    made: list[DialogAnswerer] = []

    def make(*answers: str | None) -> DialogAnswerer:
        made.append(DialogAnswerer(list(answers), bait))
        return made[-1]

    yield make
    for one in made:
        one.stop()


# -- the plain-text path itself ------------------------------------------------------------------


def test_one_line_texts_are_bounded_and_flattened():
    assert one_line("Talks\nresume\t now") == "Talks resume now"
    cut = one_line("word " * 1_000)
    assert len(cut) <= LINE_LIMIT and cut.endswith("…")
    assert len(one_line(HUGE_TITLE)) <= LINE_LIMIT
    assert one_line("short") == "short"


def test_menu_texts_double_the_ampersand_and_window_titles_keep_their_marks():
    assert menu_text(AMPERSAND) == "Smith && Wesson"
    assert len(menu_text("&" * 10_000)) <= 2 * LINE_LIMIT
    assert window_title("Draft [*] notes") == "Draft [*][*] notes"  # shown as "[*]"
    assert len(window_title(HUGE_TITLE)) <= LINE_LIMIT


def test_tooltips_and_labels_are_bounded(qtbot):
    tip = tooltip(LONG_NAME)
    assert tip.startswith("<qt>") and len(tip) <= TOOLTIP_LIMIT + 20
    assert tooltip("line\n" * 1_000).count("<br>") <= 40
    label = plain_label(LONG_NAME)
    qtbot.addWidget(label)
    assert label.textFormat() == Qt.TextFormat.PlainText
    label.setText(LONG_NAME)  # later texts too
    assert len(label.text()) <= TEXT_LIMIT
    status = ElidingLabel()
    qtbot.addWidget(status)
    status.setText(LONG_NAME)
    assert len(status.text()) <= TEXT_LIMIT and len(status.toolTip()) <= MOST


# -- the Cast menus and dialogs --------------------------------------------------------------


def test_every_cast_menu_shows_hostile_names_as_bounded_text(window, bait):
    analysis = _hostile_analysis(bait)
    _stored(window, analysis)
    image = _image_name(bait)
    gestures = window.cast_gestures
    rows = [window.actors.actor_item(a.id) for a in analysis.actors[:3]]
    rows += [window.actors.statement_item(i) for i in range(3)]
    entries: list[str] = []
    for row in rows:
        menu = gestures.menu_for(row)
        assert menu is not None
        entries += [_shown(a.text()) for a in _check_menu(menu)]
        menu.deleteLater()
    # Each name is offered, shown as written ("&" and markup as characters) but cut short.
    assert f"{AMPERSAND} (person)" in entries
    assert any(e.startswith(f"{image} (person)") for e in entries)
    assert any(e.startswith("Longooo") and "…" in e for e in entries)
    assert "“S&W” is someone else" in entries
    assert all(len(e) <= LINE_LIMIT for e in entries)
    menu = gestures.menu_for(window.actors.actor_item("a0"))
    merge = next(a.menu() for a in menu.actions() if a.text() == "Merge Into")
    assert "Smith && Wesson (person)" in [a.text() for a in merge.actions()]
    _check_labels(window, bait)


def test_every_cast_dialog_shows_hostile_names_as_bounded_plain_text(window, bait, answerer):
    analysis = _hostile_analysis(bait)
    _stored(window, analysis)
    image = _image_name(bait)
    gestures = window.cast_gestures
    # Rename… of each hostile actor: the dialog's label is plain text, its texts bounded.
    dialogs = answerer(None, None, None)
    for actor in analysis.actors[:3]:
        menu = gestures.menu_for(window.actors.actor_item(actor.id))
        next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    dialogs.stop()
    # Someone Else… (a name, then a kind) and Other… (the list of every actor).
    typed = answerer(image, None)
    menu = gestures.menu_for(window.actors.statement_item(0))
    speaker = next(a.menu() for a in menu.actions() if a.text() == "Speaker")
    next(a for a in speaker.actions() if a.text() == "Someone Else…").trigger()
    typed.stop()
    chooser = answerer(None)
    next(a for a in speaker.actions() if a.text() == "Other…").trigger()
    chooser.stop()
    for one in (dialogs, typed, chooser):
        assert not one.problems, one.problems
    assert len(dialogs.seen) == 3 and len(typed.seen) == 2 and len(chooser.seen) == 1
    labels = [text for seen in dialogs.seen + typed.seen for text, _ in seen["labels"]]
    assert f"New name for {AMPERSAND}:" in labels
    assert f"New name for {image}:" in labels
    assert f"{image} is:" in labels  # the name typed, shown as typed
    assert any(AMPERSAND in item for item in chooser.seen[0]["items"])
    _check_labels(window, bait)


@pytest.mark.slow
def test_renaming_smith_and_wesson_names_it_plainly_in_undo_and_the_status_bar(
    window, bait, answerer
):
    analysis = _hostile_analysis(bait)
    _stored(window, analysis)
    rename = answerer("Smith & Wesson Inc")
    menu = window.cast_gestures.menu_for(window.actors.actor_item("a1"))
    next(a for a in menu.actions() if a.text() == "Rename…").trigger()
    rename.stop()
    assert not rename.problems, rename.problems
    names = [a.name for a in window.analysis.actors]
    assert "Smith & Wesson Inc" in names
    assert "Smith & Wesson Inc" in window.status_text.text()
    undo = window.undo_correction_action.text()
    assert "Smith && Wesson" in undo and _shown(undo).startswith("Undo rename Smith & Wesson")
    row = next(i for i in window.actors._top_items() if "Smith & Wesson Inc" in i.text(0))
    menu = window.cast_gestures.menu_for(row)
    assert any("Smith && Wesson" in a.text() for a in menu.actions() if a.text().startswith("Undo"))
    _check_menu(menu)
    renamed = next(a for a in window.analysis.actors if a.name == "Smith & Wesson Inc")
    window.actors.select_actor(renamed.id)
    assert "Smith && Wesson Inc" in window.actors.said_button.text()
    _check_labels(window, bait)
    # Help > Keyboard Shortcuts lists Edit > Undo by what it shows.
    shortcuts = window.show_shortcuts()
    assert any(what.startswith("Undo rename Smith & Wesson") for what, _ in shortcuts.rows)
    shortcuts.close()


def test_the_window_holds_no_markup_and_nothing_unbounded_from_hostile_names(window, bait):
    analysis = _hostile_analysis(bait, title=f"{AMPERSAND}: {_image_name(bait)} {LONG_NAME}")
    _stored(window, analysis)
    for actor in analysis.actors[:3]:
        window.actors.select_actor(actor.id)
        _check_labels(window, bait)
    for item in window.actors._items():
        assert len(item.toolTip(0)) <= MOST
        assert len(item.text(0)) <= MOST
    assert len(window.windowTitle()) <= LINE_LIMIT + len("Dramatis — ")
    _check_menu(window.recent_menu)
    assert any(AMPERSAND in _shown(a.text()) for a in window.recent_menu.actions())
    # Every menu of the menu bar, as the reader opens it: nothing unbounded.
    for action in window.menuBar().actions():
        for entry in _menu_actions(action.menu()):
            assert len(entry.text()) <= MOST and len(entry.toolTip()) <= MOST
    chart = window.actors.chart
    assert all(len(bar.words) <= MOST for bar in chart.bars)
    assert len(chart.accessibleDescription()) <= MOST


# -- a 20 MB title ------------------------------------------------------------------------------


def _check_title_bounded(window: MainWindow) -> None:
    assert len(window.windowTitle()) <= LINE_LIMIT + len("Dramatis — ")
    assert window.windowTitle().startswith("Dramatis — Budget Budget")
    for n in range(window.tabs.count()):
        assert len(window.tabs.tabText(n)) <= LINE_LIMIT
        assert len(window.tabs.tabToolTip(n)) <= MOST
    for label in window.findChildren(QLabel):
        assert len(label.text()) <= MOST
        assert len(label.toolTip()) <= MOST
    assert window.heading.text().startswith("Budget Budget")
    assert len(window.on_screen.text()) <= MOST
    assert len(window.status_text.text()) <= MOST
    assert len(window.status_text.toolTip()) <= MOST


def test_a_20_mb_title_is_cut_in_the_title_bar_tabs_status_bar_and_labels(
    window, bait, monkeypatch
):
    started = time.monotonic()
    window.show_analysis(_hostile_analysis(bait, title=HUGE_TITLE))
    QApplication.processEvents()
    _check_title_bounded(window)
    assert time.monotonic() - started < 10  # a guard against a frozen window, not a timing
    # File > Export… suggests a file name made from the title: a short one.
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a: (asked.append(a[2]), ("", ""))[1]
    )
    window.export_article()
    window.show_analysis(_hostile_analysis(bait, title="B" * 1_000_000))  # one long word
    window.export_article()
    assert len(asked) == 2 and all(len(Path(name).name) <= 100 for name in asked)


def _remembered_article(data: Path, bait: Path, title: str | None = None) -> int:
    """A library in ``data`` holding one hostile article, remembered as the one on screen;
    ``title`` is written straight into its row, as an older version stored it (before
    titles had a bound)."""
    library = open_library(data)
    article_id, _ = library.add_analysis(_hostile_analysis(bait))
    path = library.path
    library.close()
    if title is not None:
        with sqlite3.connect(path) as db:
            db.execute("UPDATE articles SET title = ? WHERE id = ?", (title, article_id))
        db.close()
    settings = Settings()
    settings.set_last_article(article_id, None)
    settings.save_window(b"", b"")
    settings.sync()
    return article_id


@pytest.mark.slow
def test_a_stored_20_mb_title_reopens_at_start_cut_short(qtbot, tmp_path, bait):
    data = tmp_path / "data"
    article_id = _remembered_article(data, bait, HUGE_TITLE)
    window = MainWindow(data_dir=data)
    qtbot.addWidget(window)
    window.show()
    try:
        assert open_at_start(window) == "remembered"
        assert window.article_id == article_id
        _check_title_bounded(window)
        _check_menu(window.recent_menu)
        with qtbot.waitSignal(window.library_panel.searched, timeout=30_000):
            window.library_panel.search()
        model = window.library_panel.model
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            assert len(model.index(0, 0).data(role)) < 10 * MOST
    finally:
        window.shutdown()


def test_a_stored_article_that_cannot_be_shown_gives_a_message_at_start(
    qtbot, tmp_path, bait, monkeypatch
):
    data = tmp_path / "data"
    article_id = _remembered_article(data, bait)
    window = MainWindow(data_dir=data)
    qtbot.addWidget(window)

    def broken(*_args: object) -> None:
        raise ValueError("offset 99999999 is past the end of the text")

    monkeypatch.setattr(type(window.view), "show_analysis", broken)
    try:
        open_at_start(window)  # does not raise: the window stays up
        assert window.banner.isVisibleTo(window)
        assert str(article_id) in window.banner.text()
        assert "offset 99999999" in window.banner.text()
        assert window.analysis is None and window.article_id is None
        assert window.windowTitle() == "Dramatis"
    finally:
        window.shutdown()


# -- the real window under X11 -----------------------------------------------------------------


@pytest.mark.xvfb
@pytest.mark.slow
def test_the_app_starts_under_x11_with_a_20_mb_title_remembered(tmp_path, bait):
    """X11 refuses a window title of 20 MB and closes the connection: the app died at every
    start once such an article was the last one shown."""
    from xvfb import start_xvfb, stop

    data = tmp_path / "data"
    _remembered_article(data, bait, HUGE_TITLE)
    server, display = start_xvfb()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, DRAMATIS_DATA_DIR=str(data), DRAMATIS_QUIT_WHEN_IDLE="1")
    env["PYTHONPATH"] = str(ROOT)  # this tree's code, whatever the environment installed
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "packaging" / "launcher.py")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _out, errors = app.communicate(timeout=180)
    finally:
        stop(app)
        server.terminate()
        server.wait(timeout=30)
    assert "X11 connection broke" not in errors, errors[-500:]
    assert app.returncode == 0, errors[-500:]
    assert not re.search(r"Traceback", errors), errors[-2000:]
