"""Starting the desktop app: the sample article, no display, and a real window under Xvfb."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from xvfb import start_xvfb, stop

from ui import messages
from ui.app import has_display, sample_article_path

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "tests" / "screenshots"


def test_the_sample_article_is_found(sample_path):
    assert sample_article_path().resolve() == sample_path.resolve()


def test_the_sample_article_is_found_in_a_frozen_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert sample_article_path() == tmp_path / "seeds" / "000_dd5b4a6056b2a50f.txt"


@pytest.mark.parametrize(
    "env, platform, expected",
    [
        ({}, "linux", False),
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", True),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_display_detection(env, platform, expected):
    assert has_display(env, platform) is expected


def _env_without_display() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    return env


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland only")
def test_without_a_display_one_line_and_status_2():
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.app import main; sys.exit(main([]))"],
        cwd=ROOT,
        env=_env_without_display(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    output = (result.stdout + result.stderr).splitlines()
    assert output == [messages.NO_DISPLAY]
    assert "PySide6" not in result.stderr


def _shows_highlights(png: Path) -> bool:
    """True when the person highlight colour is in the article text (not only the legend)."""
    from PySide6.QtGui import QImage

    from ui.style.colors import Theme, entity_color

    image = QImage(str(png))
    if image.isNull():
        return False
    wanted = entity_color("PERSON", Theme.LIGHT).rgb()
    # The article view: the left half, below the heading and above the legend.
    for y in range(60, image.height() * 3 // 4, 3):
        for x in range(0, image.width() // 2, 3):
            if image.pixel(x, y) == wanted:
                return True
    return False


def _distinct_colours(png: Path) -> int:
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    return len(
        {image.pixel(x, y) for y in range(0, image.height(), 7) for x in range(0, image.width(), 7)}
    )


def _wait_for_event(app: subprocess.Popen[str], event: str, limit: float) -> bool:
    """Read the app's timing lines until ``event`` is reported (or the app ends)."""
    assert app.stderr is not None
    deadline = time.monotonic() + limit  # a guard against a hung app, not a timing check
    while time.monotonic() < deadline:
        ready, _, _ = select.select([app.stderr], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        line = app.stderr.readline()
        if not line:
            return False
        if line.startswith(f"dramatis-timing {event} "):
            return True
    return False


@pytest.mark.xvfb
@pytest.mark.slow
def test_real_window_under_xvfb_screenshot(sample_path, tmp_path):
    """The screenshot is taken once the app reports the highlights painted (no
    polling of screenshots against a clock)."""
    assert shutil.which("Xvfb") and shutil.which("import"), ".ci/run installs Xvfb and import"
    server, display = start_xvfb()
    env = _env_without_display()
    env["DISPLAY"] = display
    env["DRAMATIS_TIMING"] = "1"
    env["DRAMATIS_DATA_DIR"] = str(tmp_path / "data")
    app = subprocess.Popen(
        [sys.executable, str(ROOT / "packaging" / "launcher.py"), str(sample_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "main_window.png"
    shot.unlink(missing_ok=True)
    try:
        assert _wait_for_event(app, "analysis-shown", 120), "the analysed article never appeared"
        assert app.poll() is None
        subprocess.run(["import", "-window", "root", str(shot)], env=env, timeout=30, check=True)
        assert _shows_highlights(shot)
        assert _distinct_colours(shot) > 10
    finally:
        stop(app)
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.slow
def test_unexpected_errors_are_logged_to_the_data_folder(tmp_path):
    code = (
        "import logging, sys; from pathlib import Path; from ui.app import _configure_logging;"
        "_configure_logging(Path(sys.argv[1])); logging.getLogger('ui').error('boom happened')"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, capture_output=True)
    assert "ERROR ui: boom happened" in (tmp_path / "dramatis.log").read_text(encoding="utf-8")
