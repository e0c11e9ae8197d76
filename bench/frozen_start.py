"""Start-up of the packaged app beside the source app: window, text, analysis.

Launches the frozen ``dist/dramatis/dramatis`` and the source app (``python
packaging/launcher.py``, the same entry point) in turn, ``--runs`` times each, interleaved,
each on a fresh data folder, so that every start is a first run that opens the bundled
sample. The app reports, on standard error, the wall-clock time at which Python starts
running the launcher (after the bootloader has set up the bundle), of the first paint of the
window, of the first paint with the sample's text and of the first paint with highlights
(``DRAMATIS_TIMING``, packaging/instrument.py) and quits once idle. Figures are seconds
after the launch, medians; a real X server (Xvfb) when installed, else offscreen.

    python bench/frozen_start.py [--dist dist] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT

EVENTS = ("python-started", "window-shown", "text-shown", "analysis-shown")
PREFIX = "dramatis-timing"
TIMEOUT = 300


@contextmanager
def display() -> Iterator[dict[str, str]]:
    """Environment for a window: an Xvfb display when there is one, else offscreen."""
    if not shutil.which("Xvfb"):
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield {"DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=30)


def start_once(command: list[str], screen: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each event, for one first-run start."""
    with tempfile.TemporaryDirectory(prefix="dramatis-bench-") as folder:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": folder,
            "DRAMATIS_DATA_DIR": str(Path(folder) / "data"),
            "DRAMATIS_TIMING": "1",
            "DRAMATIS_QUIT_WHEN_IDLE": "1",
            **screen,
        }
        launched = time.time()
        completed = subprocess.run(
            command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT
        )
    marks = {}
    for line in completed.stderr.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == PREFIX:
            marks[parts[1]] = float(parts[2]) - launched
    missing = [event for event in EVENTS if event not in marks]
    if completed.returncode != 0 or missing:
        raise SystemExit(f"{command[0]}: {missing or completed.returncode}\n{completed.stderr}")
    return marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    frozen = args.dist / "dramatis" / "dramatis"
    if not frozen.exists():
        raise SystemExit(f"{frozen}: no packaged app; run `make package` first")
    apps = {
        "frozen": [str(frozen)],
        "source": [sys.executable, str(ROOT / "packaging" / "launcher.py")],
    }
    results: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
    with display() as screen:
        platform = screen.get("QT_QPA_PLATFORM", "Xvfb")
        for _ in range(args.runs):
            for name, command in apps.items():
                results[name].append(start_once(command, screen))
    print(f"First start on the sample, {platform}, median of {args.runs}, seconds after launch")
    print("| app | Python running | window shown | sample text shown | highlights shown |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in results.items():
        medians = [statistics.median(run[event] for run in runs) for event in EVENTS]
        print(f"| {name} | " + " | ".join(f"{value:.2f}" for value in medians) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
