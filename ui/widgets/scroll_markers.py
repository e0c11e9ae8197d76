"""Thin coloured ticks over a vertical scroll bar showing where marks are in the whole text.

The overlay covers the scroll bar's groove, lets every mouse event through, and paints one
tick per mark at its relative height in the document (like a code editor's search hits),
so a reader sees at a glance where an actor is mentioned before scrolling there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget

#: (relative position 0..1 in the document, colour).
Tick = tuple[float, QColor]

_TICK_HEIGHT = 2
#: Ticks take this share of the bar's width, on its right, so the handle stays visible.
_STRIP = 0.45


class ScrollMarkers(QWidget):
    """Ticks painted over ``bar``; ``set_ticks`` replaces them."""

    def __init__(self, bar: QScrollBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.ticks: list[Tick] = []
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        bar.installEventFilter(self)
        self.setGeometry(bar.rect())
        self.hide()

    def set_ticks(self, ticks: list[Tick]) -> None:
        self.ticks = ticks
        self.setVisible(bool(ticks))
        self.raise_()
        self.update()

    def groove(self) -> QRect:
        """The part of the bar a position maps onto (between the arrows, if any)."""
        option = QStyleOptionSlider()
        self.bar.initStyleOption(option)
        rect = self.bar.style().subControlRect(
            QStyle.ComplexControl.CC_ScrollBar,
            option,
            QStyle.SubControl.SC_ScrollBarGroove,
            self.bar,
        )
        return rect if rect.isValid() and rect.height() > 0 else self.bar.rect()

    def tick_rows(self) -> list[int]:
        """The y of each tick, in the bar's coordinates."""
        groove = self.groove()
        span = max(groove.height() - _TICK_HEIGHT, 1)
        return [groove.top() + round(min(max(where, 0.0), 1.0) * span) for where, _ in self.ticks]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.bar.rect())
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        width = max(2, round(self.width() * _STRIP))
        left = self.width() - width - 1
        # Hundreds of marks share a few hundred rows: each row is painted once per colour.
        rows = {
            (y, colour.rgba()): colour
            for y, (_w, colour) in zip(self.tick_rows(), self.ticks, strict=True)
        }
        for (y, _rgba), colour in rows.items():
            painter.fillRect(left, y, width, _TICK_HEIGHT, colour)
        painter.end()
