"""The cast of the article: each actor once, with every statement attributed to them.

Actors who said something come first, most statements first, each with their statements
as children; then everyone else who appears, by number of mentions. Choosing a statement
emits ``statementChosen`` with its index in ``Analysis.quotes``; the window shows it in the
text. Each actor carries its kind in words and as the matching colour chip.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.model import Actor, Analysis, Quote
from reader.output.words import actor_kind_name, label_name, plural
from ui import messages
from ui.style.colors import Theme, actor_style, current_theme, quote_style
from ui.style.safe_text import plain_label, tooltip
from ui.widgets.chips import chip_icon

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
ACTOR_ROLE = Qt.ItemDataRole.UserRole + 2


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the first column (statements are long)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        depth = 1 if index.parent().isValid() else 0
        width = self.tree.header().sectionSize(0) - self.tree.indentation() * (depth + 1) - 32
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or option.font)
        bounds = metrics.boundingRect(QRect(0, 0, max(width, 80), 10_000), _WRAP, text)
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


_WRAP = Qt.TextFlag.TextWordWrap.value


class ActorsPanel(QWidget):
    """A tree of actors and their statements for the article shown."""

    statementChosen = Signal(int)
    saidAcrossLibraryRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis: Analysis | None = None
        self._theme = current_theme()
        self.summary = plain_label(messages.NO_ACTORS)
        self.summary.setWordWrap(True)
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
        self.tree.setItemDelegateForColumn(0, _WrappingDelegate(self.tree))
        header.sectionResized.connect(lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.itemClicked.connect(self._on_item)
        self.tree.itemActivated.connect(self._on_item)
        self.said_button = QPushButton("What has this actor said in other articles?")
        self.said_button.setEnabled(False)
        self.said_button.clicked.connect(self._on_said)
        row = QHBoxLayout()
        row.addWidget(self.said_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)

    def show_analysis(self, analysis: Analysis, theme: Theme | None = None) -> None:
        self.analysis = analysis
        self._theme = theme or current_theme()
        self.tree.clear()
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
            for index in loose:
                group.addChild(self._quote_item(analysis.quotes[index], index, with_speaker=True))
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        for top in self._top_items()[: len(speakers)]:
            top.setExpanded(True)
        self.summary.setText(
            f"{len(analysis.actors)} actors, {len(speakers)} of them quoted; "
            f"{len(analysis.quotes)} statements. Click a statement to find it in the text."
        )

    def set_theme(self, theme: Theme) -> None:
        if self.analysis is not None and theme is not self._theme:
            self.show_analysis(self.analysis, theme)

    def _actor_item(self, analysis: Analysis, actor: Actor) -> QTreeWidgetItem:
        style = actor_style(actor.kind)
        said = len(actor.quotes)
        counts = plural(actor.mentions, "mention")
        if said:
            counts += f", {plural(said, 'statement')}"
        kind = actor_kind_name(actor.kind)
        item = QTreeWidgetItem([f"{actor.name}   ({counts})", kind.lower()])
        item.setIcon(0, chip_icon(style.color(self._theme)))
        item.setData(0, ACTOR_ROLE, actor.id)
        font = item.font(0)
        font.setBold(bool(said))
        item.setFont(0, font)
        aliases = [a for a in actor.aliases if a != actor.name]
        tip = f"{actor.name} — {kind} ({label_name(style.label)} colour)"
        if aliases:
            tip += "\nAlso written: " + ", ".join(aliases)
        item.setToolTip(0, tooltip(tip))
        for index in actor.quotes:
            if 0 <= index < len(analysis.quotes):
                item.addChild(self._quote_item(analysis.quotes[index], index))
        return item

    def _quote_item(self, quote: Quote, index: int, with_speaker: bool = False) -> QTreeWidgetItem:
        style = quote_style(quote.kind)
        text = _shorten(quote.text)
        marked = text[:1] in "\"“‘'«„"
        shown = f"“{text}”" if quote.kind != "indirect" and not marked else text
        if quote.cue:
            shown = f"{quote.cue}: {shown}"
        if with_speaker and quote.speaker:
            shown = f"{quote.speaker} — {shown}"
        item = QTreeWidgetItem([shown, style.description])
        item.setIcon(0, chip_icon(style.background(self._theme), style.color(self._theme)))
        item.setData(0, QUOTE_ROLE, index)
        item.setToolTip(0, tooltip(f"{style.description}\n{quote.text}"))
        return item

    def select_statement(self, index: int) -> None:
        """Make the statement with this index current in the tree (after a click in the text)."""
        for item in self._items():
            if item.data(0, QUOTE_ROLE) == index:
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def statement_item(self, index: int) -> QTreeWidgetItem | None:
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
        index = item.data(0, QUOTE_ROLE)
        if isinstance(index, int):
            self.statementChosen.emit(index)
        actor = self._current_actor()
        self.said_button.setEnabled(actor is not None)
        if actor is not None:
            self.said_button.setText(f"What has {actor.name} said in other articles?")

    def _on_said(self) -> None:
        actor = self._current_actor()
        if actor is not None:
            self.saidAcrossLibraryRequested.emit(actor.name)
