"""The `dramatis eval` subcommand: score quote attribution against gold JSONL files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from reader.errors import DramatisError
from reader.evaluation import scoring as evaluation

DESCRIPTION = """\
Analyse every article of the gold files and compare the predicted quotes with the annotated
ones: quote detection at T=0.3 and T=0.8, exact spans, speaker accuracy, end-to-end scores,
recall by kind, and timing. Each line of a gold file is one article:
{"id", "title", "text", "quotes": [{"quote_spans", "kind", "speaker", "speaker_start",
"speaker_end", "cue", "cue_is_speech", ...}]} with offsets into "text".
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="measure quote attribution against annotated articles",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("gold", nargs="+", type=Path, metavar="GOLD.jsonl", help="gold file(s)")
    parser.add_argument(
        "--speechlike",
        action="store_true",
        help="count only speech-like attributions (cue_is_speech) as gold",
    )
    parser.add_argument("--limit", type=_positive, metavar="N", help="only the first N articles")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (text)"
    )
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="write missed, spurious and wrongly attributed quotes to FILE as JSON lines",
    )
    parser.add_argument("--per-article", action="store_true", help="also show one line per article")
    parser.set_defaults(func=run)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def run(args: argparse.Namespace) -> int:
    """Read the gold, analyse and score every article, print the report."""
    if args.errors is not None and not args.errors.parent.is_dir():
        raise DramatisError(args.errors, "its folder does not exist")
    articles = evaluation.read_gold(args.gold, limit=args.limit)
    progress = _show_progress(len(articles)) if sys.stderr.isatty() else None
    results, load_seconds = evaluation.run(articles, args.speechlike, progress=progress)
    if progress:
        print(file=sys.stderr)
    summary = evaluation.summarise(results, args.speechlike, load_seconds)
    rows = evaluation.per_article_rows(results) if args.per_article else []
    if args.format == "json":
        if args.per_article:
            summary["per_article"] = rows
        print(json.dumps(summary, indent=2))
    else:
        print(evaluation.format_report(summary, rows))
    if args.errors is not None:
        count = evaluation.write_errors(args.errors, results)
        print(f"{count} errors written to {args.errors}", file=sys.stderr)
    return 0


def _show_progress(total: int) -> Callable[[int, evaluation.ArticleResult], None]:
    def show(index: int, result: evaluation.ArticleResult) -> None:
        print(f"\r{index}/{total} articles", end="", file=sys.stderr, flush=True)

    return show
