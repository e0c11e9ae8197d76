"""``dramatis library list``: the library as the Library tab shows it, on the command line.

A row per story (its copies named with it): id, published date (else the day it was
added, marked ``~``), outlet, statements, statements to check, title; sorted by any
column of the tab, within an outlet, a date range, and only the articles with statements
to check (less sure than ``--below``, not yet accepted).
"""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli.values import count
from reader.library import Bounds, Column, open_library
from reader.model import CHECK_THRESHOLD


def add_list_command(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser("list", help="the articles as the Library tab lists them")
    listing.add_argument("--sort", choices=[c.value for c in Column], default=Column.ADDED.value)
    listing.add_argument("--ascending", action="store_true", help="lowest first")
    listing.add_argument("--outlet", metavar="NAME", help="only articles from NAME")
    listing.add_argument("--since", metavar="DATE", help="published (else added) on or after")
    listing.add_argument("--until", metavar="DATE", help="published (else added) on or before")
    listing.add_argument(
        "--to-check", action="store_true", help="only articles with statements to check"
    )
    listing.add_argument(
        "--below",
        type=float,
        default=CHECK_THRESHOLD,
        metavar="X",
        help=f"a statement less sure than X is to check (default {CHECK_THRESHOLD})",
    )
    listing.add_argument("--limit", type=count, default=100, metavar="N", help="at most N (100)")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(func=_list)


def _list(args: argparse.Namespace) -> int:
    bounds = Bounds(
        outlet=args.outlet,
        dated_from=args.since,
        dated_to=args.until,
        to_check_only=args.to_check,
        check_below=args.below,
    )
    with open_library(args.data_dir) as library:
        rows = library.listing(Column(args.sort), not args.ascending, bounds, limit=args.limit)
        total = library.listing_count(bounds)
    if args.format == "json":
        document = [
            {
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "published": a.published,
                "added": a.added,
                "statements": a.statements,
                "to_check": a.to_check,
                "copies": [c.name for c in a.copies],
            }
            for a in rows
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    for a in rows:
        date = a.published[:10] if a.published else "~" + a.added[:10]
        copies = f" (+{len(a.copies)} copies)" if a.copies else ""
        title = " ".join((a.title or "(untitled)").split())
        print(f"{a.id}\t{date}\t{a.outlet or '-'}\t{a.statements}\t{a.to_check}\t{title}{copies}")
    if not rows:
        print("dramatis: no article in the library within these filters", file=sys.stderr)
    elif total > len(rows):
        print(f"dramatis: {len(rows)} of {total} listed (--limit)", file=sys.stderr)
    return 0
