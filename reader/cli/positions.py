"""``dramatis library positions NAME|--all``: what an actor (or every actor) stands for.

Each position (what the actor's statements share: a noun phrase's head, or an actor they
name) with its statements in date order; as text, JSON (a list of positions, each with its
statements) or CSV (a row per statement of each position). A name no actor answers to is
one line and exit 2, as for ``said``; the JSON stays a list.
"""

from __future__ import annotations

import argparse
import sys

from reader import errors
from reader.library import LibraryError, open_library
from reader.library.positions_export import (
    Listed,
    library_positions,
    listed_positions,
    write_csv,
    write_json,
    write_library_csv,
    write_library_json,
)
from reader.output.words import plural


def add_positions_command(commands: argparse._SubParsersAction) -> None:
    positions = commands.add_parser(
        "positions", help="what an actor stands for: their statements by subject, by date"
    )
    positions.add_argument("name", metavar="NAME", nargs="?", help="the actor (or --all)")
    positions.add_argument(
        "--all", action="store_true", help="every actor who said something, quoted most first"
    )
    positions.add_argument(
        "--limit", type=int, default=20, help="at most this many positions (default 20)"
    )
    positions.add_argument("--format", choices=("text", "json", "csv"), default="text")
    positions.set_defaults(func=_positions)


def _positions(args: argparse.Namespace) -> int:
    if args.all == bool(args.name):
        print("dramatis: library positions takes NAME or --all", file=sys.stderr)
        return 2
    if args.all:
        return _every_position(args)
    with open_library(args.data_dir) as library:
        if not library.actor_ids(args.name):
            if args.format == "json":
                print("[]")
                return 0
            raise LibraryError("positions", errors.SAID_NO_ACTOR.format(name=args.name[:80]))
        listed = listed_positions(library, args.name, max(1, args.limit))
    if args.format == "json":
        write_json(args.name, listed, sys.stdout)
    elif args.format == "csv":
        write_csv(args.name, listed, sys.stdout)
    else:
        _text(args.name, listed)
    return 0


def _every_position(args: argparse.Namespace) -> int:
    with open_library(args.data_dir) as library:
        every = library_positions(library, max(1, args.limit))
    if args.format == "json":
        write_library_json(every, sys.stdout)
    elif args.format == "csv":
        write_library_csv(every, sys.stdout)
    else:
        for name, listed in every:
            _text(name, listed)
    return 0


def _text(name: str, listed: Listed) -> None:
    if not listed:
        print(f"{name}: no positions (no statements with a subject)")
        return
    print(f"{name}: {plural(len(listed), 'position')}, most-stated first")
    for position, statements in listed:
        print(f"{position.shown}: {plural(position.statements, 'statement')} in "
              f"{plural(position.articles, 'article')}")  # fmt: skip
        for s in statements:
            words = " ".join(s.text.split())
            print(f"\t{s.date[:10]} [{s.article_id}] {s.title or '(untitled)'}: {words}")
