"""The ``dramatis analyse FILE`` subcommand: print the Analysis as JSON, a summary, a web
page or Markdown."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from reader import opening
from reader.model import Analysis
from reader.output.html_document import analysis_to_html
from reader.output.json_document import analysis_to_json
from reader.output.markdown_document import analysis_to_markdown
from reader.output.text import summarise

#: Each ``--format`` and what writes it.
RENDERERS: dict[str, Callable[[Analysis], str]] = {
    "json": analysis_to_json,
    "text": summarise,
    "html": analysis_to_html,
    "markdown": analysis_to_markdown,
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyse",
        help="analyse one article and print its entities, statements and actors",
        description="Analyse one article file (txt, md, html, pdf, docx); '-' reads "
        "text from standard input.",
    )
    parser.add_argument("file", help="article file, or '-' for standard input")
    parser.add_argument(
        "--format",
        choices=tuple(RENDERERS),
        default="json",
        help="output format: json (default), text, html (one self-contained web page) or markdown",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.file == "-":
        article = opening.article_from_stream(sys.stdin.buffer)
    else:
        article = opening.open_article(Path(args.file))
    from reader.pipeline import analyse  # the NLP stages, only when there is text to read

    analysis = analyse(article)
    output = RENDERERS[args.format](analysis)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
