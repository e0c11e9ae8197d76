"""Drawing a long analysis in the article view: the longest event-loop stall.

The sample's analysis is tiled (tests/show_long_article.py) to ``--words`` words, so the
view formats as many highlights per word as a real article has. For each size:

- in slices (what the window does): the show_analysis call, the longest gap between the
  ticks of a 5 ms timer from then until every highlight is on, and how long that takes;
- at once (the way it was drawn before): show_analysis followed by drawing the rest
  immediately, one stall;
- marking the most mentioned actor, and hiding the people's highlights (the call; the
  redraw follows in slices).

Each size is measured twice: as the app runs today, then with every object alive after the
language model loaded frozen (``gc.freeze()``), so that the garbage collector's full
collections no longer walk spaCy's objects: with the model loaded they take about 120 ms,
holding the interpreter, whichever thread set them off.

Runs on the X display if ``DISPLAY`` is set, else offscreen.

    python bench/view_drawing.py [--words 60000 100000]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench.common import SAMPLE

TICK_MS = 5


def _longest_gap_until_drawn(app: Any, view: Any, analysis: Any) -> dict[str, float]:
    from PySide6.QtCore import Qt, QTimer

    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    result: dict[str, float] = {}

    def start() -> None:
        began = time.perf_counter()
        view.show_analysis(analysis)
        result["call_ms"] = (time.perf_counter() - began) * 1000
        result["began"] = began

    def drawn() -> None:
        result["drawn_ms"] = (time.perf_counter() - result.pop("began")) * 1000
        QTimer.singleShot(100, app.quit)

    view.highlightsDrawn.connect(drawn)
    timer.start()
    QTimer.singleShot(50, start)
    app.exec()
    timer.stop()
    view.highlightsDrawn.disconnect(drawn)
    result["longest_gap_ms"] = max(gaps) * 1000
    return result


def measure(words: int, frozen: bool) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication
    from show_long_article import tiled

    from reader.opening import open_article
    from reader.pipeline import analyse
    from ui.widgets.article_view import ArticleView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    analysis = tiled(analyse(open_article(SAMPLE)), words)
    if frozen:
        gc.collect()
        gc.freeze()
    view = ArticleView()
    view.resize(800, 700)
    view.show()
    app.processEvents()
    sliced = _longest_gap_until_drawn(app, view, analysis)

    other = ArticleView()
    other.resize(800, 700)
    other.show()
    app.processEvents()
    began = time.perf_counter()
    other.show_analysis(analysis)
    other.finish_drawing()
    at_once_ms = (time.perf_counter() - began) * 1000

    actor = max(analysis.actors, key=lambda a: a.mentions)
    began = time.perf_counter()
    view.mark_actor(actor.id)
    mark_ms = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    view.set_hidden_highlights(frozenset({"PERSON"}))
    hide_ms = (time.perf_counter() - began) * 1000
    view.finish_drawing()
    gc.unfreeze()
    return {
        "frozen": frozen,
        "words": len(analysis.article.text.split()),
        "highlights": len(analysis.entities) + len(analysis.quotes),
        "mentions": len(view.actor_marks()),
        **sliced,
        "at_once_ms": at_once_ms,
        "mark_ms": mark_ms,
        "hide_ms": hide_ms,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[60_000, 100_000])
    args = parser.parse_args()
    if "DISPLAY" not in os.environ:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    platform = os.environ.get("QT_QPA_PLATFORM", "X display")
    rows = [measure(words, frozen) for words in args.words for frozen in (False, True)]
    print(f"Article view drawing a tiled analysis ({platform}), milliseconds")
    print(
        "| words | heap | highlights | show_analysis call | longest stall until drawn "
        "| drawn after | all at once | mark an actor (mentions) | hide people |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        heap = "frozen after the model" if r["frozen"] else "as today"
        print(
            f"| {r['words']:,} | {heap} | {r['highlights']:,} | {r['call_ms']:.0f} | "
            f"{r['longest_gap_ms']:.0f} | {r['drawn_ms']:.0f} | {r['at_once_ms']:.0f} | "
            f"{r['mark_ms']:.0f} ({r['mentions']:,}) | {r['hide_ms']:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
