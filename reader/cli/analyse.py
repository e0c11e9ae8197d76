"""The ``dramatis analyse FILE`` subcommand: print the Analysis as JSON, a summary, a web
page or Markdown."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Analysis

#: Each ``--format``: the module and function that write it, imported only when asked for
#: (every command starts through this module; the page renderer alone takes 20 ms).
RENDERERS: dict[str, tuple[str, str]] = {
    "json": ("reader.output.json_document", "analysis_to_json"),
    "text": ("reader.output.text", "summarise"),
    "html": ("reader.output.html_document", "analysis_to_html"),
    "markdown": ("reader.output.markdown_document", "analysis_to_markdown"),
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Analyse one article file (txt, md, html, pdf, docx); '-' reads text from standard input."
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
    from reader import opening

    if args.file == "-":
        article = opening.article_from_stream(sys.stdin.buffer)
    else:
        article = opening.open_article(Path(args.file))
    from reader.pipeline import analyse  # the NLP stages, only when there is text to read

    analysis = analyse(article)
    output = render(analysis, args.format)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def render(analysis: Analysis, form: str) -> str:
    """The analysis in one of the ``--format`` forms."""
    module, name = RENDERERS[form]
    renderer: Callable[[Analysis], str] = getattr(importlib.import_module(module), name)
    return renderer(analysis)
