"""A 100,000-word article in the real window under Xvfb.

With PySide6-Essentials 6.12.0 every Qt call returning nothing dropped a reference to
``None``; highlighting a ~60k-word article aborted the GUI with "Fatal Python error:
none_dealloc". The window must show a 100k-word analysis, with every highlight and the
cast, and exit cleanly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from xvfb import start_xvfb

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.xvfb
@pytest.mark.slow
def test_real_window_shows_a_100k_word_article_and_exits_cleanly(tmp_path):
    assert shutil.which("Xvfb"), "Xvfb is installed by .ci/run"
    server, display = start_xvfb()
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env["DISPLAY"] = display
    env["DRAMATIS_DATA_DIR"] = str(tmp_path)
    try:
        completed = subprocess.run(
            [sys.executable, str(ROOT / "tests" / "show_long_article.py")],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "none_dealloc" not in completed.stderr
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "shown=True" in completed.stdout
    words = int(completed.stdout.split("words=")[1].split()[0])
    assert words >= 100_000
