"""Each article's sources as rows of ``article_sources``, written with its analysis.

The facts (``reader.sources.source_facts``: named or not, kind, role, gender and how the
text told it, statements by kind) are computed when an article's rows are written, from
the analysis as corrected, because then:

* the report over a whole library is SQL over one narrow table, never 100,000 analyses
  read back and walked in Python;
* they follow the reader's corrections (a correction writes the article's rows again,
  ``store.rewrite_corrected``), which an analysis-time value could not;
* the analysis and its JSON stay as they are: nothing is added to what the pipeline makes.

The migration that made the table filled it for the articles stored before, from their
stored analyses (``reader.library.source_rows``).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from reader.model import Analysis
from reader.sources import SourceFacts, source_facts

if TYPE_CHECKING:
    from reader.library.database import Database

COLUMNS = (
    "article_id", "local_id", "kind", "named", "role", "role_word", "gender", "gender_by",
    "gender_word", "statements", "direct", "mixed", "indirect",
)  # fmt: skip


def write_sources(
    db: Database, article_id: int, analysis: Analysis, linked: Collection[str]
) -> None:
    """Write the sources of ``analysis`` (those of its actors ``linked`` to library
    actors); the caller holds the write transaction and has cleared the article's rows."""
    rows = [_row(article_id, f) for f in source_facts(analysis) if f.actor in linked]
    if rows:
        db.conn.executemany(
            f"INSERT INTO article_sources ({', '.join(COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(COLUMNS))})",
            rows,
        )


def _row(article_id: int, facts: SourceFacts) -> tuple[Any, ...]:
    return (
        article_id,
        facts.actor,
        facts.kind,
        int(facts.named),
        facts.role,
        facts.role_word,
        facts.gender,
        facts.gender_by,
        facts.gender_word,
        facts.statements,
        facts.direct,
        facts.mixed,
        facts.indirect,
    )
