"""The status bar's progress: paragraphs analysed of all, and a Cancel button.

Busy with something that cannot say how far it is (loading the model, opening a file), the
bar runs without an end; during an analysis it fills as paragraphs are parsed. The button
(and Esc, in the window) asks to stop the analysis; the window decides what that means.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QToolButton, QWidget

from ui import messages


class AnalysisProgress(QWidget):
    """A progress bar with a Cancel button beside it."""

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(140)
        self.bar.setTextVisible(False)
        self.cancel = QToolButton()
        self.cancel.setText(messages.CANCEL)
        self.cancel.setToolTip(messages.CANCEL_TIP)
        self.cancel.clicked.connect(self.cancelRequested)
        self.cancel.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.show_busy()

    def show_busy(self) -> None:
        """Busy, without knowing how far along."""
        self.bar.setRange(0, 0)

    def show_progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps."""
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))

    def set_cancellable(self, cancellable: bool) -> None:
        self.cancel.setVisible(cancellable)
