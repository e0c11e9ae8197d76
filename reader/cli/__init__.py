"""The ``dramatis`` command line: one parser, one subcommand module per job.

Each module in ``reader.cli`` adds its subparser and sets ``func``. Problems the
user can act on (``DramatisError``) print one line, ``dramatis: <file>: <problem>``, and
exit 2; so do mistakes in the arguments (``reader.cli.arguments``). Anything else is a bug and
exits 1 with a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from reader import __version__
from reader.cli import analyse, batch, evaluate, library
from reader.cli.arguments import Parser
from reader.errors import DramatisError

EXIT_OK = 0
EXIT_USER_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="dramatis",
        description="Who appears in a news article and who said what.",
    )
    parser.add_argument("--version", action="version", version=f"dramatis {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in (analyse, batch, evaluate, library):
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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
