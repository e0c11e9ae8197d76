"""A painted row of items a reader points at, clicks and steps through with the keyboard.

The cast chart's bars and the timeline's dots behave alike: the item under the pointer is
highlighted (``hover``) with a pointing-hand cursor and has a tooltip; a click or Enter
chooses it; two arrow keys, Home and End move the ``current`` item, which assistive
technology is told about. ``Picking`` does all of that once; a widget says where its items
are (``item_at``), how many there are, what each one's tooltip says and what choosing one
does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QToolTip, QWidget

_CHOOSE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class Picking(QWidget):
    """Hover, tooltips, click and keyboard choice over painted items numbered from 0."""

    #: The keys that move to the previous and to the next item.
    PREVIOUS_KEY = Qt.Key.Key_Up
    NEXT_KEY = Qt.Key.Key_Down

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = -1
        self._hover = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    # -- what a widget says about its items ---------------------------------------------

    def item_count(self) -> int:
        raise NotImplementedError

    def item_at(self, pos: QPoint) -> int:
        """The item under ``pos``, or -1."""
        raise NotImplementedError

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip of the item under ``pos`` (already escaped), or ""."""
        raise NotImplementedError

    def tooltip_rect(self, n: int) -> QRect:
        """Where the tooltip of item ``n`` stays up (empty: where the pointer is)."""
        return QRect()

    def choose(self, n: int, where: QPoint | None = None) -> None:
        """What choosing item ``n`` does; ``where``: the click, on the screen."""
        raise NotImplementedError

    def _describe(self) -> None:
        """Tell assistive technology which item is current."""

    # -- Qt events ----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos())
            if tip:
                rect = self.tooltip_rect(self.item_at(event.pos()))
                QToolTip.showText(event.globalPos(), tip, self, rect)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        n = self.item_at(event.position().toPoint())
        if n != self._hover:
            self._hover = n
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if n >= 0 else Qt.CursorShape.ArrowCursor
            )
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        n = self.item_at(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and n >= 0:
            self.current = n
            self._describe()
            self.choose(n, event.globalPosition().toPoint())
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        last = self.item_count() - 1
        moves = {
            self.PREVIOUS_KEY: self.current - 1,
            self.NEXT_KEY: self.current + 1,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: last,
        }
        if last >= 0 and key in moves:
            self.current = min(max(moves[Qt.Key(key)], 0), last)
            self._describe()
            self.update()
            return
        if self.current >= 0 and key in _CHOOSE_KEYS:
            self.choose(self.current)
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
