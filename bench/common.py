"""Helpers shared by the benchmarks: timing, medians, subprocess peak memory, inputs."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"


def best_of(function: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (least disturbed by other load)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def median_ms(work: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of ``work`` over ``repeat`` calls in this process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def median_wall(command: list[str], repeat: int) -> float:
    """Median wall time of a whole command, in seconds; output is discarded."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of a child process, in MB (Linux reports KiB)."""
    code = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *command], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip()) / 1024


def article_of_words(words: int) -> str:
    """A long article made of the sample's paragraphs, repeated to about ``words`` words."""
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n".join(out) + "\n"


def self_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_spacy(nlp: Any, texts: list[str]) -> dict[str, Callable[[], None]]:
    """Raw spaCy ``nlp.pipe`` over ``texts`` as one stream, two ways, at spaCy's own batch
    size, each doc dropped as it comes: the whole texts, and the paragraphs Dramatis parses
    (``split_paragraphs``). The baseline of a run is the faster of the two."""
    from reader.nlp.parsing import split_paragraphs

    chunks = [chunk for text in texts for _, chunk in split_paragraphs(text)]
    return {
        "whole texts": lambda: drain(nlp.pipe(texts)),
        "paragraphs": lambda: drain(nlp.pipe(chunks)),
    }


def drain(items: Iterable[object]) -> None:
    """Go through ``items``, keeping none of them."""
    deque(items, maxlen=0)


@dataclass(frozen=True)
class Timing:
    """One run: wall-clock seconds and this process's processor seconds."""

    wall: float
    cpu: float


def timing(function: Callable[[], object]) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return Timing(time.perf_counter() - wall, time.process_time() - cpu)


def fastest(runs: list[Timing]) -> Timing:
    """The fastest wall time and the fewest processor seconds of several runs."""
    return Timing(min(r.wall for r in runs), min(r.cpu for r in runs))


def load() -> str:
    """The machine's load averages (1, 5 and 15 minutes) and its cores, for the record."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"
