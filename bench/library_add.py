"""Bulk add throughput against raw spaCy throughput on the same articles.

Timings over the same folder of distinct articles (made from the sample's paragraphs),
interleaved round by round, the model loaded beforehand, best of ``--repeat`` rounds:

1. raw spaCy: ``nlp.pipe`` over the article texts as one stream, as fast as it goes: the
   whole texts, and the paragraphs Dramatis parses, both at spaCy's own batch size (the
   baseline is the faster of the two in each round);
2. parse: the texts through ``reader.nlp.parsing.parse_each``, the one parse stream of a
   bulk add, nothing after it;
3. analysis: ``reader.pipeline.analyse_each`` over the opened articles: every stage,
   nothing stored; and ``analyse`` one article at a time, as bulk add did before;
4. bulk add: ``library add --workers 1`` (``reader.archive.runner.add_to_library``) into a
   fresh library: read, open, dedupe, analyse as one stream, store; and
   ``Reading.add_paths`` (``reader.reading``), which adds one article at a time, as bulk add
   did before;
5. storage alone: the same analyses, made once, stored into a fresh library one
   transaction per article, as ``library add`` stores them.

Each is timed by the clock and by this process's processor time: on a shared machine the
processor time is the steadier figure. Target: bulk add / raw spaCy >= 0.95.

    python bench/library_add.py [--files 40] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SAMPLE, Timing, drain, fastest, load, raw_spacy, timing
from reader.archive.options import Cluster
from reader.archive.runner import add_to_library
from reader.library import open_library
from reader.nlp.parsing import load_nlp, parse_each
from reader.opening import open_article
from reader.pipeline import analyse, analyse_each
from reader.reading import Reading


def make_folder(folder: Path, count: int) -> list[Path]:
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    rng = random.Random(7)
    paths = []
    for n in range(count):
        chosen = rng.sample(paragraphs, k=min(10, len(paragraphs)))
        path = folder / f"article_{n:03d}.txt"
        path.write_text(f"Report {n}\n" + "\n".join(chosen) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"before: {load()}")
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = make_folder(folder, args.files)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        articles = [open_article(p) for p in paths]
        words = sum(len(t.split()) for t in texts)
        analyses = [result for _, result in analyse_each(articles)]  # warms every stage
        libraries = iter(range(10_000))

        def add() -> None:
            with open_library(Path(tmp) / f"library-{next(libraries)}") as library:
                run = add_to_library(library, [folder], Cluster(workers=1))
            assert sum(r.was_new for r in run.results) == len(paths)

        def add_paths() -> None:
            with open_library(Path(tmp) / f"library-{next(libraries)}") as library:
                results = Reading(library).add_paths([folder])
            assert sum(r.was_new for r in results) == len(paths)

        def store() -> None:
            with open_library(Path(tmp) / f"library-{next(libraries)}") as library:
                stored = [library.add_analysis(a) for a in analyses]  # type: ignore[arg-type]
            assert sum(was_new for _, was_new in stored) == len(paths)

        raw = raw_spacy(nlp, texts)
        runs: dict[str, Callable[[], object]] = {
            **{f"raw spaCy, {name}": run for name, run in raw.items()},
            "parse stream": lambda: drain(parse_each(enumerate(texts), nlp)),
            "analyse_each": lambda: drain(analyse_each(articles, nlp)),
            "analyse, one at a time": lambda: [analyse(a, nlp) for a in articles],
            "library add": add,
            "add_paths, one at a time": add_paths,
            "storage alone": store,
        }
        timings: dict[str, list[Timing]] = {name: [] for name in runs}
        # Interleaved, so that a burst of load elsewhere hits them all alike.
        for _ in range(args.repeat):
            for name, run in runs.items():
                timings[name].append(timing(run))
    best = {name: fastest(t) for name, t in timings.items()}
    baseline = "raw spaCy, " + min(raw, key=lambda name: best[f"raw spaCy, {name}"].wall)
    raw_best = best[baseline]

    def rate(seconds: float) -> str:
        return f"{len(paths) / seconds:6.1f} articles/s {words / seconds:8,.0f} words/s"

    print(f"{len(paths)} articles, {words:,} words; best of {args.repeat} interleaved rounds\n")
    print(f"{'':26}{'wall':>8}   {'':34}{'processor':>10}")
    for name, t in best.items():
        mark = "  <- baseline" if name == baseline else ""
        print(f"{name:26}{t.wall:7.2f} s   {rate(t.wall)}   {t.cpu:7.2f} s{mark}")
    print(f"\nstorage: {1000 * best['storage alone'].wall / len(paths):.1f} ms an article")
    print("ratios to the baseline (wall; processor time in brackets):")
    compared = ("parse stream", "analyse_each", "analyse, one at a time", "library add")
    for name in (*compared, "add_paths, one at a time"):
        wall = raw_best.wall / best[name].wall
        cpu = raw_best.cpu / best[name].cpu
        target = "  (target >= 0.95)" if name == "library add" else ""
        print(f"  {name + ' / raw spaCy':30} {wall:5.2f}  ({cpu:.2f}){target}")
    print("what each step adds, in processor time, as a share of raw spaCy's:")
    steps = {
        "the parse stream over raw": best["parse stream"].cpu - raw_best.cpu,
        "the stages after the parse": best["analyse_each"].cpu - best["parse stream"].cpu,
        "reading, opening, storing": best["library add"].cpu - best["analyse_each"].cpu,
    }
    for name, seconds in steps.items():
        print(f"  {name:30} {100 * seconds / raw_best.cpu:5.1f} %")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
