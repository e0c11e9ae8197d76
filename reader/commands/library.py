"""The `dramatis library` subcommand (placeholder until implemented)."""

from __future__ import annotations

import argparse


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("library", help="not yet available")
    parser.set_defaults(func=lambda args: 0)
