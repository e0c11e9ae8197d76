"""Small coloured swatches used as item icons, drawn from the colour registry."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap


def chip_icon(fill: QColor, outline: QColor | None = None, size: int = 14) -> QIcon:
    """A rounded square in ``fill`` with a thin outline, so pale colours still show.

    Drawn once per colour pair: a long article's Cast lists thousands of statements in a
    handful of colours."""
    return _chip(fill.rgba(), None if outline is None else outline.rgba(), size)


@cache
def _chip(fill_rgba: int, outline_rgba: int | None, size: int) -> QIcon:
    fill = QColor.fromRgba(fill_rgba)
    outline = None if outline_rgba is None else QColor.fromRgba(outline_rgba)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(fill)
    painter.setPen(QPen(outline or fill.darker(160), 1))
    painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    painter.end()
    return QIcon(pixmap)
