"""The legend: every highlight colour with its name and count, each a toggle.

One chip per entity label of the colour registry and per statement kind, named in words
for people and counted for the article shown; clicking a chip hides or shows that highlight
in the text (``highlightToggled``), as GATE's annotation sets and brat's type toggles do.
"Hide all highlights" clears the text for clean reading (``allToggled``). The speaker (bold)
and speech verb (italic) are explained beside them; they go with their statement's kind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from reader.output.words import label_name, plural, statement_kind_name
from ui.style.colors import Theme, current_theme, palette, text_color_on
from ui.style.safe_text import plain_label, tooltip
from ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from ui.widgets.article_view import ArticleView

_BORDERS = {"solid": "solid", "dash": "dashed", "dot": "dotted"}


class Legend(QWidget):
    """A wrapping row of toggle chips: entity labels, statement kinds, and "hide all"."""

    #: (key, shown): a label or kind was toggled by the user.
    highlightToggled = Signal(str, bool)
    #: shown: "Hide all highlights" was toggled by the user.
    allToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.chips: dict[str, QToolButton] = {}
        self.counts: dict[str, int] | None = None
        self._theme = current_theme()
        layout = FlowLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self._heading("Names:"))
        for label in palette().entities:
            layout.addWidget(self._chip(label))
        layout.addWidget(self._heading("Statements:"))
        for kind in palette().quotes:
            layout.addWidget(self._chip(kind))
        # Fonts, not style sheets: a style sheet would keep the light theme's text colour.
        speaker = self._label("speaker")
        bold = speaker.font()
        bold.setBold(True)
        speaker.setFont(bold)
        speaker.setToolTip(tooltip("The speaker of a statement is in bold"))
        cue = self._label("speech verb")
        italic = cue.font()
        italic.setItalic(True)
        cue.setFont(italic)
        cue.setToolTip(tooltip("The verb introducing a statement is in italics"))
        layout.addWidget(speaker)
        layout.addWidget(cue)
        self.hide_all = QToolButton()
        self.hide_all.setText("Hide all highlights")
        self.hide_all.setCheckable(True)
        self.hide_all.setToolTip(tooltip("Show the text without any highlight, for reading"))
        self.hide_all.toggled.connect(self._on_hide_all)
        layout.addWidget(self.hide_all)
        #: The keys of the chips, in order (entity labels, then statement kinds).
        self.entries = list(self.chips)
        self.set_theme(self._theme)
        tallest = max(chip.sizeHint().height() for chip in self.chips.values())
        for caption in self.findChildren(QLabel):
            caption.setMinimumHeight(tallest)

    # -- building ----------------------------------------------------------------------------

    @staticmethod
    def _label(text: str) -> QLabel:
        """A label as tall as a chip, its text centred on the chips' line."""
        label = plain_label(text)
        label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        return label

    @classmethod
    def _heading(cls, text: str) -> QLabel:
        label = cls._label(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _chip(self, key: str) -> QToolButton:
        chip = QToolButton()
        chip.setCheckable(True)
        chip.setChecked(True)
        chip.setAutoRaise(False)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        chip.toggled.connect(lambda shown, k=key: self._on_chip(k, shown))
        self.chips[key] = chip
        return chip

    def _name(self, key: str) -> str:
        return statement_kind_name(key) if key in palette().quotes else label_name(key)

    # -- state -------------------------------------------------------------------------------

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for key in self.chips:
            self._restyle(key)

    def set_counts(self, counts: dict[str, int]) -> None:
        """How many of each label and kind the article shown has (empty: no article)."""
        self.counts = dict(counts) if counts else None
        for key in self.chips:
            self._restyle(key)

    def sync(self, hidden: frozenset[str], shown: bool) -> None:
        """Show the view's state (hidden keys, all shown or not) without emitting anything."""
        for key, chip in self.chips.items():
            chip.blockSignals(True)
            chip.setChecked(key not in hidden)
            chip.blockSignals(False)
            chip.setEnabled(shown)
            self._restyle(key)
        self.hide_all.blockSignals(True)
        self.hide_all.setChecked(not shown)
        self.hide_all.blockSignals(False)

    def hidden(self) -> frozenset[str]:
        return frozenset(k for k, chip in self.chips.items() if not chip.isChecked())

    def toPlainText(self) -> str:
        """Every word the legend shows, in order."""
        words = [self._name(key) for key in self.chips]
        return "  ".join([*words, "speaker", "speech verb", self.hide_all.text()])

    def _on_chip(self, key: str, shown: bool) -> None:
        self._restyle(key)
        self.highlightToggled.emit(key, shown)

    def _on_hide_all(self, hidden: bool) -> None:
        for chip in self.chips.values():
            chip.setEnabled(not hidden)
        self.allToggled.emit(not hidden)

    def _restyle(self, key: str) -> None:
        chip = self.chips[key]
        count = None if self.counts is None else self.counts.get(key, 0)
        name = self._name(key)
        chip.setText(name if count is None else f"{name}  {count:,}")
        shown = chip.isChecked()
        font = QFont(chip.font())
        font.setStrikeOut(not shown)
        chip.setFont(font)
        chip.setStyleSheet(self._sheet(key, shown, empty=count == 0))
        chip.setToolTip(tooltip(self._tip(key, name, count, shown)))

    def _tip(self, key: str, name: str, count: int | None, shown: bool) -> str:
        what = "statement" if key in palette().quotes else "name"
        found = "" if count is None else f": {plural(count, what)} in this article"
        action = "Click to show them" if not shown else "Click to hide them in the text"
        description = palette().entities[key].description if key in palette().entities else name
        return f"{description}{found}\n{action}"

    def _sheet(self, key: str, shown: bool, empty: bool = False) -> str:
        """The chip drawn as the highlight it stands for; hidden: an outline only; with
        nothing of its kind in the article: faint, its count in grey."""
        theme = self._theme
        if key in palette().quotes:
            style = palette().quotes[key]
            fill, line = style.background(theme), style.color(theme)
            edge = f"border-bottom: 2px {_BORDERS.get(style.underline, 'solid')} {line.name()};"
        else:
            fill = palette().entities[key].color(theme)
            line, edge = fill.darker(140), ""
        text = text_color_on(fill) if shown and not empty else QColor("gray")
        background = fill.name() if shown else "transparent"
        if shown and empty:
            background = f"rgba({fill.red()}, {fill.green()}, {fill.blue()}, 60)"
        return (
            f"QToolButton {{ background: {background}; color: {text.name()};"
            f" border: 1px solid {line.name()}; border-radius: 3px; padding: 1px 6px; {edge} }}"
        )


def connect_legend(legend: Legend, view: ArticleView) -> None:
    """Wire a legend to the view it explains: its toggles hide, it shows the view's state."""
    legend.highlightToggled.connect(lambda key, shown: view.set_highlight_hidden(key, not shown))
    legend.allToggled.connect(view.set_highlights_shown)
    view.highlightsChanged.connect(
        lambda: legend.sync(view.hidden_highlights(), view.highlights_shown())
    )
    view.countsChanged.connect(legend.set_counts)
