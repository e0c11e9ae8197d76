"""The window's views beyond the article: the Sources window, Who said what for one actor,
finding in the article or the library, an actor chosen from the text, and the theme.

The Sources window (``ui/sources_window.py``) is made the first time View > Sources… asks
for it (and imported then) and from then on follows the article on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from reader.model import Analysis
from ui.on_screen import article_title
from ui.style.colors import current_theme

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.sources_window import SourcesWindow


class Views:
    """What the window shows besides the article: other panels and windows, and finding."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.sources_window: SourcesWindow | None = None

    def show_said(self, name: str) -> None:
        """Who said what, for the actor called ``name``."""
        self.window.tabs.setCurrentWidget(self.window.said)
        self.window.said.show_actor(name)

    def show_sources(self) -> SourcesWindow:
        """View > Sources…: who gets to speak, in the library and the article on screen."""
        window = self.window
        if self.sources_window is None:
            from ui.sources_window import SourcesWindow  # its charts: when first asked for

            self.sources_window = SourcesWindow(window)
            self.sources_window.actorChosen.connect(self.show_said)
            window.articleShown.connect(self._sources_follow)
        title = article_title(window.analysis) if window.analysis is not None else ""
        self.sources_window.open_for(window.library, window.article_id, title)
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
        if focus is not None and self.window.library_panel.isAncestorOf(focus):
            self.focus_search()
        else:
            self.window.find_bar.open_bar()

    def focus_search(self) -> None:
        panel = self.window.library_panel
        self.window.tabs.setCurrentWidget(panel)
        panel.query.setFocus()
        panel.query.selectAll()

    def select_actor(self, actor_id: str) -> None:
        """An actor's name was clicked in the text: mark it there and choose it in the cast."""
        self.window.view.mark_actor(actor_id)
        select = getattr(self.window.actors, "select_actor", None)
        if select is not None:
            select(actor_id)

    def apply_theme(self, *_scheme: object) -> None:
        """Colour the article, the cast and the legend for the theme in use."""
        theme = current_theme()
        self.window.view.set_theme(theme)
        self.window.actors.set_theme(theme)
        self.window.legend.set_theme(theme)

    def shutdown(self) -> None:
        if self.sources_window is not None:
            self.sources_window.shutdown()
