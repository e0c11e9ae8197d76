"""Argument types for the command line: ids, counts and names, checked as parsed.

A number SQLite cannot hold (more than 2**63 - 1), or a name in a correction holding bytes
that are not UTF-8 (which Python hands over as lone surrogates), used to reach the library
and end in a traceback; here they are a usage mistake like any other, one line
and exit 2. Not checked here: file names, which any bytes make, and the words of a search
or the name ``said`` looks for, which simply find nothing.
"""

from __future__ import annotations

import argparse

from reader import errors
from reader.corrections.names import name_problem
from reader.opening.limits import MAX_DETAIL_CHARS, cut

#: The largest integer SQLite stores.
MAX_INTEGER = 2**63 - 1


def _whole_number(value: str, low: int, message: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= MAX_INTEGER:
        shown = cut(value, MAX_DETAIL_CHARS)
        raise argparse.ArgumentTypeError(message.format(value=shown, limit=MAX_INTEGER))
    return number


def row_id(value: str) -> int:
    """An article, statement or correction id: 1 to ``MAX_INTEGER``."""
    return _whole_number(value, 1, errors.ARGUMENT_NOT_ID)


def count(value: str) -> int:
    """A number of things: 0 to ``MAX_INTEGER``."""
    return _whole_number(value, 0, errors.ARGUMENT_NOT_COUNT)


def name(value: str) -> str:
    """A name given in a correction (``reader.corrections.names``)."""
    problem = name_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value
