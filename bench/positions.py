"""Time an actor's positions on a large library, and what the window does with them.

    python bench/positions.py [--data-dir DIR] [--articles 100000] [--repeat 5]

The synthetic library (bench/synthetic_library.py) is built once in ``--data-dir``; its
statements are given subjects as analysis would (three each: head lemmas drawn from 2,000
by Zipf's law, a fifth of them owned by an actor, and one named actor in half the
statements), unless they have some. Printed, as medians in milliseconds, for the actor with
the most statements: the positions (50), one position's first page of statements (50), who
quotes whom, on the reader thread as in the app; and on the GUI thread, putting them on
screen: the positions list, the who-quotes-whom bars, and a page of a position's statements
with their stance words marked. The GUI-thread figures are the stalls a reader could feel;
the target is none over 100 ms. A second figure per row divides by the time plain SQL takes
to list the actor's statement ids (the baseline, in the same run).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_ms
from reader.library import Library, open_library

HEADS = 2_000


def _ensure(data_dir: Path, articles: int) -> None:
    from bench.synthetic_library import VERSION, build
    from reader.paths import library_path

    if not library_path(data_dir).exists():
        print(f"building {articles:,} articles in {data_dir} …", file=sys.stderr)
        build(data_dir, articles)
    with open_library(data_dir, version=VERSION) as library:
        conn = library.connection
        if conn.execute("SELECT 1 FROM statement_subjects LIMIT 1").fetchone():
            return
        print("giving every statement its subjects …", file=sys.stderr)
        rng = random.Random(7)
        heads = [f"head{n:04d}" for n in range(HEADS)]
        weights = [1 / (rank + 1) for rank in range(HEADS)]
        actors = [r[0] for r in conn.execute("SELECT id FROM actors ORDER BY id LIMIT 5000")]
        conn.execute("BEGIN IMMEDIATE")
        rows = []
        for statement_id, article_id, start in conn.execute(
            "SELECT id, article_id, start FROM statements"
        ).fetchall():
            for head in rng.choices(heads, weights, k=3):
                owner = rng.choice(actors) if rng.random() < 0.2 else None
                key = f"policy {head}" if rng.random() < 0.5 else head
                rows.append(
                    (statement_id, article_id, start, start + 5, key, key, "noun_phrase",
                     None, owner, f"phrase:{head}")
                )  # fmt: skip
            if rng.random() < 0.5:
                named = rng.choice(actors)
                rows.append(
                    (statement_id, article_id, start, start + 5, "Name", "name", "named",
                     None, named, f"named:#{named}")
                )  # fmt: skip
            if len(rows) > 50_000:
                conn.executemany(_INSERT, rows)
                rows = []
        conn.executemany(_INSERT, rows)
        conn.execute("COMMIT")


_INSERT = """INSERT INTO statement_subjects (statement_id, article_id, start, "end", text,
    key, rule, local_actor, actor_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def _top_actor(library: Library) -> str:
    row = library.connection.execute(
        """SELECT a.name FROM statements AS s JOIN actors AS a ON a.id = s.actor_id
           GROUP BY s.actor_id ORDER BY count(*) DESC LIMIT 1"""
    ).fetchone()
    return str(row[0])


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    default = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=default)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _ensure(args.data_dir, args.articles)

    from PySide6.QtWidgets import QApplication

    from bench.synthetic_library import VERSION
    from ui.widgets.positions_list import PositionsList, QuoteBars
    from ui.widgets.said_list import SaidList

    app = QApplication.instance() or QApplication([])
    with open_library(args.data_dir, version=VERSION) as library:
        name = _top_actor(library)
        ids = library.actor_ids(name)
        marks = ",".join("?" * len(ids))
        (said,) = library.connection.execute(
            f"SELECT count(*) FROM statements WHERE actor_id IN ({marks})", ids
        ).fetchone()
        (articles,) = library.connection.execute("SELECT count(*) FROM articles").fetchone()
        print(f"library: {articles:,} articles; actor {name!r}: {said:,} statements")

        def baseline() -> object:
            return library.connection.execute(
                f"SELECT id FROM statements WHERE actor_id IN ({marks})", ids
            ).fetchall()

        base = median_ms(baseline, args.repeat)
        positions = library.positions(name)
        first = positions[0]
        reader_rows = {
            "positions (50)": lambda: library.positions(name),
            "a position's first 50 statements": lambda: library.position_statements(
                name, first.key, limit=50
            ),
            "who quotes whom": lambda: library.quoting(name, limit=5),
        }
        print(f"baseline: the actor's statement ids in plain SQL  {base:8.1f} ms")
        print("reader thread (median ms, and / baseline):")
        for label, work in reader_rows.items():
            ms = median_ms(work, args.repeat)
            print(f"  {label:<40} {ms:8.1f} ms  {ms / base:6.2f}x")
        statements = library.position_statements(name, first.key, limit=50)
        quoting = library.quoting(name, limit=5)
        titles = {s.article_id: s.title or "" for s in statements}
        listing = PositionsList()
        bars = QuoteBars()
        page = SaidList()
        page.stance = True

        def show_page() -> None:
            page.clear_statements()
            page.append_page(statements, titles, True)

        gui_rows = {
            "positions list (50 rows)": lambda: listing.set_positions(positions),
            "who quotes whom bars": lambda: (bars.set_quoting(quoting), bars.repaint()),
            "a page of 50 statements, stance marked": show_page,
        }
        print("GUI thread (median ms; a stall over 100 ms would be felt):")
        longest = 0.0
        for label, work in gui_rows.items():
            ms = median_ms(work, args.repeat)
            app.processEvents()
            longest = max(longest, ms)
            print(f"  {label:<40} {ms:8.1f} ms")
        print(f"longest GUI-thread stall: {longest:.1f} ms (target: under 100 ms)")


if __name__ == "__main__":
    main()
