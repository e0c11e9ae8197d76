"""A main window of its own, with a file opened, analysed and stored: for the window tests."""

from __future__ import annotations

from pathlib import Path

from ui.main_window import MainWindow

TIMEOUT = 60_000


def window_showing(qtbot, tmp_path: Path, source: Path) -> MainWindow:
    """A shown window on a library in ``tmp_path`` with ``source`` opened, analysed and
    saved (shut it down after the test)."""
    window = MainWindow(data_dir=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    shown: list[int] = []
    window.articleShown.connect(lambda _analysis, article_id: shown.append(article_id))
    window.open_paths([source])
    qtbot.waitUntil(lambda: bool(shown) and shown[-1] > 0, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=TIMEOUT)
    return window
