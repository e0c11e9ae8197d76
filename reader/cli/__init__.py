"""The ``dramatis`` command line: one parser, one subcommand module per job.

Each command's module fills in its subparser (``add_arguments``) and sets ``func``; only
the module of the command given is imported, once the command's name is known, so that
``dramatis --help`` lists the commands without importing the library, the file readers or
anything they need (``COMMANDS`` holds each command's one-line help). Problems the
user can act on (``DramatisError``) print one line, ``dramatis: <file>: <problem>``, and
exit 2; so do mistakes in the arguments (``reader.cli.arguments``). Anything else is a bug and
exits 1 with a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli.arguments import Parser
from reader.errors import DramatisError

EXIT_OK = 0
EXIT_USER_ERROR = 2

#: Each command: the module that fills in its arguments and runs it, and its one-line help.
COMMANDS: dict[str, tuple[str, str]] = {
    "analyse": (
        "reader.cli.analyse",
        "analyse one article and print its entities, statements and actors",
    ),
    "batch": (
        "reader.cli.batch",
        "analyse many files into JSON lines (one analysis per line)",
    ),
    "eval": (
        "reader.cli.evaluate",
        "measure statement attribution (or with --cast the cast) against annotated articles",
    ),
    "library": ("reader.cli.library", "keep, search and list the articles you have read"),
}
#: ``build_parser(only=ALL)``: every command's arguments filled in.
ALL = "*"


def build_parser(only: str | None = ALL) -> argparse.ArgumentParser:
    """The command line's parser. With ``only`` a command's name, only that command's
    arguments are filled in (the others are listed by name and help, as ``--help`` shows
    them) and only its module is imported; with None, none is."""
    parser = Parser(
        prog="dramatis",
        description="Who appears in a news article and who said what.",
    )
    parser.add_argument("--version", action="version", version=f"dramatis {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module, help_text) in COMMANDS.items():
        subparser = subparsers.add_parser(name, help=help_text)
        if only in (ALL, name):
            importlib.import_module(module).add_arguments(subparser)
    return parser


def command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` asks for: its first argument that is not an option (the
    top-level options take no values), if that names a command."""
    for argument in argv:
        if argument == "--":
            return None
        if not argument.startswith("-"):
            return argument if argument in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        parser = build_parser(only=command_named(arguments))
        args = parser.parse_args(arguments)
        return int(args.func(args) or EXIT_OK)
    except DramatisError as error:
        print(f"dramatis: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("dramatis: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
