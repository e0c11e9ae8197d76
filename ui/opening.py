"""Showing what the reader asks for: files chosen in File > Open, and articles from the library.

A file goes to the analysis worker (``ui/analyses.py``); an article from the library is
shown from its stored analysis, without analysing it again, and may come with a span to
show (a statement chosen in Who said what) or the words searched for (a search hit). A bug
met on one stored article is logged and said in the banner, never fatal.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from reader.library import LibraryError
from ui import messages
from ui.style.safe_text import one_line
from ui.widgets.text_matches import search_words

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class Opener:
    """File > Open, the sample, and the library's articles, put on the window's screen."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def choose_files(self) -> None:
        """File > Open, in the folder it showed last."""
        window, settings = self.window, self.window.settings
        folder = settings.last_folder()
        start = folder if folder is not None and folder.is_dir() else Path.home()
        names, _ = QFileDialog.getOpenFileNames(
            window, "Open articles", str(start), messages.OPEN_FILTER
        )
        if names:
            settings.set_last_folder(Path(names[0]).parent)
            window.open_paths(names)

    def open_sample(self) -> None:
        from ui.sample import sample_article_path

        self.window.open_paths([sample_article_path()])

    def open_stored(self, article_id: int, span: tuple[int, int] | None = None) -> None:
        """Show an article from the library (stored analysis, no re-analysis)."""
        window = self.window
        if window.library is None:
            return
        try:
            analysis = window.library.analysis(article_id)
        except LibraryError as error:
            window.library_failed(error.subject, error.problem)
            return
        except Exception as error:  # a bug met on one stored article: never fatal
            self._cannot_show_stored(article_id, error)
            return
        # Anything still being analysed for display is no longer wanted.
        window.analyses.drop_all()
        try:
            window.show_analysis(analysis, article_id, note="from the library")
        except Exception as error:
            self._cannot_show_stored(article_id, error)
            return
        if span is not None:
            window.view.show_span(*span)
            quote = next(
                (i for i, q in enumerate(analysis.quotes) if (q.start, q.end) == span), None
            )
            if quote is not None:
                window.actors.select_statement(quote)

    def open_hit(self, article_id: int) -> None:
        """A search hit: the stored article, the words searched for marked, the first in view."""
        window = self.window
        self.open_stored(article_id)
        if window.article_id == article_id:
            window.view.show_matches(search_words(window.library_panel.searched_text()))

    def _cannot_show_stored(self, article_id: int, error: Exception) -> None:
        """A stored article could not be shown (a bug, met at start-up or on a click): the
        traceback goes to the log, the reader gets a message and an empty window, and the
        article is not remembered as the one to show at the next start."""
        log.exception("Showing article %d from the library failed", article_id)
        self.window.clear_article()
        problem = messages.UNEXPECTED.format(detail=one_line(str(error)))
        self.window.banner.show_message(
            messages.CANNOT_SHOW_STORED.format(article_id=article_id, problem=problem)
        )
