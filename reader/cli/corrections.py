"""``dramatis library merge|rename|kind|reassign|dismiss|split|not-actor|accept|add-statement|
review|corrections``: fixing the cast, and checking what the analysis was unsure of.

Each command stores one correction in the library (``Library.correct``) and prints what it
did. Actor corrections apply in one article with ``--article ID``, else in the whole library
(and to articles added later). Statements are named by the ids ``library said`` and
``library export`` print; they belong to one article. ``review`` lists the statements that
need checking (less sure than ``--below``, not yet accepted) with their reasons, and
``accept`` marks one checked. ``corrections`` lists every correction with its id, and
``corrections --undo ID`` undoes one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from reader.cli.values import count, name, row_id
from reader.corrections.operations import (
    ACTOR_KINDS,
    Accept,
    ActorRef,
    AddStatement,
    Change,
    ChangeKind,
    Correction,
    Dismiss,
    Merge,
    NotActor,
    Reassign,
    Rename,
    Split,
    StatementRef,
    actor_kind,
)
from reader.library import Library, open_library
from reader.model import CHECK_THRESHOLD
from reader.output.words import change_description, doubt_reasons, plural

Command = Callable[[argparse.Namespace], int]


def add_correction_commands(
    commands: argparse._SubParsersAction, guard: Callable[[Command], Command]
) -> None:
    """Register the correction commands; ``guard`` wraps commands that write."""
    merge = commands.add_parser("merge", help="make two actors one (A joins B, B's name stays)")
    merge.add_argument("source", type=name, metavar="A")
    merge.add_argument("target", type=name, metavar="B")
    _actor_options(merge)
    merge.set_defaults(func=guard(_merge))

    rename = commands.add_parser("rename", help="give an actor another name")
    rename.add_argument("actor", type=name, metavar="ACTOR")
    rename.add_argument("name", type=name, metavar="NEW_NAME")
    _actor_options(rename)
    rename.set_defaults(func=guard(_rename))

    kind = commands.add_parser("kind", help="say what an actor is: " + ", ".join(ACTOR_KINDS))
    kind.add_argument("actor", type=name, metavar="ACTOR")
    kind.add_argument("new_kind", metavar="KIND", choices=ACTOR_KINDS)
    _actor_options(kind)
    kind.set_defaults(func=guard(_change_kind))

    split = commands.add_parser("split", help="the mentions written ALIAS are someone else")
    split.add_argument("actor", type=name, metavar="ACTOR")
    split.add_argument("alias", type=name, metavar="ALIAS")
    _actor_options(split)
    split.set_defaults(func=guard(_split))

    reassign = commands.add_parser("reassign", help="a statement was made by another actor")
    reassign.add_argument("statement_id", type=row_id, metavar="STATEMENT_ID")
    reassign.add_argument("actor", type=name, metavar="ACTOR")
    reassign.add_argument(
        "--kind", choices=ACTOR_KINDS, help="what ACTOR is, if the article does not name it"
    )
    reassign.set_defaults(func=guard(_reassign))

    dismiss = commands.add_parser("dismiss", help="a passage is not a statement at all")
    dismiss.add_argument("statement_id", type=row_id, metavar="STATEMENT_ID")
    dismiss.set_defaults(func=guard(_dismiss))

    not_actor = commands.add_parser(
        "not-actor", help="a name is not an actor at all (a credit, a product, a description)"
    )
    not_actor.add_argument("actor", type=name, metavar="ACTOR")
    _actor_options(not_actor)
    not_actor.set_defaults(func=guard(_not_actor))

    accept = commands.add_parser("accept", help="a statement is right as it stands: checked")
    accept.add_argument("statement_id", type=row_id, metavar="STATEMENT_ID")
    accept.set_defaults(func=guard(_accept))

    add = commands.add_parser(
        "add-statement", help="characters START to END of an article are a statement by ACTOR"
    )
    add.add_argument("article", type=row_id, metavar="ARTICLE_ID")
    add.add_argument("start", type=count, metavar="START")
    add.add_argument("end", type=count, metavar="END")
    add.add_argument("actor", type=name, metavar="ACTOR")
    add.add_argument(
        "--kind", choices=ACTOR_KINDS, help="what ACTOR is, if the article does not name it"
    )
    add.set_defaults(func=guard(_add_statement))

    review = commands.add_parser(
        "review", help="the statements to check: less sure than --below, not yet accepted"
    )
    review.add_argument("--article", type=row_id, metavar="ID", help="only in article ID")
    review.add_argument(
        "--below",
        type=_share,
        default=CHECK_THRESHOLD,
        metavar="X",
        help=f"confidence under which a statement is to check (default {CHECK_THRESHOLD})",
    )
    review.add_argument("--limit", type=count, default=100, help="at most this many (100)")
    review.set_defaults(func=guard(_review))

    listing = commands.add_parser("corrections", help="list the corrections; undo one")
    listing.add_argument("--article", type=row_id, metavar="ID", help="only those for article ID")
    listing.add_argument("--undo", type=row_id, metavar="ID", help="undo correction ID")
    listing.set_defaults(func=guard(_corrections))


def _actor_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--article", type=row_id, metavar="ID", help="only in article ID (default: every article)"
    )
    parser.add_argument(
        "--kind",
        dest="actor_kind",
        choices=ACTOR_KINDS,
        help="what ACTOR is, when one name is used by two kinds of actor",
    )


def _ref(library: Library, name: str, kind: str | None) -> ActorRef:
    """The actor as named: of the kind given, else the kind the library knows it as."""
    if kind is not None:
        return ActorRef(name, actor_kind(kind))
    kinds = library.actor_kinds(name)
    if not kinds:
        return ActorRef(name)
    return ActorRef(name, actor_kind(kinds[0]) if kinds[0] in ACTOR_KINDS else "other")


def _apply(args: argparse.Namespace, make: Callable[[Library], Change]) -> int:
    with open_library(args.data_dir) as library:
        correction, changed = library.correct(make(library), getattr(args, "article", None))
    print(
        f"{correction.id}\t{change_description(correction.change)}\t{_where(correction, changed)}"
    )
    return 0


def _where(correction: Correction, changed: list[int]) -> str:
    scope = "this article" if correction.scope else "every article"
    return f"{scope}; {plural(len(changed), 'article')} changed"


def _merge(args: argparse.Namespace) -> int:
    return _apply(
        args,
        lambda lib: Merge(_ref(lib, args.source, args.actor_kind), _ref(lib, args.target, None)),
    )


def _rename(args: argparse.Namespace) -> int:
    return _apply(args, lambda lib: Rename(_ref(lib, args.actor, args.actor_kind), args.name))


def _change_kind(args: argparse.Namespace) -> int:
    return _apply(
        args,
        lambda lib: ChangeKind(_ref(lib, args.actor, args.actor_kind), actor_kind(args.new_kind)),
    )


def _split(args: argparse.Namespace) -> int:
    return _apply(args, lambda lib: Split(_ref(lib, args.actor, args.actor_kind), args.alias))


def _statement_change(args: argparse.Namespace, make: Callable[..., Change]) -> int:
    with open_library(args.data_dir) as library:
        article_id, statement = library.statement_ref(args.statement_id)
        change = make(library, statement)
        correction, _ = library.correct(change, article_id)
    print(f"{correction.id}\t{change_description(correction.change)}\t(article {article_id})")
    return 0


def _reassign(args: argparse.Namespace) -> int:
    return _statement_change(
        args, lambda lib, statement: Reassign(statement, _ref(lib, args.actor, args.kind))
    )


def _dismiss(args: argparse.Namespace) -> int:
    return _statement_change(args, lambda _lib, statement: Dismiss(statement))


def _not_actor(args: argparse.Namespace) -> int:
    return _apply(args, lambda lib: NotActor(_ref(lib, args.actor, args.actor_kind)))


def _accept(args: argparse.Namespace) -> int:
    return _statement_change(args, lambda _lib, statement: Accept(statement))


def _add_statement(args: argparse.Namespace) -> int:
    with open_library(args.data_dir) as library:
        text = library.analysis(args.article).article.text
        if not args.start < args.end <= len(text):
            print(
                f"dramatis: characters {args.start} to {args.end} are not in article "
                f"{args.article} (it has {len(text)})",
                file=sys.stderr,
            )
            return 2
        statement = StatementRef(args.start, args.end, text[args.start : args.end])
        change = AddStatement(statement, _ref(library, args.actor, args.kind))
        correction, _ = library.correct(change, args.article)
    print(f"{correction.id}\t{change_description(correction.change)}\t(article {args.article})")
    return 0


def _review(args: argparse.Namespace) -> int:
    with open_library(args.data_dir) as library:
        found = library.to_check(args.below, args.article, args.limit)
    for statement in found:
        confidence = f"{statement.confidence:.2f}" if statement.confidence is not None else "-"
        why = "; ".join(doubt_reasons(statement.reasons)) or "low confidence"
        speaker = statement.actor or statement.speaker or "no speaker"
        text = " ".join(statement.text.split())
        print(f"{statement.id}\t{statement.article_id}\t{confidence}\t{speaker}\t{why}\t{text}")
    if not found:
        where = f"article {args.article}" if args.article else "the library"
        print(f"nothing to check in {where} below {args.below:.2f}", file=sys.stderr)
    return 0


def _share(value: str) -> float:
    """A confidence threshold: a number from 0 to 1."""
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError(f"not a number from 0 to 1: {value!r}")
    return share


def _corrections(args: argparse.Namespace) -> int:
    with open_library(args.data_dir) as library:
        if args.undo is not None:
            correction, changed = library.undo_correction(args.undo)
            print(f"undone: {correction.id}\t{change_description(correction.change)}\t"
                  f"{plural(len(changed), 'article')} changed")  # fmt: skip
            return 0
        listed = library.corrections(args.article)
    for correction in listed:
        state = "undone" if correction.undone else "in effect"
        scope = "one article" if correction.scope else "every article"
        print(f"{correction.id}\t{correction.created[:16]}\t{change_description(correction.change)}\t"
              f"{scope}\t{state}")  # fmt: skip
    if not listed:
        print("no corrections")
    return 0
