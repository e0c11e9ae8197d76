"""Shared test set-up: Qt runs offscreen, the sample article and its analysis are shared."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = PROJECT_ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE_ARTICLE


@pytest.fixture(scope="session")
def sample_analysis():
    """The full analysis of the sample article, computed once per test session."""
    from reader.opening import open_article
    from reader.pipeline import analyse

    return analyse(open_article(SAMPLE_ARTICLE))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test ever writes to the user's real library."""
    monkeypatch.setenv("DRAMATIS_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch) -> Path:
    """No test reads or writes the user's settings (ui/settings.py): QSettings, in this
    process and in any it starts, keeps them in a fresh folder per test."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QSettings

        for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


#: A 1×1 PNG that hostile markup in test articles points at: its access time shows whether
#: Qt read it.
BAIT_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def library(tmp_path):
    """An empty library of the test's own (files that need another kind define theirs)."""
    from reader.library import open_library

    lib = open_library(tmp_path / "data")
    yield lib
    lib.close()


@pytest.fixture
def bait(tmp_path: Path) -> Path:
    """The image hostile markup names, with an access time far in the past: any read by
    Qt moves it."""
    path = tmp_path / "bait.png"
    path.write_bytes(BAIT_PNG)
    os.utime(path, (1_000_000, 2_000_000_000))  # atime < mtime: any read updates it
    return path


def analysis_without_nlp(article, *, progress, cancelled):
    """A stand-in for the NLP pipeline: the article's text, with nothing found in it (for
    window tests of opening, storing and showing, which need no language model)."""
    from reader.model import Analysis

    progress(1, 1)
    return Analysis(article)


def _shown_window(qtbot, data_dir: Path, analyse=None):
    from ui.main_window import MainWindow

    win = MainWindow(data_dir=data_dir, analyse=analyse)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def window(qtbot, tmp_path):
    """The main window on an empty library of its own, shown, shut down after the test.
    It analyses with a stand-in that finds nothing, so no language model is loaded: tests
    of what an analysis finds show one (``sample_analysis``) or use ``nlp_window``."""
    win = _shown_window(qtbot, tmp_path / "data", analysis_without_nlp)
    yield win
    win.shutdown()


@pytest.fixture
def nlp_window(qtbot, tmp_path):
    """The main window as ``window``, analysing with the NLP pipeline and its model."""
    win = _shown_window(qtbot, tmp_path / "data")
    yield win
    win.shutdown()
