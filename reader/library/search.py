"""Full-text search over the library: user text made safe for FTS5, ranked, with snippets.

``fts_query`` turns whatever a person types into a well-formed FTS5 expression: words and
"phrases" are always quoted, ``word*`` is a prefix, ``AND``/``OR``/``NOT`` (upper case, as
FTS5 spells them) and a leading ``-`` are operators, and everything else (brackets, ``NEAR(``,
stray quotes, lone ``*`` or ``-``, SQL, emoji) is either quoted as text or dropped. Raw user
text never reaches ``MATCH``. Searches rank first (bm25, title weighted) and build snippets
only for the rows of the page shown, which keeps common words fast on large libraries.

The indexes hold Porter stems (``reader.library.stems``): a quoted word or phrase finds its
other forms ("redundancies" finds "redundancy", and the snippet marks it), and a prefix is
asked for as the stem its words share (``index_prefix``), since FTS5 would stem it too.

The ranking queries are hand-written SQL run through sqlite-utils' ``db.execute``:
``table.search`` ranks and fetches every match, 15 to 35 times slower on 100,000 articles
(docs/PERFORMANCE.md). The rows shown come from ``db.query`` as dicts and become records
through ``SearchHit.from_row`` and ``StoredStatement.from_row``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader import errors
from reader.errors import LibraryError
from reader.library.connection import database
from reader.library.copies import not_a_copy, with_copies
from reader.library.records import SearchHit, StoredStatement
from reader.library.stems import index_prefix

if TYPE_CHECKING:
    from reader.library.database import Database

TITLE_WEIGHT = 10.0
TEXT_WEIGHT = 1.0
SNIPPET_TOKENS = 24
#: Queries matching more articles than this rank only the most recently stored ones.
RANK_WINDOW = 2000
#: Snippet markers around matched words: Unicode noncharacters, which article text never
#: holds (``reader.opening`` replaces them), so "[sic]" in an article stays "[sic]".
MARK_START = "\ufdd0"
MARK_END = "\ufdd1"
ELLIPSIS = "…"
#: Longer searches, or searches with more words, are refused: every word costs
#: a pass over its index entries, a prefix one per word it matches (a search of 1,000
#: prefixes took minutes).
MAX_QUERY_CHARS = 1_000
MAX_QUERY_WORDS = 32

_OPERATORS = frozenset({"AND", "OR", "NOT"})
_WORD = re.compile(r"[^\W_]")
_CHUNK = re.compile(r'"[^"]*(?:"\*?)?|[^\s"]+')


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """An SQL ``SELECT`` of article ids with its named parameters; it never leaves SQLite."""

    sql: str
    params: dict[str, object]


@dataclass(frozen=True, slots=True)
class _Term:
    text: str
    prefix: bool = False
    negated: bool = False

    def render(self) -> str:
        text = self.text
        if self.prefix:
            # The index holds stems, and FTS5 stems a prefix too: ask for the stem every
            # word the prefix starts shares ("universit*" would find no "university").
            head, _, last = text.rpartition(" ")
            text = f"{head} {index_prefix(last)}" if head else index_prefix(last)
        quoted = '"' + text.replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


def fts_query(text: str) -> str | None:
    """A safe FTS5 expression for ``text``, or None when nothing in it can be searched.

    ``LibraryError`` when the search is longer or has more words than the limits allow.
    """
    _check_length(text)
    positive: list[tuple[str, _Term]] = []  # (joining operator, term)
    negative: list[_Term] = []
    pending_op = "AND"
    pending_not = False
    for chunk in _CHUNK.findall(text):
        if chunk in _OPERATORS:
            if chunk == "NOT":
                pending_not = True
            else:
                pending_op = chunk
            continue
        term = _term(chunk)
        if term is None:
            continue
        if pending_not or term.negated:
            negative.append(term)
        else:
            positive.append((pending_op, term))
        pending_op, pending_not = "AND", False
    _check_words([term for _, term in positive] + negative)
    if not positive:
        return None
    expression = positive[0][1].render()
    for op, term in positive[1:]:
        expression += f" {op} {term.render()}"
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(t.render() for t in negative)})"
    return expression


def _check_length(text: str) -> None:
    if len(text) > MAX_QUERY_CHARS:
        message = errors.SEARCH_TOO_LONG.format(chars=len(text), limit=MAX_QUERY_CHARS)
        raise LibraryError("search", message)


def _check_words(terms: list[_Term]) -> None:
    """Every word counts, inside phrases too: a phrase costs a pass per word."""
    count = sum(len(term.text.split()) for term in terms)
    if count > MAX_QUERY_WORDS:
        message = errors.SEARCH_TOO_MANY_WORDS.format(count=count, limit=MAX_QUERY_WORDS)
        raise LibraryError("search", message)


def _term(chunk: str) -> _Term | None:
    if chunk.startswith('"'):
        inner = chunk[1:-1] if len(chunk) > 1 and chunk.endswith('"') else chunk[1:]
        prefix = chunk.endswith('"*') and len(chunk) > 2
        if prefix:
            inner = chunk[1:-2]
        words = _plain(inner)
        return _Term(words, prefix) if words else None
    negated = chunk.startswith("-") and len(chunk) > 1
    core = chunk.lstrip("-+")
    prefix = core.endswith("*")
    words = _plain(core.rstrip("*"))
    if not words:
        return None
    return _Term(words, prefix, negated)


def _plain(text: str) -> str:
    """The searchable words of a fragment: non-word characters become spaces."""
    cleaned = "".join(ch if _WORD.match(ch) else " " for ch in text)
    return " ".join(cleaned.split())


def search_articles(
    db: Database | sqlite3.Connection,
    query: str,
    *,
    article_ids: Sequence[int] | None = None,
    within: ArticleFilter | None = None,
    limit: int = 20,
    offset: int = 0,
    window: int | None = RANK_WINDOW,
) -> list[SearchHit]:
    """Ranked hits for ``query``, only among ``article_ids`` or the ``within`` filter.

    bm25 costs a few microseconds per matching article, so a query matching more than
    ``window`` articles (within the filter, if any) ranks the ``window`` most recently
    stored matches only (None: rank every match).
    """
    db = database(db)
    expression = fts_query(query)
    if expression is None or limit <= 0:
        return []
    values: dict[str, object] = {"q": expression, "limit": limit, "offset": offset}
    # A copy of an article is found as its original ("+": tested on the matches, not
    # pushed into FTS5).
    where = f"AND {not_a_copy('+rowid')}"
    if article_ids is not None:
        if not article_ids:
            return []
        within = ArticleFilter(
            "SELECT value FROM json_each(:ids)", {"ids": json.dumps(list(article_ids))}
        )
    if within is not None:
        # "+rowid": test membership while scanning the matches; SQLite builds the set once.
        # A plain "rowid IN" is pushed into FTS5 as one lookup per id, and bm25 then
        # recounts the whole index every time.
        where += f" AND +rowid IN ({within.sql})"
        values.update(within.params)
    score = f"bm25(articles_fts, {TITLE_WEIGHT}, {TEXT_WEIGHT})"
    if window is None:
        page = db.execute(
            f"""SELECT rowid, {score} AS score
                FROM articles_fts WHERE articles_fts MATCH :q {where}
                ORDER BY score LIMIT :limit OFFSET :offset""",
            values,
        ).fetchall()
    else:
        # The ``span`` most recently stored matches, scored in the same pass (all of them
        # when there are fewer), ranked here: one walk of the matches. Finding the window's
        # edge first and ranking after walked a phrase's matches twice.
        span = max(window, offset + limit)
        recent = db.execute(
            f"""SELECT rowid, {score} AS score
                FROM articles_fts WHERE articles_fts MATCH :q {where}
                ORDER BY rowid DESC LIMIT {int(span)}""",
            values,
        ).fetchall()
        recent.sort(key=lambda row: (row[1], row[0]))
        page = recent[offset : offset + limit]
    if not page:
        return []
    return with_copies(db, _with_snippets(db, expression, page))


def _with_snippets(db: Database, expression: str, page: list[tuple[int, float]]) -> list[SearchHit]:
    ids = [int(row[0]) for row in page]
    marks = ",".join("?" * len(ids))
    # A plain "rowid IN" is one FTS5 lookup per id: cheapest for words and phrases, but a
    # prefix outside the prefix index is re-expanded on each lookup, so for those scan the
    # page's rowid range once and test membership ("+rowid").
    membership = f"+f.rowid IN ({marks})" if "*" in expression else f"f.rowid IN ({marks})"
    # snippet() needs the MATCH cursor; only the page's rows get one.
    rows = db.query(
        f"""SELECT f.rowid AS id,
                   snippet(articles_fts, -1, ?, ?, ?, {SNIPPET_TOKENS}) AS snippet,
                   a.title AS title, a.source AS source, a.last_opened AS last_opened
            FROM articles_fts AS f JOIN articles AS a ON a.id = f.rowid
            WHERE articles_fts MATCH ? AND f.rowid BETWEEN ? AND ? AND {membership}""",
        (MARK_START, MARK_END, ELLIPSIS, expression, min(ids), max(ids), *ids),
    )
    by_id = {int(row["id"]): row for row in rows}
    return [
        SearchHit.from_row({**by_id[int(article_id)], "score": round(-float(score), 4)})
        for article_id, score in page
        if int(article_id) in by_id
    ]


#: The SELECT list ``StoredStatement.from_row`` reads (``s``: statements, ``a``: articles,
#: ``act``: actors).
STORED_STATEMENT_COLUMNS = """s.id AS id, s.article_id AS article_id, a.title AS title,
    s.text AS text, s.kind AS kind, s.speaker AS speaker, s.cue AS cue,
    s.actor_id AS actor_id, act.name AS actor, s.start AS start, s."end" AS "end",
    COALESCE(a.published, a.first_opened) AS date, a.published AS published,
    a.first_opened AS added, s.corrected AS corrected, s.confidence AS confidence,
    s.doubts AS doubts, s.reviewed AS reviewed, s.rule AS rule"""

STATEMENT_FROM = """statements AS s JOIN articles AS a ON a.id = s.article_id
    LEFT JOIN actors AS act ON act.id = s.actor_id"""


def search_statements(
    db: Database,
    query: str,
    actor_ids: list[int] | None = None,
    limit: int = 20,
) -> list[StoredStatement]:
    """Statements whose words match ``query``, best first, optionally by some actors; not
    those of copies of an article (``reader.library.copies``), which repeat its own."""
    expression = fts_query(query)
    if expression is None or limit <= 0 or actor_ids == []:
        return []
    where = f"AND {not_a_copy('s.article_id')}"
    params: list[object] = [expression]
    if actor_ids is not None:
        where += f" AND s.actor_id IN ({','.join('?' * len(actor_ids))})"
        params.extend(actor_ids)
    rows = db.query(
        f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
            JOIN statements_fts AS f ON f.rowid = s.id
            WHERE statements_fts MATCH ? {where}
            ORDER BY bm25(statements_fts) LIMIT ?""",
        (*params, limit),
    )
    return [StoredStatement.from_row(row) for row in rows]
