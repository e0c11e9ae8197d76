"""A non-modal message strip above the article: problems the user can act on.

It never blocks: the reader keeps working while it is shown. Each message names the file or
library and the problem; an optional button offers the fix (e.g. start a fresh library).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QToolButton, QWidget

from ui.style.safe_text import TEXT_LIMIT, bounded, menu_text, plain_label

#: level -> (background, text, border); dark text on a pale ground in either theme.
_STYLES = {
    "error": ("#fbe3e4", "#5c0a0e", "#d9828a"),
    "warning": ("#fff4d6", "#4d3800", "#d8b65c"),
    "info": ("#e3f0fb", "#0b3553", "#8bb7dc"),
}


#: Messages shown at once (the latest).
_SHOWN = 5


class Banner(QFrame):
    """Shows the latest messages; closing it forgets them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.messages: list[str] = []
        self.label = plain_label(limit=_SHOWN * (TEXT_LIMIT + 1))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.hide()
        self._callback: Callable[[], None] | None = None
        self.action.clicked.connect(self._on_action)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = "error",
        action: str | None = None,
        callback: Callable[[], None] | None = None,
    ) -> None:
        """Add a message (the last five stay visible, each cut at ``TEXT_LIMIT``) and show
        the strip."""
        self.messages.append(bounded(text, TEXT_LIMIT))
        self.label.setText("\n".join(self.messages[-_SHOWN:]))
        background, color, border = _STYLES.get(level, _STYLES["error"])
        self.setStyleSheet(
            f"QFrame#banner {{background:{background}; border:1px solid {border};"
            f" border-radius:4px}} QFrame#banner QLabel, QFrame#banner QToolButton"
            f" {{color:{color}; background:transparent; border:none}}"
        )
        if action and callback:
            self.action.setText(menu_text(action))
            self._callback = callback
            self.action.show()
        self.show()

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self.messages.clear()
        self.label.clear()
        self._callback = None
        self.action.hide()
        self.hide()

    def _on_action(self) -> None:
        callback = self._callback
        self.dismiss()
        if callback is not None:
            callback()
