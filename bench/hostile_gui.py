"""The window opening each hostile input: it stays responsive and can be cancelled.

For every file input of ``bench/hostile_inputs.py``, a child process shows the main window
(on Xvfb when it is installed, else offscreen), waits for the model, opens the file and
prints one line:

- ``open``: seconds until the window has its verdict (the analysis shown, or the message
  naming the file), and the longest stall of the event loop meanwhile (a 10 ms timer
  noting the gaps between its ticks);
- ``cancel``: the same file opened again in a fresh window and cancelled (what Esc does)
  half a second later: seconds from the cancel until the window is idle again, and until
  the worker has let go of the file and takes the next one (a one-line article opened
  right after the cancel is shown).

A bare ``QMainWindow`` idling for two seconds is measured in the same run: its longest
stall is the floor under every other one.

    python bench/hostile_gui.py [--only NAME]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT
from bench.frozen_start import display
from bench.gui import _app, _meter, _when_model_ready, child_bare_idle, meter_drawing
from bench.hostile_inputs import cases

TIMEOUT = 600
#: The cancel comes this long after the file is opened.
CANCEL_AFTER_MS = 500
SHORT = "Maria Lopez said the bridge would open in May.\n"


# -- in the child process -----------------------------------------------------------------------


def child_open(path: str, data_dir: str) -> None:
    """Open ``path``: seconds to the verdict and the longest stall until then."""
    from ui.main_window import MainWindow

    app = _app()
    window = MainWindow(data_dir=data_dir)
    window.show()
    meter = _meter()
    result: dict[str, Any] = {}
    opened: list[float] = []

    def verdict(outcome: str) -> None:
        if "verdict_s" in result:
            return
        result["verdict_s"] = time.perf_counter() - opened[0]
        result["outcome"] = outcome
        meter.phase = "after"
        for phase in ("reading", "analysing", "drawing"):
            result[f"{phase}_gap_ms"] = meter.longest.get(phase, 0.0)
        result["max_gap_ms"] = max(
            result[f"{p}_gap_ms"] for p in ("reading", "analysing", "drawing")
        )
        print(json.dumps(result), flush=True)
        window.close()
        app.quit()

    def text_seen() -> None:
        # Called by the meter's tick, so the phase is switched without another tick.
        if meter.phase == "reading" and not window.view.document().isEmpty():
            meter.phase = "analysing"

    def start() -> None:
        meter.enter("reading")
        opened.append(time.perf_counter())
        window.open_paths([path])

    meter_drawing(window, meter)
    # The refusal is noted when the window hears it and acted on by the timer.
    refusals: list[str] = []

    def refused() -> None:
        if refusals:
            verdict(f"refused: {refusals[0]}")

    meter.on_tick.extend([text_seen, refused])
    window.articleShown.connect(lambda _analysis, _id: verdict("analysed"))
    window.analyses.failed.connect(lambda _job, _subject, problem: refusals.append(problem))
    _when_model_ready(window, start)
    app.exec()


def child_cancel(path: str, short: str, data_dir: str) -> None:
    """Open ``path``, cancel it, then open a short article: how soon each takes effect."""
    from PySide6.QtCore import QTimer

    from ui.main_window import MainWindow

    app = _app()
    window = MainWindow(data_dir=data_dir)
    window.show()
    meter = _meter()
    result: dict[str, Any] = {}
    marks: dict[str, float] = {}

    def finish() -> None:
        result["max_gap_ms"] = max(meter.longest.values())
        print(json.dumps(result), flush=True)
        window.close()
        app.quit()

    def idle_check() -> None:
        if "idle_s" not in result and not window.is_busy():
            result["idle_s"] = time.perf_counter() - marks["cancel"]
            window.open_paths([short])

    def cancel() -> None:
        marks["cancel"] = time.perf_counter()
        result["busy_at_cancel"] = window.is_busy()
        window.cancel_analysis()
        idle_check()

    short_text = Path(short).read_text(encoding="utf-8")

    def shown(analysis: Any, _id: Any) -> None:
        if "idle_s" in result and analysis.article.text == short_text and "next_s" not in result:
            result["next_s"] = time.perf_counter() - marks["cancel"]
            QTimer.singleShot(0, finish)

    def start() -> None:
        meter.enter("cancelling")
        window.open_paths([path])
        QTimer.singleShot(CANCEL_AFTER_MS, cancel)

    meter.on_tick.append(lambda: "cancel" in marks and idle_check())
    window.articleShown.connect(shown)
    _when_model_ready(window, start)
    app.exec()


# -- in the parent ------------------------------------------------------------------------------


def _run_child(args: list[str], screen: dict[str, str]) -> dict[str, Any]:
    env = {**os.environ, **screen}
    if "DISPLAY" in screen:
        env.pop("QT_QPA_PLATFORM", None)
    try:
        completed = subprocess.run(
            [sys.executable, __file__, "--child", *args],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"no verdict within {TIMEOUT} s"}
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": f"exit {completed.returncode}: {completed.stderr.strip()[-300:]}"}
    return dict(json.loads(lines[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "open":
            child_open(*rest)
        elif kind == "cancel":
            child_cancel(*rest)
        elif kind == "idle":
            child_bare_idle(2.0)
        return 0
    with display() as screen, tempfile.TemporaryDirectory(prefix="dramatis-hostile-") as tmp:
        folder = Path(tmp)
        short = folder / "short.txt"
        short.write_text(SHORT, encoding="utf-8")
        bare = _run_child(["idle"], screen)
        print(f"screen: {'Xvfb' if 'DISPLAY' in screen else 'offscreen'}")
        print(f"bare window idle: longest stall {bare.get('max_gap_ms', 0):.0f} ms")
        print(
            f"{'input':<48} {'verdict':>8} {'stall read/analyse/draw':>18}  {'cancel→idle':>11} "
            f"{'→next':>7} {'stall':>7}  outcome"
        )
        for case in cases():
            if args.only and args.only not in case.name:
                continue
            command, stdin = case.make(folder, folder / "library")
            if command[:1] != ["analyse"] or stdin is not None:
                continue  # searches and standard input are not opened by the window
            path = command[1]
            opened = _run_child(["open", path, str(folder / "data-open")], screen)
            cancelled = _run_child(
                ["cancel", path, str(short), str(folder / "data-cancel")], screen
            )
            Path(path).unlink(missing_ok=True)
            if "error" in opened:
                print(f"{case.name:<48} {opened['error']}")
                continue
            stalls = "/".join(
                f"{opened[f'{phase}_gap_ms']:.0f}" for phase in ("reading", "analysing", "drawing")
            )
            print(
                f"{case.name:<48} {opened['verdict_s']:>7.1f}s {stalls:>16}ms  "
                f"{cancelled.get('idle_s', float('nan')):>10.2f}s "
                f"{cancelled.get('next_s', float('nan')):>6.1f}s "
                f"{cancelled.get('max_gap_ms', float('nan')):>5.0f}ms  "
                f"{opened['outcome'][:70]}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
