"""The ``dramatis analyse FILE`` subcommand: print the Analysis as JSON, a summary, a web
page or Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.output.renderers import RENDERERS, renderer


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Analyse one article file (txt, md, html, pdf, docx); '-' reads text from standard input."
    )
    parser.add_argument("file", help="article file, or '-' for standard input")
    parser.add_argument(
        "--format",
        choices=tuple(form.key for form in RENDERERS),
        default="json",
        help="output format: json (default), text, html (one self-contained web page) or markdown",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from reader import opening

    if args.file == "-":
        article = opening.article_from_stream(sys.stdin.buffer)
    else:
        article = opening.open_article(Path(args.file))
    from reader.pipeline import analyse  # the NLP stages, only when there is text to read

    analysis = analyse(article)
    output = renderer(args.format).render(analysis)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0
