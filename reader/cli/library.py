"""The ``dramatis library`` subcommands: a thin layer over ``reader.library``.

``add`` stores files and folders, ``search`` finds articles, ``actors`` lists who appears,
``said`` lists what one actor said, ``remove`` deletes an article, ``export`` writes every
statement, ``reanalyse`` refreshes articles analysed by older rules or another model,
``check`` looks for damage (``--repair`` fixes what can be fixed, after a backup copy; a
library file that was emptied or replaced, or whose schema version does not match its
tables, is the one problem it reports until ``--repair`` has put that right).
JSON answers are always lists; finding nothing prints ``[]`` and succeeds.

Reading works wherever the file can be read, with a one-line note when nothing can be
saved. A command that would write to a damaged library writes nothing and moves the file
aside, unchanged, so that the next command starts a fresh one. Rows left out of a listing
because they are damaged are named on standard error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from reader import errors
from reader.archive.options import add_cluster_arguments, cluster_from
from reader.cli.corrections import add_correction_commands
from reader.cli.listing import add_list_command
from reader.cli.positions import add_positions_command
from reader.cli.sources import add_sources_command
from reader.cli.values import count, row_id
from reader.errors import LibraryError
from reader.file_names import printable
from reader.library import (
    MARK_END,
    MARK_START,
    CorruptLibraryError,
    Library,
    LostLibraryError,
    SchemaMismatchError,
    SearchHit,
    StoredStatement,
    check_library,
    export,
    keep_library,
    open_library,
    repair_library,
    repair_schema,
    set_aside,
)
from reader.opening.limits import cut
from reader.output.words import actor_kind_name, plural, statement_kind_name
from reader.reading import Reading

#: The command ran, and there are problems, each named on a line of its own: ``library
#: check`` found some, or ``library add`` (and ``batch``) skipped files that could not be
#: used while storing the others. Distinct from 2, a problem stopping the command.
EXIT_PROBLEMS = 3
#: A name or search repeated in a message is cut to this many characters.
MAX_SHOWN_CHARS = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "The local library of articles you have opened."
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder holding the library (default: $DRAMATIS_DATA_DIR or the user data folder)",
    )
    commands = parser.add_subparsers(dest="library_command", metavar="COMMAND", required=True)

    add = commands.add_parser("add", help="analyse and store files or folders")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add_cluster_arguments(add)
    add.set_defaults(func=_refusing_damage(_add))

    search = commands.add_parser("search", help="find articles by words, phrases, prefix*")
    search.add_argument(
        "query", metavar="QUERY", help="words to find (put -- before a query starting with -)"
    )
    search.add_argument("--actor", metavar="NAME", help="only articles where NAME appears")
    search.add_argument("--limit", type=count, default=20, metavar="N", help="at most N hits (20)")
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.set_defaults(func=_search)

    actors = commands.add_parser("actors", help="list the actors across the library")
    actors.add_argument("--format", choices=("text", "json"), default="text")
    actors.set_defaults(func=_actors)

    said = commands.add_parser("said", help="everything one actor said, by article date")
    said.add_argument("name", metavar="NAME")
    said.add_argument("--format", choices=("text", "json"), default="text")
    said.set_defaults(func=_said)

    remove = commands.add_parser("remove", help="remove an article from the library")
    remove.add_argument("article_id", type=row_id, metavar="ID")
    remove.set_defaults(func=_refusing_damage(_remove))

    export = commands.add_parser("export", help="write every statement with actor and article")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.set_defaults(func=_export)

    reanalyse = commands.add_parser(
        "reanalyse", help="analyse again articles stored by older rules or another model"
    )
    reanalyse.set_defaults(func=_refusing_damage(_reanalyse))

    check = commands.add_parser(
        "check", help="look for damage: one line per problem (exit 3 if any)"
    )
    check.add_argument(
        "--repair",
        action="store_true",
        help=(
            "copy the library to a backup, then put right what can be: search indexes, orphan "
            "rows, statements restored from their article's text, over-long strings, the "
            "schema version; or keep a replaced library file, or start a new one in place of "
            "an emptied one"
        ),
    )
    check.set_defaults(func=_check)

    add_correction_commands(commands, _refusing_damage)
    add_sources_command(commands, _open_for_reading)
    add_positions_command(commands)
    add_list_command(commands)


def _open(args: argparse.Namespace) -> Library:
    return open_library(args.data_dir)


def _open_for_reading(args: argparse.Namespace) -> Library:
    """The library, with a one-line note on stderr when nothing could be saved to it."""
    library = open_library(args.data_dir)
    if library.read_only:
        note = errors.LIBRARY_NOT_SAVING_NOTE
        print(f"dramatis: {printable(library.path)}: {note}", file=sys.stderr)
    return library


def _refusing_damage(
    command: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """``command`` for one that writes: a damaged library is moved aside, unchanged (the
    library is closed by then, without writing), instead of being written to."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except CorruptLibraryError as error:
            try:
                aside = set_aside(args.data_dir)
            except LibraryError:
                raise error from None  # it stays where it is, untouched
            problem = errors.LIBRARY_SET_ASIDE.format(aside=printable(aside))
            raise CorruptLibraryError(error.subject, problem) from error

    return run


def _note_skipped(library: Library) -> None:
    for note in library.skipped:
        print(f"dramatis: {note}", file=sys.stderr)


class ProgressBar:
    """A one-line progress bar on stderr (redrawn on a terminal, plain lines otherwise)."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.tty = stream.isatty()
        self.shown = self.tty or total > 1
        self._last_tenth = -1

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.shown:
            return
        if self.tty:
            width = 30
            filled = width * done // max(total, 1)
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {done}/{total}")
            if done == total:
                self.stream.write("\n")
        else:
            tenth = 10 * done // max(total, 1)
            if tenth != self._last_tenth or done == total:
                self._last_tenth = tenth
                self.stream.write(f"added {done}/{total}\n")
        self.stream.flush()


def _add(args: argparse.Namespace) -> int:
    from reader.archive.progress import RateProgress
    from reader.archive.runner import add_to_library

    with _open(args) as library:
        run = add_to_library(library, args.paths, cluster_from(args), RateProgress(sys.stderr))
        added = [r.article_id for r in run.results if r.was_new and r.article_id is not None]
        copies = library.copies_among(added)
    if run.interrupted:
        print(
            f"dramatis: {errors.INTERRUPTED_KEPT.format(kept=plural(run.added, 'article'))}",
            file=sys.stderr,
        )
        return 130
    results = run.results
    failed = [r for r in results if r.error is not None]
    new = sum(1 for r in results if r.was_new)
    kept = sum(1 for r in results if r.error is None and not r.was_new)
    # A copy of an article already there (the same story from another file) is added, as
    # that article's copy, and said to be.
    also = f" ({_copies_added(len(copies))})" if copies else ""
    print(f"{new} added{also}, {kept} already in the library, {len(failed)} skipped")
    for result in failed:
        # The problem is already printable (DramatisError escapes it); the path is data.
        print(f"dramatis: {printable(result.path)}: {result.error}", file=sys.stderr)
    return bulk_exit_status(failed=len(failed), used=new + kept)


def _copies_added(count: int) -> str:
    if count == 1:
        return "1 a copy of an article already in the library"
    return f"{count} copies of articles already in the library"


def bulk_exit_status(failed: int, used: int) -> int:
    """0 when every file was used, 2 when none could be, 3 when some were skipped."""
    if not failed:
        return 0
    return EXIT_PROBLEMS if used else 2


def _bracketed(snippet: str) -> str:
    """A snippet for the terminal: matched words in [brackets], on one line."""
    return " ".join(snippet.replace(MARK_START, "[").replace(MARK_END, "]").split())


def _search(args: argparse.Namespace) -> int:
    with _open_for_reading(args) as library:
        hits = library.search(args.query, actor=args.actor, limit=args.limit)
    if args.format == "json":
        _print_json(
            {
                "id": h.id,
                "title": h.title,
                "snippet": _bracketed(h.snippet),
                "score": h.score,
                "copies": [{"id": c.id, "title": c.title, "source": c.source} for c in h.copies],
            }
            for h in hits
        )
    else:
        if not hits:
            # Said, not left to an empty output; the status stays 0: the search ran.
            print(
                f"dramatis: {errors.SEARCH_NOTHING.format(query=_shown(args.query))}",
                file=sys.stderr,
            )
        for hit in hits:
            print(f"{hit.id}\t{hit.title or '(untitled)'}{_copies_of(hit)}")
            print(f"\t{_bracketed(hit.snippet)}")
    return 0


def _copies_of(hit: SearchHit) -> str:
    """ " (2 copies; also 14 report.pdf)": the same story stored from other files."""
    if not hit.copies:
        return ""
    also = ", ".join(f"{c.id} {_shown(c.name)}" for c in hit.copies)
    return f" ({len(hit.copies) + 1} copies; also {also})"


def _actors(args: argparse.Namespace) -> int:
    with _open_for_reading(args) as library:
        actors = library.actors()
    if args.format == "json":
        _print_json(a.as_dict() for a in actors)
    else:
        for actor in actors:
            also = f" (also {', '.join(actor.aliases)})" if actor.aliases else ""
            print(
                f"{actor.name}{also}\t{actor_kind_name(actor.kind)}\t"
                f"{plural(actor.articles, 'article')}\t{plural(actor.statements, 'statement')}"
            )
    return 0


def _said(args: argparse.Namespace) -> int:
    with _open_for_reading(args) as library:
        statements = library.said(args.name)
        # Only when nothing was said is the name looked up again: someone silent, or no one?
        known = bool(statements) or bool(library.actor_ids(args.name))
        _note_skipped(library)
    if not known and args.format != "json":
        # A name no actor answers to is a mistake in the argument: one line, 2.
        # JSON stays a list, empty, for the programs that read it.
        raise LibraryError("said", errors.SAID_NO_ACTOR.format(name=_shown(args.name)))
    if args.format == "json":
        _print_json(
            {
                "statement_id": s.id,
                "article_id": s.article_id,
                "title": s.title,
                "text": s.text,
                "kind": s.kind,
                "speaker": s.speaker,
                "actor": s.actor,
                "date": s.date,
            }
            for s in statements
        )
    else:
        print(_said_heading(args.name, statements))
        for s in statements:
            kind = statement_kind_name(s.kind).lower()
            if s.spoken_for:  # "direct; spokesman, Western Health Board"
                kind = f"{kind}; {s.spoken_for}"
            print(
                f"[{s.article_id}] {s.title or '(untitled)'} ({kind}; statement {s.id})\n\t{s.text}"
            )
    return 0


def _said_heading(name: str, statements: list[StoredStatement]) -> str:
    """Who was matched and how much they said: "John Smith: 2 statements in 1 article"."""
    if not statements:
        return errors.SAID_NOTHING.format(name=_shown(name))
    actors = sorted({s.actor or name for s in statements})
    articles = len({s.article_id for s in statements})
    return (
        f"{', '.join(_shown(a) for a in actors)}: {plural(len(statements), 'statement')} in "
        f"{plural(articles, 'article')}"
    )


def _shown(text: str) -> str:
    """A name or query as typed, on one line and cut, for a message."""
    return printable(cut(" ".join(text.split()), MAX_SHOWN_CHARS))


def _remove(args: argparse.Namespace) -> int:
    with _open(args) as library:
        library.remove(args.article_id)
    print(f"removed article {args.article_id}")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open_for_reading(args) as library:
        if args.format == "json":
            export.write_json(library, sys.stdout)
        else:
            export.write_csv(library, sys.stdout)
        _note_skipped(library)
    return 0


def _reanalyse(args: argparse.Namespace) -> int:
    with _open(args) as library:
        stale = len(library.stale_ids())
        count = Reading(library).reanalyse_all(progress=ProgressBar(sys.stderr, stale))
    print(f"{plural(count, 'article')} analysed again")
    return 0


def _print_json(items: Iterable[dict[str, Any]]) -> None:
    print(json.dumps(list(items), ensure_ascii=False, indent=2))


def _check(args: argparse.Namespace) -> int:
    """A file that is not the library it was, or whose tables are not those of its
    version, cannot be opened to be checked: that is the one problem reported, and
    ``--repair`` puts it right first, then checks the rest."""
    try:
        library = _open_for_reading(args)
    except (LostLibraryError, SchemaMismatchError) as error:
        print(f"{printable(error.subject)}: {error.problem}")
        if not args.repair:
            return EXIT_PROBLEMS
        if isinstance(error, LostLibraryError):
            print(keep_library(args.data_dir))
        elif not error.shape.repairable:
            print("nothing that --repair can fix")
            return EXIT_PROBLEMS
        else:
            print(f"backup copy: {printable(repair_schema(args.data_dir, error.shape))}")
        library = _open_for_reading(args)
    return _check_open(args, library)


def _check_open(args: argparse.Namespace, library: Library) -> int:
    with library:
        problems = check_library(library)
        for problem in problems:
            print(f"{printable(library.path)}: {problem.text}")
        if not problems:
            print(f"{printable(library.path)}: no problems found")
            return 0
        if not args.repair:
            return EXIT_PROBLEMS
        backup = repair_library(library, problems)
        if backup is None:
            print("nothing that --repair can fix")
            return EXIT_PROBLEMS
        print(f"backup copy: {printable(backup)}")
        remaining = check_library(library)
        for problem in remaining:
            print(f"{printable(library.path)}: still: {problem.text}")
        repaired = len(problems) - len(remaining)
        print(f"repaired {repaired} of {plural(len(problems), 'problem')}")
    return EXIT_PROBLEMS if remaining else 0
