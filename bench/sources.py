"""Time the sources report on a large library, and what the window's GUI thread does meanwhile.

    python bench/sources.py [--data-dir DIR] [--articles 100000] [--repeat 5]

Builds once, in ``--data-dir``, a synthetic library whose articles quote varied sources
(without spaCy, through ``Library.add_analyses``, so every article's sources are found by
``reader.sources`` as it is stored): people with titles ("Health Minister Maria Silva",
"Dr Omar Haddad"), honorifics ("said Mrs Ana Berg"), pronouns resolved to them, appositions
("Jonas Novak, a resident of …"), descriptions ("Officials said", "Police said"),
spokespeople for bodies and bodies themselves; 40 outlets, dates over five years. Printed:

- building: articles a second, and what finding the sources costs an article
  (``source_facts`` alone, on analyses of the same kind);
- the reader thread: the report for the whole library, one outlet, a year, both, and one
  article (medians of ``--repeat``, milliseconds);
- the GUI thread, in a child process on Xvfb (else offscreen): the longest stall (a 10 ms
  timer noting the gaps between its ticks) while the Sources window is made and shown (as
  View > Sources… does the first time), counts the library, is narrowed to an outlet, to a
  year (the outlet let go, then both dates set: one count), switched to one article, and
  left open five seconds while it asks the library's generation every two; and, for each,
  how long the answer took to come. A bare second of the same event loop before it is the
  floor: what the machine itself does to a 10 ms timer.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_ms
from bench.synthetic_library import store_in_batches
from reader.model import PRONOUN, Actor, Analysis, Article, Entity, Quote

VERSION = "synthetic-sources-1"
OUTLETS = 40
TICK_MS = 10
TIMEOUT = 900

WOMEN = (
    "Maria Ana Grace Fatima Sofia Priya Emma Elena Ingrid Mei Hana Sarah Lucia Camila Leila "
    "Margaret Astrid Giulia Amara Yuki"
).split()
MEN = (
    "Thomas Pedro Omar Ivan Daniel Samuel Marco Diego Kwame Hiroshi Rafael Jonas Henrik Arjun "
    "Lucas Tariq Sergei Viktor Peter John"
).split()
UNCLEAR = "Jordan Alex Kim Sam Robin J. K. M.".split()
LAST = (
    "Silva Haddad Berg Novak Okafor Mensah Rossi Garcia Sharma Tanaka Kowalski Dubois Weber "
    "Murphy Kelly Cohen Levi Osei Park Lindqvist Moreno Alvarez Patel Nielsen Horvat Laurent "
    "Schmidt Ivanova Rahman Khalil"
).split()
TITLES = (
    "Health Minister|Mayor|Senator|Dr|Professor|police spokesperson|Chief Executive|Detective|"
    "economist|Councillor|||"
).split("|")
APPOSITIONS = ("a resident of", "a teacher in", "a shop owner in", "a nurse in", "a student in")
TOWNS = "Westbury|Port Ellen|Kilmore|Ashford|Lindow|Carrick".split("|")
DESCRIPTIONS = (("Officials", "group"), ("Residents", "group"), ("Witnesses", "group"),
                ("Analysts", "group"), ("Police", "organisation"))  # fmt: skip
BODIES = (
    "Westbury Health Board|Harbour Authority|Transport Ministry|National Rail|Kilmore Council|"
    "Carrick Water Company|Red Cross|Teachers Union"
).split("|")
WORDS = (
    "the plan would cost more than expected and the work could start next year after the "
    "vote on the budget while the council said families need clear answers about schools "
    "roads water prices and the new hospital in the town centre before winter"
).split()


class SourcesGenerator:
    """Deterministic articles quoting varied sources; ``analysis(i)`` is article ``i``."""

    def __init__(self, seed: int = 1) -> None:
        self.random = random.Random(seed)
        people = [(f, "female") for f in WOMEN] + [(f, "male") for f in MEN]
        people += [(f, "unclear") for f in UNCLEAR]
        self.people = [(f"{f} {last}", g) for f, g in people for last in LAST]
        self.random.shuffle(self.people)
        total = 0.0
        self.weights: list[float] = []
        for rank in range(1, len(self.people) + 1):
            total += 1.0 / rank**0.9
            self.weights.append(total)

    def analysis(self, index: int) -> Analysis:
        r = self.random
        parts: list[str] = []
        entities: list[Entity] = []
        quotes: list[Quote] = []
        actors: dict[str, dict[str, Any]] = {}
        length = 0

        def emit(text: str) -> int:
            nonlocal length
            start = length
            parts.append(text)
            length += len(text)
            return start

        def actor(local: str, name: str, kind: str, description: bool = False) -> str:
            actors.setdefault(local, {"name": name, "kind": kind, "quotes": [], "mentions": 0,
                                      "description": description})  # fmt: skip
            return local

        def name(local: str, written: str, label: str) -> tuple[int, int]:
            start = emit(written)
            entities.append(Entity(start, start + len(written), written, label, local))
            actors[local]["mentions"] += 1
            return start, start + len(written)

        def said(local: str, speaker: tuple[int, int], content: tuple[int, int], kind: str) -> None:
            actors[local]["quotes"].append(len(quotes))
            text = "".join(parts)
            quotes.append(
                Quote(
                    start=content[0], end=content[1], text=text[content[0] : content[1]],
                    spans=(content,), kind=kind,  # type: ignore[arg-type]
                    speaker=text[speaker[0] : speaker[1]], speaker_start=speaker[0],
                    speaker_end=speaker[1], actor=local, confidence=0.9,
                    rule="verb_that_clause",
                )
            )  # fmt: skip

        def content() -> str:
            return " ".join(r.choices(WORDS, k=r.randint(8, 16)))

        emit(f"{content().capitalize()}\n\n")
        cast = list(dict.fromkeys(r.choices(self.people, cum_weights=self.weights, k=3)))
        for n, (person, gender) in enumerate(cast):
            local = actor(f"p{n}", person, "person")
            shape = r.randrange(3)
            if shape == 0:
                title = r.choice(TITLES)
                s = emit(f"{title} " if title else "")
                _, e = name(local, person, "PERSON")
                emit(" said that ")
                c = emit(content())
                said(local, (s, e), (c, length), "indirect")
                emit(". ")
            elif shape == 1:
                c = emit('"') + 1
                emit(content() + ',"')
                end = length - 2
                emit(" said ")
                honorific = {"female": "Ms", "male": "Mr"}.get(gender, "")
                written = f"{honorific} {person}" if honorific and r.random() < 0.5 else person
                s, e = name(local, written, "PERSON")
                said(local, (s, e), (c, end), "direct")
                emit(". ")
            else:
                s, e = name(local, person, "PERSON")
                emit(f", {r.choice(APPOSITIONS)} {r.choice(TOWNS)}, said ")
                c = emit(content())
                said(local, (s, e), (c, length), "indirect")
                emit(". ")
            if gender != "unclear" and r.random() < 0.5:
                c = emit('"') + 1
                emit(content() + ',"')
                end = length - 2
                emit(" ")
                pronoun = "she" if gender == "female" else "he"
                p = emit(pronoun)
                entities.append(Entity(p, p + len(pronoun), pronoun, PRONOUN, local))
                said(local, (p, p + len(pronoun)), (c, end), "direct")
                emit(" said. ")
            emit("\n\n")
        if r.random() < 0.6:
            words, kind = r.choice(DESCRIPTIONS)
            local = actor("d", words, kind, description=True)
            s = emit(words)
            emit(" said ")
            c = emit(content())
            said(local, (s, s + len(words)), (c, length), "indirect")
            emit(".\n\n")
        if r.random() < 0.6:
            body = r.choice(BODIES)
            local = actor("b", body, "organisation")
            if r.random() < 0.5:
                s = emit("A spokesperson for the ")
                _, e = name(local, body, "ORG")
            else:
                emit("The ")
                s, e = name(local, body, "ORG")
            emit(" said ")
            c = emit(content())
            said(local, (s, e), (c, length), "indirect")
            emit(".\n")
        text = "".join(parts)
        cast_actors = tuple(
            Actor(
                id=local, name=a["name"], kind=a["kind"],
                aliases=(a["name"],), mentions=a["mentions"], quotes=tuple(a["quotes"]),
                doubts=("description",) if a["description"] else (),
            )
            for local, a in actors.items()
        )  # fmt: skip
        article = Article(
            title=text.split("\n", 1)[0],
            text=text,
            source=Path(f"synthetic/{index:06d}.txt"),
            format="txt",
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            # Years by sevens: each outlet has articles in every year.
            published=f"{2020 + index // 7 % 5}-{1 + index % 12:02d}-{1 + index % 28:02d}",
            outlet=f"Outlet {index % OUTLETS}",
        )
        return Analysis(article, tuple(entities), tuple(quotes), cast_actors, VERSION)

    def analyses(self, count: int) -> Iterator[Analysis]:
        for index in range(count):
            yield self.analysis(index)


def build(data_dir: Path, articles: int, batch: int = 2000) -> float:
    """Fill the library in ``data_dir``; seconds taken."""
    from reader.library import open_library

    started = time.perf_counter()
    with open_library(data_dir, version=VERSION) as library:
        library.connection.execute("PRAGMA cache_size = -200000")
        store_in_batches(library, SourcesGenerator().analyses(articles), articles, batch)
        library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        library.connection.execute("ANALYZE")
    print(file=sys.stderr)
    return time.perf_counter() - started


def facts_cost(count: int = 2000) -> float:
    """Milliseconds ``source_facts`` takes an article of the synthetic kind."""
    from reader.sources import source_facts

    analyses = list(SourcesGenerator(seed=7).analyses(count))
    source_facts(analyses[0])  # its imports and tables, once
    started = time.perf_counter()
    for analysis in analyses:
        source_facts(analysis)
    return (time.perf_counter() - started) * 1000 / count


def middle_article(data_dir: Path) -> int:
    from reader.library import open_library

    with open_library(data_dir, version=VERSION, read_only=True) as library:
        (last,) = library.connection.execute("SELECT max(id) FROM articles").fetchone()
    return max(int(last or 0) // 2, 1)


def reader_thread(data_dir: Path, repeat: int) -> None:
    from reader.library import Bounds, open_library

    with open_library(data_dir, version=VERSION, read_only=True) as library:
        whole = library.sources_report()
        print(f"{whole.articles:,} articles, {whole.sources:,} sources, "
              f"{whole.statements:,} statements")  # fmt: skip
        cases = {
            "the whole library": Bounds(),
            "one outlet": Bounds(outlet="Outlet 7"),
            "a year": Bounds(dated_from="2023-01-01", dated_to="2023-12-31"),
            "an outlet and a year": Bounds(
                outlet="Outlet 7", dated_from="2023-01-01", dated_to="2023-12-31"
            ),
        }
        print(f"reader thread, median of {repeat} (ms):")
        for label, bounds in cases.items():
            articles = library.sources_report(bounds).articles
            took = median_ms(lambda b=bounds: library.sources_report(b), repeat)
            print(f"  {label:<24}{articles:>9,} articles{took:>10.1f}")
        middle = middle_article(data_dir)
        took = median_ms(lambda: library.article_sources(middle), repeat)
        print(f"  {'one article':<24}{1:>9,} article {took:>10.1f}")


# -- the child process: the window ----------------------------------------------------------------


def child(data_dir: str, article: str) -> None:
    from PySide6.QtCore import QDate, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.library import open_library
    from ui.sources_window import SourcesWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    library = open_library(data_dir, version=VERSION)

    class Meter(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.phase = "idle"
            self.longest: dict[str, float] = {}
            self.last = time.perf_counter()
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(TICK_MS)
            self.timer.timeout.connect(self.tick)
            self.timer.start()

        def tick(self) -> None:
            now = time.perf_counter()
            gap = (now - self.last) * 1000
            self.longest[self.phase] = max(self.longest.get(self.phase, 0.0), gap)
            self.last = now

        def enter(self, phase: str) -> None:
            self.tick()
            self.phase = phase

    meter = Meter()
    made: list[SourcesWindow] = []

    def show() -> None:
        # View > Sources… the first time: the window is made and shown, nothing counted yet.
        made.append(SourcesWindow())
        made[0].show()

    answered: dict[str, float] = {}
    steps: list[tuple[str, Callable[[], None]]] = [
        ("count the library", lambda: made[0].open_for(library, None, "")),
        ("one outlet", lambda: made[0].filters.choose_outlet("Outlet 7")),
        ("a year", lambda: (made[0].filters.choose_outlet(None),
                            made[0].filters.set_dates(QDate(2023, 1, 1), QDate(2023, 12, 31)))),
        ("one article", lambda: (made[0].show_article(int(article), f"Article {article}"),
                                 made[0].scope.setCurrentIndex(1))),
    ]  # fmt: skip
    started = [0.0]

    def next_step() -> None:
        if not steps:
            meter.enter("left open, polling")
            QTimer.singleShot(5000, finish)
            return
        phase, act = steps.pop(0)
        meter.enter(phase)
        started[0] = time.perf_counter()
        window = made[0]
        before = window.report
        act()

        def wait() -> None:
            if window.report is not before and not window.tasks.busy("sources"):
                answered[phase] = (time.perf_counter() - started[0]) * 1000
                QTimer.singleShot(300, next_step)  # the bars painted, and a little more
            else:
                QTimer.singleShot(5, wait)

        wait()

    def finish() -> None:
        meter.tick()
        print(json.dumps({"stall_ms": meter.longest, "answer_ms": answered}))
        made[0].shutdown()
        library.close()
        app.quit()

    # The first events of a new application are not the window's: the floor is measured after.
    QTimer.singleShot(200, lambda: meter.enter("idle"))
    QTimer.singleShot(1200, lambda: (meter.enter("window made and shown"), show()))
    QTimer.singleShot(2200, next_step)
    app.exec()


def gui_thread(data_dir: Path) -> None:
    from bench.common import ROOT
    from bench.frozen_start import display

    with display() as screen:
        env = {**os.environ, **screen}
        if "DISPLAY" in screen:
            env.pop("QT_QPA_PLATFORM", None)
        done = subprocess.run(
            [sys.executable, __file__, "--child", str(data_dir), str(middle_article(data_dir))],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT,
        )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"the window's child failed:\n{done.stderr[-3000:]}")
    found = json.loads(lines[-1])
    where = "Xvfb" if "DISPLAY" in screen else "offscreen"
    print(f"GUI thread ({where}): longest stall, and the answer's wait (ms):")
    for phase, stall in found["stall_ms"].items():
        answer = found["answer_ms"].get(phase)
        waited = f"{answer:>10.0f}" if answer is not None else f"{'':>10}"
        print(f"  {phase:<24}{stall:>8.0f}{waited}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(tempfile.gettempdir()) / "dramatis-bench-sources-100k"
    parser.add_argument("--data-dir", type=Path, default=default)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    from reader.paths import library_path

    if not library_path(args.data_dir).exists():
        partial = args.data_dir.with_name(args.data_dir.name + ".partial")
        print(f"building {args.articles:,} articles in {partial} …", file=sys.stderr)
        seconds = build(partial, args.articles)
        partial.rename(args.data_dir)
        print(f"built {args.articles:,} articles in {seconds:.0f} s "
              f"({args.articles / seconds:,.0f} a second)")  # fmt: skip
    from reader.library import open_library

    started = time.perf_counter()
    open_library(args.data_dir, version=VERSION).close()  # brought to the current schema
    print(f"opened (migrated if older) in {time.perf_counter() - started:.1f} s")
    print(f"finding an article's sources (source_facts): {facts_cost():.2f} ms")
    reader_thread(args.data_dir, args.repeat)
    gui_thread(args.data_dir)


if __name__ == "__main__":
    main()
