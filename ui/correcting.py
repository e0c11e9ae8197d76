"""The window's side of correcting the cast: store a correction, show its result, undo.

``CastEditor`` hears the Cast panel's gestures (``ui.widgets.cast_corrections``), stores
each correction in the library with ``Library.correct`` and puts the corrected analysis the
library hands back on screen, at the same reading position. Edit > Undo Correction (Ctrl+Z)
undoes the latest correction in effect for the article on screen. A correction is a few
small writes on the window's own library connection: quick enough for the GUI thread for
one article; a library-wide one writes every article with that actor again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from reader.corrections.operations import Change
from reader.library import LibraryError
from reader.model import Analysis
from reader.output.words import change_description
from ui import messages
from ui.widgets.cast_corrections import CastCorrections

if TYPE_CHECKING:
    from reader.library import Library


class _Window(Protocol):
    """What the editor needs of the main window."""

    library: Library | None
    article_id: int | None
    analysis: Analysis | None

    def show_analysis(
        self, analysis: Analysis, article_id: int | None = None, note: str = ""
    ) -> None: ...

    def keep_position(self) -> int: ...

    def restore_position(self, offset: int) -> None: ...

    def refresh_library(self) -> None: ...


class CastEditor(QObject):
    """Store corrections from the Cast panel and show what they change."""

    #: A message for the status bar once a correction or an undo is shown.
    corrected = Signal(str)
    #: A correction could not be made: the message says why.
    failed = Signal(str)

    def __init__(self, window: _Window, gestures: CastCorrections) -> None:
        super().__init__(gestures)
        self.window = window
        self.gestures = gestures
        gestures.correctionRequested.connect(self.correct)
        gestures.undoRequested.connect(self.undo)

    def _target(self) -> tuple[Library, int] | None:
        library, article_id = self.window.library, self.window.article_id
        if library is None or article_id is None or library.read_only:
            problem = "the library is read-only" if library is not None else "no library"
            if library is not None and article_id is None:
                problem = "it was not saved"
            self.failed.emit(messages.CORRECTION_NEEDS_LIBRARY.format(problem=problem))
            return None
        return library, article_id

    def correct(self, change: Change, everywhere: bool = False) -> bool:
        """Store ``change`` (for every article, or the one on screen) and show the result."""
        target = self._target()
        if target is None:
            return False
        library, article_id = target
        try:
            library.correct(change, None if everywhere else article_id)
        except LibraryError as error:
            self.failed.emit(error.problem)
            return False
        where = messages.CORRECTION_EVERYWHERE if everywhere else messages.CORRECTION_HERE
        self._show_again(library, article_id)
        self.corrected.emit(messages.CORRECTED.format(what=change_description(change), where=where))
        return True

    def undo(self) -> bool:
        """Undo the latest correction in effect for the article on screen."""
        target = self._target()
        if target is None:
            return False
        library, article_id = target
        try:
            latest = next((c for c in library.corrections(article_id) if c.undone is None), None)
            if latest is None:
                self.corrected.emit(messages.NOTHING_TO_UNDO)
                return False
            library.undo_correction(latest.id)
        except LibraryError as error:
            self.failed.emit(error.problem)
            return False
        self._show_again(library, article_id)
        self.corrected.emit(
            messages.CORRECTION_UNDONE.format(what=change_description(latest.change))
        )
        return True

    def undo_text(self) -> str:
        """What Undo would undo, in words, or "" (for the menu)."""
        library, article_id = self.window.library, self.window.article_id
        if library is None or article_id is None:
            return ""
        try:
            latest = next((c for c in library.corrections(article_id) if c.undone is None), None)
        except LibraryError:
            return ""
        return change_description(latest.change) if latest is not None else ""

    def _show_again(self, library: Library, article_id: int) -> None:
        position = self.window.keep_position()
        panel = self.gestures.panel
        chosen = self.gestures.actor_of(panel.tree.currentItem())
        scrolled = panel.scroll_position()
        analysis = library.analysis(article_id)
        self.window.show_analysis(analysis, article_id)
        self.window.restore_position(position)
        panel.set_scroll_position(scrolled)  # the Cast where the reader was
        # The actor the reader was correcting stays chosen, if it is still there.
        again = next((a for a in analysis.actors if chosen and a.name == chosen.name), None)
        if again is not None:
            panel.select_actor(again.id)
        self.window.refresh_library()
