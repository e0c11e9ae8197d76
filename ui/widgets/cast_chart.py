"""The cast at a glance: a bar per actor, what they said and how often they are named.

Painted with ``QPainter`` (no plotting library): one row per actor, the twelve who said most
(then those named most), each with its name, a solid segment for statements and a hatched
one for mentions in the colour of the actor's kind, and the two counts at the end. Hovering
a bar names the counts in words; clicking it, or Enter on the current bar, emits
``actorChosen(actor_id)``. Up and Down move between the bars.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.model import Actor
from reader.output.words import actor_kind_name, plural
from ui.style.colors import Theme, actor_style, current_theme
from ui.style.safe_text import one_line, tooltip
from ui.widgets.picking import Picking

#: Bars shown at most, and the height of each row and of the key above them (pixels).
MAX_BARS = 12
ROW_HEIGHT = 16
KEY_HEIGHT = 18
_GAP = 6


@dataclass(frozen=True, slots=True)
class CastBar:
    """One actor's row: who, what kind, how many statements and mentions."""

    actor_id: str
    name: str
    kind: str
    statements: int
    mentions: int

    @property
    def words(self) -> str:
        """The counts in words: "Putin: 4 statements, 9 mentions"."""
        return (
            f"{self.name}: {plural(self.statements, 'statement')}, "
            f"{plural(self.mentions, 'mention')}"
        )


def cast_bars(actors: Sequence[Actor], limit: int = MAX_BARS) -> list[CastBar]:
    """The actors to chart, most statements first, then most mentions, then by name (each
    name on one line, cut short: it is drawn, measured and read out)."""
    bars = [CastBar(a.id, one_line(a.name), a.kind, len(a.quotes), a.mentions) for a in actors]
    bars.sort(key=lambda b: (-b.statements, -b.mentions, b.name.lower()))
    return [b for b in bars if b.statements or b.mentions][:limit]


class CastChart(Picking):
    """Horizontal bars of statements and mentions, one per actor, clickable."""

    actorChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[CastBar] = []
        self.chosen: str | None = None
        self._theme = current_theme()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Cast at a glance")
        self.setAccessibleDescription("No actors")

    # -- data ------------------------------------------------------------------------------

    def set_actors(self, actors: Sequence[Actor], theme: Theme | None = None) -> None:
        self.bars = cast_bars(actors)
        self._theme = theme or current_theme()
        self.current = 0 if self.bars else -1
        self._hover = -1
        self.chosen = None
        self.setFixedHeight(self.sizeHint().height())
        self._describe()
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def mark(self, actor_id: str | None) -> None:
        """Show which actor is chosen (as elsewhere in the window), without emitting."""
        self.chosen = actor_id
        row = self.row_of(actor_id)
        if row >= 0:
            self.current = row
            self._describe()
        self.update()

    def row_of(self, actor_id: str | None) -> int:
        return next((n for n, b in enumerate(self.bars) if b.actor_id == actor_id), -1)

    # -- geometry --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        rows = len(self.bars)
        return QSize(320, KEY_HEIGHT + rows * ROW_HEIGHT + 4 if rows else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def row_rect(self, n: int) -> QRect:
        """The whole row of the n-th bar: name, bar and counts (what a click hits)."""
        return QRect(0, KEY_HEIGHT + n * ROW_HEIGHT, self.width(), ROW_HEIGHT)

    def _columns(self) -> tuple[int, int, int]:
        """Where the bars start, how long the longest may be, and the counts' width."""
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(b.name) for b in self.bars), default=0)
        names = min(widest + _GAP, max(self.width() * 2 // 5, 60))
        counts = metrics.horizontalAdvance("000 · 000") + _GAP
        return names, max(self.width() - names - counts - _GAP, 20), counts

    def bar_rect(self, n: int) -> QRect:
        """The bar of the n-th actor (both segments)."""
        left, room, _counts = self._columns()
        bar = self.bars[n]
        top = max(max(b.statements + b.mentions for b in self.bars), 1)
        length = max(round(room * (bar.statements + bar.mentions) / top), 2)
        row = self.row_rect(n)
        return QRect(left, row.top() + 3, length, ROW_HEIGHT - 6)

    def row_at(self, pos: QPoint) -> int:
        for n in range(len(self.bars)):
            if self.row_rect(n).contains(pos):
                return n
        return -1

    def item_count(self) -> int:
        return len(self.bars)

    def item_at(self, pos: QPoint) -> int:
        return self.row_at(pos)

    def tooltip_rect(self, n: int) -> QRect:
        return self.row_rect(n)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlphaF(0.7)  # quieter than the text, still 4.5:1 on the window
        self._paint_key(painter, text)
        left, _room, counts = self._columns()
        metrics = QFontMetrics(self.font())
        for n, bar in enumerate(self.bars):
            row = self.row_rect(n)
            if n == self._hover or bar.actor_id == self.chosen:
                shade = QColor(palette.color(QPalette.ColorRole.Highlight))
                shade.setAlpha(60 if bar.actor_id == self.chosen else 30)
                painter.fillRect(row, shade)
            painter.setPen(text)
            name = metrics.elidedText(bar.name, Qt.TextElideMode.ElideRight, left - _GAP)
            painter.drawText(
                QRect(0, row.top(), left - _GAP, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            rect = self.bar_rect(n)
            self._paint_bar(painter, rect, bar)
            painter.setPen(muted if not bar.statements else text)
            painter.drawText(
                QRect(rect.right() + _GAP, row.top(), counts, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{bar.statements} · {bar.mentions}",
            )
            if n == self.current and self.hasFocus():
                painter.setPen(
                    QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
                )
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(row).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def _colours(self, kind: str) -> tuple[QColor, QColor]:
        fill = actor_style(kind).color(self._theme)
        edge = fill.darker(170) if self._theme is Theme.LIGHT else fill.lighter(170)
        return fill, edge

    def _paint_bar(self, painter: QPainter, rect: QRect, bar: CastBar) -> None:
        total = max(bar.statements + bar.mentions, 1)
        said = round(rect.width() * bar.statements / total)
        fill, edge = self._colours(bar.kind)
        painter.setPen(QPen(edge, 1))
        if said:
            painter.setBrush(fill)
            painter.drawRect(
                QRectF(rect.left(), rect.top(), said, rect.height()).adjusted(0.5, 0.5, -0.5, -0.5)
            )
        if said < rect.width():
            named = QRectF(rect.left() + said, rect.top(), rect.width() - said, rect.height())
            painter.setBrush(QBrush(edge, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(named.adjusted(0.5, 0.5, -0.5, -0.5))

    def _paint_key(self, painter: QPainter, text: QColor) -> None:
        """A key above the bars: solid for statements, hatched for mentions."""
        metrics = QFontMetrics(self.font())
        fill, edge = self._colours("person")
        x = 2
        for label, brush in (
            ("statements", QBrush(fill)),
            ("mentions", QBrush(edge, Qt.BrushStyle.BDiagPattern)),
        ):
            painter.setPen(QPen(edge, 1))
            painter.setBrush(brush)
            painter.drawRect(QRectF(x + 0.5, 4.5, 16, KEY_HEIGHT - 9))
            x += 20
            painter.setPen(text)
            painter.drawText(
                QRect(x, 0, metrics.horizontalAdvance(label) + 2, KEY_HEIGHT),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            x += metrics.horizontalAdvance(label) + 14
        painter.setPen(text)
        painter.drawText(
            QRect(x, 0, max(self.width() - x - 2, 0), KEY_HEIGHT),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                "click a bar to mark the actor", Qt.TextElideMode.ElideRight, self.width() - x
            ),
        )

    # -- interaction -----------------------------------------------------------------------

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip of the bar under ``pos`` (escaped: names come from articles)."""
        n = self.row_at(pos)
        if n < 0:
            return ""
        bar = self.bars[n]
        return tooltip(f"{bar.words}\n{actor_kind_name(bar.kind)}")

    def choose(self, n: int, where: QPoint | None = None) -> None:
        """Choose the n-th bar as a click does: mark it and emit ``actorChosen``."""
        if 0 <= n < len(self.bars):
            self.mark(self.bars[n].actor_id)
            self.actorChosen.emit(self.bars[n].actor_id)

    def _describe(self) -> None:
        """Tell assistive technology which bar is current."""
        if 0 <= self.current < len(self.bars):
            self.setAccessibleDescription(self.bars[self.current].words)
        else:
            self.setAccessibleDescription("No actors")
