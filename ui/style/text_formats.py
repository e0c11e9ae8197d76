"""Character formats for highlights, built from the colour registry.

The article view and the legend both draw with these, so a label looks the same in both.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from ui.style.colors import Theme, entity_style, quote_style, text_color_on


def entity_format(label: str, theme: Theme) -> QTextCharFormat:
    """Background in the label's colour, text in black or white to stay readable."""
    fmt = QTextCharFormat()
    color = entity_style(label).color(theme)
    fmt.setBackground(color)
    fmt.setForeground(text_color_on(color))
    return fmt


def quote_format(kind: str, theme: Theme) -> QTextCharFormat:
    """A faint background and an underline whose colour *and* style tell the kind."""
    style = quote_style(kind)
    fmt = QTextCharFormat()
    fmt.setBackground(style.background(theme))
    fmt.setUnderlineStyle(style.underline_style)
    fmt.setUnderlineColor(style.color(theme))
    return fmt


def speaker_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


def cue_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontItalic(True)
    return fmt


#: The wavy underline of a statement to check (light, dark): the red of a spelling checker,
#: which readers already take for "look at this".
CHECK_COLOURS = ("#d62728", "#ff6b6b")


def check_format(theme: Theme) -> QTextCharFormat:
    """A statement to check: a wavy red underline over its kind's own look."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(CHECK_COLOURS[1 if theme is Theme.DARK else 0]))
    return fmt


#: The colours (light, dark) of the words that carry stance, by kind: negation and
#: refusal red-orange, opposition purple, support and promise blue-green, so that a turn
#: between two statements on one subject stands out.
STANCE_COLOURS: dict[str, tuple[str, str]] = {
    "negation": ("#c23b00", "#ff8a5c"),
    "refusal": ("#c23b00", "#ff8a5c"),
    "opposition": ("#7b2d8e", "#d59cf0"),
    "support": ("#00695c", "#5fd3c0"),
    "promise": ("#00695c", "#5fd3c0"),
}
