"""Search the library: every article opened so far, by words, by actor or by entity.

Results show the title and a snippet with the matched words in bold; choosing one emits
``articleChosen`` with the library id, and the window shows the stored analysis without
analysing again. With an empty search box the most recently opened articles are listed.
Searches run on the library reader's thread (``ui.tasks``), so a slow one never
freezes the window; an answer to a search since replaced is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.library import MARK_END, MARK_START, Library, SearchHit
from reader.output.titles import listed_title
from reader.output.words import plural
from ui import messages
from ui.style.safe_text import (
    LINE_LIMIT,
    TEXT_LIMIT,
    SafeTextBrowser,
    bounded,
    escaped,
    one_line,
    plain_label,
)
from ui.tasks import LibraryTasks, SearchAnswer, search_task

SCOPES = {"Words": "text", "Actor": "actor", "Entity": "entity"}


def hit_title(title: str | None, source: str | None, article_id: int, opening: str = "") -> str:
    """What to call an article in a list: its title, else a meaningful file name, else its
    first sentence when the list has the start of its text, else "Untitled article 12"
    (never a hash file name, issue 9); on one line, cut short (a stored title may be any
    length, issue 17)."""
    if title and len(title) > 8 * LINE_LIMIT:
        title = one_line(title)  # not the whole of it, word by word: it is cut anyway
    return one_line(listed_title(title, source, article_id, opening))


def snippet_html(snippet: str) -> str:
    """Escape a search snippet and turn its matched words bold (nothing else: "[sic]" stays)."""
    shown = escaped(bounded(snippet, TEXT_LIMIT))
    return shown.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class LibraryPanel(QWidget):
    """Search box, scope and the list of matching articles."""

    articleChosen = Signal(int)
    failed = Signal(str, str)
    #: Results of the latest search are on screen.
    searched = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.hits: list[SearchHit] = []
        self._asked: tuple[str, str] = ("", "text")
        self.tasks = LibraryTasks(self, "dramatis-library-search")
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search the library…")
        self.query.setClearButtonEnabled(True)
        self.scope = QComboBox()
        self.scope.addItems(list(SCOPES))
        self.scope.setToolTip(
            "Words: the article text. Actor: articles where a person or organisation "
            "appears. Entity: articles mentioning a name, place or date."
        )
        self.status = plain_label(messages.SEARCH_HINT)
        self.status.setWordWrap(True)
        self.results = SafeTextBrowser()
        self.results.anchorClicked.connect(self._on_link)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _text: self._debounce.start())
        self.query.returnPressed.connect(self.search)
        self.scope.currentIndexChanged.connect(lambda _index: self.search())
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.query.setEnabled(library is not None)
        self.scope.setEnabled(library is not None)
        self.search()

    def refresh(self) -> None:
        """Search again (an article was just added)."""
        self.search()

    def search(self) -> None:
        """Search for what is in the box, on the reader thread; the results follow.

        ``searched`` is emitted once they are on screen. An answer to an earlier search that
        arrives after this one was asked for is dropped.
        """
        self._debounce.stop()
        if self.library is None:
            self.tasks.forget("search")
            self._show([], messages.NO_LIBRARY)
            self.searched.emit()
            return
        self._asked = (self.query.text().strip(), SCOPES[self.scope.currentText()])
        self.status.setText(messages.SEARCHING)
        work = search_task(*self._asked)
        self.tasks.run("search", self.library, work, self._on_answered, self._on_failed)

    def _on_answered(self, answer: SearchAnswer) -> None:
        text, scope = self._asked
        hits = list(answer.hits)
        if not text:
            status = f"{plural(answer.total or 0, 'article')} in the library, latest first."
        elif scope == "actor":
            status = f"{plural(len(hits), 'article')} where {one_line(text)} appears."
        elif scope == "entity":
            status = f"{plural(len(hits), 'article')} mentioning {one_line(text)}."
        else:
            status = f"{plural(len(hits), 'article matches', 'articles match')}."
        self._show(hits, status if hits else messages.NO_RESULTS)
        self.searched.emit()

    def _on_failed(self, subject: str, problem: str) -> None:
        self.failed.emit(subject, problem)
        self._show([], f"{subject}: {problem}")
        self.searched.emit()

    def shutdown(self) -> None:
        """Stop the reader thread (interrupting its search) and close its connection."""
        self.tasks.shutdown()

    def _show(self, hits: list[SearchHit], status: str) -> None:
        self.hits = hits
        self.status.setText(status)
        parts = []
        for n, hit in enumerate(hits):
            title = escaped(hit_title(hit.title, hit.source, hit.id))
            opened = escaped(hit.last_opened[:16].replace("T", " "))
            where = escaped(one_line(Path(hit.source).name)) if hit.source else ""
            meta = " · ".join(p for p in (where, f"opened {opened}") if p)
            body = f"<br>{snippet_html(hit.snippet)}" if hit.snippet else ""
            parts.append(
                f'<p style="margin-bottom:10px"><a href="hit:{n}"><b>{title}</b></a>'
                f'<br><span style="color:gray">{meta}</span>{body}</p>'
            )
        self.results.setHtml("".join(parts))

    def searched_text(self) -> str:
        """What the search whose results are listed looked for (words, or a name)."""
        return self._asked[0]

    def open_hit(self, n: int) -> None:
        """Open the n-th result (what a click on its title does)."""
        if 0 <= n < len(self.hits):
            self.articleChosen.emit(self.hits[n].id)

    def _on_link(self, url: QUrl) -> None:
        kind, _, n = url.toString().partition(":")
        if kind == "hit" and n.isdigit():
            self.open_hit(int(n))
