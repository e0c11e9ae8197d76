"""Library search latency on a 100,000-article synthetic library.

Median latency of top-20 results with snippets for: a very common word, a common word, a
rare word, a phrase, prefixes, an actor filter, and the statements of one actor. The SQL of
sqlite-utils' ``table.search`` (the library otherwise talks to SQLite through sqlite-utils,
but ranks with its own queries) on the same library is measured in the same run as the
baseline. The library is built once (bench/synthetic_library.py) and reused.

    python bench/library_search.py [--data-dir DIR] [--articles 100000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlite_utils

from bench.synthetic_library import VERSION, Generator, build
from reader.library import Library, open_library
from reader.paths import library_path

TOP = 20


def median_ms(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    result = function()  # warm the page cache
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, result


def ensure_library(data_dir: Path, articles: int) -> None:
    if library_path(data_dir).exists():
        with open_library(data_dir, version=VERSION) as library:
            if library.count() >= articles:
                return
        raise SystemExit(f"{data_dir} holds a smaller library; remove it or pick another")
    print(f"building {articles} articles in {data_dir} …", file=sys.stderr)
    seconds = build(data_dir, articles)
    print(f"built in {seconds:.0f} s", file=sys.stderr)


def actors_to_try(library: Library) -> tuple[str, str]:
    """The most quoted actor, and a typical one (the 300th most quoted)."""
    rows = library.db.execute(
        """SELECT a.name FROM statements AS s JOIN actors AS a ON a.id = s.actor_id
           GROUP BY s.actor_id ORDER BY count(*) DESC LIMIT 300"""
    ).fetchall()
    return str(rows[0][0]), str(rows[-1][0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser.add_argument("--data-dir", type=Path, default=default_dir)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    ensure_library(args.data_dir, args.articles)
    words = Generator(1).words
    rare = words[20_000]

    with open_library(args.data_dir, version=VERSION) as library:
        total = library.count()
        top, typical = actors_to_try(library)
        db = library.db

        def matches(query: str) -> int:
            from reader.library.search import fts_query

            sql = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
            return int(db.execute(sql, (fts_query(query),)).fetchone()[0])

        cases: list[tuple[str, str, Callable[[], list]]] = [
            ("very common word", "the", lambda: library.search("the", limit=TOP)),
            ("common word", "government", lambda: library.search("government", limit=TOP)),
            ("rare word", rare, lambda: library.search(rare, limit=TOP)),
            ("phrase", '"said that"', lambda: library.search('"said that"', limit=TOP)),
            (
                "phrase, rarer",
                '"security talks"',
                lambda: library.search('"security talks"', limit=TOP),
            ),
            ("prefix (3 letters, indexed)", "gov*", lambda: library.search("gov*", limit=TOP)),
            ("prefix (5 letters)", "gover*", lambda: library.search("gover*", limit=TOP)),
            (
                "words AND NOT",
                "election -court",
                lambda: library.search("election -court", limit=TOP),
            ),
        ]
        for who, name in (("top actor", top), ("typical actor", typical)):
            cases += [
                (
                    f"{who} filter",
                    "government",
                    lambda n=name: library.search("government", actor=n, limit=TOP),
                ),
                (
                    f"{who} filter, rare word",
                    rare,
                    lambda n=name: library.search(rare, actor=n, limit=TOP),
                ),
                (
                    f"{who} filter, no words",
                    "",
                    lambda n=name: library.search("", actor=n, limit=TOP),
                ),
            ]
        print(
            f"library: {total:,} articles; top-{TOP} hits with snippets; "
            f"median of {args.repeat} runs\n"
        )
        print(f"{'query':<36} {'text':<20} {'matches':>8} {'hits':>5} {'median ms':>10}")
        ours: dict[str, float] = {}
        for label, text, function in cases:
            ms, result = median_ms(function, args.repeat)
            count = matches(text) if text else len(result)
            print(f"{label:<36} {text:<20} {count:>8,} {len(result):>5} {ms:>10.1f}")
            ours.setdefault(text, ms)

        print()
        for who, name in (("top actor", top), ("typical actor", typical)):
            ids = ",".join(map(str, library.actor_ids(name)))
            said = db.execute(f"SELECT count(*) FROM statements WHERE actor_id IN ({ids})")
            print(f"{who}: {name} ({said.fetchone()[0]:,} statements)")
            ms, result = median_ms(lambda n=name: library.said(n, limit=TOP), args.repeat)
            label = "  statements, first 20 by date"
            print(f"{label:<36} {'':<20} {'':>8} {len(result):>5} {ms:>10.1f}")
            ms, result = median_ms(lambda n=name: library.said(n), max(3, args.repeat // 5))
            label = "  statements, all by date"
            print(f"{label:<36} {'':<20} {'':>8} {len(result):>5} {ms:>10.1f}")
            plain, rows = median_ms(
                lambda n=name: list(db.query(*said_sql(library, n))), max(3, args.repeat // 5)
            )
            label = "  the same rows, sqlite-utils dicts"
            print(f"{label:<36} {'':<20} {'':>8} {len(rows):>5} {plain:>10.1f}")
            print(f"  {'ours / sqlite-utils':<34} {'':<20} {'':>8} {'':>5} {ms / plain:>10.2f}")

    baselines(library_path(args.data_dir), args.repeat, rare, ours)


def said_sql(library: Library, name: str) -> tuple[str, list[int]]:
    """The query ``Library.said`` runs for every statement of ``name``, and its values."""
    from reader.library.copies import not_a_copy
    from reader.library.search import STATEMENT_FROM, STORED_STATEMENT_COLUMNS

    ids = library.actor_ids(name)
    marks = ",".join("?" * len(ids))
    sql = f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
              WHERE s.actor_id IN ({marks}) AND {not_a_copy("s.article_id")}
              ORDER BY date, s.article_id, s.seq"""
    return sql, ids


#: The SQL sqlite-utils ``table.search(q, limit=20)`` runs (rank computed for every match).
SQLITE_UTILS_SEARCH = """with original as (select rowid, * from [articles])
select [original].* from [original]
join [articles_fts] on [original].rowid = [articles_fts].rowid
where [articles_fts] match :query order by [articles_fts].rank limit 20"""

#: One query doing it all: bm25 and a snippet for every match, then the first 20.
ONE_SHOT = """select a.id, a.title, snippet(articles_fts, -1, '[', ']', '…', 24),
    bm25(articles_fts, 10.0, 1.0) as score
from articles_fts join articles as a on a.id = articles_fts.rowid
where articles_fts match :query order by score limit 20"""


def baselines(path: Path, repeat: int, rare: str, ours: dict[str, float]) -> None:
    """The same searches through sqlite-utils' ``table.search`` SQL (ranked whole rows, no
    snippets) and through one query ranking and snipping every match; then ours against
    the first, text by text."""
    db = sqlite_utils.Database(path)
    print("\nbaselines on the same library:")
    texts = ("the", "government", rare, '"said that"', '"security talks"')
    plain: dict[str, float] = {}
    for label, sql in (
        ("sqlite-utils table.search SQL", SQLITE_UTILS_SEARCH),
        ("one-shot rank + snippets", ONE_SHOT),
    ):
        for text in texts:
            query = text if text.startswith('"') else '"' + text + '"'
            ms, result = median_ms(
                lambda s=sql, q=query: db.execute(s, {"query": q}).fetchall(), repeat
            )
            print(f"{label:<36} {text:<20} {'':>8} {len(result):>5} {ms:>10.1f}")
            if sql is SQLITE_UTILS_SEARCH:
                plain[text] = ms
    db.close()
    print("\nours / sqlite-utils table.search (below 1: ours is faster; ours adds snippets):")
    for text in texts:
        print(f"  {text:<20} {ours[text] / plain[text]:>6.2f}")


if __name__ == "__main__":
    main()
