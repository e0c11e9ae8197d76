"""Build a large synthetic library quickly, without spaCy, through the storage layer.

Articles are made of Zipf-distributed words, real-looking names and statements (direct
quotes and reported speech) with exact character offsets, so the library holds realistic
entities, statements and actors. Everything goes through ``Library.add_analyses`` — the same
code that stores real analyses — a batch per transaction.

    python bench/synthetic_library.py DIR [--articles 100000] [--seed 1]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.library import Library, open_library
from reader.model import Actor, Analysis, Article, Entity, Quote

VERSION = "synthetic-1"

COMMON = (
    "the of and to in a that for is on with as by at was from it be has have are an not "
    "this but which will after new more about its year government people would over also "
    "their been two there were officials country last week minister state told could "
    "president police public first security talks economy prices workers election court "
    "report plan support military attack energy market deal policy health city region "
    "border water schools hospital vote leaders"
).split()
FIRST = (
    "Vladimir Olaf Emmanuel Giorgia Pedro Joe Kamala Rishi Keir Ursula Xi Narendra Recep "
    "Benjamin Volodymyr Luiz Andrzej Viktor Mark Justin Anthony Antonio Sergei Dmitry Maria "
    "Ana Sofia Lucas Ahmed Fatima Omar Leila Chen Wei Hiroshi Yuki Kwame Amara Ngozi Tariq "
    "Elena Ivan Jonas Ingrid Pablo Lucia Marco Giulia Henrik Astrid Rafael Camila Diego "
    "Priya Arjun Sunita Mei Jin Hana Samuel Grace Daniel Sarah Thomas Emma"
).split()
LAST = (
    "Putin Scholz Macron Meloni Sanchez Biden Harris Sunak Starmer Leyen Jinping Modi "
    "Erdogan Netanyahu Zelensky Lula Duda Orban Rutte Trudeau Blinken Guterres Lavrov "
    "Peskov Petrova Santos Almeida Haddad Rahman Khalil Nasser Zhang Liu Tanaka Sato Mensah "
    "Okafor Adeyemi Hussain Ivanova Novak Berg Lindqvist Garcia Fernandez Rossi Bianchi "
    "Jensen Nielsen Silva Moreno Alvarez Sharma Patel Gupta Wang Kim Park Osei Cohen Levi "
    "Murphy Kelly Schmidt Weber Dubois Laurent Kowalski Horvat"
).split()
ORGS = (
    "United Nations|European Union|NATO|World Bank|Red Cross|Kremlin|Pentagon|Bundestag|"
    "World Health Organization|Central Bank|Supreme Court|Finance Ministry|Reuters|Amnesty"
).split("|")
POOL_SIZE = 200_000
CUES = ("said", "told reporters", "added", "warned", "insisted", "stated")


class Generator:
    """Deterministic article factory; ``analysis(i)`` is article ``i`` with its analysis."""

    def __init__(self, seed: int = 1, vocabulary: int = 30_000) -> None:
        self.random = random.Random(seed)
        self._pool: list[str] = []
        made = self._pseudo_words(vocabulary)
        self.words = COMMON + made
        # Zipf: weight 1/rank; common words first.
        self.cum_weights: list[float] = []
        total = 0.0
        for rank in range(1, len(self.words) + 1):
            total += 1.0 / rank
            self.cum_weights.append(total)
        self.people = [f"{f} {ln}" for f in FIRST for ln in LAST]
        self.random.shuffle(self.people)
        self.people = self.people[:3000]
        self.people_weights = []
        total = 0.0
        for rank in range(1, len(self.people) + 1):
            total += 1.0 / rank**0.9
            self.people_weights.append(total)

    def _pseudo_words(self, count: int) -> list[str]:
        syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["str", "qu", "th"]
        seen: set[str] = set(COMMON)
        words: list[str] = []
        while len(words) < count:
            word = "".join(self.random.choices(syllables, k=self.random.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                words.append(word)
        return words

    def _make_sentence(self, low: int = 8, high: int = 22) -> str:
        words = self.random.choices(
            self.words, cum_weights=self.cum_weights, k=self.random.randint(low, high)
        )
        return " ".join(words).capitalize()

    def _sentence(self) -> str:
        # Drawing from a large pool of Zipf sentences is ten times faster than making each.
        if not self._pool:
            self._pool = [self._make_sentence() for _ in range(POOL_SIZE)]
        return self._pool[self.random.randrange(POOL_SIZE)]

    def analysis(self, index: int) -> Analysis:
        r = self.random
        cast = list(dict.fromkeys(r.choices(self.people, cum_weights=self.people_weights, k=4)))
        org = r.choice(ORGS)
        parts: list[str] = []
        length = 0
        entities: list[Entity] = []
        quotes: list[Quote] = []
        mentions: dict[str, int] = {}
        quoted: dict[str, list[int]] = {}
        local = {name: f"a{n}" for n, name in enumerate(cast, start=1)}
        local[org] = f"a{len(cast) + 1}"

        def emit(text: str) -> int:
            nonlocal length
            start = length
            parts.append(text)
            length += len(text)
            return start

        def mention(name: str, written: str, label: str) -> tuple[int, int]:
            start = emit(written)
            entities.append(Entity(start, start + len(written), written, label, local[name]))
            mentions[name] = mentions.get(name, 0) + 1
            return start, start + len(written)

        title = self._make_sentence(5, 9)
        emit(title + "\n")
        for paragraph in range(r.randint(5, 8)):
            name = r.choice(cast)
            written = name if mentions.get(name) is None else name.split()[-1]
            if paragraph % 2 == 0:
                content = self._sentence()
                cue = r.choice(CUES)
                q_start = emit('"') + 1
                emit(content + ',"')
                q_end = q_start + len(content)
                emit(" ")
                s_start, s_end = mention(name, written, "PERSON")
                emit(" ")
                c_start = emit(cue)
                emit(". ")
                kind = "direct"
            else:
                s_start, s_end = mention(name, written, "PERSON")
                emit(" ")
                cue = "said"
                c_start = emit(cue)
                emit(" that ")
                content = self._sentence().lower()
                q_start = emit(content)
                q_end = q_start + len(content)
                emit(". ")
                kind = "indirect"
            quoted.setdefault(name, []).append(len(quotes))
            quotes.append(
                Quote(
                    start=q_start,
                    end=q_end,
                    text=content,
                    spans=((q_start, q_end),),
                    kind=kind,
                    speaker=written,
                    speaker_start=s_start,
                    speaker_end=s_end,
                    cue=cue,
                    cue_start=c_start,
                    cue_end=c_start + len(cue),
                    actor=local[name],
                    confidence=0.9,
                )
            )
            emit(self._sentence() + " ")
            if r.random() < 0.5:
                emit("The ")
                mention(org, org, "ORG")
                emit(" " + self._sentence().lower() + ". ")
            emit(self._sentence() + ".\n")
        text = "".join(parts)
        actors = tuple(
            Actor(
                id=local[name],
                name=name,
                kind="person" if name in cast else "organisation",
                aliases=(name.split()[-1],) if name in cast else (),
                mentions=count,
                quotes=tuple(quoted.get(name, ())),
            )
            for name, count in mentions.items()
        )
        day = 1 + index % 28
        month = 1 + (index // 28) % 12
        year = 2020 + (index // 336) % 5
        article = Article(
            title=title,
            text=text,
            source=Path(f"synthetic/{index:06d}.txt"),
            format="txt",
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            published=f"{year}-{month:02d}-{day:02d}",
        )
        return Analysis(article, tuple(entities), tuple(quotes), actors, VERSION)

    def analyses(self, count: int) -> Iterator[Analysis]:
        for index in range(count):
            yield self.analysis(index)


def store_in_batches(
    library: Library, analyses: Iterable[Analysis], total: int, batch: int
) -> None:
    """Store ``analyses`` ``batch`` at a time (one transaction each), counting on stderr."""
    pending: list[Analysis] = []
    for n, analysis in enumerate(analyses, start=1):
        pending.append(analysis)
        if len(pending) >= batch:
            library.add_analyses(pending)
            pending.clear()
            print(f"\r{n:,}/{total:,}", end="", file=sys.stderr, flush=True)
    if pending:
        library.add_analyses(pending)


def build(data_dir: Path, articles: int, seed: int = 1, batch: int = 2000) -> float:
    """Fill the library in ``data_dir`` with ``articles`` synthetic articles; seconds taken."""
    started = time.perf_counter()
    generator = Generator(seed)
    with open_library(data_dir, version=VERSION) as library:
        # A bigger page cache keeps the full-text index merges in memory while bulk loading.
        library.connection.execute("PRAGMA cache_size = -200000")
        store_in_batches(library, generator.analyses(articles), articles, batch)
        library.connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
        library.connection.execute(
            "INSERT INTO statements_fts (statements_fts) VALUES ('optimize')"
        )
        library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        library.connection.execute("ANALYZE")
    print(file=sys.stderr)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    seconds = build(args.data_dir, args.articles, args.seed)
    print(f"{args.articles} articles in {seconds:.1f} s")


if __name__ == "__main__":
    main()
