"""An ``argparse`` parser whose mistakes are one line, like every other message.

``argparse`` answers a mistake with its usage text and ``prog: error: …``; a file name
starting with ``-`` (``dramatis analyse -name.txt``) is taken for an unknown option and
gets the same. This parser raises ``UsageError`` instead, which the command line prints as
``dramatis: <subject>: <problem>`` with exit code 2: the subject is the argument that looks
like an unknown option (with a hint to write ``./-name`` or put ``--`` before it), or else
the command.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from reader import errors
from reader.errors import DramatisError

_NUMBER = re.compile(r"^-\d+$|^-\d*\.\d+$")


class UsageError(DramatisError):
    """The command line itself is wrong: an unknown option, a missing or bad argument."""


class Parser(argparse.ArgumentParser):
    """``ArgumentParser`` raising ``UsageError``; its subparsers are of this class too."""

    _arguments: tuple[str, ...] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # Kept so that error() can tell which argument was taken for an option.
        self._arguments = tuple(sys.argv[1:] if args is None else args)
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            # Arguments after "--" are never options, whatever they look like.
            end = self._arguments.index("--") if "--" in self._arguments else None
            options = [e for e in extras if e in self._arguments[:end]]
            self._fail(options, f"unrecognized arguments: {' '.join(extras)}")
        return parsed

    def error(self, message: str) -> NoReturn:
        self._fail(self._arguments, message)

    def _fail(self, arguments: Sequence[str], message: str) -> NoReturn:
        unknown = self._unknown_option(arguments)
        if unknown is not None:
            raise UsageError(unknown, errors.UNKNOWN_OPTION.format(argument=unknown))
        subject = self.prog.removeprefix("dramatis").strip() or "error"
        raise UsageError(subject, errors.BAD_USAGE.format(detail=message, prog=self.prog))

    def _unknown_option(self, arguments: Sequence[str]) -> str | None:
        """The first argument before ``--`` that looks like an option this parser lacks.

        A parser with subcommands looks only before the first other argument: what
        follows belongs to the subcommand, which reports its own mistakes.
        """
        has_subcommands = self._subparsers is not None
        for argument in arguments:
            if argument == "--":
                return None
            if not _looks_like_option(argument):
                if has_subcommands:
                    return None
                continue
            if not self._knows(argument):
                return argument
        return None

    def _knows(self, argument: str) -> bool:
        name = argument.split("=", 1)[0]
        options: dict[str, Any] = self._option_string_actions
        if name in options:
            return True
        # argparse accepts unambiguous abbreviations of long options (--form for --format).
        return name.startswith("--") and any(option.startswith(name) for option in options)


def _looks_like_option(argument: str) -> bool:
    return argument.startswith("-") and argument != "-" and not _NUMBER.match(argument)
