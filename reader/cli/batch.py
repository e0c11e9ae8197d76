"""The ``dramatis batch --jsonl OUT PATH...`` subcommand: analyses as JSON lines, no library.

For loading results into other tools (DuckDB, Spark, pandas): one schema-1 analysis per
line for each distinct article, written as each one finishes, on the same engines as
``library add`` (``--workers``, ``--scheduler``). ``-`` writes to standard output. The
summary and the files that could not be used go to standard error, one line each; the
exit status is that of ``library add`` (3 when some files were skipped).
"""

from __future__ import annotations

import argparse
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from reader import errors
from reader.archive.options import add_cluster_arguments, cluster_from
from reader.cli.library import bulk_exit_status
from reader.errors import DramatisError
from reader.file_names import printable
from reader.output.words import plural


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Analyse files and folders and write one schema-1 JSON analysis per line, for "
        "DuckDB, Spark or pandas."
    )
    parser.add_argument(
        "--jsonl", required=True, metavar="OUT", help="file to write ('-': standard output)"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    add_cluster_arguments(parser)
    parser.set_defaults(func=run)


def _output(name: str) -> TextIO:
    try:
        return open(name, "w", encoding="utf-8", newline="\n")
    except OSError as error:
        detail = (error.strerror or str(error)).lower()
        raise DramatisError(name, errors.OUTPUT_UNWRITABLE.format(detail=detail)) from error


def run(args: argparse.Namespace) -> int:
    from reader.archive.progress import RateProgress
    from reader.archive.runner import write_json_lines

    stream = nullcontext(sys.stdout) if args.jsonl == "-" else _output(args.jsonl)
    with stream as out:
        done = write_json_lines(
            out,
            [Path(p) for p in args.paths],
            cluster_from(args),
            RateProgress(sys.stderr, "analysed"),
        )
    if done.interrupted:
        kept = errors.BATCH_INTERRUPTED.format(
            kept=plural(done.added, "analysis", "analyses"), out=printable(args.jsonl)
        )
        print(f"dramatis: {kept}", file=sys.stderr)
        return 130
    failed = [r for r in done.results if r.error is not None]
    repeats = sum(1 for r in done.results if r.error is None and not r.was_new)
    print(
        f"{done.added} analysed, {repeats} repeated content, {len(failed)} skipped",
        file=sys.stderr,
    )
    for result in failed:
        print(f"dramatis: {printable(result.path)}: {result.error}", file=sys.stderr)
    return bulk_exit_status(failed=len(failed), used=done.added + repeats)
