"""A bug in a Qt slot: the app logs it with its traceback to the log file in the data
folder, tells the user in one line in the window's banner, and keeps running.

The app runs in a process of its own (``ui.app.main``, as started from a menu), so the hook
tested is the one the app installs. A View > Sources… that raises stands for any bug in a
slot; the language model is not loaded (nothing is analysed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
import ui.app, ui.views, ui.worker
from ui.main_window import MainWindow

folder = sys.argv[1]
for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
    QSettings.setPath(kind, QSettings.Scope.UserScope, folder + "/settings")
ui.worker.Analyst.model_task = lambda self, reach: ui.worker.ModelState()
ui.app.open_at_start = lambda window: "nothing"


def bug(self):
    raise RuntimeError("a <b>bug</b> in a slot")


ui.views.Views.show_sources = bug
app = QApplication(sys.argv[:1])


def window():
    return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))


def report():
    shown = window()
    print("banner:", shown.banner.text())
    print("visible:", shown.isVisible())
    # Still working: another action does what it does.
    shown.commands["search_library"].trigger()
    print("tab:", shown.tabs.currentWidget() is shown.library_panel)
    app.quit()


def act():
    window().commands["sources"].trigger()
    QTimer.singleShot(0, report)


QTimer.singleShot(0, act)
sys.exit(ui.app.main(["--data-dir", folder + "/data"]))
"""


def test_a_bug_in_a_slot_is_logged_and_told_and_the_app_goes_on(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    banner = next(line for line in lines if line.startswith("banner: "))
    assert "RuntimeError: a <b>bug</b> in a slot" in banner
    assert str(tmp_path / "data" / "dramatis.log") in banner  # where the details are
    assert "visible: True" in lines and "tab: True" in lines
    log = (tmp_path / "data" / "dramatis.log").read_text(encoding="utf-8")
    assert "ERROR ui.excepthook: A bug in the window" in log
    assert "Traceback (most recent call last)" in log
    assert "in bug" in log and "RuntimeError: a <b>bug</b> in a slot" in log
