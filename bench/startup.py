"""Start-up time of the commands that need no language model, beside a bare interpreter.

``dramatis --help``, ``library search``, ``said``, ``actors`` and ``export`` must not import
spaCy (≈1 s): each is timed as a whole process, interleaved with ``python -c pass`` in the
same run, on a small library made first. Prints the median of each and the difference,
and ``dramatis --help`` as a ratio of ``python -c pass`` (target: at most 3).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEAT = 15
DRAMATIS = [sys.executable, "-m", "reader.cli"]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "dramatis --help": [*DRAMATIS, "--help"],
    "library search": [*DRAMATIS, "library", "search", "harbour"],
    "library said": [*DRAMATIS, "library", "said", "Aileen MacLeod"],
    "library actors": [*DRAMATIS, "library", "actors"],
    "library export": [*DRAMATIS, "library", "export"],
}


def _library(data: Path) -> None:
    from reader.library import open_library
    from reader.model import Analysis
    from reader.opening import article_from_text

    with open_library(data, version="bench") as library:
        for n in range(20):
            text = f"The harbour will reopen in May, said Aileen MacLeod, in report {n}."
            library.add_analysis(Analysis(article_from_text(text), version="bench"))


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        _library(data)
        env_args = ["--data-dir", str(data)]
        times: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(REPEAT):
            for name, command in COMMANDS.items():
                full = (
                    command
                    if name in ("python -c pass", "dramatis --help")
                    else [*command[:4], *env_args, *command[4:]]
                )
                began = time.perf_counter()
                subprocess.run(full, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
                times[name].append(time.perf_counter() - began)
    base = statistics.median(times["python -c pass"])
    print(f"start-up, median of {REPEAT} interleaved runs (target: each command <= 0.3 s)")
    for name, values in times.items():
        median = statistics.median(values)
        extra = "" if name == "python -c pass" else f"   (+{median - base:.3f} s over python)"
        print(f"  {name:18} {median:6.3f} s{extra}")
    ratio = statistics.median(times["dramatis --help"]) / base
    print(f"dramatis --help / python -c pass: {ratio:.2f}  (target <= 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
