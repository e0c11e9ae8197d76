"""The main window: the article, its cast, the library, and the one way to open files.

``open_paths`` serves every way a file arrives (drop, File > Open, command line, Open
Recent, the system's "open with" event). Analysis runs on the worker thread; the window
only shows the immutable results that come back and drops those of jobs it no longer
wants. Problems are shown in the banner (``show_error``), never in a blocking dialog, and
the window stays usable without a library.

The window is put together from parts, each in its own module: its widgets
(``ui/window_parts.py``), actions (``ui/actions.py``) and menus (``ui/menus.py``), the
analyses it asks for and the jobs they are (``ui/analyses.py``, ``ui/jobs.py``), opening
(``ui/opening.py``), the library's life (``ui/library_life.py``), what it remembers
between runs (``ui/window_state.py``) and its other views (``ui/views.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFileOpenEvent,
    QGuiApplication,
    QIcon,
)
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)

from reader.model import Analysis, Article
from ui import messages
from ui.about import ShortcutsDialog, about_html
from ui.actions import WindowActions
from ui.analyses import Analyses
from ui.bundle import resource_path
from ui.correcting import CastEditor
from ui.export import Exporter
from ui.first_paint import AfterFirstPaint
from ui.library_life import LibraryLife
from ui.menus import build_menus, fill_recent
from ui.on_screen import (
    APP_TITLE,
    ON_SCREEN_TITLE,
    article_title,
    meta_text,
    on_screen_text,
)
from ui.opening import Opener
from ui.panel_zoom import PanelZoom
from ui.reviewing import Reviewer
from ui.settings import Settings
from ui.style.colors import Theme, current_theme
from ui.style.safe_text import PlainLabel, one_line, window_title
from ui.views import Views
from ui.widgets.actors_panel import ActorsPanel
from ui.widgets.analysis_progress import AnalysisProgress
from ui.widgets.article_view import ArticleView
from ui.widgets.banner import Banner
from ui.widgets.cast_corrections import CastCorrections
from ui.widgets.eliding_label import ElidingLabel
from ui.widgets.find_bar import FindBar
from ui.widgets.legend import Legend
from ui.widgets.library_panel import LibraryPanel
from ui.widgets.said_panel import SaidPanel
from ui.window_parts import build_parts
from ui.window_state import WindowState
from ui.worker import Analyse

if TYPE_CHECKING:
    from reader.library import Library

log = logging.getLogger(__name__)

#: An analysis with more statements than this has its Cast made a moment after its text,
#: in a turn of the event loop of its own.
CAST_AT_ONCE = 300
#: How long after the text the long article's Cast is made (ms): long enough for the event
#: loop to paint and to run what waits in between, short enough not to be seen.
CAST_DELAY_MS = 30


def _part(part: str, name: str) -> Any:
    """An attribute of one of the window's parts, reached (and set) through the window: for
    those who ask the window (the app, the menus, tests)."""
    return property(
        lambda window: getattr(getattr(window, part), name),
        lambda window, value: setattr(getattr(window, part), name, value),
    )


class MainWindow(QMainWindow):
    """One article at a time, with its cast, and the library beside it."""

    #: Emitted after an analysis is on screen: (analysis, library id or -1).
    articleShown = Signal(object, int)

    # Made by ``build_parts`` (ui/window_parts.py).
    banner: Banner
    heading: PlainLabel
    meta: PlainLabel
    view: ArticleView
    find_bar: FindBar
    legend: Legend
    actors: ActorsPanel
    library_panel: LibraryPanel
    said: SaidPanel
    tabs: QTabWidget
    panel_zoom: PanelZoom
    splitter: QSplitter
    status_text: ElidingLabel
    on_screen: PlainLabel
    busy: AnalysisProgress
    cast_gestures: CastCorrections
    cast_editor: CastEditor
    exporter: Exporter
    reviewer: Reviewer
    # Its other parts, each in its own module.
    commands: WindowActions
    analyses: Analyses
    opener: Opener
    views: Views
    life: LibraryLife
    state: WindowState

    _shown_job = _part("jobs", "shown")
    _batch = _part("jobs", "batch")
    _busy_jobs = _part("jobs", "running")
    dropped_jobs = _part("jobs", "dropped")
    is_busy = _part("analyses", "is_busy")
    cancel_analysis = _part("analyses", "cancel")
    _on_analysed = _part("analyses", "on_analysed")
    _on_parse_progress = _part("analyses", "on_parse_progress")
    choose_files = _part("opener", "choose_files")
    open_sample = _part("opener", "open_sample")
    open_stored = _part("opener", "open_stored")
    _open_hit = _part("opener", "open_hit")
    reopen_remembered = _part("state", "reopen_remembered")
    save_settings = _part("state", "save")
    set_theme_choice = _part("state", "set_theme")
    start_fresh_library = _part("life", "start_fresh")
    keep_library_as_is = _part("life", "keep_as_is")
    theme_choice = _part("commands", "theme_choice")
    library_failed = _part("life", "failed")
    _on_articles_removed_or_back = _part("life", "articles_changed")
    sources_window = _part("views", "sources_window")
    show_sources = _part("views", "show_sources")
    show_said = _part("views", "show_said")
    find_in_article = _part("views", "find_in_article")
    focus_search = _part("views", "focus_search")
    _select_actor = _part("views", "select_actor")
    apply_theme = _part("views", "apply_theme")

    def __init__(
        self,
        data_dir: str | Path | None = None,
        *,
        analyse: Analyse | None = None,
        at_start: Callable[[MainWindow], object] | None = None,
    ) -> None:
        """``analyse`` replaces the NLP pipeline (tests that need no language model).

        ``at_start`` (the app's start): the library is opened only after the window's
        first paint, then ``at_start`` is called (it opens what the start shows) and the
        model loads behind it. Without it, the library opens here and the model loads
        once the window is shown.
        """
        super().__init__()
        self.data_dir = data_dir
        self.setWindowTitle(APP_TITLE)
        icon = resource_path("dramatis.svg")
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.analysis: Analysis | None = None
        self.article_id: int | None = None
        self.library: Library | None = None
        self._started = False
        self._stopped = False
        self.settings = Settings()
        #: No settings saved yet: the very first run (the sample is shown only then).
        self.first_run = self.settings.is_first_run()
        # The parts that only act when asked come first: the widgets are wired to them.
        self.opener, self.views, self.life = Opener(self), Views(self), LibraryLife(self)
        build_parts(self)
        self.commands = WindowActions(self)
        self.recent_menu = build_menus(self, self.commands)
        # The actions others ask the window for by name.
        named = self.commands
        self.cancel_action, self.export_action = named["cancel"], named["export"]
        self.export_library_action = named["export_library"]
        self.undo_correction_action = named["undo_correction"]
        self.legend_action, self.hide_highlights_action = named["legend"], named["hide_highlights"]
        self.zoom_actions, self.theme_actions = self.commands.zooms, self.commands.themes
        self.analyses = Analyses(self, analyse)
        self.jobs = self.analyses.jobs
        self._at_start = at_start
        if at_start is None:
            self.life.open()
        self.commands.update_export()
        self.state = WindowState(self)
        self.state.restore()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.views.apply_theme)

    # -- opening ------------------------------------------------------------------------------

    def open_paths(self, paths: Iterable[str | Path]) -> list[int]:
        """Open files: the first is shown, the others are added to the library.

        Every earlier request still waiting is dropped. Returns the job ids, first = shown.
        """
        chosen = [Path(p) for p in paths]
        return self.analyses.open_paths(chosen) if chosen else []

    def _fill_recent(self) -> None:
        fill_recent(self, self.recent_menu)

    # -- what is on screen ----------------------------------------------------------------------

    def show_preview(self, article: Article) -> str:
        """The text as soon as it is read, before its analysis; returns what it is called."""
        preview = Analysis(article)
        title = article_title(preview)
        self.analysis = None  # until the analysis arrives
        self.article_id = None
        self.commands.update_export()
        self.setWindowTitle(window_title(f"{APP_TITLE} — {title}"))
        self.heading.setText(title)
        self.heading.show()
        self.meta.hide()
        self.view.show_analysis(preview, current_theme())
        self.find_bar.refresh()
        self.actors.show_analysis(preview, current_theme())
        self.on_screen.setText(one_line(title, ON_SCREEN_TITLE))
        return title

    def show_analysis(
        self, analysis: Analysis, article_id: int | None = None, note: str = ""
    ) -> None:
        """Put an analysis on screen: text, heading, cast."""
        self.analysis = analysis
        self.article_id = article_id
        theme = current_theme()
        title = article_title(analysis)
        self.setWindowTitle(window_title(f"{APP_TITLE} — {title}"))
        self.heading.setText(title)
        self.meta.setText(meta_text(analysis, note))
        self.heading.show()
        self.meta.show()
        self.view.show_analysis(analysis, theme)
        self.find_bar.refresh()
        if len(analysis.quotes) > CAST_AT_ONCE:
            # A long article's Cast a moment later: the text's and the Cast's first
            # layouts in one turn held the window past 50 ms (bench/gui.py).
            QTimer.singleShot(CAST_DELAY_MS, lambda: self._show_cast(analysis, theme))
        else:
            self.actors.show_analysis(analysis, theme)
        self.on_screen.setText(on_screen_text(analysis))
        self.articleShown.emit(analysis, -1 if article_id is None else article_id)

    def _show_cast(self, analysis: Analysis, theme: Theme) -> None:
        """The Cast of ``analysis``, unless another article is on screen by now."""
        if self.analysis is analysis:
            self.actors.show_analysis(analysis, theme)

    # -- errors -----------------------------------------------------------------------------------

    def show_error(self, subject: str, problem: str) -> None:
        """The one place a problem with a file reaches the user: a non-blocking banner."""
        self.banner.show_message(messages.CANNOT_OPEN.format(subject=subject, problem=problem))
        self.status_text.setText(messages.CANNOT_OPEN.format(subject=subject, problem=problem))

    def clear_article(self) -> None:
        """Show no article: the window as it starts, empty."""
        self.analysis = None
        self.article_id = None
        self.setWindowTitle(APP_TITLE)
        self.heading.clear()
        self.meta.clear()
        self.heading.hide()
        self.meta.hide()
        self.view.clear_article()
        self.actors.clear_analysis()
        self.on_screen.setText(messages.NOTHING_ON_SCREEN)
        self.commands.update_export()

    # -- events -----------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._started:
            self._started = True
            if self._at_start is not None:
                AfterFirstPaint(self.view.viewport(), self._start)
            else:
                # After the first paint: the window appears at once, the model loads behind.
                QTimer.singleShot(0, self.analyses.load_model)

    def _start(self) -> None:
        """The window is on screen: open the library, then what the start shows, and load
        the model (queued after the first file is read, so its text shows first)."""
        if self._stopped or self._at_start is None:
            return
        self.life.open()
        self.commands.update_export()
        self._at_start(self)
        self.analyses.load_model()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The system's "open with" (installed on the application)."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            self.open_paths([event.file()])
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    # -- menus' other slots ------------------------------------------------------------------

    def show_about(self) -> None:
        """Help > About: versions of the app, the analysis and the model, and its licence."""
        QMessageBox.about(self, messages.ABOUT_TITLE, about_html())

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help > Keyboard Shortcuts: every action with a key, listed from the actions."""
        dialog = ShortcutsDialog(self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def export_article(self) -> None:
        """File > Export…: the analysis on screen (as corrected), in a format chosen."""
        if self.analysis is not None:
            self.exporter.export_analysis(self.analysis)

    def export_library(self) -> None:
        """File > Export Library Statements…: every statement as CSV, off the GUI thread."""
        if self.library is not None:
            self.exporter.export_library(self.library)

    def keep_position(self) -> int:
        """The reading position, kept across showing a corrected analysis."""
        return self.view.first_visible_offset()

    def restore_position(self, offset: int) -> None:
        self.view.finish_drawing()
        self.view.scroll_to_top_at(offset)

    def refresh_library(self) -> None:
        self.library_panel.refresh()
        self.said.refresh()

    def shutdown(self) -> None:
        """Stop the worker thread and close the library, within about a second.

        A running analysis stops at its next check (between parse batches, a fraction of
        a second apart); the window is hidden first, so quitting looks immediate.
        """
        if self._stopped:
            return
        self._stopped = True
        self.state.save()
        self.hide()
        self.analyses.shutdown()
        self.library_panel.shutdown()
        self.said.shutdown()
        self.exporter.shutdown()
        self.views.shutdown()
        self.life.close()
