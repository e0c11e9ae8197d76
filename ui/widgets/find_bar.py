"""Find in the article: a bar above the text with next, previous and a count.

Matches are found by the text document itself (``QTextDocument.find``, case-insensitive),
so they are where the reader sees them; the current one is selected in the view and
scrolled to. Enter or Next goes forward, Shift+Enter or Previous back, both wrapping; Esc
closes the bar. Only the first ``MAX_MATCHES`` are counted, so that a one-letter search in
a long article stays instant.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTextEdit, QWidget

from ui.style.safe_text import plain_label

#: Matches counted at most; past it the count reads "1,000+".
MAX_MATCHES = 1_000


class FindBar(QWidget):
    """Finds text in ``view``; hidden until ``open_bar`` is called."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the article")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next_match)
        self.count = plain_label()
        self.previous_button = QPushButton("Previous")
        self.previous_button.clicked.connect(self.previous_match)
        self.next_button = QPushButton("Next")
        self.next_button.clicked.connect(self.next_match)
        close = QPushButton("Close")
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        row.addWidget(self.previous_button)
        row.addWidget(self.next_button)
        row.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with its field focused and selected (Ctrl+F)."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._search(self.field.text())

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def refresh(self) -> None:
        """Search again: the view shows another article."""
        if self.isVisible():
            self._search(self.field.text())

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.previous_match()
        else:
            super().keyPressEvent(event)

    def _search(self, text: str) -> None:
        self.matches = []
        self.current = -1
        document = self.view.document()
        cursor = QTextCursor(document)
        while text and len(self.matches) <= MAX_MATCHES:
            cursor = document.find(text, cursor, QTextDocument.FindFlag(0))
            if cursor.isNull():
                break
            self.matches.append((cursor.selectionStart(), cursor.selectionEnd()))
        if self.matches:
            self._show(0)
        else:
            self._show_count()

    def _step(self, direction: int) -> None:
        if self.matches:
            self._show((self.current + direction) % len(self.matches))

    def _show(self, index: int) -> None:
        self.current = index
        start, end = self.matches[index]
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()
        self._show_count()

    def _show_count(self) -> None:
        found = len(self.matches)
        if not self.field.text():
            self.count.setText("")
        elif not found:
            self.count.setText("no matches")
        elif found > MAX_MATCHES:
            self.count.setText(f"{self.current + 1:,} of {MAX_MATCHES:,}+")
        else:
            self.count.setText(f"{self.current + 1:,} of {found:,}")
        self.previous_button.setEnabled(found > 1)
        self.next_button.setEnabled(found > 1)
