"""A one-line label that shortens its text with "…" to the width it is given.

The status bar's messages can be longer than the bar ("… was said by Federal Office for the
Environment"); a plain QLabel cuts them mid-word. The text, on one line and bounded like any
label's (``ui.style.safe_text``), stays in ``text()`` and in the tooltip; only what is
painted is shortened to the width.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.style.safe_text import PlainLabel, one_line, tooltip


class ElidingLabel(PlainLabel):
    """Plain text on one line, elided at the right when it does not fit."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        """Show ``text`` on one line, cut at ``TEXT_LIMIT`` (its tooltip has it all, then)."""
        shown = one_line(text, self.limit)
        super().setText(shown)
        self.setToolTip(tooltip(shown) if shown else "")

    def shown_text(self) -> str:
        """What is painted: the text, shortened to the label's width."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, max(0, self.contentsRect().width())
        )

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self.shown_text(),
        )
        painter.end()
