"""``dramatis --self-test``: proof that a (frozen) app has everything it needs, headless.

Checks Qt (a good PySide6, the icon drawn through the SVG plugin, the desktop platform
plugins present), loads the language model, analyses the bundled sample and stores it in a
library in a temporary folder, finds it there and closes it, and has the sample analysed
again in the analysis process the window uses (``reader.analysis_process``). It needs no
display, no network and nothing outside the bundle; it prints one line ending in ``OK``
and exits 0, or names the step that failed and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from reader import __version__
from reader.model import Analysis
from ui import messages

#: Platform plugins a desktop needs (X11 and Wayland) that no headless check would load.
DESKTOP_PLATFORMS = ("libqxcb.so", "libqwayland.so")
ICON_SIZE = 64


class SelfTestError(Exception):
    """A check found something missing or wrong."""


def check_qt() -> str:
    """A usable PySide6: not a known-bad release, none losing references (the window's own
    start-up check), icon drawn, desktop plugins present."""
    import PySide6

    from ui.binding import binding_problem

    problem = binding_problem()
    if problem is not None:
        raise SelfTestError(problem)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QLibraryInfo, QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    from ui.bundle import resource_path

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    image = QIcon(str(resource_path("dramatis.svg"))).pixmap(QSize(ICON_SIZE, ICON_SIZE)).toImage()
    if image.isNull() or image.pixelColor(ICON_SIZE // 2, ICON_SIZE // 2).alpha() == 0:
        raise SelfTestError("the SVG icon could not be drawn (Qt's SVG plugins are missing)")
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    missing = [name for name in DESKTOP_PLATFORMS if not (plugins / name).exists()]
    if missing:
        raise SelfTestError(f"Qt platform plugins missing from {plugins}: {', '.join(missing)}")
    return f"PySide6 {PySide6.__version__}, icon drawn"


def check_model() -> str:
    from reader.pipeline import analysis_version, load_model

    load_model()
    return f"model loaded, analysis {analysis_version()}"


def analyse_sample() -> Analysis:
    from reader.opening import open_article
    from reader.pipeline import analyse
    from ui.sample import presented, sample_article_path

    analysis = analyse(presented(open_article(sample_article_path())))
    persons = {e.text for e in analysis.entities if e.label == "PERSON"}
    if "Vladimir Putin" not in persons or not analysis.quotes:
        raise SelfTestError(f"unexpected analysis of the sample (persons: {sorted(persons)})")
    return analysis


def check_analysis_process(analysis: Analysis) -> str:
    """The window's way: the sample analysed again in a process of its own (started by
    running this executable again), with the same result."""
    from reader.analysis_process import AnalysisProcess
    from reader.output.json_document import analysis_to_json

    process = AnalysisProcess()
    try:
        there = process.analyse(analysis.article, progress=lambda _d, _t: None, cancelled=bool)
    finally:
        process.stop()
    if analysis_to_json(there) != analysis_to_json(analysis):
        raise SelfTestError("the analysis process gave another analysis of the sample")
    return "analysis process agrees"


def check_library(analysis: Analysis) -> str:
    """Store the analysis in a library in a temporary folder, find it, close it."""
    from reader.library import open_library

    with tempfile.TemporaryDirectory(prefix="dramatis-self-test-") as folder:
        library = open_library(Path(folder))
        try:
            article_id, _new = library.add_analysis(analysis)
            hits = library.search("Putin")
        finally:
            library.close()
    if article_id not in {hit.id for hit in hits}:
        raise SelfTestError("the sample was stored but a search did not find it")
    return "library stored, searched and closed"


def run() -> int:
    """Run every check; one line on standard output (OK) or standard error (the failure)."""
    details: list[str] = []
    analysis: Analysis | None = None

    def sample() -> str:
        nonlocal analysis
        analysis = analyse_sample()
        return f"sample {len(analysis.entities)} names, {len(analysis.quotes)} statements"

    def library() -> str:
        assert analysis is not None
        return check_library(analysis)

    def process() -> str:
        assert analysis is not None
        return check_analysis_process(analysis)

    steps: list[tuple[str, Callable[[], str]]] = [
        ("Qt", check_qt),
        ("model", check_model),
        ("sample", sample),
        ("library", library),
        ("analysis process", process),
    ]
    for step, check in steps:
        try:
            details.append(check())
        except Exception as error:  # every failure is reported as the step that failed
            problem = f"{type(error).__name__}: {error}"
            print(
                messages.SELF_TEST_FAILED.format(version=__version__, step=step, problem=problem),
                file=sys.stderr,
            )
            return 1
    print(messages.SELF_TEST_OK.format(version=__version__, details="; ".join(details)))
    return 0
