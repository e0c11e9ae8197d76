"""What near copies cost on a 100,000-article library (``reader.library.copies``).

1. Migrating: a copy of a library built by an earlier version (bench/library_search.py
   builds one) is taken to the current schema one migration at a time, each timed as
   ``migrate`` runs it (its own transaction): the stemmed full-text indexes are filled
   again, and every stored article is fingerprinted and filed (``fingerprint_library``).
2. Adding: the time to fingerprint a new article and look for the story it copies among
   all of them (``find_original``: index lookups, then an exact comparison of the
   candidates), for new stories and for lightly edited copies of stored ones; median of
   ``--repeat`` articles of each kind.

    python bench/library_copies.py [--data-dir DIR] [--work-dir DIR] [--repeat 200]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic_library import Generator
from reader.library.connection import database
from reader.library.copies import find_original
from reader.library.near_copies import fingerprint
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION, run_step, stored_version
from reader.paths import library_path


def migrate_timed(path: Path) -> list[tuple[int, float]]:
    """Apply each missing migration in its own transaction; seconds for each."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    times = []
    try:
        while (version := stored_version(conn)) < SCHEMA_VERSION:
            started = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            run_step(conn, MIGRATIONS[version])
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
            times.append((version + 1, time.perf_counter() - started))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return times


def edited(text: str, rng: random.Random) -> str:
    """A light edit, as a second outlet makes: two words changed and a credit line added."""
    words = text.split(" ")
    for _ in range(2):
        words[rng.randrange(len(words))] = "reportedly"
    return " ".join(words) + " Reporting by a correspondent; editing by the desk."


def lookups(path: Path, repeat: int) -> None:
    conn = sqlite3.connect(path)
    db = database(conn)
    (articles,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    (bands,) = conn.execute("SELECT count(*) FROM near_copy_bands").fetchone()
    (copies,) = conn.execute("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL").fetchone()
    print(f"\n{articles:,} articles, {bands:,} band rows, {copies:,} copies among them")
    rng = random.Random(7)
    fresh = Generator(seed=99).analyses(repeat)
    stored_ids = [rng.randrange(1, articles + 1) for _ in range(repeat)]
    stored = [
        conn.execute("SELECT text FROM articles WHERE id = ?", (i,)).fetchone()[0]
        for i in stored_ids
    ]
    for label, texts, expect_copy in (
        ("a new story", [a.article.text for a in fresh], False),
        ("a lightly edited copy", [edited(t, rng) for t in stored], True),
    ):
        times, found = [], 0
        for text in texts:
            started = time.perf_counter()
            original = find_original(db, fingerprint(text))
            times.append(time.perf_counter() - started)
            found += original is not None
        ms = statistics.median(times) * 1000
        worst = max(times) * 1000
        print(
            f"{label:<24} found as a copy {found:>4}/{len(texts)} "
            f"(expected {'all' if expect_copy else 'none'}); "
            f"median {ms:.2f} ms, slowest {worst:.2f} ms"
        )
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT article_id FROM near_copy_bands WHERE band IN (1, 2)"
    ).fetchall()
    print("candidate lookup:", "; ".join(str(row[-1]) for row in plan))
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser.add_argument("--data-dir", type=Path, default=default_dir)
    parser.add_argument("--work-dir", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    source = library_path(args.data_dir)
    if not source.exists():
        raise SystemExit(f"no library in {args.data_dir}: run bench/library_search.py first")
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="dramatis-copies-"))
    target = library_path(work)
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").exists():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    conn = sqlite3.connect(target)
    version = stored_version(conn)
    conn.close()
    print(f"migrating a copy of {source} (schema {version}) to schema {SCHEMA_VERSION}")
    total = 0.0
    for number, seconds in migrate_timed(target):
        total += seconds
        step = MIGRATIONS[number - 1]
        name = step.__name__ if callable(step) else f"SQL of {len(step.splitlines())} lines"
        print(f"  migration {number:>2} ({name}): {seconds:8.1f} s")
    print(f"  all: {total:.1f} s")
    lookups(target, args.repeat)
    print(f"\nthe migrated copy is in {work}")


if __name__ == "__main__":
    main()
