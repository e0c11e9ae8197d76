"""The legend: every highlight colour with its name, drawn with the article's own formats."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from ui.style.colors import Theme, current_theme, palette
from ui.style.safe_text import SafeDocument, tooltip
from ui.style.text_formats import cue_format, entity_format, quote_format, speaker_format


class Legend(QTextEdit):
    """A wrapped line of labelled swatches: entity labels, statement kinds, speaker, cue."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(SafeDocument(self))
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        self.document().setDocumentMargin(6)
        self.entries: list[str] = []
        self.set_theme(current_theme())

    def set_theme(self, theme: Theme) -> None:
        self.clear()
        self.entries = []
        cursor = QTextCursor(self.document())
        plain = QTextCharFormat()
        heading = QTextCharFormat()
        heading.setFontWeight(700)
        cursor.insertText("Names: ", heading)
        for label, style in palette().entities.items():
            tip = QTextCharFormat(entity_format(label, theme))
            tip.setToolTip(tooltip(f"{label} — {style.description}"))
            self._chip(cursor, f"\u00a0{style.name}\u00a0", tip, plain)
            self.entries.append(label)
        cursor.insertText("\u2003 Statements: ", heading)
        for kind, quote_style in palette().quotes.items():
            fmt = quote_format(kind, theme)
            fmt.setToolTip(tooltip(quote_style.description))
            self._chip(cursor, f"\u00a0{quote_style.description}\u00a0", fmt, plain)
            self.entries.append(kind)
        self._chip(cursor, "speaker", speaker_format(), plain)
        self._chip(cursor, "speech verb", cue_format(), plain)
        self.entries += ["speaker", "cue"]
        self._fit()

    @staticmethod
    def _chip(cursor: QTextCursor, text: str, fmt: QTextCharFormat, plain: QTextCharFormat) -> None:
        cursor.insertText(text, fmt)
        cursor.insertText("  ", plain)

    def _fit(self) -> None:
        self.document().setTextWidth(max(self.viewport().width(), 200))
        self.setFixedHeight(int(self.document().size().height()) + 2)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self._fit()
