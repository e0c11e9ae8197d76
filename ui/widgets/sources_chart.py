"""Who gets to speak, at a glance: the figures of a sources report as painted bars.

Drawn like the cast chart (``cast_chart``): ``QPainter`` only, one row per figure, its
name on the left, a bar, and the count with its share of the section at the end. A
section's bars are shares of its whole (all the sources, all the people, all the
statements), so a full bar is all of them; "Quoted most" is measured against the actor
quoted most. Kinds of actor and of statement have the colours they have everywhere in the
window (``ui.style.colors``); other figures the theme's highlight colour; "Not stated" is
hatched, so that what the text did not say never reads as a figure like the others.
Hovering a bar says it in words; choosing an actor quoted most (click, Enter) emits
``actorChosen(name)``. Up and Down move between the bars.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.output.words import plural
from ui.style.colors import Theme, actor_style, current_theme, quote_style
from ui.style.safe_text import one_line, tooltip
from ui.widgets.picking import Picking

if TYPE_CHECKING:
    from reader.library.sources import SourcesReport

_GAP = 6

#: How a bar is filled: an actor kind's colour, a statement kind's, the theme's, hatched.
KIND = "kind"
QUOTE = "quote"
PLAIN = "plain"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class ChartRow:
    """One bar: what it counts, how many, of how many (0: no share), how it is filled."""

    label: str
    count: int
    whole: int
    fill: str = PLAIN
    #: The actor kind or statement kind whose colour fills it.
    key: str = ""
    #: The noun the count is of ("source", "person", "statement").
    noun: str = "source"
    #: For an actor quoted most: its name, chosen to show what it said.
    actor: str | None = None

    @property
    def share(self) -> float | None:
        return self.count / self.whole if self.whole else None

    @property
    def words(self) -> str:
        """The bar in words: "Officials and politicians: 12 of 40 sources (30%)"."""
        if self.actor is not None:
            return f"{self.label}: {plural(self.count, 'statement')}"
        if self.whole:
            of = plural(self.whole, self.noun)
            return f"{self.label}: {self.count:,} of {of} ({self.count / self.whole:.0%})"
        return f"{self.label}: {plural(self.count, self.noun)}"


@dataclass(frozen=True, slots=True)
class ChartSection:
    heading: str
    rows: tuple[ChartRow, ...]


def chart_sections(report: SourcesReport) -> list[ChartSection]:
    """The sections a report is drawn in, in its own order, then the actors quoted most."""
    nouns = {"Gender (people)": "person", "Statements": "statement"}
    sections: list[ChartSection] = []
    for heading, tallies in report.sections():
        whole = sum(t.count for t in tallies)
        noun = nouns.get(heading, "source")
        rows = []
        for tally in tallies:
            if tally.key is None:
                fill, key = UNKNOWN, ""
            elif heading == "Kind":
                fill, key = KIND, tally.key
            elif heading == "Statements":
                fill, key = QUOTE, tally.key
            else:
                fill, key = PLAIN, ""
            rows.append(ChartRow(tally.label, tally.count, whole, fill, key, noun))
        sections.append(ChartSection(heading, tuple(rows)))
    if report.most_quoted:
        sections.append(
            ChartSection(
                "Quoted most",
                tuple(
                    ChartRow(one_line(a.name), a.statements, 0, KIND, a.kind, "statement", a.name)
                    for a in report.most_quoted
                ),
            )
        )
    return sections


class SourcesChart(Picking):
    """Bars of a sources report, section by section; actors quoted most can be chosen."""

    actorChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sections: list[ChartSection] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Sources at a glance")
        self.setAccessibleDescription("No sources")

    # -- data ------------------------------------------------------------------------------

    def set_report(self, report: SourcesReport | None) -> None:
        self.sections = chart_sections(report) if report is not None and report.sources else []
        self.current = 0 if self.sections else -1
        self._hover = -1
        self.setFixedHeight(self.sizeHint().height())
        self._describe()
        self.update()

    @property
    def rows(self) -> list[ChartRow]:
        return [row for section in self.sections for row in section.rows]

    # -- geometry --------------------------------------------------------------------------

    def row_height(self) -> int:
        return max(QFontMetrics(self.font()).height() + 4, 16)

    def sizeHint(self) -> QSize:
        height = self.row_height()
        rows = sum(len(s.rows) + 1 for s in self.sections)
        gaps = max(len(self.sections) - 1, 0) * (height // 2)
        return QSize(420, rows * height + gaps + 4 if rows else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _layout(self) -> tuple[list[int], list[int]]:
        """The top of each section's heading, and of each row (numbered across sections)."""
        height = self.row_height()
        headings, rows = [], []
        y = 0
        for section in self.sections:
            headings.append(y)
            y += height
            for _ in section.rows:
                rows.append(y)
                y += height
            y += height // 2
        return headings, rows

    def row_rect(self, n: int) -> QRect:
        _, rows = self._layout()
        return QRect(0, rows[n], self.width(), self.row_height())

    def _columns(self) -> tuple[int, int, int]:
        """Where the bars start, how long a full one is, and the width of the counts."""
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(r.label) for r in self.rows), default=0)
        names = min(widest + _GAP, max(self.width() * 2 // 5, 80))
        counts = metrics.horizontalAdvance("000,000 · 100 %") + _GAP
        return names, max(self.width() - names - counts - _GAP, 20), counts

    def bar_rect(self, n: int) -> QRect:
        left, room, _counts = self._columns()
        row = self.rows[n]
        if row.whole:
            part = row.count / row.whole
        else:  # quoted most: against the actor quoted most
            top = max((r.count for r in self.rows if r.actor is not None), default=1)
            part = row.count / max(top, 1)
        length = max(round(room * part), 2 if row.count else 0)
        rect = self.row_rect(n)
        return QRect(left, rect.top() + 3, length, rect.height() - 6)

    def item_count(self) -> int:
        return len(self.rows)

    def item_at(self, pos: QPoint) -> int:
        for n in range(len(self.rows)):
            if self.row_rect(n).contains(pos):
                return n
        return -1

    def tooltip_rect(self, n: int) -> QRect:
        return self.row_rect(n)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.sections:
            return
        theme = current_theme()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        left, _room, counts = self._columns()
        height = self.row_height()
        headings, tops = self._layout()
        rows = self.rows
        for section, top in zip(self.sections, headings, strict=True):
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRect(2, top, self.width() - 4, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                section.heading,
            )
        painter.setFont(self.font())
        for n, row in enumerate(rows):
            rect = QRect(0, tops[n], self.width(), height)
            if n == self._hover:
                shade = QColor(palette.color(QPalette.ColorRole.Highlight))
                shade.setAlpha(30)
                painter.fillRect(rect, shade)
            painter.setPen(text)
            name = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, left - _GAP)
            painter.drawText(
                QRect(0, rect.top(), left - _GAP, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            bar = self.bar_rect(n)
            self._paint_bar(painter, bar, row, theme)
            share = row.share
            figure = f"{row.count:,}" + (f" · {share:.0%}" if share is not None else "")
            painter.setPen(text)
            painter.drawText(
                QRect(bar.right() + _GAP, rect.top(), counts, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                figure,
            )
            if n == self.current and self.hasFocus():
                painter.setPen(
                    QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
                )
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    def colours(self, row: ChartRow, theme: Theme) -> tuple[QColor, QColor]:
        """A bar's fill and edge in ``theme``."""
        if row.fill == KIND:
            fill = actor_style(row.key).color(theme)
        elif row.fill == QUOTE:
            fill = quote_style(row.key).color(theme)
        else:
            fill = QColor(self.palette().color(QPalette.ColorRole.Highlight))
            if row.fill == UNKNOWN:
                fill = QColor(self.palette().color(QPalette.ColorRole.WindowText))
        edge = fill.darker(170) if theme is Theme.LIGHT else fill.lighter(170)
        return fill, edge

    def _paint_bar(self, painter: QPainter, rect: QRect, row: ChartRow, theme: Theme) -> None:
        if rect.width() <= 0:
            return
        fill, edge = self.colours(row, theme)
        painter.setPen(QPen(edge, 1))
        if row.fill == UNKNOWN:
            painter.setBrush(QBrush(fill, Qt.BrushStyle.BDiagPattern))
        else:
            painter.setBrush(fill)
        painter.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))

    # -- interaction -----------------------------------------------------------------------

    def tooltip_at(self, pos: QPoint) -> str:
        """The bar under ``pos`` in words (escaped: actors' names come from articles)."""
        n = self.item_at(pos)
        if n < 0:
            return ""
        row = self.rows[n]
        hint = "\nclick to see what they said" if row.actor is not None else ""
        return tooltip(row.words + hint)

    def choose(self, n: int, where: QPoint | None = None) -> None:
        rows = self.rows
        if 0 <= n < len(rows) and rows[n].actor is not None:
            self.actorChosen.emit(rows[n].actor)

    def _describe(self) -> None:
        rows = self.rows
        if 0 <= self.current < len(rows):
            self.setAccessibleDescription(rows[self.current].words)
        else:
            self.setAccessibleDescription("No sources")
