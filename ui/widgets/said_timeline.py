"""When they spoke: one actor's articles on a strip by date, above "who said what".

Painted with ``QPainter``: each article the actor said something in is a dot placed by the
article's date (published, else when it was added), larger the more statements it holds,
over year, month or day ticks. Articles closer than a few pixels share one dot (a bucket),
so a library of thousands of statements still paints a few dozen shapes, and nothing is a
widget of its own. Hovering a dot names its article(s), date and first statement (plain
text); clicking it, or Enter on the current dot, emits ``articleChosen(article_id)``, and a
dot holding several articles offers them in a menu. Left and Right move between the dots.
The rows come from ``reader.library.said_dates``, read off the GUI thread by the panel.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from reader.output.words import plural
from ui.style.colors import current_theme, quote_style
from ui.style.safe_text import menu_entry, tooltip
from ui.widgets.picking import Picking

#: Articles whose dots fall within this many pixels share one dot.
BUCKET_PX = 8
#: Height of the strip, and where its dots and its axis sit (pixels).
HEIGHT = 70
DOT_Y = 30
AXIS_Y = 48
MARGIN = 14
MAX_RADIUS = 8.0
#: Articles named in a tooltip, and offered in the menu of a shared dot, at most.
TIP_ARTICLES = 4
MENU_ARTICLES = 25
#: Characters of the first statement shown in a tooltip.
TIP_STATEMENT = 140

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class TimelineArticle:
    """One article on the strip: what to call it, its day, how much the actor said in it."""

    article_id: int
    title: str
    day: datetime.date | None
    statements: int
    #: The first of the actor's statements in it.
    first: str
    #: Whether ``day`` is the published date (else the day it was added to the library).
    published: bool = True


@dataclass(frozen=True, slots=True)
class Dot:
    """Articles sharing one dot: where it is and what it holds (by date)."""

    x: float
    articles: tuple[TimelineArticle, ...]
    #: How many statements its articles hold (counted once, not at each paint).
    statements: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "statements", sum(a.statements for a in self.articles))

    @property
    def radius(self) -> float:
        return min(3.0 + 1.4 * math.sqrt(self.statements - 1), MAX_RADIUS)


def shortened(text: str, limit: int = TIP_STATEMENT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def day_words(article: TimelineArticle) -> str:
    if article.day is None:
        return "no date"
    day = article.day.isoformat()
    return day if article.published else f"added {day}"


def ticks(
    first: datetime.date, last: datetime.date, room: float
) -> list[tuple[datetime.date, str]]:
    """Dates to mark on an axis from ``first`` to ``last`` ``room`` pixels wide, labelled:
    years over long spans, months over a few, days over weeks; about 60 pixels apart."""
    days = max((last - first).days, 1)
    wanted = max(int(room // 60), 1)
    if days > 3 * 365:
        step = next((s for s in (1, 2, 5, 10, 20, 50) if days / 365 / s <= wanted), 100)
        years = range(first.year + (first > datetime.date(first.year, 1, 1)), last.year + 1)
        return [(datetime.date(y, 1, 1), str(y)) for y in years if y % step == 0]
    if days > 62:
        step = next((s for s in (1, 2, 3, 6) if days / 30.4 / s <= wanted), 12)
        found: list[tuple[datetime.date, str]] = []
        for month in _months(first, last):
            if (month.month - 1) % step:
                continue
            first_tick = not found
            label = MONTHS[month.month - 1]
            if month.month == 1 or first_tick:
                label += f" {month.year}"
            found.append((month, label))
        return found
    step = next((s for s in (1, 2, 7, 14) if days / s <= wanted), 30)
    marks = []
    day = first
    while day <= last:
        marks.append((day, f"{day.day} {MONTHS[day.month - 1]}"))
        day += datetime.timedelta(days=step)
    return marks


def _months(first: datetime.date, last: datetime.date) -> Iterator[datetime.date]:
    month = datetime.date(first.year, first.month, 1)
    if month < first:
        month = _next_month(month)
    while month <= last:
        yield month
        month = _next_month(month)


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


class SaidTimeline(Picking):
    """A strip of dots by date, one per article (or per few close articles), clickable."""

    articleChosen = Signal(int)
    PREVIOUS_KEY = Qt.Key.Key_Left
    NEXT_KEY = Qt.Key.Key_Right

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.articles: list[TimelineArticle] = []
        self.undated = 0
        self.dots: list[Dot] = []
        self._span: tuple[datetime.date, datetime.date] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(HEIGHT)
        self.setAccessibleName("When they spoke: a timeline of their articles")
        self.setAccessibleDescription("No articles")

    def sizeHint(self) -> QSize:
        return QSize(400, HEIGHT)

    # -- data ------------------------------------------------------------------------------

    def set_articles(self, articles: Sequence[TimelineArticle]) -> None:
        dated = sorted(
            (a for a in articles if a.day is not None), key=lambda a: (a.day, a.article_id)
        )
        self.articles = dated
        self.undated = len(articles) - len(dated)
        self._span = None
        if dated:
            first, last = dated[0].day, dated[-1].day
            assert first is not None and last is not None
            if first == last:  # one day: in the middle of a month around it
                first -= datetime.timedelta(days=15)
                last += datetime.timedelta(days=15)
            self._span = (first, last)
        self.current = 0 if dated else -1
        self._hover = -1
        self._layout()

    def clear(self) -> None:
        self.set_articles(())

    # -- geometry --------------------------------------------------------------------------

    def x_of(self, day: datetime.date) -> float:
        """Where a day falls on the strip (pixels from the left)."""
        if self._span is None:
            return MARGIN
        first, last = self._span
        room = max(self.width() - 2 * MARGIN, 1)
        return MARGIN + room * (day - first).days / max((last - first).days, 1)

    def _layout(self) -> None:
        """Share a dot among articles closer than ``BUCKET_PX``: a few dozen dots at most.

        One pass over the articles, each placed once (as ``x_of`` places it): 23,537
        articles of one actor took 90 ms through ``x_of``, a stall of the window."""
        dots: list[Dot] = []
        if self._span is not None:
            first, last = self._span
            room = max(self.width() - 2 * MARGIN, 1)
            days = max((last - first).days, 1)
            origin = first.toordinal()
            group: list[TimelineArticle] = []
            xs: list[float] = []
            start = 0.0
            for article in self.articles:
                assert article.day is not None
                x = MARGIN + room * (article.day.toordinal() - origin) / days
                if group and x - start >= BUCKET_PX:
                    dots.append(Dot(sum(xs) / len(xs), tuple(group)))
                    group, xs = [], []
                if not group:
                    start = x
                group.append(article)
                xs.append(x)
            if group:
                dots.append(Dot(sum(xs) / len(xs), tuple(group)))
        self.dots = dots
        self.current = min(self.current, len(dots) - 1)
        self._describe()
        self.update()

    def item_count(self) -> int:
        return len(self.dots)

    def item_at(self, pos: QPoint) -> int:
        return self.dot_at(pos)

    def dot_at(self, pos: QPoint) -> int:
        """The dot under ``pos`` (a little slack around small dots), else -1."""
        if abs(pos.y() - DOT_Y) > MAX_RADIUS + 4:
            return -1
        best, distance = -1, float("inf")
        for n, dot in enumerate(self.dots):
            far = abs(dot.x - pos.x())
            if far <= max(dot.radius, BUCKET_PX / 2) + 1 and far < distance:
                best, distance = n, far
        return best

    def dot_of(self, article_id: int) -> int:
        return next(
            (
                n
                for n, d in enumerate(self.dots)
                if any(a.article_id == article_id for a in d.articles)
            ),
            -1,
        )

    def dot_center(self, n: int) -> QPoint:
        return QPoint(round(self.dots[n].x), DOT_Y)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text)
        muted.setAlphaF(0.7)  # quieter than the text, still 4.5:1 on the window
        metrics = QFontMetrics(self.font())
        if self._span is None:
            painter.setPen(muted)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                "No dates to place these statements on" if self.undated else "",
            )
            painter.end()
            return
        painter.setPen(QPen(muted, 1))
        painter.drawLine(
            QPointF(MARGIN, AXIS_Y + 0.5), QPointF(self.width() - MARGIN, AXIS_Y + 0.5)
        )
        right_edge = -1.0
        for day, label in ticks(*self._span, self.width() - 2 * MARGIN):
            x = self.x_of(day)
            painter.setPen(QPen(muted, 1))
            painter.drawLine(QPointF(x + 0.5, AXIS_Y - 3), QPointF(x + 0.5, AXIS_Y + 3))
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, 0), self.width() - width)
            if left <= right_edge + 6:
                continue  # labels never overlap: a crowded one is left out
            right_edge = left + width
            painter.setPen(text)
            painter.drawText(
                QRectF(left, AXIS_Y + 4, width + 1, metrics.height()),
                Qt.AlignmentFlag.AlignLeft,
                label,
            )
        fill = QColor(quote_style("direct").color(current_theme()))
        fill.setAlpha(210)
        ring = palette.color(QPalette.ColorRole.Base)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for n, dot in enumerate(self.dots):
            centre = QPointF(dot.x, DOT_Y)
            painter.setPen(QPen(ring, 1))
            painter.setBrush(fill)
            painter.drawEllipse(centre, dot.radius, dot.radius)
            if n == self._hover or (n == self.current and self.hasFocus()):
                painter.setBrush(Qt.BrushStyle.NoBrush)
                style = Qt.PenStyle.SolidLine if n == self._hover else Qt.PenStyle.DotLine
                painter.setPen(QPen(highlight, 2, style))
                painter.drawEllipse(centre, dot.radius + 3, dot.radius + 3)
        caption = "Their articles by date; a larger dot, more statements. Click one to open it."
        if self.undated:
            caption += f" ({plural(self.undated, 'article')} without a date.)"
        painter.setPen(muted)
        painter.drawText(
            QRect(MARGIN - 6, 0, self.width() - MARGIN, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(caption, Qt.TextElideMode.ElideRight, self.width() - MARGIN),
        )
        painter.end()

    # -- interaction -----------------------------------------------------------------------

    def tooltip_text(self, n: int) -> str:
        """What the n-th dot holds, in words (plain text: titles come from files)."""
        dot = self.dots[n]
        if len(dot.articles) == 1:
            a = dot.articles[0]
            return (
                f"{a.title}\n{day_words(a)} · {plural(a.statements, 'statement')}\n"
                f"{shortened(a.first)}"
            )
        lines = [f"{plural(len(dot.articles), 'article')}, {plural(dot.statements, 'statement')}:"]
        for a in dot.articles[:TIP_ARTICLES]:
            lines.append(f"{day_words(a)}  {a.title} ({a.statements})")
        if len(dot.articles) > TIP_ARTICLES:
            lines.append(f"and {plural(len(dot.articles) - TIP_ARTICLES, 'more article')}")
        lines.append(shortened(dot.articles[0].first, 90))
        lines.append("Click to choose one.")
        return "\n".join(lines)

    def tooltip_at(self, pos: QPoint) -> str:
        n = self.dot_at(pos)
        return tooltip(self.tooltip_text(n)) if n >= 0 else ""

    def choose(self, n: int, where: QPoint | None = None) -> None:
        """Open the n-th dot's article; a shared dot offers its articles in a menu."""
        if not 0 <= n < len(self.dots):
            return
        articles = self.dots[n].articles
        if len(articles) == 1:
            self.articleChosen.emit(articles[0].article_id)
            return
        menu = self.menu_for(n)
        chosen = menu.exec(where or self.mapToGlobal(self.dot_center(n)))
        if chosen is not None and isinstance(chosen.data(), int):
            self.articleChosen.emit(chosen.data())

    def menu_for(self, n: int) -> QMenu:
        """The menu of a shared dot: its articles by date (titles as text, "&" kept)."""
        menu = QMenu(self)
        for a in self.dots[n].articles[:MENU_ARTICLES]:
            label = f"{day_words(a)}  {a.title} ({plural(a.statements, 'statement')})"
            action = menu_entry(menu, label)
            action.setData(a.article_id)
        rest = len(self.dots[n].articles) - MENU_ARTICLES
        if rest > 0:
            more = menu.addAction(f"and {plural(rest, 'more article')} (in the list below)")
            more.setEnabled(False)
        return menu

    def _describe(self) -> None:
        if 0 <= self.current < len(self.dots):
            self.setAccessibleDescription(self.tooltip_text(self.current))
        else:
            self.setAccessibleDescription("No articles")
