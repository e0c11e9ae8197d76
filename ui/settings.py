"""Everything the desktop app remembers between runs, in one place: keys and defaults.

The settings live in ``QSettings("Dramatis", "Dramatis")`` (on Linux
``~/.config/Dramatis/Dramatis.conf``). Tests point QSettings to a temporary folder
(``tests/conftest.py``), so no test reads or writes a user's settings. The window saves
them when it closes, and a value as soon as it changes where that is cheap.

=========================  ==========================================================
key                        value
=========================  ==========================================================
``window/geometry``        ``QMainWindow.saveGeometry()``
``window/splitter``        the text/panels splitter's ``saveState()``
``window/legend``          whether the legend is shown (View > Show Legend)
``article/id``             library id of the article on screen at close (-1: none)
``article/path``           its file, when it was not stored in the library
``view/zoom``              zoom steps of the article view (0 = normal size)
``view/theme``             ``system``, ``light`` or ``dark`` (View > Theme)
``view/hidden``            entity labels and statement kinds hidden by the legend
``view/highlights``        false when View > Hide All Highlights is on
``view/check_below``       statements less sure than this are marked "check this"
``files/folder``           the folder File > Open showed last
=========================  ==========================================================

A missing or unreadable value is its default: the app never fails over its settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.model import CHECK_THRESHOLD

ORGANISATION = "Dramatis"
APPLICATION = "Dramatis"

GEOMETRY = "window/geometry"
SPLITTER = "window/splitter"
LEGEND = "window/legend"
ARTICLE_ID = "article/id"
ARTICLE_PATH = "article/path"
ZOOM = "view/zoom"
THEME = "view/theme"
HIDDEN = "view/hidden"
HIGHLIGHTS = "view/highlights"
CHECK_BELOW = "view/check_below"
FOLDER = "files/folder"
EXPORT_FOLDER = "files/export_folder"

DEFAULT_THEME = "system"


@dataclass(frozen=True, slots=True)
class LastArticle:
    """What was on screen at close: a library id, else a file (both None: nothing)."""

    article_id: int | None = None
    path: Path | None = None


def open_settings() -> QSettings:
    """The app's settings store."""
    return QSettings(ORGANISATION, APPLICATION)


class Settings:
    """Typed access to the settings store; every getter falls back to its default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else open_settings()

    def is_first_run(self) -> bool:
        """True until the app has saved its settings once."""
        return not self.store.contains(GEOMETRY)

    # -- window ------------------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        return self._bytes(GEOMETRY)

    def splitter(self) -> QByteArray | None:
        return self._bytes(SPLITTER)

    def save_window(self, geometry: QByteArray, splitter: QByteArray) -> None:
        self.store.setValue(GEOMETRY, geometry)
        self.store.setValue(SPLITTER, splitter)

    def legend_shown(self) -> bool:
        return self._bool(LEGEND, True)

    def set_legend_shown(self, shown: bool) -> None:
        self.store.setValue(LEGEND, shown)

    # -- the article -------------------------------------------------------------------------

    def last_article(self) -> LastArticle:
        article_id = self._int(ARTICLE_ID, -1)
        if article_id >= 0:
            return LastArticle(article_id=article_id)
        path = self.store.value(ARTICLE_PATH, "")
        return LastArticle(path=Path(path)) if isinstance(path, str) and path else LastArticle()

    def set_last_article(self, article_id: int | None, path: Path | None) -> None:
        self.store.setValue(ARTICLE_ID, -1 if article_id is None else article_id)
        self.store.setValue(
            ARTICLE_PATH, "" if article_id is not None or path is None else str(path)
        )

    # -- the view ----------------------------------------------------------------------------

    def zoom(self) -> int:
        return self._int(ZOOM, 0)

    def set_zoom(self, steps: int) -> None:
        self.store.setValue(ZOOM, steps)

    def theme(self) -> str:
        value = self.store.value(THEME, DEFAULT_THEME)
        return value if isinstance(value, str) else DEFAULT_THEME

    def set_theme(self, theme: str) -> None:
        self.store.setValue(THEME, theme)

    def hidden_highlights(self) -> frozenset[str]:
        value = self.store.value(HIDDEN, "")
        if isinstance(value, str):
            value = value.split(",")
        if not isinstance(value, list):
            return frozenset()
        return frozenset(str(v) for v in value if str(v))

    def highlights_shown(self) -> bool:
        return self._bool(HIGHLIGHTS, True)

    def set_highlights(self, hidden: frozenset[str], shown: bool) -> None:
        # A comma-joined string: an INI list of one item would read back as a string.
        self.store.setValue(HIDDEN, ",".join(sorted(hidden)))
        self.store.setValue(HIGHLIGHTS, shown)

    def check_below(self) -> float:
        """The confidence under which a statement is marked "check this" (0 to 1)."""
        value = self.store.value(CHECK_BELOW, CHECK_THRESHOLD)
        try:
            share = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return CHECK_THRESHOLD
        return share if 0.0 <= share <= 1.0 else CHECK_THRESHOLD

    def set_check_below(self, threshold: float) -> None:
        self.store.setValue(CHECK_BELOW, threshold)

    # -- files -------------------------------------------------------------------------------

    def last_folder(self) -> Path | None:
        value = self.store.value(FOLDER, "")
        return Path(value) if isinstance(value, str) and value else None

    def set_last_folder(self, folder: Path) -> None:
        self.store.setValue(FOLDER, str(folder))

    def export_folder(self) -> Path | None:
        """The folder the last export went to, in this run or an earlier one."""
        value = self.store.value(EXPORT_FOLDER, "")
        return Path(value) if isinstance(value, str) and value else None

    def set_export_folder(self, folder: Path) -> None:
        self.store.setValue(EXPORT_FOLDER, str(folder))

    def sync(self) -> None:
        self.store.sync()

    # -- reading values back -----------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str, default: int) -> int:
        value = self.store.value(key, default)
        if not isinstance(value, (int, str)):
            return default
        try:
            return int(value)
        except ValueError:
            return default

    def _bool(self, key: str, default: bool) -> bool:
        value = self.store.value(key, default)
        if isinstance(value, str):  # INI files give strings back
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)
