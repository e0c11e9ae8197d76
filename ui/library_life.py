"""The library's life in the window: opening it, a damaged or replaced one, read-only, closing.

The window works without a library: a library that cannot be opened is said so in the
banner, with an offer where there is one (start a fresh library beside a damaged or
emptied one, or keep a replaced one as it is), and articles are still shown, unsaved. The
window holds the library in use (``window.library``); this module alone decides which one,
and tells the worker and the panels when it changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import reader.library
from reader.library import CorruptLibraryError, LibraryError, LostLibraryError
from ui import messages

if TYPE_CHECKING:
    from reader.library import Library
    from ui.main_window import MainWindow


class LibraryLife:
    """Open, replace and close the window's library, and say what went wrong."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def open(self) -> None:
        """Open the library of the data folder, or say why not (the window goes on without)."""
        window, banner = self.window, self.window.banner
        try:
            window.library = reader.library.open_library(window.data_dir)
        except CorruptLibraryError as error:
            window.library = None
            banner.show_message(
                messages.LIBRARY_CORRUPT_OFFER.format(subject=error.subject),
                "warning",
                messages.START_FRESH,
                self.start_fresh,
            )
        except LostLibraryError as error:
            # Emptied or replaced: the reader may start a new one; the file is kept aside.
            window.library = None
            if error.emptied:
                offer, button, action = (
                    messages.LIBRARY_LOST_OFFER,
                    messages.START_FRESH,
                    self.start_fresh,
                )
            else:
                offer, button, action = (
                    messages.LIBRARY_CHANGED_OFFER,
                    messages.KEEP_AS_IS,
                    self.keep_as_is,
                )
            banner.show_message(
                offer.format(subject=error.subject, what=error.what), "warning", button, action
            )
        except LibraryError as error:
            window.library = None
            banner.show_message(
                messages.LIBRARY_NOT_SAVING.format(subject=error.subject, problem=error.problem),
                "warning",
            )
        else:
            if window.library.read_only:
                banner.show_message(
                    messages.LIBRARY_NOT_SAVING.format(
                        subject=window.library.path, problem="the library is read-only"
                    ),
                    "warning",
                )
        window.library_panel.set_library(window.library)
        window.said.set_library(window.library)

    def start_fresh(self) -> None:
        """Keep the damaged library file aside and start an empty one."""
        try:
            library, aside = reader.library.start_fresh(self.window.data_dir)
        except LibraryError as error:
            self.failed(error.subject, error.problem)
            return
        self.use(library)
        self.window.banner.show_message(messages.FRESH_STARTED.format(aside=aside), "info")

    def keep_as_is(self) -> None:
        """Take a replaced library file, or an older copy, as the library from now on."""
        try:
            done = reader.library.keep_library(self.window.data_dir)
            library = reader.library.open_library(self.window.data_dir)
        except LibraryError as error:
            self.failed(error.subject, error.problem)
            return
        self.use(library)
        self.window.banner.show_message(done[:1].upper() + done[1:] + ".", "info")

    def use(self, library: Library) -> None:
        """Work with ``library`` from now on: the window, the worker and the panels."""
        window = self.window
        if window.library is not None:
            window.library.close()
        window.library = library
        window.analyses.library_replaced()
        window.library_panel.set_library(library)
        window.said.set_library(library)

    def failed(self, subject: str, problem: str) -> None:
        """A library read or write failed: the banner says so, the window goes on."""
        self.window.banner.show_message(
            messages.LIBRARY_PROBLEM.format(subject=subject, problem=problem)
        )

    def articles_changed(self) -> None:
        """Articles were removed from the Library tab, or put back: Who said what reads the
        library again, and the article on screen is saved only while it is there."""
        window = self.window
        window.said.refresh()
        if window.analysis is None or window.library is None:
            return
        try:
            window.article_id = window.library.find(window.analysis.article.sha256)
        except LibraryError:
            window.article_id = None

    def close(self) -> None:
        """The panels let go of the library, then it closes (the window is quitting)."""
        window = self.window
        window.library_panel.library = None
        window.said.library = None
        if window.library is not None:
            window.library.close()
            window.library = None
