"""Library search latency of two checkouts side by side, interleaved on the same library.

On a shared machine two separate runs of bench/library_search.py can differ by half because
of other load; this runs the same queries through two checkouts of the project at once (a
worker process in each, the library opened once in each) and alternates between them
query by query, so a burst of load hits both alike. It prints each checkout's median and
fastest run over all rounds, the ratios, and the same SQL run through sqlite-utils in both
as a control (ratio ≈ 1 when the comparison is fair).

    git worktree add ../before HEAD~1
    python bench/library_compare.py ../before . [--data-dir DIR] [--rounds 5] [--repeat 15]

The library must exist (bench/library_search.py builds it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

TOP = 20
#: The SQL sqlite-utils ``table.search(q, limit=20)`` runs: the same in both checkouts.
CONTROL_SQL = """with original as (select rowid, * from [articles])
select [original].* from [original]
join [articles_fts] on [original].rowid = [articles_fts].rowid
where [articles_fts] match :query order by [articles_fts].rank limit 20"""


def cases(library: object, top: str, typical: str, rare: str) -> dict[str, Callable[[], object]]:
    """The queries of bench/library_search.py, by label."""
    search: Callable[..., object] = library.search  # type: ignore[attr-defined]
    said: Callable[..., object] = library.said  # type: ignore[attr-defined]
    found: dict[str, Callable[[], object]] = {
        "very common word": lambda: search("the", limit=TOP),
        "common word": lambda: search("government", limit=TOP),
        "rare word": lambda: search(rare, limit=TOP),
        "phrase": lambda: search('"said that"', limit=TOP),
        "phrase, rarer": lambda: search('"security talks"', limit=TOP),
        "prefix (3 letters, indexed)": lambda: search("gov*", limit=TOP),
        "prefix (5 letters)": lambda: search("gover*", limit=TOP),
        "words AND NOT": lambda: search("election -court", limit=TOP),
    }
    for who, name in (("top actor", top), ("typical actor", typical)):
        found[f"{who} filter"] = partial(search, "government", actor=name, limit=TOP)
        found[f"{who} filter, rare word"] = partial(search, rare, actor=name, limit=TOP)
        found[f"{who} filter, no words"] = partial(search, "", actor=name, limit=TOP)
        found[f"{who} statements, first 20"] = partial(said, name, limit=TOP)
        found[f"{who} statements, all"] = partial(said, name)
    return found


def worker(data_dir: Path) -> None:
    """Answer ``[label, repeat]`` lines with that many timings of the query, in ms."""
    sys.path.insert(0, str(Path.cwd()))
    import sqlite_utils

    from bench.synthetic_library import VERSION, Generator
    from reader.library import open_library
    from reader.paths import library_path

    rare = Generator(1).words[20_000]
    with open_library(data_dir, version=VERSION) as library:
        rows = library.connection.execute(
            """SELECT a.name FROM statements AS s JOIN actors AS a ON a.id = s.actor_id
               GROUP BY s.actor_id ORDER BY count(*) DESC LIMIT 300"""
        ).fetchall()
        table = cases(library, str(rows[0][0]), str(rows[-1][0]), rare)
        control = sqlite_utils.Database(library_path(data_dir))
        table["control: table.search SQL"] = lambda: control.execute(
            CONTROL_SQL, {"query": '"government"'}
        ).fetchall()
        print(json.dumps(list(table)), flush=True)
        for line in sys.stdin:
            label, repeat = json.loads(line)
            table[label]()  # warm the page cache
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                table[label]()
                times.append(time.perf_counter() - started)
            print(json.dumps([t * 1000 for t in times]), flush=True)


class Worker:
    """A checkout's worker process, answering one query's timing at a time."""

    def __init__(self, checkout: Path, data_dir: Path) -> None:
        self.checkout = checkout
        script = str(Path(__file__).resolve())
        self.process = subprocess.Popen(
            [sys.executable, script, "--worker", "--data-dir", str(data_dir)],
            cwd=checkout,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.labels: list[str] = json.loads(self._line())

    def _line(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the worker in {self.checkout} stopped")
        return line

    def times_ms(self, label: str, repeat: int) -> list[float]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps([label, repeat]) + "\n")
        self.process.stdin.flush()
        return [float(t) for t in json.loads(self._line())]

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, nargs="?")
    parser.add_argument("after", type=Path, nargs="?")
    default_dir = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser.add_argument("--data-dir", type=Path, default=default_dir)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.data_dir)
        return
    if args.before is None or args.after is None:
        parser.error("give the two checkouts to compare")
    workers = [Worker(args.before, args.data_dir), Worker(args.after, args.data_dir)]
    results: dict[str, list[list[float]]] = {label: [[], []] for label in workers[0].labels}
    for round_ in range(args.rounds):
        for label, found in results.items():
            repeat = max(3, args.repeat // 5) if label.endswith(", all") else args.repeat
            # Alternate which goes first, so neither always meets the warmer cache.
            for index in (0, 1) if round_ % 2 == 0 else (1, 0):
                found[index].extend(workers[index].times_ms(label, repeat))
    for each in workers:
        each.close()
    print(
        f"{args.rounds} interleaved rounds of {args.repeat} runs (a fifth of that for the "
        f"listings of all statements); milliseconds\nbefore: {args.before}   after: "
        f"{args.after}\n"
    )
    print(f"{'':<36} {'median':^26} {'fastest':^26}")
    heads = " ".join(f"{h:>8}" for h in ("before", "after", "ratio") * 2)
    print(f"{'query':<36} {heads}")
    for label, (before, after) in results.items():
        medians = statistics.median(before), statistics.median(after)
        fastest = min(before), min(after)
        cells = [f"{v:>8.2f}" for v in (*medians, medians[1] / medians[0])]
        cells += [f"{v:>8.2f}" for v in (*fastest, fastest[1] / fastest[0])]
        print(f"{label:<36} {' '.join(cells)}")


if __name__ == "__main__":
    main()
