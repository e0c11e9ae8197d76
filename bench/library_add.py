"""Bulk add throughput against raw spaCy throughput on the same articles (issue: the library).

Four timings over the same folder of distinct articles (made from the sample's paragraphs),
best of ``--repeat`` runs each, interleaved, the model loaded beforehand:

1. raw spaCy: ``nlp.pipe`` over the article texts;
2. analysis: ``open_article`` + ``analyse`` for each file, nothing stored;
3. bulk add: ``Library.add_paths`` into a fresh library (open, dedupe, analyse, store);
4. storage alone: the same analyses, made once, stored into a fresh library one
   ``add_analysis`` (one transaction) per article, as ``add_paths`` stores them.

Storage should be a small part of adding: the ratio bulk add / raw spaCy should be >= 0.85.
The fourth timing is storage's own cost, too small to see in the whole-run timings.

    python bench/library_add.py [--files 40] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SAMPLE
from reader.library import open_library
from reader.nlp.parsing import load_nlp
from reader.opening import open_article
from reader.pipeline import analyse


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


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    nlp = load_nlp()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = make_folder(folder, args.files)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        words = sum(len(t.split()) for t in texts)
        analyse(open_article(paths[0]))  # warm up every stage
        analyses = [analyse(open_article(p)) for p in paths]

        runs = iter(range(2 * args.repeat))

        def add() -> None:
            data = Path(tmp) / f"library-{next(runs)}"
            with open_library(data) as library:
                results = library.add_paths([folder])
            assert sum(r.was_new for r in results) == len(paths)

        def store() -> None:
            data = Path(tmp) / f"library-{next(runs)}"
            with open_library(data) as library:
                stored = [library.add_analysis(analysis) for analysis in analyses]
            assert sum(was_new for _, was_new in stored) == len(paths)

        # Interleaved, so that a burst of load elsewhere hits all four alike.
        timings: dict[str, list[float]] = {"raw": [], "analyse": [], "add": [], "store": []}
        for _ in range(args.repeat):
            timings["raw"].append(timed(lambda: list(nlp.pipe(texts))))
            timings["analyse"].append(timed(lambda: [analyse(open_article(p)) for p in paths]))
            timings["add"].append(timed(add))
            timings["store"].append(timed(store))
        raw, analysis, added, storage = (
            min(timings[k]) for k in ("raw", "analyse", "add", "store")
        )

    def rate(seconds: float) -> str:
        return f"{len(paths) / seconds:6.1f} articles/s {words / seconds:9,.0f} words/s"

    print(f"{len(paths)} articles, {words:,} words; best of {args.repeat} runs\n")
    print(f"raw spaCy nlp.pipe     {raw:6.2f} s  {rate(raw)}")
    print(f"analyse (no storage)   {analysis:6.2f} s  {rate(analysis)}")
    print(f"library add_paths      {added:6.2f} s  {rate(added)}")
    print(f"storage alone          {storage:6.2f} s  {storage / len(paths) * 1000:6.1f} ms/article")
    print(f"\nbulk add / raw spaCy throughput: {raw / added:.2f}")
    print(f"bulk add / analyse throughput:   {analysis / added:.2f}")


if __name__ == "__main__":
    main()
