"""Argument types for the command line: ids, counts, names and text, checked as parsed.

A number SQLite cannot hold (more than 2**63 - 1) or bytes that are not UTF-8 (which
Python hands over as lone surrogates) used to reach the library and end in a traceback
(issue 17); here they are a usage mistake like any other, one line and exit 2.
File names are not checked here: any bytes make a valid one.
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


def text(value: str) -> str:
    """Words to look for, valid UTF-8."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise argparse.ArgumentTypeError(errors.ARGUMENT_NOT_TEXT)
    return value


def name(value: str) -> str:
    """A name given in a correction (``reader.corrections.names``)."""
    problem = name_problem(value)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return value
