"""The one colour registry: entity labels, quote kinds and actor kinds, light and dark.

Every widget that colours something asks here, so a label has the same colour in the text,
the legend and the actor panel. The colours are the core's (``reader.output.palette``, the
one reader of ``resources/palette.json``), named in the reader's words
(``reader.output.words``), so an exported page and the window agree: tints
of the Okabe-Ito palette for entities and Paul Tol's muted colours for quotes, chosen to stay
apart for colour-blind readers. Colour is never the only cue: quote kinds also differ by
underline style, and every highlight names its label in a tooltip and in the legend.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat

from reader.output.palette import OTHER
from reader.output.palette import palette as colours
from reader.output.words import label_description, label_name, statement_kind_name

_UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "dash": QTextCharFormat.UnderlineStyle.DashUnderline,
    "dot": QTextCharFormat.UnderlineStyle.DotLine,
}


class Theme(Enum):
    LIGHT = "light"
    DARK = "dark"


#: The text colour of each theme's window (the dark palette of ``ui/style/themes.py``);
#: every highlight background keeps 4.5:1 contrast with it (tests/test_colors.py).
LIGHT_TEXT = "#000000"
DARK_TEXT = "#eeeeee"

#: The theme chosen in View > Theme; None follows the system.
_chosen: Theme | None = None


def choose_theme(theme: Theme | None) -> None:
    """Force the highlights' theme (View > Theme > Light or Dark); None follows the system."""
    global _chosen
    _chosen = theme


@dataclass(frozen=True, slots=True)
class LabelStyle:
    """How one entity label looks: its background in each theme and what it means."""

    label: str
    name: str
    description: str
    light: str
    dark: str

    def color(self, theme: Theme) -> QColor:
        return QColor(self.light if theme is Theme.LIGHT else self.dark)


@dataclass(frozen=True, slots=True)
class QuoteStyle:
    """How one quote kind looks: underline colour and style, and a faint background."""

    kind: str
    description: str
    underline: str
    light: str
    dark: str
    light_background: str
    dark_background: str

    def color(self, theme: Theme) -> QColor:
        return QColor(self.light if theme is Theme.LIGHT else self.dark)

    def background(self, theme: Theme) -> QColor:
        return QColor(self.light_background if theme is Theme.LIGHT else self.dark_background)

    @property
    def underline_style(self) -> QTextCharFormat.UnderlineStyle:
        return _UNDERLINES[self.underline]


@dataclass(frozen=True, slots=True)
class Palette:
    entities: dict[str, LabelStyle]
    quotes: dict[str, QuoteStyle]
    grouped_as_other: frozenset[str]


@cache
def palette() -> Palette:
    """The core's palette as Qt styles, made once."""
    core = colours()
    entities = {
        label: LabelStyle(label, label_name(label), label_description(label), c.light, c.dark)
        for label, c in core.entities.items()
    }
    quotes = {
        kind: QuoteStyle(
            kind,
            statement_kind_name(kind),
            c.underline,
            c.light,
            c.dark,
            c.light_background,
            c.dark_background,
        )
        for kind, c in core.quotes.items()
    }
    return Palette(entities, quotes, core.grouped_as_other)


def entity_style(label: str) -> LabelStyle:
    """The style of an entity label; labels without their own colour share OTHER's."""
    styles = palette().entities
    return styles.get(label, styles[OTHER])


def entity_color(label: str, theme: Theme) -> QColor:
    return entity_style(label).color(theme)


def quote_style(kind: str) -> QuoteStyle:
    styles = palette().quotes
    return styles.get(kind, styles["indirect"])


def actor_style(kind: str) -> LabelStyle:
    """The entity style standing for an actor kind (person, organisation, place, group)."""
    return entity_style(colours().actor_key(kind))


def current_theme() -> Theme:
    """The theme chosen in View > Theme; else dark when the platform says so, or when the
    window background is dark."""
    if _chosen is not None:
        return _chosen
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return Theme.LIGHT
    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return Theme.DARK
    if scheme == Qt.ColorScheme.Light:
        return Theme.LIGHT
    window = app.palette().color(QPalette.ColorRole.Window)
    return Theme.DARK if window.lightness() < 128 else Theme.LIGHT


def text_color_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    return QColor("#000000") if background.lightness() >= 128 else QColor("#ffffff")
