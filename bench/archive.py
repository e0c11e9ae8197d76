"""Whole archives: 1 worker against 2 local Dask workers against raw spaCy.

Adds the same folder of distinct articles (made from the sample's paragraphs, as in
``bench/library_add.py``) to a fresh library each run, interleaved, best of ``--repeat``:

1. raw spaCy: ``nlp.pipe`` over the article texts in this process as one stream, as fast
   as it goes (the whole texts and the paragraphs Dramatis parses, at spaCy's own batch
   size; the baseline is the faster of the two);
2. ``--workers 1``: ``library add`` in this process (one parse stream);
3. ``--workers 2``: the same through a local cluster of two worker processes, already
   started and with the model loaded (the steady rate of a long archive), each worker
   analysing groups of articles as one stream.

Each run also records the processor time Dramatis used (this process and the workers) and
the time the machine's cores were busy with other programs, from ``/proc/stat``: on a
shared machine two workers can only be as fast as the free cores allow.

Then the fixed costs: starting the local cluster, loading the model on each worker (the
two load at once), the whole ``dramatis library add --workers 2`` command against
``--workers 1`` on the same folder, the client's own work per article, and the peak
memory of each worker.

Targets: 2 workers >= 1.85x the 1-worker throughput; 1 worker >= 0.95 of raw spaCy.

    python bench/archive.py [--files 80] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, load, raw_spacy
from bench.library_add import make_folder
from reader.archive.engine import DaskEngine
from reader.archive.options import Cluster
from reader.archive.runner import Batch, add_to_library
from reader.archive.sinks import LibrarySink
from reader.archive.tasks import cpu_seconds, load_model, peak_rss_mb
from reader.library import open_library
from reader.nlp.parsing import load_nlp
from reader.opening import read_file
from reader.pipeline import analysis_version

CORES = os.cpu_count() or 1


@dataclass(frozen=True)
class Measured:
    """One run: wall time, processor time of Dramatis, and of everything else."""

    wall: float
    ours: float
    others: float

    @property
    def free_cores(self) -> float:
        """Cores left to Dramatis by other programs, on average over the run."""
        return CORES - self.others / self.wall


def machine_busy() -> float:
    """Seconds of processor time the whole machine has used since boot (Linux)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(f) for f in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def measure(function: Callable[[], object], workers: DaskEngine | None = None) -> Measured:
    def ours() -> float:
        spent = own_cpu()
        if workers is not None:
            spent += sum(workers.client.run(cpu_seconds).values())
        return spent

    ours_before, busy_before, started = ours(), machine_busy(), time.perf_counter()
    function()
    wall = time.perf_counter() - started
    busy, spent = machine_busy() - busy_before, ours() - ours_before
    return Measured(wall, spent, max(0.0, busy - spent))


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def client_costs(paths: list[Path], built: Path, empty: Path) -> tuple[float, float]:
    """Seconds per article the client spends reading a file's bytes (the workers open
    them), and storing (the analyses stored in ``built`` stored again into
    ``empty``)."""
    opening = timed(lambda: [read_file(p) for p in paths]) / len(paths)
    with open_library(built) as library:
        analyses = [library.analysis(a.id) for a in library.articles(limit=len(paths))]
    with open_library(empty) as library:
        sink = LibrarySink(library)
        storing = timed(lambda: [sink.put(a) for a in analyses]) / len(analyses)
    return opening, storing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"before: {load()}")
    load_seconds = timed(load_nlp)
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = make_folder(folder, args.files)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        words = sum(len(t.split()) for t in texts)
        libraries = iter(range(1000))

        def fresh() -> Path:
            return Path(tmp) / f"library-{next(libraries)}"

        built: list[Path] = []

        def one_worker() -> None:
            built.append(fresh())
            with open_library(built[-1]) as library:
                run = add_to_library(library, [folder], Cluster(workers=1))
            assert sum(r.was_new for r in run.results) == len(paths)

        started = time.perf_counter()
        engine = DaskEngine.start(analysis_version(), 2, None)
        start_seconds = time.perf_counter() - started
        started = time.perf_counter()
        loads = engine.client.run(load_model)
        load_wall = time.perf_counter() - started

        def two_workers() -> None:
            with open_library(fresh()) as library:
                batch = Batch(paths, LibrarySink(library), None)
                batch.run(engine)
            assert sum(r.was_new for r in batch.results()) == len(paths)

        one_worker()  # warm up every stage, here and on the workers
        two_workers()
        # Interleaved, so that a burst of load elsewhere hits them all alike.
        feeds = raw_spacy(nlp, texts)
        runs: dict[str, list[Measured]] = {name: [] for name in (*feeds, "one", "two")}
        for _ in range(args.repeat):
            for name, feed in feeds.items():
                runs[name].append(measure(feed))
            runs["one"].append(measure(one_worker))
            runs["two"].append(measure(two_workers, engine))
        rss = engine.client.run(peak_rss_mb)
        engine.close()
        opening, storing = client_costs(paths, built[-1], fresh())
        best = {name: min(runs[name], key=lambda m: m.wall) for name in runs}
        fed = min(feeds, key=lambda name: best[name].wall)
        raw, one, two = best[fed], best["one"], best["two"]

        def whole_command(workers: str) -> float:
            command = [sys.executable, "-m", "reader.cli", "library", "--data-dir"]
            command += [str(fresh()), "add", str(folder), "--workers", workers]
            return timed(lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT))

        whole = {n: whole_command(n) for n in ("1", "2")}

    def rate(seconds: float) -> str:
        return f"{len(paths) / seconds:6.1f} articles/s {words / seconds:9,.0f} words/s"

    def row(name: str, m: Measured) -> str:
        return (
            f"{name:<26}{m.wall:6.2f} s  {rate(m.wall)}   CPU {m.ours:5.1f} s, "
            f"others {m.others:5.1f} s, free cores {m.free_cores:.1f}"
        )

    print(f"{len(paths)} distinct articles, {words:,} words; best of {args.repeat} runs")
    print(f"({CORES} cores; CPU: processor time of Dramatis; others: of other programs)\n")
    for name in feeds:
        mark = "  <- baseline" if name == fed else ""
        print(row(f"raw spaCy, {name}", best[name]) + mark)
    print(row("library add --workers 1", one))
    print(row("library add --workers 2", two) + "  (cluster warm)")
    print(f"\n2 workers / 1 worker throughput: {one.wall / two.wall:.2f}  (target >= 1.85)")
    print(f"1 worker / raw spaCy throughput: {raw.wall / one.wall:.2f}  (target >= 0.95)")
    print(f"1 worker / raw spaCy, processor time: {raw.ours / one.ours:.2f}")
    per_article = [1000 * m.ours / len(paths) for m in (one, two)]
    print(
        f"processor time per article: {per_article[0]:.0f} ms with 1 worker, "
        f"{per_article[1]:.0f} ms with 2 (workers and client together)"
    )
    # With two free cores, two workers analyse two articles at a time at the cost measured.
    projected = 2 * per_article[0] / per_article[1]
    print(f"2 workers / 1 worker with 2 free cores: {projected:.2f}  (from processor time)")
    print("\nfixed costs")
    print(f"model load in this process:            {load_seconds:5.2f} s")
    print(f"local cluster start (2 workers):       {start_seconds:5.2f} s")
    per_worker = ", ".join(f"{s:.2f} s" for _, s in sorted(loads.values()))
    print(f"model load on the workers, at once:    {load_wall:5.2f} s  (each: {per_worker})")
    print("whole command, one run each (start-up, model loads, analysis, storage):")
    for n, seconds in whole.items():
        print(f"  dramatis library add --workers {n}:    {seconds:5.2f} s  {rate(seconds)}")
    print("the client's own work per article (the one SQLite writer):")
    print(f"  read the file's bytes:               {1000 * opening:5.1f} ms")
    print(f"  store the analysis (one transaction): {1000 * storing:5.1f} ms")
    keeps_up = one.wall / len(paths) / (opening + storing)
    print(f"  one client keeps up with about {keeps_up:.0f} workers")
    memory = ", ".join(f"{mb:.0f} MB" for mb in sorted(rss.values()))
    print(f"peak memory per worker:                {memory}")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
