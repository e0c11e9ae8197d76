"""Time the Library tab's table on a large library: pages in every order, filters, and what
runs on the GUI thread.

    python bench/library_table.py [--data-dir DIR] [--articles 100000] [--repeat 5]

The synthetic library (bench/synthetic_library.py) is built once in ``--data-dir`` and its
articles given outlets (40 of them, by id) and kept. Printed, as medians in milliseconds:
a page of 200 rows at the top, the middle and the end of the table in each order, both
ways (on the reader thread in the app); the same with an outlet and with a year of dates;
the count, the outlet list and the generation asked every two seconds; on the GUI
thread, putting a page and the outlet list on screen; and removing articles and putting
them back (as the window's writer thread does, on its own connection).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import median_ms
from reader.library import Bounds, Column, Library, open_library

PAGE = 200
OUTLETS = 40


def _ensure(data_dir: Path, articles: int) -> None:
    from bench.synthetic_library import VERSION, build
    from reader.paths import library_path

    if not library_path(data_dir).exists():
        print(f"building {articles:,} articles in {data_dir} …", file=sys.stderr)
        build(data_dir, articles)
    with open_library(data_dir, version=VERSION) as library:
        missing = library.connection.execute(
            "SELECT count(*) FROM articles WHERE outlet IS NULL"
        ).fetchone()[0]
        if missing:
            print(f"giving {missing:,} articles an outlet …", file=sys.stderr)
            library.connection.execute("BEGIN IMMEDIATE")
            library.connection.execute(
                f"UPDATE articles SET outlet = 'Outlet ' || (id % {OUTLETS}) WHERE outlet IS NULL"
            )
            library.connection.execute("COMMIT")


def _reader_thread(library: Library, repeat: int) -> None:
    total = library.listing_count()
    print(f"{total:,} articles; a page is {PAGE} rows (ms, median of {repeat})")
    print(f"{'order':<22}{'top':>8}{'middle':>9}{'end':>9}")
    for column in Column:
        for descending in (False, True):
            cells = []
            for offset in (0, total // 2, max(total - PAGE, 0)):
                cells.append(
                    median_ms(
                        lambda o=offset, c=column, d=descending: library.listing(
                            c, d, limit=PAGE, offset=o
                        ),
                        repeat,
                    )
                )
            name = f"{column.value} {'desc' if descending else 'asc'}"
            print(f"{name:<22}" + "".join(f"{c:>9.1f}" for c in cells))
    outlet = Bounds(outlet="outlet 7")
    year = Bounds(dated_from="2023-01-01", dated_to="2023-12-31")
    for name, bounds in (("one outlet", outlet), ("a year", year)):
        count = library.listing_count(bounds)
        print(f"{name} ({count:,} articles): count "
              f"{median_ms(lambda b=bounds: library.listing_count(b), repeat):.1f}")  # fmt: skip
        for column in Column:
            took = median_ms(
                lambda b=bounds, c=column: library.listing(c, True, b, limit=PAGE), repeat
            )
            print(f"  {column.value:<20}{took:>8.1f}")
    print(f"count {median_ms(library.listing_count, repeat):.1f}, outlets "
          f"{median_ms(library.outlets, repeat):.1f}, generation "
          f"{median_ms(library.generation, repeat) * 1000:.0f} µs")  # fmt: skip


def _gui_thread(library: Library, repeat: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.widgets.library_filters import LibraryFilters
    from ui.widgets.library_table import LibraryTable, LibraryTableModel

    app = QApplication.instance() or QApplication([])
    model = LibraryTableModel()
    table = LibraryTable(model)
    table.resize(700, 600)
    table.show()
    filters = LibraryFilters()
    rows = tuple(library.listing(Column.TITLE, False, limit=PAGE))
    outlets = library.outlets()
    total = library.listing_count()

    def show_page() -> None:
        model.reset(total, {0: rows})
        filters.set_outlets(outlets)
        table.viewport().repaint()

    print(f"GUI thread: a page and {len(outlets)} outlets on screen "
          f"{median_ms(show_page, repeat):.1f} ms")  # fmt: skip
    for count in (1, 10, 50):
        ids = [row.id for row in rows[:count]]
        started = time.perf_counter()
        removed = library.remove_articles(ids)
        took = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        library.put_back(removed)
        back = (time.perf_counter() - started) * 1000
        print(f"writer thread: remove {count} articles {took:.0f} ms, undo {back:.0f} ms")
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser.add_argument("--data-dir", type=Path, default=default)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    _ensure(args.data_dir, args.articles)
    from bench.synthetic_library import VERSION

    with open_library(args.data_dir, version=VERSION) as library:
        _reader_thread(library, args.repeat)
        _gui_thread(library, args.repeat)


if __name__ == "__main__":
    main()
