"""The cast of the article: each actor once, with every statement attributed to them.

Actors who said something come first, most statements first, each with their statements
as children; then everyone else who appears, by number of mentions. Choosing a statement
emits ``statementChosen`` with its index in ``Analysis.quotes``; the window shows it in the
text. Each actor carries its kind in words and as the matching colour chip.

Above the tree, the cast at a glance (``ui.widgets.cast_chart``): a bar per actor. Choosing
an actor there or in the tree emits ``actorSelected`` with its id; the window marks the
actor in the text. A statement row shows the whole statement, wrapped and elided to the
row by its delegate (all of it in the tooltip), in quotation marks only where the article
itself has them.
"""

from __future__ import annotations

import re
import time

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.model import CHECK_THRESHOLD, Actor, Analysis, Quote
from reader.output.words import actor_kind_name, check_this, doubt_reasons, label_name, plural
from reader.positions.grouping import Position, positions
from ui import messages
from ui.style.colors import Theme, actor_style, current_theme, quote_style
from ui.style.safe_text import (
    NAME_LIMIT,
    TOOLTIP_LIMIT,
    escaped,
    menu_text,
    one_line,
    plain_label,
    tooltip,
)
from ui.style.text_formats import CHECK_COLOURS
from ui.widgets.cast_chart import CastChart
from ui.widgets.chips import chip_icon

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 2
#: On a "Show N more statements" row: the key of the group it completes.
MORE_ROLE = Qt.ItemDataRole.UserRole + 3
#: Statements listed under an actor at first; the rest come when asked for (or when one of
#: them is chosen in the text), so a long article's Cast fills in at once.
SHOWN_STATEMENTS = 50
#: Statement rows made while the cast is first shown; the rest are made on the next turns
#: of the event loop, this many at a time (a long article's cast draws without a stall).
ROWS_AT_ONCE = 60
#: A later turn stops making groups of rows after this long (seconds).
FILL_BUDGET_S = 0.008
#: Wrapped rows the Cast keeps, so that a layout or a paint does not wrap them again.
WRAPPED_KEPT = 4_000
_UNATTRIBUTED_KEY = "\0unattributed"


#: Positions named under the Cast for the chosen actor.
SHOWN_POSITIONS = 8

#: The Kind column of a statement to check.
CHECK_THIS = "Check this"


#: A statement row shows at most this many lines, the last elided (the tooltip has it all).
MAX_LINES = 3

_OPENING = "\"'“‘«‹„‚「『"
#: A closing mark right after a statement, maybe after the punctuation inside the quote.
_CLOSING = re.compile(r"[,.;:!?…]?([\"'”’»›“」』])")


def article_marks(quote: Quote, text: str) -> tuple[str, str] | None:
    """The quotation marks the article puts around the statement, if it does.

    None for reported speech, and for a statement whose own text already starts with its
    marks (it is shown as written): marks are never invented.
    """
    words = quote.text.strip()
    if not words or words[0] in _OPENING:
        return None
    # Back over spaces from the start, without copying the text before it.
    position = quote.start
    while position > 0 and text[position - 1] == " ":
        position -= 1
    before = text[position - 1] if position > 0 else ""
    after = _CLOSING.match(text, quote.end)
    if before and before in _OPENING and after is not None:
        return before, after.group(1)
    return None


def statement_text(quote: Quote, article_text: str) -> str:
    """The whole statement on one line, in the article's quotation marks if it has any."""
    words = " ".join(quote.text.split())
    marks = article_marks(quote, article_text)
    return f"{marks[0]}{words}{marks[1]}" if marks else words


def elided_lines(text: str, font: QFont, width: int, max_lines: int = MAX_LINES) -> list[str]:
    """``text`` wrapped to ``width`` pixels, at most ``max_lines`` lines, the last elided."""
    width = max(width, 40)
    layout = QTextLayout(text, font)
    metrics = QFontMetrics(font)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start = line.textStart()
        if len(lines) == max_lines - 1:
            rest = text[start:].strip()
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + line.textLength()].rstrip())
    layout.endLayout()
    return lines or [""]


class _ElidingDelegate(QStyledItemDelegate):
    """First-column rows wrapped to their width, up to ``MAX_LINES`` lines, then elided.

    The item keeps the whole text (what a screen reader reads and the tooltip shows); only
    the painting shortens it, to the row's width as the panel is resized.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree
        #: Rows wrapped, by text, font and width (``WRAPPED_KEPT`` at most).
        self._wrapped: dict[tuple[str, str, int], list[str]] = {}

    def _text_width(self, index: QModelIndex | QPersistentModelIndex) -> int:
        depth = 1 if index.parent().isValid() else 0
        return self.tree.header().sectionSize(0) - self.tree.indentation() * (depth + 1) - 32

    def _lines(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> tuple[list[str], QFont]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole)
        font = font if isinstance(font, QFont) else option.font  # type: ignore[attr-defined]
        # Asked again for every row at each layout and paint: wrapped once per width.
        key = (text, font.key(), self._text_width(index))
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) >= WRAPPED_KEPT:
                self._wrapped.clear()
            lines = self._wrapped[key] = elided_lines(text, font, key[2])
        return lines, font

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        lines, font = self._lines(option, index)
        height = len(lines) * QFontMetrics(font).lineSpacing() + 6
        return QSize(size.width(), max(size.height(), height))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        lines, font = self._lines(item, index)
        item.text = ""  # type: ignore[attr-defined]
        widget = item.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(font)
        painter.setPen(item.palette.color(role))  # type: ignore[attr-defined]
        spacing = QFontMetrics(font).lineSpacing()
        top = area.top() + max((area.height() - len(lines) * spacing) // 2, 0)
        for n, line in enumerate(lines):
            row = QRect(area.left() + 2, top + n * spacing, area.width() - 4, spacing)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
        painter.restore()


class ActorsPanel(QWidget):
    """A tree of actors and their statements for the article shown."""

    statementChosen = Signal(int)
    saidAcrossLibraryRequested = Signal(str)
    #: An actor was chosen in the chart or the tree (its ``Actor.id``).
    actorSelected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self._theme = current_theme()
        #: Statements less sure than this, not reviewed, say "Check this".
        self.check_below = CHECK_THRESHOLD
        #: Statements not listed yet, by group key: (indices, listed with the speaker).
        self._pending: dict[str, tuple[list[int], bool]] = {}
        #: Groups whose rows are still to be made (``ROWS_AT_ONCE``), and rows made so far.
        self._unfilled: list[tuple[QTreeWidgetItem, str, list[int], bool]] = []
        self._rows_made = 0
        self._filler = QTimer(self)
        self._filler.setSingleShot(True)
        self._filler.setInterval(0)
        self._filler.timeout.connect(self._fill_some)
        self.summary = plain_label(messages.NO_ACTORS)
        self.summary.setWordWrap(True)
        self.chart = CastChart()
        self.chart.actorChosen.connect(self._on_chart)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Actor / statement", "Kind"])
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.setItemDelegateForColumn(0, _ElidingDelegate(self.tree))
        header.sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        #: The chosen actor's positions in this article, each a link to its statements.
        self.positions_line = QLabel()
        self.positions_line.setWordWrap(True)
        self.positions_line.setTextFormat(Qt.TextFormat.RichText)
        self.positions_line.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.positions_line.linkActivated.connect(self._on_position)
        self.positions_line.hide()
        self._positions: list[Position[int]] = []
        self._position_steps: dict[int, int] = {}
        self.said_button = QPushButton("What has this actor said in other articles?")
        self.said_button.setEnabled(False)
        self.said_button.clicked.connect(self._on_said)
        row = QHBoxLayout()
        row.addWidget(self.said_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.positions_line)
        layout.addLayout(row)

    def show_analysis(self, analysis: Analysis, theme: Theme | None = None) -> None:
        self.analysis = analysis
        self._theme = theme or current_theme()
        self.tree.clear()
        self._pending = {}
        self._unfilled, self._rows_made = [], 0
        speakers = [a for a in analysis.actors if a.quotes]
        others = [a for a in analysis.actors if not a.quotes]
        speakers.sort(key=lambda a: (-len(a.quotes), -a.mentions, a.name.lower()))
        others.sort(key=lambda a: (-a.mentions, a.name.lower()))
        for actor in speakers + others:
            self.tree.addTopLevelItem(self._actor_item(analysis, actor))
        attributed = {i for a in analysis.actors for i in a.quotes}
        loose = [i for i in range(len(analysis.quotes)) if i not in attributed]
        if loose:
            group = QTreeWidgetItem([messages.UNATTRIBUTED, f"{len(loose)}"])
            self._add_statements(group, _UNATTRIBUTED_KEY, loose, with_speaker=True)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        for top in self._top_items()[: len(speakers)]:
            top.setExpanded(True)
        self._update_said_button()  # nothing is chosen in a new cast
        self.chart.set_actors(analysis.actors, self._theme)
        self.chart.setVisible(bool(self.chart.bars))
        to_check = sum(1 for q in analysis.quotes if q.to_check(self.check_below))
        checking = f" {plural(to_check, 'statement')} to check (F8)." if to_check else ""
        self.summary.setText(
            f"{len(analysis.actors)} actors, {len(speakers)} of them quoted; "
            f"{len(analysis.quotes)} statements.{checking} "
            "Click a statement to find it in the text."
        )

    def clear_analysis(self) -> None:
        """Show no cast (no article is shown)."""
        self.analysis = None
        self.tree.clear()
        self._pending = {}
        self._unfilled, self._rows_made = [], 0
        self.chart.set_actors([], self._theme)
        self.chart.hide()
        self.summary.setText(messages.NO_ACTORS)
        self._update_said_button()

    def refit(self) -> None:
        """Make the rows again in the panel's font (after a zoom), keeping the actor chosen."""
        if self.analysis is None:
            return
        chosen = self.chart.chosen
        self.show_analysis(self.analysis, self._theme)
        if chosen is not None:
            self.select_actor(chosen)

    def scroll_position(self) -> int:
        """How far the cast list is scrolled, for ``set_scroll_position`` once the cast is
        shown again (after a correction: the reader stays where they were)."""
        return self.tree.verticalScrollBar().value()

    def set_scroll_position(self, position: int) -> None:
        self.tree.verticalScrollBar().setValue(position)

    def set_check_threshold(self, threshold: float) -> None:
        """Say "Check this" on the statements less sure than ``threshold``."""
        if threshold != self.check_below:
            self.check_below = threshold
            if self.analysis is not None:
                self.show_analysis(self.analysis, self._theme)

    def set_theme(self, theme: Theme) -> None:
        if self.analysis is not None and theme is not self._theme:
            chosen = self.chart.chosen
            self.show_analysis(self.analysis, theme)
            if chosen is not None:
                self.select_actor(chosen)

    def _actor_item(self, analysis: Analysis, actor: Actor) -> QTreeWidgetItem:
        style = actor_style(actor.kind)
        said = len(actor.quotes)
        counts = plural(actor.mentions, "mention")
        if said:
            counts += f", {plural(said, 'statement')}"
        kind = actor_kind_name(actor.kind)
        shown_kind = f"{kind} (guessed)" if "kind" in actor.doubts else kind
        name = one_line(actor.name)
        item = QTreeWidgetItem([f"{name}   ({counts})", shown_kind])
        item.setIcon(0, chip_icon(style.color(self._theme)))
        item.setData(0, ACTOR_ROLE, actor.id)
        font = QFont(self.tree.font())  # the panel's, zoomed with it
        font.setBold(bool(said))
        item.setFont(0, font)
        aliases = [one_line(a) for a in actor.aliases[:20] if a != actor.name]
        tip = f"{name} — {kind} ({label_name(style.label)} colour)"
        if aliases:
            tip += "\nAlso written: " + ", ".join(aliases)
        if actor.country:
            tip += f"\nPeople of {one_line(actor.country)}"
        if actor.doubts:
            tip += "\nCheck this: " + "; ".join(doubt_reasons(actor.doubts))
        item.setToolTip(0, tooltip(tip))
        indices = [i for i in actor.quotes if 0 <= i < len(analysis.quotes)]
        self._add_statements(item, actor.id, indices)
        return item

    def _add_statements(
        self, parent: QTreeWidgetItem, key: str, indices: list[int], with_speaker: bool = False
    ) -> None:
        """The first ``SHOWN_STATEMENTS`` as rows, then a row that lists the rest; past
        ``ROWS_AT_ONCE`` rows, on the next turns of the event loop."""
        assert self.analysis is not None
        if self._rows_made >= ROWS_AT_ONCE:
            self._unfilled.append((parent, key, indices, with_speaker))
            self._filler.start()
            return
        shown, rest = indices[:SHOWN_STATEMENTS], indices[SHOWN_STATEMENTS:]
        self._rows_made += len(shown)
        quotes = self.analysis.quotes
        # One insertion for the group: the tree is told of its rows, and lays out, once.
        parent.addChildren([self._quote_item(quotes[i], i, with_speaker) for i in shown])
        if rest:
            self._pending[key] = (rest, with_speaker)
            more = QTreeWidgetItem(
                [messages.MORE_STATEMENTS.format(count=plural(len(rest), "more statement"))]
            )
            more.setData(0, MORE_ROLE, key)
            parent.addChild(more)

    def _fill_some(self) -> None:
        """Make the rows of the groups still waiting: ``ROWS_AT_ONCE`` at most a turn, and
        no more groups once ``FILL_BUDGET_S`` has passed."""
        self._rows_made = 0
        began = time.perf_counter()
        while (
            self._unfilled
            and self._rows_made < ROWS_AT_ONCE
            and time.perf_counter() - began < FILL_BUDGET_S
        ):
            parent, key, indices, with_speaker = self._unfilled.pop(0)
            expanded = parent.isExpanded()
            self._add_statements(parent, key, indices, with_speaker)
            parent.setExpanded(expanded)
        if self._unfilled:
            self._filler.start()

    def _fill_now(self) -> None:
        """Make every row still waiting (before the tree is searched or walked)."""
        while self._unfilled:
            self._fill_some()
        self._filler.stop()

    def _show_rest(self, parent: QTreeWidgetItem) -> None:
        """List the statements of ``parent`` still waiting, in place of its "more" row."""
        last = parent.child(parent.childCount() - 1) if parent.childCount() else None
        key = last.data(0, MORE_ROLE) if last is not None else None
        if last is None or not isinstance(key, str) or key not in self._pending:
            return
        if self.analysis is None:
            return
        rest, with_speaker = self._pending.pop(key)
        parent.removeChild(last)
        parent.addChildren(
            [self._quote_item(self.analysis.quotes[i], i, with_speaker) for i in rest]
        )

    def _quote_item(self, quote: Quote, index: int, with_speaker: bool = False) -> QTreeWidgetItem:
        style = quote_style(quote.kind)
        article_text = self.analysis.article.text if self.analysis is not None else ""
        shown = one_line(statement_text(quote, article_text), TOOLTIP_LIMIT)
        if quote.cue:
            shown = f"{one_line(quote.cue)}: {shown}"
        if with_speaker and quote.speaker:
            shown = f"{one_line(quote.speaker)} — {shown}"
        checking = quote.to_check(self.check_below)
        item = QTreeWidgetItem([shown, CHECK_THIS if checking else style.description])
        item.setIcon(0, chip_icon(style.background(self._theme), style.color(self._theme)))
        item.setData(0, QUOTE_ROLE, index)
        tip = f"{style.description}\n{' '.join(quote.text.split())}"
        kind_tip = style.description
        if checking:
            kind_tip = check_this(quote.doubts, quote.confidence)
            tip += "\n" + kind_tip
            item.setForeground(1, QBrush(QColor(CHECK_COLOURS[self._theme is Theme.DARK])))
            font = QFont(self.tree.font())
            font.setBold(True)
            item.setFont(1, font)
        item.setToolTip(0, tooltip(tip))
        item.setToolTip(1, tooltip(kind_tip))
        return item

    def select_statement(self, index: int) -> None:
        """Make the statement with this index current in the tree (after a click in the text)."""
        item = self.statement_item(index)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def select_actor(self, actor_id: str) -> None:
        """Make an actor current in the tree and the chart (after a click in the text)."""
        item = self.actor_item(actor_id)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
            self._update_said_button()
        self.chart.mark(actor_id)

    def actor_item(self, actor_id: str) -> QTreeWidgetItem | None:
        return next((i for i in self._top_items() if i.data(0, ACTOR_ROLE) == actor_id), None)

    def statement_item(self, index: int) -> QTreeWidgetItem | None:
        """The row of a statement, listing the rest of its group first if it waits there."""
        self._fill_now()
        for key, (rest, _) in list(self._pending.items()):
            if index in rest:
                parent = self.actor_item(key) if key != _UNATTRIBUTED_KEY else self._top_items()[-1]
                if parent is not None:
                    self._show_rest(parent)
        return next((i for i in self._items() if i.data(0, QUOTE_ROLE) == index), None)

    def actor_names(self) -> list[str]:
        return [
            self.analysis.actor(i.data(0, ACTOR_ROLE)).name  # type: ignore[union-attr]
            for i in self._items()
            if i.data(0, ACTOR_ROLE) and self.analysis is not None
        ]

    def _top_items(self) -> list[QTreeWidgetItem]:
        tops = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [top for top in tops if top is not None]

    def _items(self) -> list[QTreeWidgetItem]:
        self._fill_now()
        items = []
        for top in self._top_items():
            items.append(top)
            children = (top.child(j) for j in range(top.childCount()))
            items.extend(child for child in children if child is not None)
        return items

    def _current_actor(self) -> Actor | None:
        item = self.tree.currentItem()
        while item is not None and item.data(0, ACTOR_ROLE) is None:
            item = item.parent()
        if item is None or self.analysis is None:
            return None
        return self.analysis.actor(item.data(0, ACTOR_ROLE))

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        parent = item.parent()
        if item.data(0, MORE_ROLE) is not None and parent is not None:
            self._show_rest(parent)
            return
        index = item.data(0, QUOTE_ROLE)
        if isinstance(index, int):
            self.statementChosen.emit(index)
        actor_id = item.data(0, ACTOR_ROLE)
        if isinstance(actor_id, str):
            self.chart.mark(actor_id)
            self.actorSelected.emit(actor_id)
        self._update_said_button()

    def _on_chart(self, actor_id: str) -> None:
        """A bar of the chart was chosen: as a click on the actor's row in the tree."""
        self.select_actor(actor_id)
        self.actorSelected.emit(actor_id)

    def _show_positions(self, actor: Actor | None) -> None:
        """The actor's positions in this article, most-stated first, each a link."""
        analysis = self.analysis
        if analysis is None or actor is None or not actor.quotes:
            self._positions = []
            self.positions_line.hide()
            return
        names = {a.id: a.name for a in analysis.actors}
        said = [(i, analysis.quotes[i].subjects) for i in actor.quotes if i < len(analysis.quotes)]
        self._positions = positions(said, names.get)[:SHOWN_POSITIONS]
        self._position_steps = {}
        if not self._positions:
            self.positions_line.hide()
            return
        links = " · ".join(
            f'<a href="position:{n}">{escaped(one_line(p.label, NAME_LIMIT))}</a>'
            + (f" ({escaped(one_line(p.owner, NAME_LIMIT))})" if p.owner else "")
            + f" {len(p.statements)}"
            for n, p in enumerate(self._positions)
        )
        self.positions_line.setText(f"{messages.POSITIONS_HERE} {links}")
        self.positions_line.setToolTip(tooltip(messages.POSITIONS_HERE_TIP))
        self.positions_line.show()

    def _on_position(self, link: str) -> None:
        """A position was clicked: its next statement, in the text and the tree."""
        try:
            n = int(link.split(":", 1)[1])
        except (IndexError, ValueError):
            return
        if not 0 <= n < len(self._positions):
            return
        statements = self._positions[n].statements
        step = self._position_steps.get(n, 0) % len(statements)
        self._position_steps[n] = step + 1
        self.select_statement(statements[step])
        self.statementChosen.emit(statements[step])

    def _update_said_button(self) -> None:
        actor = self._current_actor()
        self._show_positions(actor)
        self.said_button.setEnabled(actor is not None)
        name = one_line(actor.name, 120) if actor is not None else "this actor"
        self.said_button.setText(menu_text(f"What has {name} said in other articles?"))

    def _on_said(self) -> None:
        actor = self._current_actor()
        if actor is not None:
            self.saidAcrossLibraryRequested.emit(actor.name)
