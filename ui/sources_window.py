"""View > Sources…: who gets to speak, in the library or in the article on screen.

A window of its own beside the main one: what to count (the library, within the outlet and
dates of ``LibraryFilters``, or the article on screen), a line of figures in words, and the
report drawn as bars (``widgets.sources_chart``). The report is counted on a reader thread
of the window's own (``ui.tasks``: ``Library.sources_report`` is SQL over every source of
the library, a fraction of a second on 100,000 articles); the GUI thread only puts the
answer on screen. While the window is shown, the library's generation is asked every two
seconds and the report counted again when articles were added or removed. **Export as
CSV…** writes the report on screen as ``dramatis library sources --format csv`` does,
on the reader thread. Choosing an actor quoted most asks the main window to show what it
said (``actorChosen``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.library import Bounds
from reader.library.sources import report_csv
from reader.output.files import OutputError, write_text
from reader.output.words import plural
from ui import messages
from ui.style.safe_text import NAME_LIMIT, bounded, one_line, plain_label
from ui.tasks import LibraryTasks, Work, generation_task
from ui.widgets.library_filters import LibraryFilters
from ui.widgets.sources_chart import SourcesChart

if TYPE_CHECKING:
    from reader.library import Library
    from reader.library.sources import SourcesReport

#: How often the library's generation is asked while the window is shown.
POLL_MS = 2000
CSV_FILTER = "Spreadsheet, CSV (*.csv)"


@dataclass(frozen=True, slots=True)
class SourcesView:
    """What is counted: the library within ``bounds``, or one article (``article_id``)."""

    bounds: Bounds = field(default_factory=Bounds)
    article_id: int | None = None


@dataclass(frozen=True, slots=True)
class SourcesAnswer:
    view: SourcesView
    report: SourcesReport
    generation: int
    outlets: tuple[tuple[str, int], ...] | None = None


def sources_task(
    view: SourcesView, outlets: bool = False, wanted: Callable[[], bool] = lambda: True
) -> Work:
    """A task counting the sources of ``view`` (and listing the outlets, when asked);
    None, at once, when it is no longer ``wanted`` by the time the reader thread gets to it
    (the filters moved again: a newer task waits behind it)."""

    def work(library: Library) -> SourcesAnswer | None:
        if not wanted():
            return None
        generation = library.generation()
        if view.article_id is not None:
            report = library.article_sources(view.article_id)
        else:
            report = library.sources_report(view.bounds)
        listed = tuple(library.outlets()) if outlets else None
        return SourcesAnswer(view, report, generation, listed)

    return work


def export_task(path: Path, text: str) -> Work:
    """A task writing a report's CSV to ``path``: None, or the problem."""

    def work(_library: Library) -> str | None:
        try:
            write_text(path, text)
        except OutputError as error:
            return messages.CANNOT_EXPORT.format(subject=error.subject, problem=error.problem)
        return None

    return work


class SourcesWindow(QDialog):
    """The sources report of the library or of the article on screen, as bars."""

    actorChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(messages.SOURCES_TITLE)
        self.setModal(False)
        self.resize(660, 820)
        self.library: Library | None = None
        self.article_id: int | None = None
        self.article_title = ""
        self.report: SourcesReport | None = None
        self.shown_view: SourcesView | None = None
        self._generation: int | None = None
        self._outlets_listed = False
        self.tasks = LibraryTasks(self, "dramatis-sources-reader")

        self.scope = QComboBox()
        self.scope.addItem(messages.SOURCES_OF_LIBRARY)
        self.scope.addItem(messages.SOURCES_OF_ARTICLE)
        self.scope.setToolTip(messages.SOURCES_SCOPE_TIP)
        self.filters = LibraryFilters()
        # Outlet and dates only: statements to check say nothing of who speaks.
        self.filters.to_check.hide()
        self.summary = plain_label()
        self.summary.setWordWrap(True)
        self.summary.setToolTip(messages.SOURCES_RULES_TIP)
        self.chart = SourcesChart()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(self.chart)
        column.addStretch(1)
        scroll.setWidget(holder)
        self.status = plain_label()
        self.export_button = QPushButton(messages.SOURCES_EXPORT)
        self.export_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.hide)

        top = QHBoxLayout()
        top.addWidget(plain_label(messages.SOURCES_OF))
        top.addWidget(self.scope)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)

        self.scope.currentIndexChanged.connect(lambda _index: self.refresh())
        self.filters.changed.connect(self.refresh)
        self.export_button.clicked.connect(self.export_csv)
        self.chart.actorChosen.connect(self.actorChosen)
        self._asked = 0
        self._counting = QTimer(self)
        self._counting.setSingleShot(True)
        self._counting.setInterval(0)
        self._counting.timeout.connect(self._count)
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._ask_generation)
        self._update_scope()

    # -- what is counted ---------------------------------------------------------------------

    def open_for(self, library: Library | None, article_id: int | None, title: str) -> None:
        """Show the window on ``library``, knowing the article on screen, and count."""
        if library is not self.library:
            self._outlets_listed = False
        self.library = library
        self.show_article(article_id, title)
        self.show()
        self.raise_()
        self.activateWindow()
        self.refresh()

    def show_article(self, article_id: int | None, title: str = "") -> None:
        """The article on screen changed (None: none, or not stored)."""
        changed = article_id != self.article_id
        self.article_id = article_id
        self.article_title = bounded(one_line(title), NAME_LIMIT)
        self._update_scope()
        if changed and self.isVisible() and self.counting_article():
            self.refresh()

    def counting_article(self) -> bool:
        return self.scope.currentIndex() == 1 and self.article_id is not None

    def _update_scope(self) -> None:
        item = self.scope.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(self.article_id is not None)
        if self.article_id is None and self.scope.currentIndex() == 1:
            self.scope.setCurrentIndex(0)
        self.filters.setEnabled(not self.counting_article())

    def view(self) -> SourcesView:
        if self.counting_article():
            return SourcesView(article_id=self.article_id)
        return SourcesView(bounds=self.filters.bounds())

    def refresh(self) -> None:
        """Count again, on the reader thread, what the window is set to count: once for
        every change made in one go (the two dates of a range are one count)."""
        self._update_scope()
        self._counting.start()

    def _count(self) -> None:
        if self.library is None:
            self.summary.setText(messages.SOURCES_NO_LIBRARY)
            self.chart.set_report(None)
            return
        self.status.setText(messages.SOURCES_COUNTING)
        outlets = not self._outlets_listed
        self._asked += 1
        asked = self._asked
        self.tasks.run_on(
            "sources",
            self.library,
            # Read on the reader thread: a plain int, set only here.
            sources_task(self.view(), outlets, lambda: self._asked == asked),
            self._on_answer,
            self._on_failed,
        )

    def _on_answer(self, answer: SourcesAnswer | None) -> None:
        if answer is None or answer.view != self.view():
            return  # the filters moved meanwhile: their own count follows
        if answer.outlets is not None:
            self.filters.set_outlets(answer.outlets)
            self._outlets_listed = True
        self._generation = answer.generation
        self.report, self.shown_view = answer.report, answer.view
        self.summary.setText(self._summary(answer.report))
        self.chart.set_report(answer.report)
        self.export_button.setEnabled(answer.report.sources > 0)
        self.status.setText("")

    def _on_failed(self, subject: str, problem: str) -> None:
        self.status.setText(messages.LIBRARY_PROBLEM.format(subject=subject, problem=problem))

    def _summary(self, report: SourcesReport) -> str:
        if not report.sources:
            what = self.article_title if report.article_id is not None else "these articles"
            return messages.SOURCES_NONE.format(what=what or "this article")
        share = report.direct_share or 0.0
        named = next((t.count for t in report.named if t.key == "named"), 0)
        if report.article_id is not None:
            return messages.SOURCES_ARTICLE_SUMMARY.format(
                title=self.article_title or "This article",
                sources=plural(report.sources, "source"),
                named=named,
                statements=plural(report.statements, "statement"),
                direct=f"{share:.0%}",
            )
        return messages.SOURCES_SUMMARY.format(
            sources=plural(report.sources, "source"),
            articles=plural(report.articles, "article"),
            named=named,
            unnamed=report.sources - named,
            statements=plural(report.statements, "statement"),
            direct=f"{share:.0%}",
        )

    # -- keeping up with the library ---------------------------------------------------------

    def _ask_generation(self) -> None:
        if self.library is not None and not self.tasks.busy("sources"):
            self.tasks.run_on("generation", self.library, generation_task(), self._on_generation)

    def _on_generation(self, generation: int) -> None:
        if self._generation is not None and generation != self._generation:
            self._outlets_listed = False
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.poll.start()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.poll.stop()
        super().hideEvent(event)

    # -- export ------------------------------------------------------------------------------

    def export_csv(self) -> Path | None:
        """Export as CSV…: the report on screen, to a file the reader chooses."""
        if self.report is None or self.library is None:
            return None
        name, _ = QFileDialog.getSaveFileName(
            self, messages.SOURCES_EXPORT_TITLE, str(Path.home() / "sources.csv"), CSV_FILTER
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        text = report_csv(self.report)
        self.tasks.run_on(
            "export",
            self.library,
            export_task(path, text),
            lambda problem: self.status.setText(
                problem or messages.SOURCES_EXPORTED.format(name=path.name)
            ),
            self._on_failed,
        )
        return path

    def shutdown(self) -> None:
        """Stop polling and the reader thread (within about a second)."""
        self.poll.stop()
        self.tasks.shutdown()
