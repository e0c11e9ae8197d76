"""``dramatis library sources``: who gets to speak, in the library or in one article.

Prints the figures of ``Library.sources_report`` (or, with ``--article ID``,
``Library.article_sources``, each source listed with the words that told its role and
gender): how many sources, named or unnamed, their kinds, roles and genders, how their
statements were reported, and who is quoted most; within an outlet and a date range.
``--format json`` prints one object (a report, not a list); ``csv`` the rows the Sources
window's Export as CSV… writes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable

from reader.cli.values import count, row_id
from reader.library import Bounds, Library
from reader.library.sources import (
    GENDER_NAMES,
    NOT_STATED,
    ROLE_NAMES,
    TOLD_BY_NAMES,
    ListedSource,
    SourcesReport,
    report_csv,
    report_dict,
)
from reader.opening.limits import MAX_DETAIL_CHARS, cut
from reader.output.words import actor_kind_name, plural

#: A date as the options take it.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NOT_A_DATE = "not a date (YYYY-MM-DD): {value}"
#: Width of a line's label in the text report.
_LABEL_WIDTH = 28


def date(value: str) -> str:
    """A day, ``YYYY-MM-DD``, as ``--since`` and ``--until`` take it."""
    if not _DATE.fullmatch(value):
        raise argparse.ArgumentTypeError(NOT_A_DATE.format(value=cut(value, MAX_DETAIL_CHARS)))
    return value


def add_sources_command(
    commands: argparse._SubParsersAction, opener: Callable[[argparse.Namespace], Library]
) -> None:
    """Register ``sources``; ``opener`` opens the library for reading."""
    sources = commands.add_parser(
        "sources", help="who gets to speak: sources by kind, role, gender, quoted most"
    )
    sources.add_argument("--outlet", metavar="NAME", help="only articles of this outlet")
    sources.add_argument(
        "--since", type=date, metavar="DATE", help="only articles dated DATE or later"
    )
    sources.add_argument(
        "--until", type=date, metavar="DATE", help="only articles dated DATE or earlier"
    )
    sources.add_argument(
        "--article", type=row_id, metavar="ID", help="one article's sources, each listed"
    )
    sources.add_argument(
        "--top", type=count, default=10, metavar="N", help="list the N actors quoted most (10)"
    )
    sources.add_argument("--format", choices=("text", "json", "csv"), default="text")
    sources.set_defaults(func=lambda args: _sources(args, opener))


def _sources(args: argparse.Namespace, opener: Callable[[argparse.Namespace], Library]) -> int:
    bounds = Bounds(outlet=args.outlet, dated_from=args.since, dated_to=args.until)
    with opener(args) as library:
        if args.article is not None:
            library.article(args.article)  # NoSuchArticleError names a wrong id
            report = library.article_sources(args.article, args.top)
        else:
            report = library.sources_report(bounds, args.top)
    if args.format == "json":
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(report_csv(report))
    else:
        print("\n".join(text_report(report, bounds)))
    return 0


def text_report(report: SourcesReport, bounds: Bounds | None = None) -> list[str]:
    """The report as lines for the terminal."""
    lines = [_heading(report, bounds)]
    share = report.direct_share
    quoted = f", {share:.0%} quoted directly" if share is not None else ""
    lines.append(
        f"{plural(report.sources, 'source')}, {plural(report.statements, 'statement')}{quoted}"
    )
    for heading, tallies in report.sections():
        whole = sum(t.count for t in tallies)
        lines.append("")
        lines.append(heading)
        for tally in tallies:
            percent = f"{tally.count / whole:4.0%}" if whole else "   -"
            lines.append(f"  {tally.label:<{_LABEL_WIDTH}} {tally.count:>7,}  {percent}")
    if report.most_quoted:
        lines.append("")
        lines.append("Quoted most")
        for actor in report.most_quoted:
            lines.append(
                f"  {actor.name} ({actor_kind_name(actor.kind).lower()}): "
                f"{plural(actor.statements, 'statement')} in {plural(actor.articles, 'article')}"
            )
    if report.listed:
        lines.append("")
        lines.append("Each source")
        lines.extend(f"  {_listed(source)}" for source in report.listed)
    return lines


def _heading(report: SourcesReport, bounds: Bounds | None) -> str:
    if report.article_id is not None:
        return f"Sources of article {report.article_id}"
    within = []
    if bounds is not None and bounds.outlet is not None:
        within.append(f"outlet {bounds.outlet}")
    if bounds is not None and (bounds.dated_from or bounds.dated_to):
        within.append(f"dated {bounds.dated_from or '…'} to {bounds.dated_to or '…'}")
    scope = f" ({'; '.join(within)})" if within else ""
    return f"Sources in {plural(report.articles, 'article')}{scope}"


def _listed(source: ListedSource) -> str:
    """ "Ana Lima: person, named; role Officials and politicians ("Minister"); gender Women
    (a given name: "Ana"); 2 statements, 1 direct"."""
    named = "named" if source.named else "unnamed"
    role = NOT_STATED.lower()
    if source.role is not None:
        role = f'{ROLE_NAMES.get(source.role, source.role)} ("{source.role_word}")'
    gender = ""
    if source.kind == "person":
        gender = f"; gender {NOT_STATED.lower()}"
        if source.gender is not None:
            told = TOLD_BY_NAMES.get(source.gender_by or "", source.gender_by or "")
            shown = GENDER_NAMES.get(source.gender, source.gender)
            gender = f'; gender {shown} ({told}: "{source.gender_word}")'
    return (
        f"{source.name}: {actor_kind_name(source.kind).lower()}, {named}; role {role}{gender}; "
        f"{plural(source.statements, 'statement')}, {source.direct} direct"
    )
