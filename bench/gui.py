"""The desktop app's responsiveness, each figure beside a bare PySide6 window.

Every measurement runs in a child process on a real X server (Xvfb) when one is installed,
else on the offscreen platform, and a bare ``QMainWindow`` is measured the same way in the
same run:

- start-up of the source app on a fresh data folder, which opens the sample: launch to
  window shown, to the sample's text shown, to highlights and cast shown (the
  ``DRAMATIS_TIMING`` marks of packaging/instrument.py), medians of ``--runs``;
- the longest event-loop stall (a 10 ms timer noting the gaps between its ticks) while a
  ``--words`` article (the sample repeated) is analysed, and while it is drawn;
- the longest stall while "who said what" lists the most quoted actor of the synthetic
  library (bench/synthetic_library.py, built once and kept in ``--data-dir``): the actor
  list, the first page, then ten more pages as if scrolled to the end; beside it the old
  way, every statement in one HTML string on the GUI thread, timed in the same child.

    python bench/gui.py [--runs 3] [--words 100000] [--articles 100000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, SAMPLE
from bench.frozen_start import display, start_once

TICK_MS = 10
#: How long the window is watched after the analysis is on screen (drawing in slices).
DRAW_WATCH_MS = 3000
MORE_PAGES = 10
TIMEOUT = 900


# -- in the child process -----------------------------------------------------------------------


def _meter() -> Any:
    """A 10 ms timer noting the longest gap between its ticks, per phase."""
    from PySide6.QtCore import QObject, Qt, QTimer

    class GapMeter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.phase = "start"
            self.longest: dict[str, float] = {}
            self.on_tick: list[Any] = []
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self._tick)
            self.last = time.perf_counter()
            self.timer.start()

        def enter(self, phase: str) -> None:
            self._tick()
            self.phase = phase

        def _tick(self) -> None:
            now = time.perf_counter()
            gap = (now - self.last) * 1000
            self.longest[self.phase] = max(self.longest.get(self.phase, 0.0), gap)
            self.last = now
            for call in self.on_tick:
                call()

    return GapMeter()


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def child_bare_start() -> None:
    """A bare window: print the wall-clock time of its first paint, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow, QTextEdit

    app = _app()
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.resize(1280, 800)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
                self.seen = True
                print(f"dramatis-timing window-shown {time.time():.4f}", file=sys.stderr)
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint()
    app.installEventFilter(probe)
    window.show()
    app.exec()


def child_bare_idle(seconds: float) -> None:
    """A bare window doing nothing: its longest stall, the floor under every other figure."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow, QTextEdit

    app = _app()
    window = QMainWindow()
    window.setCentralWidget(QTextEdit())
    window.show()
    meter = _meter()
    meter.enter("idle")
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    print(json.dumps({"max_gap_ms": meter.longest["idle"]}))


def child_article(path: str, data_dir: str) -> None:
    """The app analyses and draws a long article: stalls while analysing and drawing."""
    from PySide6.QtCore import QTimer

    from ui.main_window import MainWindow

    app = _app()
    window = MainWindow(data_dir=data_dir)
    window.show()
    meter = _meter()
    result: dict[str, float] = {}

    def finish() -> None:
        result.update({f"max_gap_{k}_ms": v for k, v in meter.longest.items()})
        print(json.dumps(result))
        window.close()
        app.quit()

    def drawn() -> None:
        result["analysis_s"] = time.perf_counter() - opened[0]
        QTimer.singleShot(DRAW_WATCH_MS, finish)

    def text_seen() -> None:
        if "text_s" not in result and not window.view.document().isEmpty():
            result["text_s"] = time.perf_counter() - opened[0]

    opened: list[float] = []

    def start() -> None:
        meter.enter("analysing")
        opened.append(time.perf_counter())
        window.open_paths([path])

    meter_drawing(window, meter)
    window.articleShown.connect(lambda _analysis, _id: drawn())
    meter.on_tick.append(text_seen)
    meter.enter("model")
    _when_model_ready(window, start)
    app.exec()


def meter_drawing(window: Any, meter: Any) -> None:
    """Switch ``meter`` to its "drawing" phase when the analysis reaches the window."""
    show = window.show_analysis

    def show_analysis(*args: Any, **kwargs: Any) -> None:
        meter.enter("drawing")  # the analysis has arrived: the rest is drawing it
        show(*args, **kwargs)

    window.show_analysis = show_analysis


def child_quit(path: str, data_dir: str) -> None:
    """Close the window two seconds into analysing a long article: how long closing takes."""
    from PySide6.QtCore import QTimer

    from ui.main_window import MainWindow

    app = _app()
    window = MainWindow(data_dir=data_dir)
    window.show()
    result: dict[str, float] = {}

    def close() -> None:
        started = time.perf_counter()
        window.close()
        result["close_ms"] = (time.perf_counter() - started) * 1000
        print(json.dumps(result))
        app.quit()

    def start() -> None:
        window.open_paths([path])
        QTimer.singleShot(2000, close)

    _when_model_ready(window, start)
    app.exec()


def _when_model_ready(window: Any, call: Any) -> None:
    """Call ``call`` on the GUI thread once the model is loaded (polled, as the model is
    loaded on the analyses' own thread)."""
    from PySide6.QtCore import QTimer

    poll = QTimer(window)
    poll.setInterval(TICK_MS)

    def check() -> None:
        if window.analyses.analyst.model_ready:
            poll.stop()
            call()

    poll.timeout.connect(check)
    poll.start()


def child_said(data_dir: str, name: str) -> None:
    """The app lists what ``name`` said: stalls for the actor list and the pages."""
    from PySide6.QtCore import QTimer

    from reader.library import open_library
    from reader.output.words import plural
    from ui.main_window import MainWindow
    from ui.style.safe_text import SafeTextBrowser
    from ui.widgets.said_list import statement_html

    app = _app()
    window = MainWindow(data_dir=data_dir)
    window.show()
    meter = _meter()
    meter.enter("actors")
    result: dict[str, Any] = {}
    asked: list[float] = []

    def listed() -> None:
        said = window.said
        if "first_page_s" not in result:
            result["first_page_s"] = time.perf_counter() - asked[0]
            meter.enter("more pages")
        if said.results.complete or len(said.statements) >= said_limit():
            result["listed"] = len(said.statements)
            result["status"] = said.status.text()
            QTimer.singleShot(200, finish)
            return
        bar = said.results.verticalScrollBar()
        QTimer.singleShot(0, lambda: bar.setValue(bar.maximum()))  # the reader scrolls on

    def said_limit() -> int:
        from ui.widgets.said_panel import FIRST_PAGE, NEXT_PAGE

        return FIRST_PAGE + MORE_PAGES * NEXT_PAGE

    def actors_listed() -> None:
        if "actors_s" in result:
            return
        result["actors_s"] = time.perf_counter() - began
        result["actors"] = window.said.actor.count()
        meter.enter("first page")
        asked.append(time.perf_counter())
        window.show_said(name)

    def finish() -> None:
        result.update({f"max_gap_{k}_ms": v for k, v in meter.longest.items()})
        # The old way, for comparison: every statement, one HTML string, on this thread.
        started = time.perf_counter()
        with open_library(data_dir, version=window.library.version, read_only=True) as lib:
            statements = lib.said(name)
        html = "".join(
            statement_html(n, s, s.title or "", window.said._theme or _theme())
            for n, s in enumerate(statements)
        )
        browser = SafeTextBrowser()
        browser.setHtml(html)
        result["old_way_ms"] = (time.perf_counter() - started) * 1000
        result["old_way_statements"] = plural(len(statements), "statement")
        print(json.dumps(result))
        window.close()
        app.quit()

    began = time.perf_counter()
    window.said.actorsListed.connect(actors_listed)
    window.said.listed.connect(listed)
    app.exec()


def _theme() -> Any:
    from ui.style.colors import current_theme

    return current_theme()


# -- in the parent ----------------------------------------------------------------------------


def _run_child(args: list[str], screen: dict[str, str], data: Path) -> dict[str, Any]:
    env = {**os.environ, **screen, "DRAMATIS_DATA_DIR": str(data)}
    if "DISPLAY" in screen:
        env.pop("QT_QPA_PLATFORM", None)
    completed = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        raise SystemExit(f"child {args[0]} failed:\n{completed.stderr[-3000:]}")
    return dict(json.loads(lines[-1]))


def bare_start_once(screen: dict[str, str]) -> float:
    """Seconds from launch to a bare window's first paint."""
    env = {**os.environ, **screen}
    if "DISPLAY" in screen:
        env.pop("QT_QPA_PLATFORM", None)
    launched = time.time()
    completed = subprocess.run(
        [sys.executable, __file__, "--child", "bare-start"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    for line in completed.stderr.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] == "window-shown":
            return float(parts[2]) - launched
    raise SystemExit(f"bare window: no paint\n{completed.stderr[-3000:]}")


def long_article(folder: Path, words: int) -> Path:
    """The sample's text repeated until it has ``words`` words."""
    text = SAMPLE.read_text(encoding="utf-8")
    copies = -(-words // len(text.split()))
    path = folder / "long-article.txt"
    path.write_text("\n\n".join([text] * copies), encoding="utf-8")
    return path


def most_quoted(data_dir: Path) -> tuple[str, int]:
    from reader.library import open_library

    with open_library(data_dir, version="bench", read_only=True) as library:
        row = library.db.execute(
            """SELECT a.name, count(*) FROM statements AS s JOIN actors AS a ON a.id = s.actor_id
               GROUP BY s.actor_id ORDER BY count(*) DESC LIMIT 1"""
        ).fetchone()
    return str(row[0]), int(row[1])


def ensure_library(data_dir: Path, articles: int) -> float | None:
    """Build the synthetic library once (into a side folder, then renamed); seconds or None."""
    from bench.synthetic_library import build
    from reader.paths import library_path

    if library_path(data_dir).exists():
        from bench.synthetic_library import VERSION
        from reader.library import open_library

        open_library(data_dir, version=VERSION).close()  # brought to the current schema
        return None
    partial = data_dir.with_name(data_dir.name + ".partial")
    print(f"building {articles:,} articles in {partial} …", file=sys.stderr)
    seconds = build(partial, articles)
    partial.rename(data_dir)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=default_dir)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        children = {
            "bare-start": child_bare_start,
            "bare-idle": lambda seconds: child_bare_idle(float(seconds)),
            "article": child_article,
            "said": child_said,
            "quit": child_quit,
        }
        children[kind](*rest)
        return 0

    built = ensure_library(args.data_dir, args.articles)
    name, statements = most_quoted(args.data_dir)
    app_command = [sys.executable, str(ROOT / "packaging" / "launcher.py")]
    with display() as screen, tempfile.TemporaryDirectory(prefix="dramatis-gui-") as folder:
        platform = screen.get("QT_QPA_PLATFORM", "Xvfb")
        starts: list[dict[str, float]] = []
        bare: list[float] = []
        for _ in range(args.runs):
            starts.append(start_once(app_command, screen))
            bare.append(bare_start_once(screen))
        article = long_article(Path(folder), args.words)
        words = len(article.read_text(encoding="utf-8").split())
        fresh = Path(folder) / "data"
        analysed = _run_child(["article", str(article), str(fresh)], screen, fresh)
        idle = _run_child(["bare-idle", str(analysed.get("analysis_s", 10.0))], screen, fresh)
        quits = [
            _run_child(["quit", str(article), str(Path(folder) / f"quit{n}")], screen, fresh)
            for n in range(args.runs)
        ]
        said = _run_child(["said", str(args.data_dir), name], screen, args.data_dir)
        said_idle = _run_child(["bare-idle", "5"], screen, fresh)

    def median(event: str) -> float:
        return statistics.median(run[event] for run in starts)

    print(f"GUI responsiveness, {platform}, seconds after launch, median of {args.runs} starts")
    print("| window | window shown | sample text shown | highlights and cast shown |")
    print("|---|---:|---:|---:|")
    print(f"| bare PySide6 QMainWindow | {statistics.median(bare):.2f} | | |")
    print(
        f"| Dramatis (source) | {median('window-shown'):.2f} | {median('text-shown'):.2f} | "
        f"{median('analysis-shown'):.2f} |"
    )
    print()
    print("Longest event-loop stall (gaps of a 10 ms timer), ms")
    print("| while | Dramatis | bare window, idle |")
    print("|---|---:|---:|")
    bare_ms = idle["max_gap_ms"]
    print(f"| the model loads | {analysed['max_gap_model_ms']:.0f} | {bare_ms:.0f} |")
    print(f"| a {words:,}-word article is analysed | {analysed['max_gap_analysing_ms']:.0f} | |")
    print(
        f"| it is drawn (for {DRAW_WATCH_MS / 1000:.0f} s after) | "
        f"{analysed['max_gap_drawing_ms']:.0f} | |"
    )
    said_bare = said_idle["max_gap_ms"]
    print(
        f"| who said what: the actor list ({said['actors']:,} actors) | "
        f"{said['max_gap_actors_ms']:.0f} | {said_bare:.0f} |"
    )
    print(
        f"| its first page for {name} ({statements:,} statements) | "
        f"{said['max_gap_first page_ms']:.0f} | |"
    )
    print(
        f"| {MORE_PAGES} more pages as the list is scrolled | "
        f"{said['max_gap_more pages_ms']:.0f} | |"
    )
    print()
    library_note = f"built in {built:.0f} s" if built is not None else "built before"
    print(
        f"{words:,}-word article: text shown {analysed['text_s']:.2f} s after opening, "
        f"analysis shown {analysed['analysis_s']:.1f} s after."
    )
    print(
        f"Library: {args.articles:,} synthetic articles ({library_note}); actor list in "
        f"{said['actors_s']:.2f} s, first page {said['first_page_s'] * 1000:.0f} ms after "
        f"asking, {said['listed']:,} statements listed; status: {said['status']}"
    )
    closing = sorted(q["close_ms"] for q in quits)
    print(
        f"Closing the window 2 s into analysing the {words:,}-word article: "
        f"median {statistics.median(closing):.0f} ms, longest {closing[-1]:.0f} ms "
        f"({args.runs} runs)."
    )
    print(
        f"The old way (all {said['old_way_statements']} in one HTML string, on the GUI "
        f"thread): {said['old_way_ms']:.0f} ms."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
