"""The main window: the article, its cast, the library, and the one way to open files.

``open_paths`` serves every way a file arrives (drop, File > Open, command line, Open
Recent, the system's "open with" event). Analysis runs on the worker thread; the window
only shows the immutable results that come back and drops those of jobs it no longer
wants. Problems are shown in the banner (``show_error``), never in a blocking dialog, and
the window stays usable without a library.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFileOpenEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.library import (
    CorruptLibraryError,
    Library,
    LibraryError,
    LostLibraryError,
    NoSuchArticleError,
    keep_library,
    open_library,
    start_fresh,
)
from reader.model import Analysis, Article
from reader.output.article_titles import display_title
from reader.output.words import plural
from ui import messages
from ui.about import ShortcutsDialog, about_html
from ui.bundle import resource_path
from ui.correcting import CastEditor
from ui.export import Exporter
from ui.panel_zoom import PanelZoom
from ui.reviewing import Reviewer
from ui.sample import is_sample
from ui.settings import LastArticle, Settings
from ui.sources_window import SourcesWindow
from ui.style.colors import current_theme
from ui.style.safe_text import (
    LINE_LIMIT,
    NAME_LIMIT,
    menu_entry,
    menu_text,
    one_line,
    plain_label,
    tooltip,
    window_title,
)
from ui.style.themes import ThemeChoice, theme_switcher
from ui.widgets.actors_panel import ActorsPanel
from ui.widgets.analysis_progress import AnalysisProgress
from ui.widgets.article_view import ArticleView
from ui.widgets.banner import Banner
from ui.widgets.cast_corrections import CastCorrections
from ui.widgets.eliding_label import ElidingLabel
from ui.widgets.find_bar import FindBar
from ui.widgets.legend import Legend, connect_legend
from ui.widgets.library_panel import LibraryPanel, hit_title
from ui.widgets.said_panel import SaidPanel
from ui.widgets.text_matches import search_words
from ui.worker import MODEL_JOB, AnalysisWorker, Opened

log = logging.getLogger(__name__)

APP_TITLE = "Dramatis"
_RECENT_LIMIT = 12
#: Quitting waits this long for a running analysis to stop at its next check.
QUIT_WAIT_MS = 1000
#: Characters of the title at most in the status bar's account of what is on screen.
ON_SCREEN_TITLE = 80


def article_title(analysis: Analysis) -> str:
    """What the window calls the article: ``reader.output.article_titles.display_title``, on one
    line and cut at ``LINE_LIMIT`` (a stored title may be any length)."""
    article = analysis.article
    if article.title and len(article.title) > 8 * LINE_LIMIT:
        # Only its start is read (``display_title`` would go through all of it, word by
        # word), unless that start is blank.
        start = one_line(article.title)
        if start.strip("… "):
            return start
    return one_line(display_title(article))


def opening_name(path: Path) -> str:
    """What a file is called while it opens (its title is not known yet): the sample by
    its title, another file by its name."""
    return messages.SAMPLE_TITLE if is_sample(path) else path.name


def on_screen_text(analysis: Analysis) -> str:
    """The status bar's account of what is shown: title · words · statements · actors."""
    words = len(analysis.article.text.split())
    return " · ".join(
        [
            one_line(article_title(analysis), ON_SCREEN_TITLE),
            plural(words, "word"),
            plural(len(analysis.quotes), "statement"),
            plural(len(analysis.actors), "actor"),
        ]
    )


def _key_sequences(keys: tuple[QKeySequence.StandardKey | str, ...]) -> list[QKeySequence]:
    """The shortcuts of an action, each once (a standard key may equal a listed one)."""
    found: list[QKeySequence] = []
    for key in keys:
        sequences = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        found += [k for k in sequences if not k.isEmpty() and k not in found]
    return found


class MainWindow(QMainWindow):
    """One article at a time, with its cast, and the library beside it."""

    #: Queued to the worker: (job id, path).
    jobRequested = Signal(int, str)
    modelRequested = Signal()
    libraryReplaced = Signal()
    #: Emitted after an analysis is on screen: (analysis, library id or -1).
    articleShown = Signal(object, int)

    def __init__(self, data_dir: str | Path | None = None) -> None:
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
        self._next_job = 1
        self._shown_job = 0
        self._batch: set[int] = set()
        self._busy_jobs: set[int] = set()
        self._shown_name = ""
        #: Results were stored since the panels were last refreshed (once per batch).
        self._unrefreshed = False
        self._model_busy = False
        self._started = False
        self._stopped = False
        self._pending_span: tuple[int, int] | None = None
        #: Jobs whose results arrived after the user had asked for something else.
        self.dropped_jobs: list[int] = []

        self.settings = Settings()
        #: No settings saved yet: the very first run (the sample is shown only then).
        self.first_run = self.settings.is_first_run()
        self._build_widgets()
        self._build_menus()
        self._start_worker()
        self._open_library()
        self._update_export_actions()
        self._restore_settings()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme)

    # -- construction -----------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.banner = Banner()
        self.heading = plain_label()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.meta = plain_label()
        self.meta.setWordWrap(True)
        self.meta.setStyleSheet("color: gray")
        self.heading.hide()  # until an article is shown
        self.meta.hide()
        self.view = ArticleView()
        self.view.setPlaceholderText(
            "Drop an article here, or use File > Open (text, Markdown, HTML, PDF, Word)."
        )
        self.find_bar = FindBar(self.view)
        self.legend = Legend()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(8, 8, 4, 4)
        column.setSpacing(4)
        column.addWidget(self.banner)
        column.addWidget(self.heading)
        column.addWidget(self.meta)
        column.addWidget(self.find_bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.legend)

        self.actors = ActorsPanel()
        self.library_panel = LibraryPanel()
        self.said = SaidPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.actors, "Cast")
        self.tabs.addTab(self.library_panel, "Library")
        self.tabs.addTab(self.said, "Who said what")
        # View > Zoom is for the panels too, not only the text.
        self.panel_zoom = PanelZoom([self.tabs, self.legend], [self.actors.refit])
        self.view.zoomChanged.connect(self.panel_zoom.apply)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        self.setCentralWidget(self.splitter)

        self.status_text = ElidingLabel()
        #: Always names what is on screen; status_text says what just happened.
        self.on_screen = plain_label(messages.NOTHING_ON_SCREEN)
        self.busy = AnalysisProgress()
        self.busy.hide()
        self.busy.cancelRequested.connect(self.cancel_analysis)
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.on_screen)
        # Esc stops the analysis; enabled only while one runs, so Esc is free otherwise.
        self.cancel_action = QAction(messages.CANCEL, self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setEnabled(False)
        self.cancel_action.triggered.connect(self.cancel_analysis)
        self.addAction(self.cancel_action)

        self.cast_gestures = CastCorrections(self.actors)
        self.cast_editor = CastEditor(self, self.cast_gestures)
        self.cast_editor.corrected.connect(self.status_text.setText)
        self.cast_editor.failed.connect(lambda problem: self.banner.show_message(problem))
        self.actors.statementChosen.connect(self.view.show_quote)
        self.actors.saidAcrossLibraryRequested.connect(self.show_said)
        self.view.statementClicked.connect(self.actors.select_statement)
        self.view.statementShown.connect(self.actors.select_statement)
        self.view.actorClicked.connect(self._select_actor)
        # Until the Cast panel reports the actor chosen in it, nothing is marked from there.
        actor_selected = getattr(self.actors, "actorSelected", None)
        if actor_selected is not None:
            actor_selected.connect(self.view.mark_actor)
        connect_legend(self.legend, self.view)
        self.library_panel.articleChosen.connect(self._open_hit)
        self.library_panel.failed.connect(self._library_failed)
        self.library_panel.libraryChanged.connect(self._on_articles_removed_or_back)
        self.said.statementOpened.connect(
            lambda article_id, start, end: self.open_stored(article_id, (start, end))
        )
        self.said.failed.connect(self._library_failed)
        self.said.exported.connect(self.status_text.setText)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_files)
        file_menu.addAction(open_action)
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addMenu(self.recent_menu)
        sample = QAction("Open the &Sample Article", self)
        sample.triggered.connect(self._open_sample)
        file_menu.addAction(sample)
        self._add_export_actions(file_menu)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self._build_edit_menu()
        view_menu = self.menuBar().addMenu("&View")
        self.legend_action = QAction("Show &Legend", self, checkable=True, checked=True)
        self.legend_action.toggled.connect(self.legend.setVisible)
        view_menu.addAction(self.legend_action)
        find_text = QAction("&Find in the Article", self)
        find_text.setShortcut(QKeySequence.StandardKey.Find)
        find_text.triggered.connect(self.find_in_article)
        view_menu.addAction(find_text)
        find = QAction("Search the &Library", self)
        find.setShortcut(QKeySequence("Ctrl+Shift+F"))
        find.triggered.connect(self._focus_search)
        view_menu.addAction(find)
        self.sources_window: SourcesWindow | None = None
        sources = QAction("&Sources…", self)
        sources.setToolTip("Who gets to speak: the sources of the library and of this article")
        sources.triggered.connect(self.show_sources)
        view_menu.addAction(sources)
        self._build_reading_actions(view_menu)
        self._build_zoom_actions(view_menu)
        self._build_theme_menu(view_menu)
        self.reviewer = Reviewer(
            self, self.cast_editor, self.view, self.actors, self.said.results, self.settings
        )
        self.reviewer.reported.connect(self.status_text.setText)
        filters = self.library_panel.filters
        filters.set_check_threshold(self.view.check_threshold())
        self.reviewer.thresholdChanged.connect(filters.set_check_threshold)
        self.reviewer.build_menu(self.menuBar())
        self._build_help_menu()

    def _build_zoom_actions(self, view_menu: QMenu) -> None:
        """View > Zoom In/Out/Reset; the view keeps the reading position."""
        view_menu.addSeparator()
        zooms = (
            ("Zoom &In", (QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="), "zoom_in"),
            ("Zoom &Out", (QKeySequence.StandardKey.ZoomOut, "Ctrl+-"), "zoom_out"),
            ("&Reset Zoom", ("Ctrl+0",), "reset_zoom"),
        )
        self.zoom_actions: dict[str, QAction] = {}
        for text, keys, name in zooms:
            action = QAction(text, self)
            action.setShortcuts(_key_sequences(keys))
            action.triggered.connect(lambda _checked=False, n=name: getattr(self.view, n)())
            view_menu.addAction(action)
            self.zoom_actions[name] = action

    def _build_theme_menu(self, view_menu: QMenu) -> None:
        """View > Theme: System, Light or Dark, one at a time."""
        menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        self.theme_actions: dict[ThemeChoice, QAction] = {}
        for choice, text in (
            (ThemeChoice.SYSTEM, "&System"),
            (ThemeChoice.LIGHT, "&Light"),
            (ThemeChoice.DARK, "&Dark"),
        ):
            action = QAction(text, self, checkable=True)
            action.setChecked(choice is ThemeChoice.SYSTEM)
            action.triggered.connect(lambda _checked=False, c=choice: self.set_theme_choice(c))
            self.theme_group.addAction(action)
            menu.addAction(action)
            self.theme_actions[choice] = action

    def _build_edit_menu(self) -> None:
        """Edit > Undo Correction (Ctrl+Z): the latest correction to the cast on screen."""
        menu = self.menuBar().addMenu("&Edit")
        self.undo_correction_action = QAction("&Undo Correction", self)
        self.undo_correction_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_correction_action.triggered.connect(self.cast_editor.undo)
        menu.addAction(self.undo_correction_action)
        menu.aboutToShow.connect(self._name_undo)
        # Every correction and undo shows the article again: this names what Undo undoes.
        self.articleShown.connect(self._name_undo)

    def _name_undo(self, *_changed: object) -> None:
        what = self.cast_editor.undo_text()
        self.cast_gestures.undo_text = what  # the Cast menu's Undo, for this article
        self.undo_correction_action.setText(
            "&Undo " + menu_text(what, NAME_LIMIT) if what else "&Undo Correction"
        )
        self.undo_correction_action.setEnabled(bool(what))

    def keep_position(self) -> int:
        """The reading position, kept across showing a corrected analysis."""
        return self.view.first_visible_offset()

    def restore_position(self, offset: int) -> None:
        self.view.finish_drawing()
        self.view.scroll_to_top_at(offset)

    def refresh_library(self) -> None:
        self._refresh_library()

    def _build_help_menu(self) -> None:
        menu = self.menuBar().addMenu("&Help")
        shortcuts = QAction("&Keyboard Shortcuts", self)
        shortcuts.setShortcut(QKeySequence("Ctrl+/"))
        shortcuts.triggered.connect(self.show_shortcuts)
        menu.addAction(shortcuts)
        about = QAction("&About Dramatis", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        menu.addAction(about)

    def show_about(self) -> None:
        """Help > About: versions of the app, the analysis and the model, and its licence."""
        QMessageBox.about(self, messages.ABOUT_TITLE, about_html())

    def show_shortcuts(self) -> ShortcutsDialog:
        """Help > Keyboard Shortcuts: every action with a key, listed from the actions."""
        dialog = ShortcutsDialog(self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def _build_reading_actions(self, view_menu: QMenu) -> None:
        """View > Next/Previous Statement and Hide All Highlights."""
        view_menu.addSeparator()
        steps = (
            ("&Next Statement", ("]", "Alt+Down"), self.view.next_statement),
            ("&Previous Statement", ("[", "Alt+Up"), self.view.previous_statement),
        )
        for text, keys, slot in steps:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False, step=slot: step())
            view_menu.addAction(action)
        self.hide_highlights_action = QAction("&Hide All Highlights", self, checkable=True)
        self.hide_highlights_action.toggled.connect(
            lambda hidden: self.view.set_highlights_shown(not hidden)
        )
        self.view.highlightsChanged.connect(
            lambda: self.hide_highlights_action.setChecked(not self.view.highlights_shown())
        )
        view_menu.addAction(self.hide_highlights_action)

    def _add_export_actions(self, file_menu: QMenu) -> None:
        self.exporter = Exporter(self)
        self.exporter.exported.connect(self.status_text.setText)
        self.exporter.failed.connect(self.banner.show_message)
        file_menu.addSeparator()
        self.export_action = QAction("&Export…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.setToolTip("Save this article as a web page, Markdown or JSON")
        self.export_action.triggered.connect(self.export_article)
        file_menu.addAction(self.export_action)
        self.export_library_action = QAction("Export &Library Statements…", self)
        self.export_library_action.triggered.connect(self.export_library)
        file_menu.addAction(self.export_library_action)
        file_menu.aboutToShow.connect(self._update_export_actions)
        self.articleShown.connect(self._update_export_actions)
        self._update_export_actions()

    def _update_export_actions(self, *_shown: object) -> None:
        """Export needs an analysed article on screen; the library export, a library."""
        self.export_action.setEnabled(self.analysis is not None)
        self.export_library_action.setEnabled(self.library is not None)

    def export_article(self) -> None:
        """File > Export…: the analysis on screen (as corrected), in a format chosen."""
        if self.analysis is not None:
            self.exporter.export_analysis(self.analysis)

    def export_library(self) -> None:
        """File > Export Library Statements…: every statement as CSV, off the GUI thread."""
        if self.library is not None:
            self.exporter.export_library(self.library)

    def _start_worker(self) -> None:
        self.thread_ = QThread(self)
        self.thread_.setObjectName("dramatis-analysis")
        self.worker = AnalysisWorker(self.data_dir)
        self.worker.moveToThread(self.thread_)
        self.jobRequested.connect(self.worker.open_path)
        self.modelRequested.connect(self.worker.load_model)
        self.libraryReplaced.connect(self.worker.reopen_library)
        # ``finished`` is emitted on the worker thread, so the library closes where it lives.
        self.thread_.finished.connect(self.worker.shutdown, Qt.ConnectionType.DirectConnection)
        self.worker.articleRead.connect(self._on_article_read)
        self.worker.analysed.connect(self._on_analysed)
        self.worker.failed.connect(self._on_failed)
        self.worker.announced.connect(self._on_announced)
        self.worker.progressed.connect(self._on_parse_progress)
        self.worker.cancelled.connect(self._on_cancelled)
        self.worker.modelLoaded.connect(self._on_model_loaded)
        self.thread_.start()

    def _open_library(self) -> None:
        try:
            self.library = open_library(self.data_dir)
        except CorruptLibraryError as error:
            self.library = None
            self.banner.show_message(
                messages.LIBRARY_CORRUPT_OFFER.format(subject=error.subject),
                "warning",
                messages.START_FRESH,
                self.start_fresh_library,
            )
        except LostLibraryError as error:
            # Emptied or replaced: the reader may start a new one; the file is kept aside.
            self.library = None
            if error.emptied:
                offer, button, action = (
                    messages.LIBRARY_LOST_OFFER,
                    messages.START_FRESH,
                    self.start_fresh_library,
                )
            else:
                offer, button, action = (
                    messages.LIBRARY_CHANGED_OFFER,
                    messages.KEEP_AS_IS,
                    self.keep_library_as_is,
                )
            self.banner.show_message(
                offer.format(subject=error.subject, what=error.what), "warning", button, action
            )
        except LibraryError as error:
            self.library = None
            self.banner.show_message(
                messages.LIBRARY_NOT_SAVING.format(subject=error.subject, problem=error.problem),
                "warning",
            )
        else:
            if self.library.read_only:
                self.banner.show_message(
                    messages.LIBRARY_NOT_SAVING.format(
                        subject=self.library.path, problem="the library is read-only"
                    ),
                    "warning",
                )
        self.library_panel.set_library(self.library)
        self.said.set_library(self.library)

    def start_fresh_library(self) -> None:
        """Keep the damaged library file aside and start an empty one."""
        try:
            library, aside = start_fresh(self.data_dir)
        except LibraryError as error:
            self._library_failed(error.subject, error.problem)
            return
        self._use_library(library)
        self.banner.show_message(messages.FRESH_STARTED.format(aside=aside), "info")

    def keep_library_as_is(self) -> None:
        """Take a replaced library file, or an older copy, as the library from now on."""
        try:
            done = keep_library(self.data_dir)
            library = open_library(self.data_dir)
        except LibraryError as error:
            self._library_failed(error.subject, error.problem)
            return
        self._use_library(library)
        self.banner.show_message(done[:1].upper() + done[1:] + ".", "info")

    def _use_library(self, library: Library) -> None:
        """Work with ``library`` from now on: the window, the worker and the panels."""
        if self.library is not None:
            self.library.close()
        self.library = library
        self.libraryReplaced.emit()
        self.library_panel.set_library(library)
        self.said.set_library(library)

    def library_is_empty(self) -> bool:
        if self.library is None:
            return True
        try:
            return self.library.count() == 0
        except LibraryError:
            return True

    # -- opening ------------------------------------------------------------------------------

    def open_paths(self, paths: Iterable[str | Path]) -> list[int]:
        """Open files: the first is shown, the others are added to the library.

        Every earlier request still waiting is dropped. Returns the job ids, first = shown.
        """
        chosen = [Path(p) for p in paths]
        if not chosen:
            return []
        jobs = list(range(self._next_job, self._next_job + len(chosen)))
        self._next_job += len(chosen)
        # Earlier jobs are skipped, and the one running stops at its next check.
        self.worker.floor = jobs[0]
        self._shown_job = jobs[0]
        self._shown_name = opening_name(chosen[0])
        self._batch = set(jobs)
        self._busy_jobs = set(jobs)
        self._pending_span = None
        for job, path in zip(jobs, chosen, strict=True):
            self.jobRequested.emit(job, str(path))
        self._update_busy(messages.OPENING.format(name=self._shown_name))
        return jobs

    def choose_files(self) -> None:
        """File > Open, in the folder it showed last."""
        folder = self.settings.last_folder()
        start = folder if folder is not None and folder.is_dir() else Path.home()
        names, _ = QFileDialog.getOpenFileNames(
            self, "Open articles", str(start), messages.OPEN_FILTER
        )
        if names:
            self.settings.set_last_folder(Path(names[0]).parent)
            self.open_paths(names)

    def open_stored(self, article_id: int, span: tuple[int, int] | None = None) -> None:
        """Show an article from the library (stored analysis, no re-analysis)."""
        if self.library is None:
            return
        try:
            analysis = self.library.analysis(article_id)
        except LibraryError as error:
            self._library_failed(error.subject, error.problem)
            return
        except Exception as error:  # a bug met on one stored article: never fatal
            self._cannot_show_stored(article_id, error)
            return
        # Anything still being analysed for display is no longer wanted.
        self.worker.floor = self._next_job
        self._shown_job = -1
        self._busy_jobs.clear()
        self._update_busy("")
        try:
            self.show_analysis(analysis, article_id, note="from the library")
        except Exception as error:
            self._cannot_show_stored(article_id, error)
            return
        if span is not None:
            self.view.show_span(*span)
            quote = next(
                (i for i, q in enumerate(analysis.quotes) if (q.start, q.end) == span), None
            )
            if quote is not None:
                self.actors.select_statement(quote)

    def _open_hit(self, article_id: int) -> None:
        """A search hit: the stored article, the words searched for marked, the first in view."""
        self.open_stored(article_id)
        if self.article_id == article_id:
            self.view.show_matches(search_words(self.library_panel.searched_text()))

    def _select_actor(self, actor_id: str) -> None:
        """An actor's name was clicked in the text: mark it there and choose it in the cast."""
        self.view.mark_actor(actor_id)
        select = getattr(self.actors, "select_actor", None)
        if select is not None:
            select(actor_id)

    def _open_sample(self) -> None:
        from ui.sample import sample_article_path

        self.open_paths([sample_article_path()])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        articles = []
        if self.library is not None:
            try:
                articles = self.library.articles(limit=_RECENT_LIMIT)
            except LibraryError as error:
                self._library_failed(error.subject, error.problem)
        for stored in articles:
            label = hit_title(stored.title, stored.source, stored.id)
            action = menu_entry(self.recent_menu, label)
            source = Path(stored.source) if stored.source else None
            if source is not None and source.exists():
                action.setToolTip(tooltip(str(source)))
                action.triggered.connect(lambda _c=False, p=source: self.open_paths([p]))
            else:
                # The file moved or came from elsewhere: the library still has it.
                action.triggered.connect(lambda _c=False, i=stored.id: self.open_stored(i))
        if not articles:
            self.recent_menu.addAction("No articles yet").setEnabled(False)

    # -- results --------------------------------------------------------------------------------

    def _on_article_read(self, job: int, article: Article) -> None:
        """The text as soon as it is read; highlights and cast follow with the analysis."""
        if job != self._shown_job:
            return
        preview = Analysis(article)
        title = article_title(preview)
        self.analysis = None  # until the analysis arrives
        self.article_id = None
        self._update_export_actions()
        self.setWindowTitle(window_title(f"{APP_TITLE} — {title}"))
        self.heading.setText(title)
        self.heading.show()
        self.meta.hide()
        self.view.show_analysis(preview, current_theme())
        self.find_bar.refresh()
        self.actors.show_analysis(preview, current_theme())
        self.on_screen.setText(one_line(title, ON_SCREEN_TITLE))
        self._shown_name = title

    def _on_analysed(self, job: int, opened: Opened) -> None:
        self._busy_jobs.discard(job)
        if job not in self._batch:
            log.debug("Dropped the stale result of job %d", job)
            self.dropped_jobs.append(job)
            self._update_busy("")
            return
        name = article_title(opened.analysis)
        if opened.saved:
            self._unrefreshed = True  # the panels refresh once the batch is done
        if job == self._shown_job:
            note = "from the library" if opened.was_stored else (opened.note or "")
            self.show_analysis(opened.analysis, opened.article_id, note=note)
            if opened.note:
                self.banner.show_message(f"{opened.path}: {opened.note}", "warning")
            if opened.copy_of is not None:
                message = messages.KEPT_AS_COPY.format(original=opened.copy_of)
            elif opened.was_stored:
                message = messages.SHOWN_STORED.format(name=name)
            elif opened.saved:
                message = messages.SHOWN_NEW.format(name=name)
            else:
                message = messages.SHOWN_NOT_SAVED.format(name=name)
        else:
            message = messages.ADDED_TO_LIBRARY.format(name=name)
        self._update_busy(message)

    def _on_failed(self, job: int, subject: str, problem: str) -> None:
        self._busy_jobs.discard(job)
        if job == MODEL_JOB:
            self._model_busy = False
            self.banner.show_message(messages.MODEL_PROBLEM.format(problem=problem))
        elif job in self._batch:
            self.show_error(subject, problem)
        self._update_busy("")

    def _on_announced(self, job: int, message: str) -> None:
        if job == MODEL_JOB:
            self._model_busy = True
        elif job not in self._batch:
            return
        self._update_busy(message)

    def _on_parse_progress(self, job: int, done: int, total: int) -> None:
        if job not in self._batch or job not in self._busy_jobs:
            return
        self.busy.show_progress(done, total)
        self.status_text.setText(
            messages.ANALYSIS_PROGRESS.format(done=done, total=plural(total, "paragraph"))
        )

    def cancel_analysis(self) -> None:
        """Stop what is being opened (Esc, Cancel): the text stays, without highlights."""
        if not self._busy_jobs:
            return
        self.worker.floor = self._next_job  # every job asked for so far
        for job in self._busy_jobs:
            self.worker.cancel(job)
        cancelled_shown = self._shown_job in self._busy_jobs
        self._busy_jobs.clear()
        self._batch = set()  # a result finishing meanwhile is dropped, not shown
        self._update_busy("")
        if cancelled_shown:
            self.status_text.setText(messages.ANALYSIS_CANCELLED.format(name=self._shown_name))

    def _on_cancelled(self, job: int) -> None:
        """The worker stopped ``job`` when asked (it was cancelled, or replaced)."""
        self._busy_jobs.discard(job)
        self._update_busy("")

    def _on_model_loaded(self) -> None:
        self._model_busy = False
        self._update_busy(messages.MODEL_READY if not self._busy_jobs else "")

    def _update_busy(self, message: str) -> None:
        if message:
            self.status_text.setText(message)
        self.busy.setVisible(self._model_busy or bool(self._busy_jobs))
        self.busy.set_cancellable(bool(self._busy_jobs))
        self.cancel_action.setEnabled(bool(self._busy_jobs))
        if not self._busy_jobs:
            self.busy.show_busy()
            if self._unrefreshed:
                self._unrefreshed = False
                self._refresh_library()

    def is_busy(self) -> bool:
        return self._model_busy or bool(self._busy_jobs)

    def _refresh_library(self) -> None:
        self.library_panel.refresh()
        self.said.refresh()

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
        article = analysis.article
        parts = [
            one_line(str(article.source), 2 * LINE_LIMIT) if article.source else "",
            one_line(article.outlet or ""),
            one_line(article.byline or ""),
            one_line(article.published or ""),
            ", ".join(
                [plural(len(analysis.names), "name"), plural(len(analysis.quotes), "statement")]
            ),
            note,
        ]
        self.meta.setText(" · ".join(p for p in parts if p))
        self.heading.show()
        self.meta.show()
        self.view.show_analysis(analysis, theme)
        self.find_bar.refresh()
        self.actors.show_analysis(analysis, theme)
        self.on_screen.setText(on_screen_text(analysis))
        self.articleShown.emit(analysis, -1 if article_id is None else article_id)

    # -- errors -----------------------------------------------------------------------------------

    def show_error(self, subject: str, problem: str) -> None:
        """The one place a problem with a file reaches the user: a non-blocking banner."""
        self.banner.show_message(messages.CANNOT_OPEN.format(subject=subject, problem=problem))
        self.status_text.setText(messages.CANNOT_OPEN.format(subject=subject, problem=problem))

    def _on_articles_removed_or_back(self) -> None:
        """Articles were removed from the Library tab, or put back: Who said what reads the
        library again, and the article on screen is saved only while it is there."""
        self.said.refresh()
        if self.analysis is None or self.library is None:
            return
        try:
            self.article_id = self.library.find(self.analysis.article.sha256)
        except LibraryError:
            self.article_id = None

    def _library_failed(self, subject: str, problem: str) -> None:
        self.banner.show_message(messages.LIBRARY_PROBLEM.format(subject=subject, problem=problem))

    def _cannot_show_stored(self, article_id: int, error: Exception) -> None:
        """A stored article could not be shown (a bug, met at start-up or on a click): the
        traceback goes to the log, the reader gets a message and an empty window, and the
        article is not remembered as the one to show at the next start."""
        log.exception("Showing article %d from the library failed", article_id)
        self.clear_article()
        problem = messages.UNEXPECTED.format(detail=one_line(str(error)))
        self.banner.show_message(
            messages.CANNOT_SHOW_STORED.format(article_id=article_id, problem=problem)
        )

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
        self._update_export_actions()

    # -- other views ------------------------------------------------------------------------------

    def show_said(self, name: str) -> None:
        self.tabs.setCurrentWidget(self.said)
        self.said.show_actor(name)

    def show_sources(self) -> SourcesWindow:
        """View > Sources…: who gets to speak, in the library and the article on screen."""
        if self.sources_window is None:
            self.sources_window = SourcesWindow(self)
            self.sources_window.actorChosen.connect(self.show_said)
            self.articleShown.connect(self._sources_follow)
        title = article_title(self.analysis) if self.analysis is not None else ""
        self.sources_window.open_for(self.library, self.article_id, title)
        return self.sources_window

    def _sources_follow(self, analysis: Analysis, article_id: int) -> None:
        """The Sources window knows the article on screen (a stored one: its id)."""
        if self.sources_window is not None:
            stored = article_id if article_id > 0 else None
            self.sources_window.show_article(stored, article_title(analysis))

    def find_in_article(self) -> None:
        """Ctrl+F: find in the article, or, from inside the library tab, search the library
        (which keeps its own Ctrl+F there; Ctrl+Shift+F reaches it from anywhere)."""
        focus = QApplication.focusWidget()
        if focus is not None and self.library_panel.isAncestorOf(focus):
            self._focus_search()
        else:
            self.find_bar.open_bar()

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.library_panel)
        self.library_panel.query.setFocus()
        self.library_panel.query.selectAll()

    def _on_color_scheme(self, _scheme: object) -> None:
        self.apply_theme()

    def apply_theme(self) -> None:
        theme = current_theme()
        self.view.set_theme(theme)
        self.actors.set_theme(theme)
        self.legend.set_theme(theme)

    # -- events -----------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._started:
            self._started = True
            # After the first paint: the window appears at once, the model loads behind it.
            QTimer.singleShot(0, self.modelRequested.emit)

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

    # -- settings ---------------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        """Put back what the last run left: window, splitter, legend, zoom, theme, highlights."""
        settings = self.settings
        geometry, splitter = settings.geometry(), settings.splitter()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.legend_action.setChecked(settings.legend_shown())
        self.view.set_zoom_steps(settings.zoom())
        self.view.set_hidden_highlights(settings.hidden_highlights())
        self.view.set_highlights_shown(settings.highlights_shown())
        choice = ThemeChoice.parse(settings.theme())
        if choice is not ThemeChoice.SYSTEM:
            self.set_theme_choice(choice)
        # Saved as they change: each is a few bytes.
        self.view.zoomChanged.connect(settings.set_zoom)
        self.view.highlightsChanged.connect(
            lambda: settings.set_highlights(
                self.view.hidden_highlights(), self.view.highlights_shown()
            )
        )
        self.legend_action.toggled.connect(settings.set_legend_shown)

    def save_settings(self) -> None:
        """Remember the window and what is on screen (also done when the window closes)."""
        settings = self.settings
        settings.save_window(self.saveGeometry(), self.splitter.saveState())
        settings.set_legend_shown(self.legend_action.isChecked())
        settings.set_zoom(self.view.zoom_steps())
        settings.set_highlights(self.view.hidden_highlights(), self.view.highlights_shown())
        settings.set_theme(self.theme_choice().value)
        settings.set_last_article(*self._on_screen_article())
        settings.sync()

    def _on_screen_article(self) -> tuple[int | None, Path | None]:
        if self.article_id is not None:
            return self.article_id, None
        source = self.analysis.article.source if self.analysis is not None else None
        return None, source

    def reopen_remembered(self) -> bool:
        """Show the article the last run left on screen; False when there is none to show."""
        last: LastArticle = self.settings.last_article()
        if last.article_id is not None and self.library is not None:
            try:
                self.library.article(last.article_id)
            except NoSuchArticleError:
                return False
            except LibraryError as error:  # damaged: say so rather than start empty-handed
                self._library_failed(error.subject, error.problem)
                return False
            self.open_stored(last.article_id)
            return self.article_id == last.article_id
        if last.path is not None and last.path.is_file():
            self.open_paths([last.path])
            return True
        return False

    def theme_choice(self) -> ThemeChoice:
        return next((c for c, a in self.theme_actions.items() if a.isChecked()), ThemeChoice.SYSTEM)

    def set_theme_choice(self, choice: ThemeChoice) -> None:
        """View > Theme: restyle the application and re-colour every highlight."""
        self.theme_actions[choice].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme_switcher(app).apply(choice)
        self.settings.set_theme(choice.value)
        self.apply_theme()

    def shutdown(self) -> None:
        """Stop the worker thread and close the library, within about a second.

        A running analysis stops at its next check (between parse batches, a fraction of
        a second apart); the window is hidden first, so quitting looks immediate.
        """
        if self._stopped:
            return
        self._stopped = True
        self.save_settings()
        self.hide()
        self.worker.floor = 1 << 62
        self.thread_.quit()
        if not self.thread_.wait(QUIT_WAIT_MS):
            log.warning("The analysis did not stop within a second; waiting for it")
            self.thread_.wait()
        self.library_panel.shutdown()
        self.said.shutdown()
        self.exporter.shutdown()
        if self.sources_window is not None:
            self.sources_window.shutdown()
        self.library_panel.library = None
        self.said.library = None
        if self.library is not None:
            self.library.close()
            self.library = None
