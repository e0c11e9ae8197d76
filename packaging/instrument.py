"""Opt-in instrumentation of the app, for the import trace and the start-up benchmark.

Nothing here runs unless an environment variable asks for it:

- ``DRAMATIS_TRACE=FILE`` writes, when the process exits, what it used: the Python modules
  imported (with their files), the shared libraries mapped (``/proc/self/maps``) and every
  file opened through Python (an audit hook). ``packaging/trace.py`` reads these.
- ``DRAMATIS_TIMING=1`` prints ``dramatis-timing EVENT SECONDS`` lines on standard error,
  SECONDS being wall-clock time since the epoch: ``python-started`` (the launcher runs),
  ``window-shown`` (first paint of the article view), ``text-shown`` (first paint with
  the article's text in it) and ``analysis-shown`` (first paint with highlights).
  ``bench/frozen_start.py`` reads them.
- ``DRAMATIS_QUIT_WHEN_IDLE=1`` quits the desktop app once an article is shown and nothing
  is being opened or analysed any more.
"""

from __future__ import annotations

import atexit
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

TRACE_ENV = "DRAMATIS_TRACE"
TIMING_ENV = "DRAMATIS_TIMING"
QUIT_ENV = "DRAMATIS_QUIT_WHEN_IDLE"
TIMING_PREFIX = "dramatis-timing"
_IDLE_POLL_MS = 100

#: The probe lives as long as the process.
_keep: list[Any] = []


def wanted(env: dict[str, str] | None = None) -> bool:
    """Whether any instrumentation was asked for."""
    env = dict(os.environ) if env is None else env
    return any(env.get(name) for name in (TRACE_ENV, TIMING_ENV, QUIT_ENV))


def install(gui: bool, started: float) -> None:
    """Start whatever the environment asks for (call before the app starts).

    ``started``: when Python began running the launcher (``time.time()``).
    """
    trace = os.environ.get(TRACE_ENV)
    if trace:
        _start_trace(Path(trace))
    if os.environ.get(TIMING_ENV):
        _print_mark("python-started", started)
    if gui and (os.environ.get(TIMING_ENV) or os.environ.get(QUIT_ENV)):
        _prepare_gui_probe()


def _print_mark(event: str, when: float) -> None:
    print(f"{TIMING_PREFIX} {event} {when:.4f}", file=sys.stderr, flush=True)


# -- import trace -------------------------------------------------------------------------------


def _start_trace(output: Path) -> None:
    opened: set[str] = set()

    def audit(event: str, args: tuple[Any, ...]) -> None:
        if event == "open" and args and isinstance(args[0], str | bytes | os.PathLike):
            opened.add(os.fsdecode(args[0]))

    sys.addaudithook(audit)
    atexit.register(_write_trace, output, opened)


def _mapped_files() -> list[str]:
    """Every file mapped into the process: shared libraries and memory-mapped data."""
    try:
        lines = Path("/proc/self/maps").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    paths = {line.split(None, 5)[5] for line in lines if len(line.split(None, 5)) == 6}
    return sorted(p for p in paths if p.startswith("/"))


def _module_files() -> dict[str, str | None]:
    return {
        name: getattr(module, "__file__", None)
        for name, module in sorted(sys.modules.copy().items())
        if module is not None
    }


def _write_trace(output: Path, opened: set[str]) -> None:
    document = {
        "argv": sys.argv,
        "frozen": bool(getattr(sys, "frozen", False)),
        "root": getattr(sys, "_MEIPASS", None),
        "modules": _module_files(),
        "mapped": _mapped_files(),
        "opened": sorted(opened),
    }
    output.write_text(json.dumps(document, indent=1), encoding="utf-8")


# -- desktop app probe ------------------------------------------------------------------------


def _prepare_gui_probe() -> None:
    """Create the application early so the probe sees the first paint of the window."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    probe = _make_probe(bool(os.environ.get(TIMING_ENV)), bool(os.environ.get(QUIT_ENV)))
    app.installEventFilter(probe)
    _keep.append(probe)


def _make_probe(timing: bool, quit_when_idle: bool) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.main_window import MainWindow
    from ui.widgets.article_view import ArticleView

    class Probe(QObject):
        """Watches paints of the article view; quits when the window is idle."""

        def __init__(self) -> None:
            super().__init__()
            self.seen: set[str] = set()
            self.timer = QTimer(self)
            self.timer.setInterval(_IDLE_POLL_MS)
            self.timer.timeout.connect(self._check_idle)
            if quit_when_idle:
                self.timer.start()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                view = watched.parent()
                if isinstance(view, ArticleView):
                    self._painted(view)
            return False

        def _painted(self, view: ArticleView) -> None:
            self._mark("window-shown")
            if not view.document().isEmpty():
                self._mark("text-shown")
            if view.analysis is not None and view.analysis.entities:
                # Reported once this paint has been done and flushed to the screen.
                QTimer.singleShot(0, lambda: self._mark("analysis-shown"))

        def _mark(self, event: str) -> None:
            if event in self.seen:
                return
            self.seen.add(event)
            if timing:
                _print_mark(event, time.time())

        def _check_idle(self) -> None:
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
            if windows and windows[0].analysis is not None and not windows[0].is_busy():
                self.timer.stop()
                QTimer.singleShot(_IDLE_POLL_MS, windows[0].close)

    return Probe()
