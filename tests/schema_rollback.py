"""Take a library made by this version back to an earlier schema, for migration tests.

Tests of a migration build a library with today's code, then make it what an older release
left: ``roll_back(conn, version)`` undoes, newest first, what each migration after
``version`` added (only migrations from 9 on are listed: tests of older ones undo the rest
themselves). Every new migration adds its undoing here, so that those tests keep working.
"""

from __future__ import annotations

import sqlite3

#: SQL undoing each migration, by the version it took the library to.
UNDO: dict[int, str] = {
    15: """
DROP INDEX article_sources_facts;
""",
    14: """
DROP TABLE article_sources;
""",
    13: """
DROP INDEX statements_to_check;
DROP TABLE statement_subjects;
""",
    12: """
DROP INDEX near_copy_bands_band;
DROP TABLE near_copy_bands;
DROP INDEX articles_copy_of;
ALTER TABLE articles DROP COLUMN copy_of;
""",
    11: """
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 (text, content='statements', content_rowid='id');
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='articles', content_rowid='id', prefix='2 3'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
""",
    10: """
DROP TRIGGER article_counts_delete;
DROP TRIGGER article_counts_insert;
DROP TRIGGER article_counts_article;
DROP TABLE article_counts;
DROP INDEX articles_first_opened;
DROP INDEX articles_title;
DROP INDEX articles_outlet;
ALTER TABLE articles DROP COLUMN outlet;
""",
    9: """
ALTER TABLE article_actors DROP COLUMN doubts;
ALTER TABLE statements DROP COLUMN reviewed;
ALTER TABLE statements DROP COLUMN doubts;
""",
}


def roll_back(conn: sqlite3.Connection, version: int) -> None:
    """Undo every migration after ``version`` (from 9 on) and set the stored version."""
    for number in sorted(UNDO, reverse=True):
        if number > version:
            for statement in UNDO[number].strip().split(";\n"):
                if statement.strip():
                    conn.execute(statement.strip().rstrip(";"))
    conn.execute(f"PRAGMA user_version = {version}")
