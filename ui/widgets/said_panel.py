"""“What has X said?”: one actor's statements across every article in the library.

Each statement shows its article, its kind (named and coloured) and its text; choosing one
emits ``statementOpened`` with the article id and the statement's offsets, and the window
opens the stored article at that statement. The library is read off the GUI thread
(``ui.tasks``): the list of actors, and the statements a page at a time, the first page at
once and the next when the list is scrolled to its end (``ui.widgets.said_list``).
Above the list, a timeline places each of the actor's articles by date
(``ui.widgets.said_timeline``, from one light query of ``reader.library.said_dates`` on the
same reader thread); clicking a dot opens that article at the actor's first statement in it.
Between them, the actor's positions (``ui.widgets.positions_list``): choosing one lists its
statements alone, in date order, with the words that carry stance marked; and who quotes
whom. Export Positions… writes them as CSV or JSON, on the reader thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import LibraryError
from reader.library.positions import Quoting
from reader.library.positions_export import listed_positions, write_csv, write_json
from reader.library.said_dates import said_articles
from reader.output.files import OutputError, replacing
from reader.output.words import actor_kind_name, plural
from ui import messages
from ui.style.colors import Theme
from ui.style.safe_text import NAME_LIMIT, one_line, plain_label
from ui.tasks import LibraryTasks
from ui.widgets.library_panel import hit_title
from ui.widgets.positions_list import PositionsList, QuoteBars
from ui.widgets.said_list import SaidList
from ui.widgets.said_timeline import SaidTimeline, TimelineArticle

if TYPE_CHECKING:
    from reader.library import Library, StoredStatement
    from reader.library.positions import StoredPosition

#: Statements in the first page, shown at once, and in each page after it.
FIRST_PAGE = 50
NEXT_PAGE = 50


@dataclass(frozen=True, slots=True)
class SaidPage:
    """Some of what one actor said, with the titles of their articles."""

    name: str
    offset: int
    statements: tuple[StoredStatement, ...]
    titles: dict[int, str]
    #: Statements and articles in all (read with the first page only).
    total: int | None = None
    articles: int | None = None
    #: The position listed (``StoredPosition.key``), or "" for everything said.
    position: str = ""


def said_page_task(
    name: str, offset: int, limit: int, position: StoredPosition | None = None
) -> Callable[[Library], SaidPage]:
    """A task reading one page of what ``name`` said (on the library reader's thread): all
    of it, or only the statements on one position."""

    def work(library: Library) -> SaidPage:
        total = articles = None
        if position is not None:
            total, articles = (
                (position.statements, position.articles) if offset == 0 else (None,) * 2
            )
            found = library.position_statements(name, position.key, limit=limit, offset=offset)
            statements = tuple(found)
            key = position.key
        else:
            if offset == 0:
                total, articles = library.said_count(name)
            statements = tuple(library.said(name, limit=limit, offset=offset))
            key = ""
        titles = _titles(library, statements)
        return SaidPage(name, offset, statements, titles, total, articles, key)

    return work


@dataclass(frozen=True, slots=True)
class ActorPositions:
    """An actor's positions across the library, and who quotes whom."""

    name: str
    positions: list[StoredPosition]
    quoting: Quoting


def positions_task(name: str) -> Callable[[Library], ActorPositions]:
    def work(library: Library) -> ActorPositions:
        return ActorPositions(name, library.positions(name), library.quoting(name, limit=5))

    return work


def export_positions_task(name: str, path: Path) -> Callable[[Library], Path]:
    """Write the actor's positions to ``path``: JSON for a .json name, else CSV."""

    def work(library: Library) -> Path:
        listed = listed_positions(library, name)
        try:
            with replacing(path) as out:  # whole or not at all
                if path.suffix.lower() == ".json":
                    write_json(name, listed, out)
                else:
                    write_csv(name, listed, out)
        except OutputError as error:  # the world, not a bug: said in one line
            raise LibraryError(error.subject, error.problem) from error
        return path

    return work


@dataclass(frozen=True, slots=True)
class SaidDates:
    """Every article one actor said something in, for the timeline, and where to open each."""

    name: str
    articles: tuple[TimelineArticle, ...]
    #: The offsets of the actor's first statement in each article.
    firsts: dict[int, tuple[int, int]]


def said_dates_task(name: str) -> Callable[[Library], SaidDates]:
    """A task reading the dates of everything ``name`` said (on the library reader's thread)."""

    def work(library: Library) -> SaidDates:
        rows = said_articles(library, name)
        articles = tuple(
            TimelineArticle(
                article_id=row.article_id,
                title=hit_title(row.title, row.source, row.article_id, row.opening),
                day=row.day,
                statements=row.statements,
                first=row.first,
                published=row.dated_by_publication,
            )
            for row in rows
        )
        return SaidDates(name, articles, {row.article_id: (row.start, row.end) for row in rows})

    return work


def _titles(library: Library, statements: tuple[StoredStatement, ...]) -> dict[int, str]:
    """Each article's title, else its file name (a statement carries only the title)."""
    titles: dict[int, str] = {}
    for s in statements:
        if s.article_id in titles:
            continue
        source = None
        opening = ""
        if not s.title:
            try:
                source = library.article(s.article_id).source
                opening = library.opening(s.article_id)
            except LibraryError:
                source = None
        titles[s.article_id] = hit_title(s.title, source, s.article_id, opening)
    return titles


def actors_task(library: Library) -> tuple[tuple[str, str], ...]:
    """(label, name) of every actor with statements, most quoted first."""
    return tuple(
        (
            one_line(
                f"{one_line(a.name, NAME_LIMIT)} ({actor_kind_name(a.kind)}, "
                f"{plural(a.statements, 'statement')})"
            ),
            a.name,
        )
        for a in library.actors()
        if a.statements
    )


def _file_stem(name: str) -> str:
    """A name as a file name: letters, digits, spaces and dashes, cut short."""
    kept = re.sub(r"[^\w\- ]+", "", name).strip()[:60]
    return kept or "actor"


class SaidPanel(QWidget):
    """Pick an actor, read everything they said."""

    statementOpened = Signal(int, int, int)
    failed = Signal(str, str)
    #: A page of statements (or "nothing said") is on screen.
    listed = Signal()
    #: The list of actors to choose from is filled in.
    actorsListed = Signal()
    #: The timeline of the actor's articles is drawn (maybe empty).
    placed = Signal()
    #: The actor's positions are listed (maybe none).
    positioned = Signal()
    #: Positions were written to a file (a message for the status bar).
    exported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.tasks = LibraryTasks(self, "dramatis-library-said")
        self._name = ""
        #: The actor of each entry of the actor box, by its index.
        self._actor_names: list[str] = []
        self._total = 0
        self._articles = 0
        self._theme: Theme | None = None
        self._firsts: dict[int, tuple[int, int]] = {}
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
        self.timeline = SaidTimeline()
        self.timeline.hide()
        self.timeline.articleChosen.connect(self.open_article)
        self.results = SaidList()
        self.results.moreWanted.connect(self._more)
        self.results.statementChosen.connect(self.open_statement)
        self.positions = PositionsList()
        self.positions.positionChosen.connect(self._choose_position)
        self.quoting = QuoteBars()
        self.export_button = QPushButton(messages.EXPORT_POSITIONS)
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.ask_export)
        self._position: StoredPosition | None = None
        row = QHBoxLayout()
        row.addWidget(self.quoting, 1)
        row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.actor)
        layout.addWidget(self.status)
        layout.addWidget(self.timeline)
        layout.addWidget(self.positions)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)

    @property
    def statements(self) -> list[StoredStatement]:
        """The statements listed so far."""
        return self.results.statements

    def set_library(self, library: Library | None) -> None:
        self.library = library
        self.actor.setEnabled(library is not None)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list of actors (an article was just added), off the GUI thread."""
        if self.library is None:
            self.tasks.forget("actors")
            self.tasks.forget("dates")
            self._fill_actors(())
            self._show_dates(SaidDates("", (), {}))
            self.status.setText(messages.NO_LIBRARY)
            return
        self.tasks.run_on("actors", self.library, actors_task, self._fill_actors, self._failed)

    def _fill_actors(self, actors: tuple[tuple[str, str], ...]) -> None:
        current = self.actor.currentText()
        self.actor.blockSignals(True)
        self.actor.clear()
        # One call for the labels, the names kept beside them: 3,000 ``addItem`` calls
        # with data held the window 15–40 ms.
        self.actor.addItems([label for label, _ in actors])
        self._actor_names = [name for _, name in actors]
        self.actor.setCurrentIndex(-1)
        self.actor.setEditText(current)
        self.actor.blockSignals(False)
        self.actorsListed.emit()

    def _chosen_name(self) -> str:
        index = self.actor.currentIndex()
        text = self.actor.currentText()
        if 0 <= index < len(self._actor_names) and self.actor.itemText(index) == text:
            return self._actor_names[index]
        return text.strip()

    def show_actor(self, name: str, theme: Theme | None = None) -> None:
        """List what ``name`` said across the library: the first page follows (``listed``)."""
        if self.library is None or not name:
            return
        if self.actor.currentText() != name and self._chosen_name() != name:
            self.actor.setEditText(name)
        self._name = name
        self._theme = theme
        self._position = None
        self.results.clear_statements()
        self.results.stance = False
        self.positions.set_positions([])
        self.quoting.set_quoting(Quoting((), ()))
        self.export_button.setEnabled(False)
        self.status.setText(messages.SAID_LOOKING.format(name=one_line(name, NAME_LIMIT)))
        self._show_dates(SaidDates(name, (), {}))
        work = said_page_task(name, 0, FIRST_PAGE)
        self.tasks.run_on("said", self.library, work, self._on_page, self._failed)
        # After the first page on the same reader thread: the list comes first.
        self.tasks.run_on(
            "dates", self.library, said_dates_task(name), self._on_dates, self._failed
        )
        self.tasks.run_on(
            "positions", self.library, positions_task(name), self._on_positions, self._failed
        )

    def _on_positions(self, found: ActorPositions) -> None:
        if found.name != self._name:
            return
        self.positions.set_positions(found.positions)
        self.quoting.set_quoting(found.quoting)
        self.export_button.setEnabled(bool(found.positions))
        self.positioned.emit()

    def _choose_position(self, key: str) -> None:
        """List only the statements on one position ("" for all), by date."""
        if self.library is None or not self._name:
            return
        self._position = self.positions.chosen() if key else None
        self.results.clear_statements()
        self.results.stance = self._position is not None
        work = said_page_task(self._name, 0, FIRST_PAGE, self._position)
        self.tasks.run_on("said", self.library, work, self._on_page, self._failed)

    def ask_export(self) -> None:
        """Export Positions…: a CSV or JSON file, written on the reader thread."""
        if self.library is None or not self._name:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            messages.EXPORT_POSITIONS,
            str(Path.home() / f"{_file_stem(self._name)} positions.csv"),
            "CSV (*.csv);;JSON (*.json)",
        )
        if name:
            self.export_positions(Path(name))

    def export_positions(self, path: Path) -> None:
        if self.library is None or not self._name:
            return
        actor = self._name
        self.tasks.run_on(
            "export",
            self.library,
            export_positions_task(actor, path),
            lambda written: self.exported.emit(
                messages.POSITIONS_EXPORTED.format(name=one_line(actor, NAME_LIMIT), path=written)
            ),
            self._failed,
        )

    def _more(self) -> None:
        if self.library is None or not self._name or self.tasks.busy("said"):
            return
        work = said_page_task(self._name, len(self.statements), NEXT_PAGE, self._position)
        self.tasks.run_on("said", self.library, work, self._on_page, self._failed)

    def _on_page(self, page: SaidPage) -> None:
        wanted = self._position.key if self._position is not None else ""
        if page.name != self._name or page.offset != len(self.statements):
            return
        if page.position != wanted:
            return
        if page.total is not None:
            self._total, self._articles = page.total, page.articles or 0
        complete = page.offset + len(page.statements) >= self._total or not page.statements
        self.results.append_page(page.statements, page.titles, complete, self._theme)
        if self._position is not None:
            self.status.setText(
                messages.POSITION_SHOWN.format(
                    statements=plural(self._total, "statement"),
                    name=one_line(page.name, NAME_LIMIT),
                    position=one_line(self._position.shown, NAME_LIMIT),
                )
            )
        elif self._total:
            self.status.setText(
                f"{plural(self._total, 'statement')} by {one_line(page.name, NAME_LIMIT)} in "
                f"{plural(self._articles, 'article')}."
            )
        else:
            self.status.setText(messages.NOTHING_SAID.format(name=one_line(page.name, NAME_LIMIT)))
        self.listed.emit()

    def _on_dates(self, dates: SaidDates) -> None:
        if dates.name == self._name:
            self._show_dates(dates)
            self.placed.emit()

    def _show_dates(self, dates: SaidDates) -> None:
        self._firsts = dates.firsts
        self.timeline.set_articles(dates.articles)
        self.timeline.setVisible(bool(dates.articles))

    def _failed(self, subject: str, problem: str) -> None:
        self.failed.emit(subject, problem)
        self.listed.emit()

    def open_statement(self, n: int) -> None:
        if 0 <= n < len(self.statements):
            s = self.statements[n]
            self.statementOpened.emit(s.article_id, s.start, s.end)

    def open_article(self, article_id: int) -> None:
        """Open an article of the timeline at the actor's first statement in it."""
        first = self._firsts.get(article_id)
        if first is not None:
            self.statementOpened.emit(article_id, *first)

    def shutdown(self) -> None:
        """Stop the reader thread (interrupting its query) and close its connection."""
        self.tasks.shutdown()
