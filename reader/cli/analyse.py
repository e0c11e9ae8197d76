"""The ``dramatis analyse FILE`` subcommand: print the Analysis as JSON or a summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import opening
from reader.output.json_document import analysis_to_json
from reader.output.text import summarise


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyse",
        help="analyse one article and print its entities, statements and actors",
        description="Analyse one article file (txt, md, html, pdf, docx); '-' reads "
        "text from standard input.",
    )
    parser.add_argument("file", help="article file, or '-' for standard input")
    parser.add_argument(
        "--format", choices=("json", "text"), default="json", help="output format (json)"
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.file == "-":
        article = opening.article_from_stream(sys.stdin.buffer)
    else:
        article = opening.open_article(Path(args.file))
    from reader.pipeline import analyse  # the NLP stages, only when there is text to read

    analysis = analyse(article)
    output = analysis_to_json(analysis) if args.format == "json" else summarise(analysis)
    sys.stdout.write(output + "\n")
    return 0
