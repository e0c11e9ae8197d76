"""What the damage checks cost on a 100,000-article synthetic library.

- the clean-close record compared before a session writes (every session);
- the record of what the library held compared with the file (every open);
- ``PRAGMA quick_check`` (what once ran before every write) and ``write_blockers``
  (``integrity_check`` and both full-text indexes against their content), run before the
  first write only when the file is not as the last clean close left it;
- the stored content against the article texts (``content``: UTF-8, hashes, offsets,
  statements against their text, lengths);
- ``dramatis library check``: all of the above, orphan rows and unreadable values.

The library is the one ``bench/library_search.py`` builds (once) and reuses. Each figure
is the best of ``--repeat`` runs with the file in the page cache.

    python bench/library_check.py [--data-dir DIR] [--articles 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import best_of
from bench.library_search import ensure_library
from bench.synthetic_library import VERSION
from reader.library import check_library, content, held, open_library
from reader.library.check import quick_check, write_blockers
from reader.library.clean_close import left_as_recorded
from reader.paths import library_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_dir = Path(tempfile.gettempdir()) / "dramatis-bench-library-100k"
    parser.add_argument("--data-dir", type=Path, default=default_dir)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_library(args.data_dir, args.articles)
    path = library_path(args.data_dir)
    with open_library(args.data_dir, version=VERSION) as library:
        count = library.count()
        conn = library.connection
        quick_check(conn)  # warm the page cache
        quick = best_of(lambda: quick_check(conn), args.repeat)
        blockers = best_of(lambda: write_blockers(conn), 1)
        stored = best_of(lambda: content.find(library.db), 1)
        full = best_of(lambda: check_library(library), 1)
        identity = best_of(lambda: held.check_state(path, conn), 100)
    record = best_of(lambda: left_as_recorded(path), 100)
    size_mb = path.stat().st_size / 1e6
    print(f"library: {count:,} articles, {size_mb:,.0f} MB; best of {args.repeat} runs")
    print(f"clean-close record compared   {record * 1e6:10.0f} µs")
    print(f"held record compared          {identity * 1e6:10.0f} µs")
    print(f"quick_check                   {quick:10.2f} s")
    print(f"before a write in doubt       {blockers:10.2f} s")
    print(f"stored content                {stored:10.2f} s")
    print(f"library check (everything)    {full:10.2f} s")


if __name__ == "__main__":
    main()
