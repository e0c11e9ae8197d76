"""A bug met in a Qt slot: logged with its traceback, told in one line, and survived.

Qt calls Python slots and event handlers from its own loop, so an exception one lets out
has no caller to reach; PySide hands it to ``sys.excepthook``, whose default prints it on a
stderr nobody sees (the app started from a menu), leaving the user with a window that
silently did nothing. ``ui/app.py`` installs ``install``'s hook at start: the traceback
goes to the log (the log file in the data folder, ``ui.app._configure_logging``) and the
window's banner says in one line what went wrong and where the details are; the window
goes on. Ctrl+C in a terminal still stops the app as before.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from ui import messages
from ui.style.safe_text import one_line

log = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install(tell: Callable[[str], None], log_file: Path) -> Hook:
    """Make ``sys.excepthook`` log a bug and ``tell`` the user in one line where the details
    are (``log_file``); returns the hook."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("A bug in the window", exc_info=(kind, error, trace))
        detail = one_line(f"{kind.__name__}: {error}")
        try:
            tell(messages.BUG_IN_WINDOW.format(detail=detail, log=log_file))
        except Exception:  # telling must not raise in turn: the log has the bug already
            log.exception("Telling the user of a bug failed")

    sys.excepthook = hook
    return hook
