"""The `dramatis eval` subcommand: score statement attribution, or with --cast the cast."""

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

With --cast, measure the cast instead: each GOLD is a cast gold folder (articles/*.txt and
gold/*.json, such as tests/cast) scored for people, sources, split people, split
organisations, merged people, kinds, not-actors and statements per part (tuning, heldout,
all), or a gold JSONL file scored for its named speech-like sources; --slice K/N takes the
K-th of N equal slices of each JSONL file.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = DESCRIPTION
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument(
        "gold", nargs="+", type=Path, metavar="GOLD", help="gold JSONL file(s) or cast folders"
    )
    parser.add_argument(
        "--cast",
        action="store_true",
        help="measure actors and sources against cast gold folders and/or JSONL files",
    )
    parser.add_argument(
        "--speechlike",
        action="store_true",
        help="count only speech-like attributions (cue_is_speech) as gold",
    )
    parser.add_argument("--limit", type=_positive, metavar="N", help="only the first N articles")
    parser.add_argument(
        "--slice", metavar="K/N", help="only the K-th of N equal slices of each JSONL file"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (text)"
    )
    parser.add_argument(
        "--errors",
        type=Path,
        metavar="FILE",
        help="write every miss (missed, spurious, wrongly attributed; with --cast every cast "
        "error with its category) to FILE as JSON lines",
    )
    parser.add_argument(
        "--per-article",
        action="store_true",
        help="also show one line per article (with --cast also one per beat)",
    )
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
    if args.cast:
        return _run_cast(args)
    from reader.evaluation.cast_report import parse_slice
    from reader.evaluation.polnear_cast import take_slice

    part_slice = parse_slice(args.slice) if args.slice else None
    if part_slice is None:
        articles = evaluation.read_gold(args.gold, limit=args.limit)
    else:
        articles = [
            a for p in args.gold for a in take_slice(evaluation.read_gold([p]), *part_slice)
        ]
        articles = articles[: args.limit]
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


def _run_cast(args: argparse.Namespace) -> int:
    from reader.evaluation import cast_report

    part_slice = cast_report.parse_slice(args.slice) if args.slice else None
    cast_articles, polnear = cast_report.read_sources(args.gold, part_slice, args.limit)
    progress = _show_cast_progress if sys.stderr.isatty() else None
    scores, timing = cast_report.run(cast_articles, polnear, progress=progress)
    if progress:
        print(file=sys.stderr)
    summary = cast_report.summarise(scores, timing)
    if args.format == "json":
        if not args.per_article:
            del summary["per_article"]
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(cast_report.format_report(summary, details=args.per_article))
    if args.errors is not None:
        count = cast_report.write_errors(args.errors, scores)
        print(f"{count} errors written to {args.errors}", file=sys.stderr)
    return 0


def _show_progress(total: int) -> Callable[[int, evaluation.ArticleResult], None]:
    def show(index: int, result: evaluation.ArticleResult) -> None:
        _show_cast_progress(index, total)

    return show


def _show_cast_progress(index: int, total: int) -> None:
    print(f"\r{index}/{total} articles", end="", file=sys.stderr, flush=True)
