"""Screenshots of the real window for the README: light, dark, and the Cast correction menu.

Run ``make screenshots`` (or ``.venv/bin/python tests/take_screenshots.py [FOLDER]``). It
starts Xvfb on a free display at 1280x800, runs the app as a user would
(``packaging/launcher.py`` with the sample article, a fresh library and fresh settings
choosing the theme), waits until the app reports its highlights painted
(``DRAMATIS_TIMING``), and saves the screen with ImageMagick's ``import``:

- ``light.png`` and ``dark.png``: the sample article in the light and the dark theme;
- ``corrections.png``: the Cast panel's context menu on the first actor, its Kind submenu
  open (light theme). With ``xdotool`` installed the menu is opened by a real right-click
  on the row; without it the app opens the same menu itself.

For the third shot the script runs itself inside the app (``--inside``): a small watcher
reports, on standard error, where the first Cast row is and when a menu has been painted.
Needs Xvfb and ImageMagick (as the tests under Xvfb do); exits 0 when all three are saved.
"""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from xvfb import start_xvfb, stop  # noqa: E402

SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"
LAUNCHER = ROOT / "packaging" / "launcher.py"
OUTPUT = ROOT / "docs" / "screenshots"
SCREEN = "1280x800x24"
#: How long to wait for the app at most: a guard against a hung app, not a measurement.
LIMIT = 180.0
#: What the watcher inside the app prints before each report.
MARK = "dramatis-screenshot"
#: The submenu opened in the correction shot.
SUBMENU = "Kind"


class AppFailed(RuntimeError):
    """The app ended, or never said what it was asked to."""


# -- the app, as a user starts it ---------------------------------------------------------------


def _environment(display: str, folder: Path, theme: str) -> dict[str, str]:
    """The app's environment: this display, and a library and settings of its own."""
    env = dict(os.environ)
    for name in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    settings = folder / "config" / "Dramatis"
    settings.mkdir(parents=True)
    # QSettings("Dramatis", "Dramatis") reads $XDG_CONFIG_HOME/Dramatis/Dramatis.conf.
    (settings / "Dramatis.conf").write_text(f"[view]\ntheme={theme}\n", encoding="utf-8")
    env.update(
        DISPLAY=display,
        XDG_CONFIG_HOME=str(folder / "config"),
        DRAMATIS_DATA_DIR=str(folder / "data"),
        DRAMATIS_TIMING="1",
    )
    return env


@contextmanager
def running(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    app = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield app
    finally:
        stop(app)


class Reports:
    """The app's standard error, line by line; a line is found even if it came early.

    A thread reads the lines as they come (``select`` on a buffered pipe can miss lines
    already read into its buffer).
    """

    def __init__(self, app: subprocess.Popen[str]) -> None:
        assert app.stderr is not None
        self.queue: queue.Queue[str] = queue.Queue()
        self.lines: list[str] = []
        #: Everything read, for the message when the app does not say what is awaited.
        self.read: list[str] = []
        threading.Thread(target=self._pump, args=(app.stderr,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.queue.put(line)
        self.queue.put("")  # the app has ended

    def wait_for(self, prefix: str) -> str:
        """The rest of the first line starting with ``prefix`` not asked for yet."""
        deadline = time.monotonic() + LIMIT
        while True:
            for n, line in enumerate(self.lines):
                if line.startswith(prefix):
                    del self.lines[n]
                    return line[len(prefix) :].strip()
            try:
                line = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AppFailed(f"the app never reported '{prefix}'{self._last()}") from None
            if not line:
                self.queue.put("")
                raise AppFailed(f"the app ended before '{prefix}'{self._last()}")
            self.lines.append(line)
            self.read.append(line)

    def _last(self) -> str:
        return "".join(["; it said:\n", *self.read[-8:]]) if self.read else ""


def grab(display: str, path: Path) -> None:
    subprocess.run(
        ["import", "-window", "root", str(path)],
        env={**os.environ, "DISPLAY": display},
        check=True,
        timeout=60,
    )


def theme_shot(display: str, theme: str, path: Path) -> None:
    """The sample article in ``theme``, once its highlights are on screen."""
    with tempfile.TemporaryDirectory() as folder:
        env = _environment(display, Path(folder), theme)
        with running([sys.executable, str(LAUNCHER), str(SAMPLE)], env) as app:
            Reports(app).wait_for("dramatis-timing analysis-shown")
            grab(display, path)


def corrections_shot(display: str, path: Path) -> None:
    """The Cast panel's menu on its first actor, the Kind submenu open."""
    xdotool = shutil.which("xdotool")
    with tempfile.TemporaryDirectory() as folder:
        env = _environment(display, Path(folder), "light")
        command = [sys.executable, __file__, "--inside"]
        if xdotool is None:
            command.append("--self-menu")
        with running([*command, str(SAMPLE)], env) as app:
            reports = Reports(app)
            reports.wait_for("dramatis-timing analysis-shown")
            x, y = reports.wait_for(f"{MARK} actor-row ").split()
            if xdotool:
                subprocess.run([xdotool, "mousemove", x, y, "click", "3"], env=env, check=True)
                x, y = reports.wait_for(f"{MARK} menu-item {SUBMENU} ").split()
                subprocess.run([xdotool, "mousemove", x, y], env=env, check=True)
            reports.wait_for(f"{MARK} menu-shown {SUBMENU}")
            grab(display, path)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--inside"]:
        return inside(argv[1:])
    output = Path(argv[0]) if argv else OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    for tool in ("Xvfb", "import"):
        if shutil.which(tool) is None:
            print(f"take_screenshots: {tool} is needed (Xvfb, ImageMagick)", file=sys.stderr)
            return 2
    server, display = start_xvfb(SCREEN)
    try:
        theme_shot(display, "light", output / "light.png")
        theme_shot(display, "dark", output / "dark.png")
        corrections_shot(display, output / "corrections.png")
    except AppFailed as problem:
        print(f"take_screenshots: {problem}", file=sys.stderr)
        return 1
    finally:
        server.terminate()
        server.wait(timeout=30)
    for name in ("light.png", "dark.png", "corrections.png"):
        print(output / name)
    return 0


# -- inside the app: where the first Cast row is, and when a menu is painted ---------------------


def _report(*words: object) -> None:
    print(MARK, *words, file=sys.stderr, flush=True)


def inside(argv: list[str]) -> int:
    """Run the app through its launcher, with a watcher for the correction shot."""
    self_menu = "--self-menu" in argv
    files = [a for a in argv if a != "--self-menu"]
    sys.path[:0] = [str(ROOT / "packaging"), str(ROOT)]
    from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    from ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])

    class Watcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done: set[str] = set()
            self.timer = QTimer(self)
            self.timer.setInterval(100)
            self.timer.timeout.connect(self.look)
            self.timer.start()

        def window(self) -> MainWindow | None:
            windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
            return windows[0] if windows else None

        def look(self) -> None:
            """Once the cast is on screen, say where its first actor row is."""
            window = self.window()
            if window is None or window.analysis is None or window.is_busy():
                return
            tree = window.actors.tree
            item = tree.topLevelItem(0)
            if item is None:
                return
            self.timer.stop()
            rect = tree.visualItemRect(item)
            if rect.isEmpty() or not tree.isVisible():
                return
            # Near the end of the name column: the menu opens leftwards, the name stays in view.
            spot = QPoint(tree.columnWidth(0) - 40, rect.center().y())
            where = tree.viewport().mapToGlobal(spot)
            _report("actor-row", where.x(), where.y())
            if self_menu:
                tree.setCurrentItem(item)  # as the right-click would
                menu = window.cast_gestures.menu_for(item)
                if menu is not None:
                    menu.popup(where)
                    QTimer.singleShot(0, lambda: self.open_submenu(menu))

        @staticmethod
        def open_submenu(menu: QMenu) -> None:
            for action in menu.actions():
                if action.menu() is not None and action.text() == SUBMENU:
                    menu.setActiveAction(action)
                    submenu = action.menu()
                    assert isinstance(submenu, QMenu)
                    box = menu.actionGeometry(action)
                    submenu.popup(menu.mapToGlobal(box.topRight()))

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QMenu):
                title = watched.title() or "menu"
                if title not in self.done:
                    self.done.add(title)
                    # Reported once this paint has been done and flushed to the screen.
                    QTimer.singleShot(0, lambda m=watched: self.painted(m))
            return False

        def painted(self, menu: QMenu) -> None:
            _report("menu-shown", menu.title() or "menu")
            for action in menu.actions():
                if action.menu() is not None and action.text() == SUBMENU:
                    centre = menu.mapToGlobal(menu.actionGeometry(action).center())
                    _report("menu-item", SUBMENU, centre.x(), centre.y())

    watcher = Watcher()
    app.installEventFilter(watcher)
    import launcher

    return launcher.main(files)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
