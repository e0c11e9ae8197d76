"""What the window remembers between runs: putting it back at start, saving it on the way out.

The keys and defaults are ``ui/settings.py``'s; this module reads them into the window
(size, splitter, legend, zoom, theme, highlights) and writes the window's state back,
with the article on screen to show again at the next start (``reopen_remembered``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from reader.library import LibraryError, NoSuchArticleError
from ui.settings import LastArticle
from ui.style.themes import ThemeChoice, theme_switcher

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class WindowState:
    """The window's remembered state, restored and saved through its ``Settings``."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.settings = window.settings

    def restore(self) -> None:
        """Put back what the last run left: window, splitter, legend, zoom, theme, highlights."""
        window, settings, view = self.window, self.settings, self.window.view
        legend = window.commands["legend"]
        geometry, splitter = settings.geometry(), settings.splitter()
        if geometry is not None:
            window.restoreGeometry(geometry)
        if splitter is not None:
            window.splitter.restoreState(splitter)
        legend.setChecked(settings.legend_shown())
        view.set_zoom_steps(settings.zoom())
        view.set_hidden_highlights(settings.hidden_highlights())
        view.set_highlights_shown(settings.highlights_shown())
        choice = ThemeChoice.parse(settings.theme())
        if choice is not ThemeChoice.SYSTEM:
            self.set_theme(choice)
        # Saved as they change: each is a few bytes.
        view.zoomChanged.connect(settings.set_zoom)
        view.highlightsChanged.connect(
            lambda: settings.set_highlights(view.hidden_highlights(), view.highlights_shown())
        )
        legend.toggled.connect(settings.set_legend_shown)

    def save(self) -> None:
        """Remember the window and what is on screen (also done when the window closes)."""
        window, settings, view = self.window, self.settings, self.window.view
        settings.save_window(window.saveGeometry(), window.splitter.saveState())
        settings.set_legend_shown(window.commands["legend"].isChecked())
        settings.set_zoom(view.zoom_steps())
        settings.set_highlights(view.hidden_highlights(), view.highlights_shown())
        settings.set_theme(window.commands.theme_choice().value)
        settings.set_last_article(*self._on_screen_article())
        settings.sync()

    def _on_screen_article(self) -> tuple[int | None, Path | None]:
        window = self.window
        if window.article_id is not None:
            return window.article_id, None
        source = window.analysis.article.source if window.analysis is not None else None
        return None, source

    def reopen_remembered(self) -> bool:
        """Show the article the last run left on screen; False when there is none to show."""
        window = self.window
        last: LastArticle = self.settings.last_article()
        if last.article_id is not None and window.library is not None:
            try:
                window.library.article(last.article_id)
            except NoSuchArticleError:
                return False
            except LibraryError as error:  # damaged: say so rather than start empty-handed
                window.library_failed(error.subject, error.problem)
                return False
            window.open_stored(last.article_id)
            return window.article_id == last.article_id
        if last.path is not None and last.path.is_file():
            window.open_paths([last.path])
            return True
        return False

    def set_theme(self, choice: ThemeChoice) -> None:
        """View > Theme: restyle the application and re-colour every highlight."""
        self.window.commands.themes[choice].setChecked(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme_switcher(app).apply(choice)
        self.settings.set_theme(choice.value)
        self.window.apply_theme()
