"""Run something once a widget has been painted for the first time.

The desktop app shows its window before it opens the library and the file it starts with:
what the reader sees first is the window, painted, and the rest follows on the next turn
of the event loop. A window that is never painted (started minimised, on another
workspace) still gets on with it after ``LATEST_MS``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: How long to wait for a first paint before running anyway.
LATEST_MS = 1000


class AfterFirstPaint(QObject):
    """Calls ``then`` once, on the event loop's turn after ``widget``'s first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None], latest_ms: int = LATEST_MS):
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._run)
        self._fallback.start(latest_ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            # After this paint has been drawn and flushed to the screen.
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        self._fallback.stop()
        if then is not None:
            then()
