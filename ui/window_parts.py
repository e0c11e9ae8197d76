"""The parts of the main window and how they are wired to each other.

The left column (banner, heading, the article, find bar, legend), the tabs beside it (Cast,
Library, Who said what), the status bar, and what listens to what between them: a click
on a statement in the text chooses it in the cast, the cast's gestures are stored as
corrections (``ui/correcting.py``), the Review menu's ``Reviewer`` and the exporter. The
window's actions and menus are ``ui/actions.py`` and ``ui/menus.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from ui import messages
from ui.correcting import CastEditor
from ui.export import Exporter
from ui.panel_zoom import PanelZoom
from ui.reviewing import Reviewer
from ui.style.safe_text import plain_label
from ui.widgets.actors_panel import ActorsPanel
from ui.widgets.analysis_progress import AnalysisProgress
from ui.widgets.article_view import ArticleView
from ui.widgets.banner import Banner
from ui.widgets.cast_corrections import CastCorrections
from ui.widgets.eliding_label import ElidingLabel
from ui.widgets.find_bar import FindBar
from ui.widgets.legend import Legend, connect_legend
from ui.widgets.library_panel import LibraryPanel
from ui.widgets.said_panel import SaidPanel

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_parts(w: MainWindow) -> None:
    """Make the window's widgets, lay them out and connect them."""
    w.banner = Banner()
    w.heading = plain_label()
    w.heading.setWordWrap(True)
    font = w.heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    w.heading.setFont(font)
    w.meta = plain_label()
    w.meta.setWordWrap(True)
    w.meta.setStyleSheet("color: gray")
    w.heading.hide()  # until an article is shown
    w.meta.hide()
    w.view = ArticleView()
    w.view.setPlaceholderText(
        "Drop an article here, or use File > Open (text, Markdown, HTML, PDF, Word)."
    )
    w.find_bar = FindBar(w.view)
    w.legend = Legend()
    left = QWidget()
    column = QVBoxLayout(left)
    column.setContentsMargins(8, 8, 4, 4)
    column.setSpacing(4)
    column.addWidget(w.banner)
    column.addWidget(w.heading)
    column.addWidget(w.meta)
    column.addWidget(w.find_bar)
    column.addWidget(w.view, 1)
    column.addWidget(w.legend)

    w.actors = ActorsPanel()
    w.library_panel = LibraryPanel()
    w.said = SaidPanel()
    w.tabs = QTabWidget()
    w.tabs.addTab(w.actors, "Cast")
    w.tabs.addTab(w.library_panel, "Library")
    w.tabs.addTab(w.said, "Who said what")
    # View > Zoom is for the panels too, not only the text.
    w.panel_zoom = PanelZoom([w.tabs, w.legend], [w.actors.refit])
    w.view.zoomChanged.connect(w.panel_zoom.apply)

    w.splitter = QSplitter(Qt.Orientation.Horizontal)
    w.splitter.addWidget(left)
    w.splitter.addWidget(w.tabs)
    w.splitter.setStretchFactor(0, 3)
    w.splitter.setStretchFactor(1, 2)
    w.splitter.setSizes([760, 520])
    w.setCentralWidget(w.splitter)

    w.status_text = ElidingLabel()
    #: Always names what is on screen; status_text says what just happened.
    w.on_screen = plain_label(messages.NOTHING_ON_SCREEN)
    w.busy = AnalysisProgress()
    w.busy.hide()
    w.busy.cancelRequested.connect(lambda: w.cancel_analysis())
    w.statusBar().addWidget(w.status_text, 1)
    w.statusBar().addPermanentWidget(w.busy)
    w.statusBar().addPermanentWidget(w.on_screen)

    w.cast_gestures = CastCorrections(w.actors)
    w.cast_editor = CastEditor(w, w.cast_gestures)
    w.cast_editor.corrected.connect(w.status_text.setText)
    w.cast_editor.failed.connect(lambda problem: w.banner.show_message(problem))
    w.actors.statementChosen.connect(w.view.show_quote)
    w.actors.saidAcrossLibraryRequested.connect(w.show_said)
    w.view.statementClicked.connect(w.actors.select_statement)
    w.view.statementShown.connect(w.actors.select_statement)
    w.view.actorClicked.connect(w._select_actor)
    # Until the Cast panel reports the actor chosen in it, nothing is marked from there.
    actor_selected = getattr(w.actors, "actorSelected", None)
    if actor_selected is not None:
        actor_selected.connect(w.view.mark_actor)
    connect_legend(w.legend, w.view)
    w.library_panel.articleChosen.connect(w._open_hit)
    w.library_panel.failed.connect(w.library_failed)
    w.library_panel.libraryChanged.connect(w._on_articles_removed_or_back)
    w.said.statementOpened.connect(
        lambda article_id, start, end: w.open_stored(article_id, (start, end))
    )
    w.said.failed.connect(w.library_failed)
    w.said.exported.connect(w.status_text.setText)
    w.exporter = Exporter(w)
    w.exporter.exported.connect(w.status_text.setText)
    w.exporter.failed.connect(w.banner.show_message)
    w.reviewer = Reviewer(w, w.cast_editor, w.view, w.actors, w.said.results, w.settings)
    w.reviewer.reported.connect(w.status_text.setText)
    filters = w.library_panel.filters
    filters.set_check_threshold(w.view.check_threshold())
    w.reviewer.thresholdChanged.connect(filters.set_check_threshold)
