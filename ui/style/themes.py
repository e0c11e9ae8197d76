"""View > Theme: follow the system, or force a light or a dark window.

Light and Dark use Qt's Fusion style with a palette of their own, so the choice looks the
same on every platform; System puts back the style and palette the application started
with. The chosen theme also decides which variant of the colour registry the highlights
use (``colors.choose_theme``), so text, legend and cast are re-coloured with the window.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from ui.style.colors import DARK_TEXT, Theme, choose_theme


class ThemeChoice(Enum):
    """What the user chose in View > Theme (stored in the settings by value)."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def parse(cls, value: object) -> ThemeChoice:
        """The choice stored as ``value``; anything unknown follows the system."""
        try:
            return cls(str(value))
        except ValueError:
            return cls.SYSTEM


_ROLES = QPalette.ColorRole
_DARK_COLOURS = {
    _ROLES.Window: "#2b2b2b",
    _ROLES.WindowText: DARK_TEXT,
    _ROLES.Base: "#1e1e1e",
    _ROLES.AlternateBase: "#262626",
    _ROLES.ToolTipBase: "#3a3a3a",
    _ROLES.ToolTipText: DARK_TEXT,
    _ROLES.PlaceholderText: "#9a9a9a",
    _ROLES.Text: DARK_TEXT,
    _ROLES.Button: "#353535",
    _ROLES.ButtonText: DARK_TEXT,
    _ROLES.BrightText: "#ff6b6b",
    _ROLES.Link: "#8ab4f8",
    _ROLES.LinkVisited: "#c58af9",
    _ROLES.Highlight: "#3d6fb4",
    _ROLES.HighlightedText: "#ffffff",
    _ROLES.Light: "#4a4a4a",
    _ROLES.Midlight: "#3d3d3d",
    _ROLES.Mid: "#2f2f2f",
    _ROLES.Dark: "#1a1a1a",
    _ROLES.Shadow: "#000000",
}
_DISABLED = ("#7a7a7a", (_ROLES.WindowText, _ROLES.Text, _ROLES.ButtonText))


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style, its text readable on every highlight."""
    palette = QPalette()
    for role, colour in _DARK_COLOURS.items():
        palette.setColor(role, QColor(colour))
    colour, roles = _DISABLED
    for role in roles:
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour))
    return palette


class ThemeSwitcher:
    """Applies a ThemeChoice to the application, remembering how it started."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._style = app.style().name()
        self._palette = QPalette(app.palette())
        self.choice = ThemeChoice.SYSTEM

    def apply(self, choice: ThemeChoice) -> None:
        self.choice = choice
        if choice is ThemeChoice.SYSTEM:
            choose_theme(None)
            self.app.setStyle(QStyleFactory.create(self._style) or self._style)
            self.app.setPalette(self._palette)
            return
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            self.app.setStyle(fusion)
        if choice is ThemeChoice.DARK:
            choose_theme(Theme.DARK)
            self.app.setPalette(dark_palette())
        else:
            choose_theme(Theme.LIGHT)
            self.app.setPalette(self.app.style().standardPalette())


_switchers: dict[int, ThemeSwitcher] = {}


def theme_switcher(app: QApplication) -> ThemeSwitcher:
    """The application's one switcher (it remembers the style the app started with)."""
    switcher = _switchers.get(id(app))
    if switcher is None or switcher.app is not app:
        switcher = _switchers[id(app)] = ThemeSwitcher(app)
    return switcher
