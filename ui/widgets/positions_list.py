"""An actor's positions as a short list above "who said what": choosing one narrows the
statements to it, in date order, with the words that carry stance marked.

The first row is "All statements"; each other row names a position ("illegal occupation
(Ankara)") with how many statements and articles have it. Below the list, who quotes whom:
the actors the actor's statements name, and those whose statements name them, with a bar
each (``QuoteBars``), drawn like the cast chart. Everything here is filled from values the
library reader hands over (``reader.library.positions``); nothing is read on this thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from reader.library.positions import Quoting
from reader.output.words import plural
from ui import messages
from ui.style.safe_text import NAME_LIMIT, one_line, tooltip

if TYPE_CHECKING:
    from reader.library.positions import StoredPosition

#: Rows the list shows before it scrolls.
SHOWN_ROWS = 6


class PositionsList(QListWidget):
    """ "All statements", then the positions; ``positionChosen(key or "")``."""

    positionChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.positions: list[StoredPosition] = []
        self.setUniformItemSizes(True)
        self.currentRowChanged.connect(self._chosen)
        self.hide()

    def set_positions(self, positions: list[StoredPosition]) -> None:
        """Show these positions, "All statements" chosen, without announcing a choice."""
        self.positions = list(positions)
        self.blockSignals(True)
        self.clear()
        self.addItem(QListWidgetItem(messages.ALL_STATEMENTS))
        for position in self.positions:
            shown = one_line(position.shown, NAME_LIMIT)
            item = QListWidgetItem(
                messages.POSITION_ROW.format(
                    position=shown,
                    statements=plural(position.statements, "statement"),
                    articles=plural(position.articles, "article"),
                )
            )
            item.setToolTip(tooltip(messages.POSITION_TIP.format(position=shown)))
            self.addItem(item)
        self.setCurrentRow(0)
        self.blockSignals(False)
        self.setVisible(bool(self.positions))
        rows = min(SHOWN_ROWS, self.count())
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2)

    def chosen(self) -> StoredPosition | None:
        row = self.currentRow()
        return self.positions[row - 1] if 1 <= row <= len(self.positions) else None

    def _chosen(self, row: int) -> None:
        position = self.positions[row - 1] if 1 <= row <= len(self.positions) else None
        self.positionChosen.emit(position.key if position is not None else "")


class QuoteBars(QWidget):
    """Who quotes whom: two short lists of names, each with a bar for its statements."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quoting = Quoting((), ())
        self.hide()

    def set_quoting(self, quoting: Quoting) -> None:
        self.quoting = quoting
        rows = self._rows()
        self.setVisible(bool(rows))
        self.setFixedHeight(self._line() * len(rows) + 4)
        self.setToolTip(tooltip(messages.QUOTING_TIP))
        self.update()

    def _line(self) -> int:
        return self.fontMetrics().height() + 2

    def _rows(self) -> list[tuple[str, str, int]]:
        rows = [(messages.NAMES, n, c) for n, c in self.quoting.names]
        rows += [(messages.NAMED_BY, n, c) for n, c in self.quoting.named_by]
        return rows

    def sizeHint(self) -> QSize:
        return QSize(300, self._line() * max(1, len(self._rows())) + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        rows = self._rows()
        if not rows:
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        line = self._line()
        most = max(c for _, _, c in rows)
        label_width = max(metrics.horizontalAdvance(g) for g, _, _ in rows) + 8
        name_width = min(self.width() // 3, 180)
        bar_left = label_width + name_width + 8
        bar_room = max(20, self.width() - bar_left - 40)
        text = self.palette().color(self.foregroundRole())
        bar = self.palette().color(self.palette().ColorRole.Highlight)
        for n, (group, name, count) in enumerate(rows):
            top = 2 + n * line
            painter.setPen(text)
            if n == 0 or rows[n - 1][0] != group:
                painter.drawText(
                    QRect(0, top, label_width, line), Qt.AlignmentFlag.AlignLeft, group
                )
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, name_width)
            painter.drawText(
                QRect(label_width, top, name_width, line), Qt.AlignmentFlag.AlignLeft, shown
            )
            width = max(2, round(bar_room * count / most))
            painter.fillRect(QRect(bar_left, top + 3, width, line - 6), bar)
            painter.drawText(
                QRect(bar_left + width + 4, top, 40, line), Qt.AlignmentFlag.AlignLeft, str(count)
            )
        painter.end()
