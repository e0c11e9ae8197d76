"""Entry point of the desktop reader: ``dramatis-gui [FILE…]`` (``ui.app:main``).

Opens the files given; with none, what the last run left on screen (``ui/settings.py``), or
on the very first run (no settings yet) the article opened most recently or, with an empty
library, the bundled sample article. With no display to draw on, or on a Qt binding known
to crash the window (``ui.binding``), it says so in one line and exits with status 2
before the window is made. A bug met in a slot once the window is up is logged and told
in the window's banner (``ui/excepthook.py``), never a silent crash.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.library import LibraryError, log_path
from ui import messages
from ui.sample import SAMPLE_NAME, sample_article_path

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["SAMPLE_NAME", "has_display", "main", "sample_article_path"]

EXIT_NO_DISPLAY = 2
#: The Qt binding is one the window cannot run on (``ui.binding``).
EXIT_BAD_BINDING = 2


def has_display(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt can open a window: always off X11/Wayland systems, else DISPLAY is needed."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if env.get("QT_QPA_PLATFORM"):
        return True
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="dramatis-gui", description="Read a news article and see who is in it."
    )
    parser.add_argument("files", nargs="*", type=Path, help="articles to open")
    parser.add_argument("--data-dir", type=Path, help="where the library is kept")
    return parser.parse_args(list(argv))


def _configure_logging(data_dir: Path | None) -> None:
    """Warnings and tracebacks of unexpected errors go to stderr and to the log file."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    try:
        path = log_path(data_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(path, encoding="utf-8"))
    except OSError:
        pass  # an unwritable data folder is reported by the library; stderr still logs
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
    )


def reopen_last(window: MainWindow) -> bool:
    """Show the article opened most recently, from the library; False when there is none."""
    if window.library is None:
        return False
    try:
        recent = window.library.articles(limit=1)
    except LibraryError:
        return False
    if not recent:
        return False
    window.open_stored(recent[0].id)
    return True


def open_at_start(window: MainWindow) -> str:
    """Show what a start without files shows; returns which: "remembered", "recent",
    "sample" or "nothing".

    The last article on screen comes back; if it is gone, the most recent one. The sample
    only opens on the very first run, with an empty library.
    """
    if window.reopen_remembered():
        return "remembered"
    remembered = window.settings.last_article()
    lost = remembered.article_id is not None or remembered.path is not None
    if (window.first_run or lost) and reopen_last(window):
        return "recent"
    if window.first_run:
        window.open_paths([sample_article_path()])
        return "sample"
    return "nothing"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the desktop reader; returns the exit status."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    if not has_display():
        print(messages.NO_DISPLAY, file=sys.stderr)
        return EXIT_NO_DISPLAY
    _configure_logging(args.data_dir)

    from ui import binding

    problem = binding.binding_problem()
    if problem is not None:
        refusal = messages.BAD_BINDING.format(problem=problem, tested=binding.TESTED)
        print(refusal, file=sys.stderr)
        if not sys.stderr.isatty():  # started from a menu or a file manager
            binding.show_refusal(refusal)
        return EXIT_BAD_BINDING

    # The analysis process imports spaCy and loads the model while the window is made.
    from reader.analysis_process import shared_process

    shared_process().start_loading()

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from ui import excepthook
    from ui.bundle import resource_path
    from ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Dramatis")
    app.setDesktopFileName("dramatis")
    app.setWindowIcon(QIcon(str(resource_path("dramatis.svg"))))
    files = list(args.files)

    def at_start(shown: MainWindow) -> None:
        """After the first paint: the files given, or what a start without files shows."""
        if files:
            shown.open_paths(files)
        else:
            open_at_start(shown)

    window = MainWindow(data_dir=args.data_dir, at_start=at_start)
    # A bug in a slot is logged and told in the banner; the window goes on.
    excepthook.install(window.banner.show_message, log_path(args.data_dir))
    app.installEventFilter(window)
    app.aboutToQuit.connect(window.shutdown)
    window.show()  # the library and the first file open after its first paint
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
