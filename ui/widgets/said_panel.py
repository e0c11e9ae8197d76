"""“What has X said?”: one actor's statements across every article in the library.

Each statement shows its article, its kind (named and coloured) and its text; choosing one
emits ``statementOpened`` with the article id and the statement's offsets, and the window
opens the stored article at that statement.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from reader.library import Library, LibraryError, StoredStatement
from ui import messages
from ui.style.colors import Theme, current_theme, quote_style
from ui.style.safe_text import SafeTextBrowser, escaped, plain_label
from ui.widgets.library_panel import hit_title


class SaidPanel(QWidget):
    """Pick an actor, read everything they said."""

    statementOpened = Signal(int, int, int)
    failed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.statements: list[StoredStatement] = []
        self.actor = QComboBox()
        self.actor.setEditable(True)
        self.actor.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        entry = QLineEdit()
        entry.setPlaceholderText("Who? (a name as you would write it)")
        self.actor.setLineEdit(entry)
        self.actor.activated.connect(lambda _index: self.show_actor(self._chosen_name()))
        entry.returnPressed.connect(lambda: self.show_actor(self._chosen_name()))
        self.status = plain_label(messages.SAID_HINT)
        self.status.setWordWrap(True)
        self.results = SafeTextBrowser()
        self.results.anchorClicked.connect(self._on_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.actor)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.actor.setEnabled(library is not None)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of actors (an article was just added)."""
        current = self.actor.currentText()
        self.actor.blockSignals(True)
        self.actor.clear()
        if self.library is not None:
            try:
                actors = [a for a in self.library.actors() if a.statements]
            except LibraryError as error:
                self.failed.emit(error.subject, error.problem)
                actors = []
            for a in actors:
                label = f"{a.name} ({a.kind}, {a.statements} statements)"
                self.actor.addItem(label, a.name)
        self.actor.setCurrentIndex(-1)
        self.actor.setEditText(current)
        self.actor.blockSignals(False)
        if self.library is None:
            self.status.setText(messages.NO_LIBRARY)

    def _chosen_name(self) -> str:
        index = self.actor.currentIndex()
        text = self.actor.currentText()
        if index >= 0 and self.actor.itemText(index) == text:
            return str(self.actor.itemData(index))
        return text.strip()

    def show_actor(self, name: str, theme: Theme | None = None) -> None:
        """List everything ``name`` said across the library."""
        if self.library is None or not name:
            return
        if self.actor.currentText() != name and self._chosen_name() != name:
            self.actor.setEditText(name)
        try:
            self.statements = self.library.said(name)
        except LibraryError as error:
            self.failed.emit(error.subject, error.problem)
            self.statements = []
        theme = theme or current_theme()
        articles = len({s.article_id for s in self.statements})
        if self.statements:
            self.status.setText(
                f"{messages.count(len(self.statements), 'statement')} by {name} in "
                f"{messages.count(articles, 'article')}."
            )
        else:
            self.status.setText(messages.NOTHING_SAID.format(name=name))
        parts = []
        titles: dict[int, str] = {}
        for n, s in enumerate(self.statements):
            style = quote_style(s.kind)
            if s.article_id not in titles:
                titles[s.article_id] = self._title(s)
            title = escaped(titles[s.article_id])
            kind = (
                f'<span style="background:{style.background(theme).name()};'
                f'color:{style.color(theme).name()}">&nbsp;{escaped(style.description)}'
                "&nbsp;</span>"
            )
            text = escaped(" ".join(s.text.split()))
            cue = f"<i>{escaped(s.cue)}</i>: " if s.cue else ""
            parts.append(
                f'<p style="margin-bottom:10px"><a href="said:{n}"><b>{title}</b></a> '
                f'<span style="color:gray">{escaped(s.date[:10])}</span> {kind}'
                f"<br>{cue}{text}</p>"
            )
        self.results.setHtml("".join(parts))

    def _title(self, statement: StoredStatement) -> str:
        """The article's title, else its file name (the statement carries only the title)."""
        source = None
        if not statement.title and self.library is not None:
            try:
                source = self.library.article(statement.article_id).source
            except LibraryError:
                source = None
        return hit_title(statement.title, source, statement.article_id)

    def open_statement(self, n: int) -> None:
        if 0 <= n < len(self.statements):
            s = self.statements[n]
            self.statementOpened.emit(s.article_id, s.start, s.end)

    def _on_link(self, url: QUrl) -> None:
        kind, _, n = url.toString().partition(":")
        if kind == "said" and n.isdigit():
            self.open_statement(int(n))
