"""Who gets to speak: the sources of an article or of the library, counted in SQL.

Each article's sources are rows of ``article_sources`` (``reader.library.source_rows``,
written with the article). A report counts them, within an outlet and a date range or
for one article: how many sources, named or unnamed, of which kind, role and gender (of
the people among them), how their statements were reported (direct, partly quoted,
reported speech), and who is quoted most. Across the library a copy of a stored story
(``reader.library.copies``) is left out, so that a story stored from two files counts
once. Everything is one pass over the rows the filters pick, grouped in SQL: on 100,000
articles the report takes a fraction of a second (bench/sources.py).

"Who is quoted most" counts statements by library actor (``statements_actor`` index),
leaving out descriptions, which the library files under their article alone ("officials"
of one story are not those of another: ``identity.IN_ONE_ARTICLE``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.library.copies import not_a_copy
from reader.library.identity import IN_ONE_ARTICLE
from reader.library.search import ArticleFilter
from reader.output.words import STATEMENT_KIND_NAMES
from reader.sources.facts import SourceFacts
from reader.sources.roles import ROLES

if TYPE_CHECKING:
    from reader.library.database import Database

#: Actors listed as quoted most, unless asked otherwise.
TOP = 10

#: What each stored value is called in a report; None is "not stated".
NOT_STATED = "Not stated"
ROLE_NAMES: dict[str, str] = {
    "official": "Officials and politicians",
    "police": "Police and military",
    "expert": "Experts",
    "spokesperson": "Spokespeople",
    "business": "Business",
    "citizen": "Citizens and residents",
    "other": "Other roles",
}
GENDER_NAMES: dict[str, str] = {"female": "Women", "male": "Men"}
TOLD_BY_NAMES: dict[str, str] = {
    "honorific": "an honorific",
    "noun": "a gendered title or noun",
    "pronoun": "pronouns",
    "given-name": "a given name",
}
KIND_NAMES: dict[str, str] = {
    "person": "People",
    "organisation": "Organisations",
    "group": "Groups",
    "place": "Places",
    "other": "Other",
}
NAMED_NAMES: dict[str, str] = {"named": "Named", "unnamed": "Unnamed"}

#: Kinds always listed (with none, 0); the others only when some source is of them.
_LISTED_KINDS = ("person", "organisation", "group")


@dataclass(frozen=True, slots=True)
class Tally:
    """One line of a report: a stored value (None: not stated), its name, how many."""

    key: str | None
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class QuotedActor:
    """A library actor and how much it was quoted within the report's articles."""

    actor_id: int
    name: str
    kind: str
    statements: int
    articles: int


@dataclass(frozen=True, slots=True)
class ListedSource(SourceFacts):
    """One source of one article, as stored: its facts (``actor``: its id in the article)
    and the library actor it is filed under."""

    actor_id: int | None


@dataclass(frozen=True, slots=True)
class SourcesReport:
    """The sources of a set of articles, counted (``article_id``: one article's)."""

    articles: int
    sources: int
    statements: int
    named: tuple[Tally, ...]
    kinds: tuple[Tally, ...]
    roles: tuple[Tally, ...]
    #: Of the people among the sources.
    genders: tuple[Tally, ...]
    #: The sources' statements by how they were reported.
    quotation: tuple[Tally, ...]
    most_quoted: tuple[QuotedActor, ...]
    article_id: int | None = None
    #: One article's sources, most statements first.
    listed: tuple[ListedSource, ...] = field(default=())

    @property
    def people(self) -> int:
        return sum(t.count for t in self.genders)

    @property
    def direct_share(self) -> float | None:
        """The share of the statements quoted directly, all in quotation marks."""
        direct = next((t.count for t in self.quotation if t.key == "direct"), 0)
        return direct / self.statements if self.statements else None

    def sections(self) -> tuple[tuple[str, tuple[Tally, ...]], ...]:
        """Each group of lines with its heading, in the order reports show them."""
        return (
            ("Named or unnamed", self.named),
            ("Kind", self.kinds),
            ("Role", self.roles),
            ("Gender (people)", self.genders),
            ("Statements", self.quotation),
        )


def library_report(db: Database, within: ArticleFilter | None, top: int = TOP) -> SourcesReport:
    """The sources of the library's articles within ``within`` (None: every article),
    copies of stored stories left out."""
    params: dict[str, object] = {"top": top}
    if within is not None:
        params.update(within.params)

    def picked(column: str) -> str:
        where = not_a_copy(column)
        return f"{where} AND {column} IN ({within.sql})" if within is not None else where

    (articles,) = db.execute(
        f"SELECT count(*) FROM articles AS a WHERE {picked('a.id')}", params
    ).fetchone()
    return _report(db, picked("s.article_id"), params, int(articles))


def article_report(db: Database, article_id: int, top: int = TOP) -> SourcesReport:
    """The sources of one article, with each listed."""
    params: dict[str, object] = {"article": article_id, "top": top}
    found = db.execute("SELECT 1 FROM articles WHERE id = :article", params).fetchone()
    report = _report(db, "s.article_id = :article", params, 1 if found else 0)
    rows = db.query(
        """SELECT s.local_id AS actor, l.actor_id AS actor_id, l.name AS name,
                  s.kind AS kind, s.named AS named, s.role AS role, s.role_word AS role_word,
                  s.gender AS gender, s.gender_by AS gender_by, s.gender_word AS gender_word,
                  s.statements AS statements, s.direct AS direct, s.mixed AS mixed,
                  s.indirect AS indirect
           FROM article_sources AS s
           LEFT JOIN article_actors AS l
                ON l.article_id = s.article_id AND l.local_id = s.local_id
           WHERE s.article_id = :article
           ORDER BY s.statements DESC, l.name COLLATE NOCASE""",
        params,
    )
    listed = tuple(
        ListedSource(**{**row, "name": row["name"] or row["actor"], "named": bool(row["named"])})
        for row in rows
    )
    return SourcesReport(
        **{
            **{f: getattr(report, f) for f in _REPORT_FIELDS},
            "article_id": article_id,
            "listed": listed,
        }
    )


_REPORT_FIELDS = (
    "articles", "sources", "statements", "named", "kinds", "roles", "genders", "quotation",
    "most_quoted",
)  # fmt: skip


def empty_report() -> SourcesReport:
    """The report of no articles (a filter nothing matches)."""
    return _assemble([], 0, ())


def _report(db: Database, where: str, params: dict[str, object], articles: int) -> SourcesReport:
    groups = db.execute(
        f"""SELECT s.named, s.kind, s.role, s.gender, count(*), sum(s.statements),
                   sum(s.direct), sum(s.mixed), sum(s.indirect)
            FROM article_sources AS s WHERE {where}
            GROUP BY s.named, s.kind, s.role, s.gender""",
        params,
    ).fetchall()
    # Counted along the statements_actor index, grouped in its order; the articles of
    # the few listed only (a count of distinct articles for every actor would sort them).
    quoted = db.execute(
        f"""SELECT a.id, a.name, a.kind, t.n
            FROM (SELECT s.actor_id, count(*) AS n FROM statements AS s
                  WHERE s.actor_id IS NOT NULL AND {where}
                  GROUP BY s.actor_id) AS t
            JOIN actors AS a ON a.id = t.actor_id
            WHERE NOT {IN_ONE_ARTICLE}
            ORDER BY t.n DESC, a.name COLLATE NOCASE, a.id
            LIMIT :top""",
        params,
    ).fetchall()
    articles_of = _articles_of(db, [int(row[0]) for row in quoted], where, params)
    most = tuple(
        QuotedActor(int(i), str(name), str(kind), int(n), articles_of.get(int(i), 0))
        for i, name, kind, n in quoted
    )
    return _assemble(groups, articles, most)


def _articles_of(
    db: Database, actor_ids: list[int], where: str, params: dict[str, object]
) -> dict[int, int]:
    """In how many of the report's articles each of these actors is quoted (one query: the
    filters' list of articles is made once)."""
    if not actor_ids:
        return {}
    marks = ",".join(f":actor{n}" for n in range(len(actor_ids)))
    rows = db.execute(
        f"""SELECT s.actor_id, count(DISTINCT s.article_id) FROM statements AS s
            WHERE s.actor_id IN ({marks}) AND {where} GROUP BY s.actor_id""",
        {**params, **{f"actor{n}": i for n, i in enumerate(actor_ids)}},
    ).fetchall()
    return {int(actor): int(found) for actor, found in rows}


def _assemble(
    groups: list[Any], articles: int, most_quoted: tuple[QuotedActor, ...]
) -> SourcesReport:
    named: dict[str, int] = dict.fromkeys(NAMED_NAMES, 0)
    kinds: dict[str, int] = {}
    roles: dict[str | None, int] = {}
    genders: dict[str | None, int] = {"female": 0, "male": 0, None: 0}
    quotation = {"direct": 0, "mixed": 0, "indirect": 0}
    sources = 0
    for is_named, kind, role, gender, n, _statements, direct, mixed, indirect in groups:
        sources += n
        named["named" if is_named else "unnamed"] += n
        kinds[kind] = kinds.get(kind, 0) + n
        roles[role] = roles.get(role, 0) + n
        if kind == "person":
            genders[gender if gender in GENDER_NAMES else None] += n
        quotation["direct"] += direct
        quotation["mixed"] += mixed
        quotation["indirect"] += indirect
    return SourcesReport(
        articles=articles,
        sources=sources,
        statements=sum(quotation.values()),
        named=tuple(Tally(k, NAMED_NAMES[k], n) for k, n in named.items()),
        kinds=tuple(
            Tally(k, KIND_NAMES.get(k, k), kinds.get(k, 0))
            for k in (*_LISTED_KINDS, *sorted(set(kinds) - set(_LISTED_KINDS)))
        ),
        roles=(
            *(Tally(k, ROLE_NAMES[k], roles.get(k, 0)) for k in ROLES),
            Tally(None, NOT_STATED, roles.get(None, 0)),
        ),
        genders=tuple(
            Tally(k, GENDER_NAMES.get(k or "", NOT_STATED), n) for k, n in genders.items()
        ),
        quotation=tuple(Tally(k, STATEMENT_KIND_NAMES[k], n) for k, n in quotation.items()),
        most_quoted=most_quoted,
    )


# -- writing a report ------------------------------------------------------------------------

CSV_COLUMNS = ("section", "key", "label", "count", "share")


def report_rows(report: SourcesReport) -> list[tuple[str, str, str, int, str]]:
    """The report as rows of ``CSV_COLUMNS``: a total line, each section's lines with
    their share of the section, and the actors quoted most (key: the library actor id)."""
    rows: list[tuple[str, str, str, int, str]] = [
        ("total", "articles", "Articles", report.articles, ""),
        ("total", "sources", "Sources", report.sources, ""),
        ("total", "statements", "Statements", report.statements, ""),
    ]
    for heading, tallies in report.sections():
        whole = sum(t.count for t in tallies)
        for tally in tallies:
            share = f"{tally.count / whole:.3f}" if whole else ""
            rows.append((heading, tally.key or "", tally.label, tally.count, share))
    for actor in report.most_quoted:
        share = f"{actor.statements / report.statements:.3f}" if report.statements else ""
        rows.append(("Quoted most", str(actor.actor_id), actor.name, actor.statements, share))
    return rows


def report_csv(report: SourcesReport) -> str:
    """The report as CSV text (UTF-8 when written, a header line, ``\\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(report_rows(report))
    return out.getvalue()


def report_dict(report: SourcesReport) -> dict[str, Any]:
    """The report as JSON-ready values: stored keys (null: not stated) and counts."""

    def counts(tallies: tuple[Tally, ...]) -> list[dict[str, Any]]:
        return [{"key": t.key, "label": t.label, "count": t.count} for t in tallies]

    found: dict[str, Any] = {
        "articles": report.articles,
        "sources": report.sources,
        "statements": report.statements,
        "direct_share": report.direct_share,
        "named": counts(report.named),
        "kinds": counts(report.kinds),
        "roles": counts(report.roles),
        "genders": counts(report.genders),
        "quotation": counts(report.quotation),
        "most_quoted": [
            {
                "actor_id": a.actor_id,
                "name": a.name,
                "kind": a.kind,
                "statements": a.statements,
                "articles": a.articles,
            }
            for a in report.most_quoted
        ],
    }
    if report.article_id is not None:
        found["article_id"] = report.article_id
        found["sources_listed"] = [
            {
                "actor_id": s.actor_id,
                "name": s.name,
                "kind": s.kind,
                "named": s.named,
                "role": s.role,
                "role_word": s.role_word,
                "gender": s.gender,
                "gender_by": s.gender_by,
                "gender_word": s.gender_word,
                "statements": s.statements,
                "direct": s.direct,
                "mixed": s.mixed,
                "indirect": s.indirect,
            }
            for s in report.listed
        ]
    return found
