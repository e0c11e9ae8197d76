"""The library schema: an ordered list of migrations and the stored version they reach.

``PRAGMA user_version`` holds how many migrations have been applied. Each migration runs in
its own ``BEGIN IMMEDIATE`` transaction together with the version bump, so a library is
always at exactly one version. Append new migrations; never edit one that has shipped.
docs/SCHEMA.md ("Library database") describes the tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.library.connection import translate_errors, write_transaction

_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    title TEXT,
    source TEXT,
    format TEXT NOT NULL,
    byline TEXT,
    published TEXT,
    first_opened TEXT NOT NULL,
    last_opened TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis_version TEXT NOT NULL
);
CREATE INDEX articles_last_opened ON articles (last_opened);
CREATE INDEX articles_date ON articles (COALESCE(published, first_opened));
CREATE INDEX articles_analysis_version ON articles (analysis_version);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (key, kind)
);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (actor_id, key)
) WITHOUT ROWID;
CREATE INDEX actor_aliases_key ON actor_aliases (key);

CREATE TABLE article_actors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    quotes TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_actors_actor ON article_actors (actor_id, article_id);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    local_actor TEXT
);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_label_text ON entities (label, text COLLATE NOCASE);
CREATE INDEX entities_text ON entities (text COLLATE NOCASE);

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    spans TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    local_actor TEXT,
    actor_id INTEGER REFERENCES actors (id),
    confidence REAL
);
CREATE INDEX statements_article ON statements (article_id, actor_id, seq);
CREATE INDEX statements_actor ON statements (actor_id, article_id);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='articles', content_rowid='id', prefix='2 3'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE statements_fts USING fts5 (
    text, content='statements', content_rowid='id'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""

#: 2: every statement records the rule that found it (``reader.attribution.rules.Rule`` values).
_V2 = """
ALTER TABLE statements ADD COLUMN rule TEXT;
"""


def _v3_rekey_actors(conn: sqlite3.Connection) -> None:
    """3: library keys made with the article's own name functions; actors sharing one merge."""
    from reader.library.identity import rekey_actors

    rekey_actors(conn)


#: 4: the outlet a statement was reported through ("Per Mirror, …": ``Quote.via``).
_V4 = """
ALTER TABLE statements ADD COLUMN via TEXT;
"""

#: 5: corrections a reader made (docs/SCHEMA.md, "Corrections"): the corrections themselves,
#: the analysis as the pipeline made it for each corrected article, which corrections took
#: effect in which article, and which statements a correction changed; and the country of
#: a nationality group (``Actor.country``).
_V5 = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    created TEXT NOT NULL,
    scope TEXT,
    operation TEXT NOT NULL,
    arguments TEXT NOT NULL,
    undone TEXT
);
CREATE INDEX corrections_scope ON corrections (scope, id);

CREATE TABLE uncorrected_analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    analysis TEXT NOT NULL
);

CREATE TABLE correction_effects (
    correction_id INTEGER NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (correction_id, article_id)
);
CREATE INDEX correction_effects_article ON correction_effects (article_id);

ALTER TABLE statements ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_actors ADD COLUMN country TEXT;
"""


def _v6_named_links(conn: sqlite3.Connection) -> None:
    """6: ``article_actors.named``: a reader gave the actor its name, and the library files
    it under that name alone; set for the actors the corrections in effect name."""
    from reader.library.store import mark_named_links

    conn.execute("ALTER TABLE article_actors ADD COLUMN named INTEGER NOT NULL DEFAULT 0")
    mark_named_links(conn)


#: 7: what the library is and how far it has come (``reader.library.held``): a random id
#: made once, and a count of the articles ever added or removed, moved by triggers so that
#: every writer keeps it, whatever program it is.
_V7 = """
CREATE TABLE library_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    library TEXT NOT NULL,
    generation INTEGER NOT NULL
);
INSERT INTO library_state (id, library, generation) VALUES (1, lower(hex(randomblob(16))), 0);
CREATE TRIGGER library_state_insert AFTER INSERT ON articles BEGIN
    UPDATE library_state SET generation = generation + 1;
END;
CREATE TRIGGER library_state_delete AFTER DELETE ON articles BEGIN
    UPDATE library_state SET generation = generation + 1;
END;
"""


def _v8_reidentify_actors(conn: sqlite3.Connection) -> None:
    """8: library actors made again by the rules of issue 19: people join across articles
    only when their full names agree, and a description is filed under its article."""
    from reader.library.identity import reidentify_actors

    reidentify_actors(conn)


#: 9: what a reader may want to check (``reader.actors.doubts``): each statement's and
#: actor's reasons, space-separated, and whether a reader accepted the statement. Articles
#: stored before have none until they are analysed again (the rules version moved).
_V9 = """
ALTER TABLE statements ADD COLUMN doubts TEXT NOT NULL DEFAULT '';
ALTER TABLE statements ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_actors ADD COLUMN doubts TEXT NOT NULL DEFAULT '';
"""


#: 10: the outlet that published an article (``Article.outlet``; NULL for articles stored
#: before, whose files are not opened again), and what the Library tab sorts by without
#: reading every row: indexes on the title, the outlet and when an article was added, and
#: each article's count of statements, kept by triggers in a table of its own (a column
#: of ``articles`` would rewrite the article's text with every statement).
_V10 = """
ALTER TABLE articles ADD COLUMN outlet TEXT;
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);
CREATE INDEX articles_title ON articles (title COLLATE NOCASE);
CREATE INDEX articles_first_opened ON articles (first_opened);

CREATE TABLE article_counts (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    statements INTEGER NOT NULL
);
INSERT INTO article_counts (article_id, statements)
SELECT a.id, (SELECT count(*) FROM statements WHERE article_id = a.id) FROM articles AS a;
CREATE INDEX article_counts_statements ON article_counts (statements);
CREATE TRIGGER article_counts_article AFTER INSERT ON articles BEGIN
    INSERT INTO article_counts (article_id, statements) VALUES (new.id, 0);
END;
CREATE TRIGGER article_counts_insert AFTER INSERT ON statements BEGIN
    UPDATE article_counts SET statements = statements + 1 WHERE article_id = new.article_id;
END;
CREATE TRIGGER article_counts_delete AFTER DELETE ON statements BEGIN
    UPDATE article_counts SET statements = statements - 1 WHERE article_id = old.article_id;
END;
"""


#: Search by word forms: both full-text indexes made again with the Porter stemmer
#: (``reader.library.stems``), so that "redundancies" finds "redundancy"; the triggers that
#: keep them in step are made again with them, unchanged, and each is filled from its
#: content.
_STEMMED_SEARCH = """
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content='articles', content_rowid='id', prefix='2 3',
    tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

DROP TRIGGER statements_fts_insert;
DROP TRIGGER statements_fts_delete;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5 (
    text, content='statements', content_rowid='id', tokenize='porter unicode61'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
"""


def _near_copies(conn: sqlite3.Connection) -> None:
    """The same story stored twice is one article with its copies (``reader.library.copies``):
    ``articles.copy_of`` names the original a copy was found to repeat, ``near_copy_bands``
    holds each article's band values (``reader.library.near_copies``), looked up by value.
    ``copy_of`` is no foreign key: removing an original first makes its first copy the
    original (``copies.promote_first_copy``), and a column with one could not be dropped.
    Every article stored before is fingerprinted here, in the order it was stored, and
    marked when it copies an earlier one (bench/library_copies.py: 100,000 articles)."""
    from reader.library.copies import fingerprint_library

    run_script(
        conn,
        """
ALTER TABLE articles ADD COLUMN copy_of INTEGER;
CREATE INDEX articles_copy_of ON articles (copy_of);
CREATE TABLE near_copy_bands (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    band INTEGER NOT NULL,
    PRIMARY KEY (article_id, band)
) WITHOUT ROWID;
CREATE INDEX near_copy_bands_band ON near_copy_bands (band);
""",
    )
    fingerprint_library(conn)


#: What each statement is about (``reader.library.subjects``): a row per subject, with the
#: position that gathers it across the library; and an index for the statements to check
#: (less sure than a threshold, not reviewed). Articles stored before have no subjects
#: until they are analysed again (the rules version moved).
_STATEMENT_SUBJECTS = """
CREATE TABLE statement_subjects (
    statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    rule TEXT NOT NULL,
    local_actor TEXT,
    actor_id INTEGER,
    position TEXT NOT NULL
);
CREATE INDEX statement_subjects_statement ON statement_subjects (statement_id, position);
CREATE INDEX statement_subjects_article ON statement_subjects (article_id);
CREATE INDEX statement_subjects_position ON statement_subjects (position, statement_id);
CREATE INDEX statements_to_check ON statements (reviewed, confidence);
"""


def _article_sources(conn: sqlite3.Connection) -> None:
    """Who gets to speak: one row for each source of each article (``reader.sources``,
    written with the article by ``reader.library.source_rows``): whether it is named, its
    kind, its role and its gender where the text tells them (and the word that told
    them), and its statements by kind, so that a library's sources are counted in SQL.
    Every article stored before gets its rows here, from its stored analysis."""
    from reader.library.source_rows import fill_library

    run_script(
        conn,
        """
CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    named INTEGER NOT NULL,
    role TEXT,
    role_word TEXT,
    gender TEXT,
    gender_by TEXT,
    gender_word TEXT,
    statements INTEGER NOT NULL,
    direct INTEGER NOT NULL,
    mixed INTEGER NOT NULL,
    indirect INTEGER NOT NULL,
    PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;
""",
    )
    fill_library(conn)


#: The sources report groups every source of the library by these columns: an index in
#: that order (holding the counts, and the article id as every index of the table does)
#: lets it walk the index instead of sorting 400,000 rows (bench/sources.py).
_SOURCES_REPORT_INDEX = """
CREATE INDEX article_sources_facts
ON article_sources (named, kind, role, gender, statements, direct, mixed, indirect);
"""


#: A migration is SQL, or a step in Python run inside the migration's transaction.
Migration = str | Callable[[sqlite3.Connection], None]

#: Ordered migrations; ``MIGRATIONS[i]`` takes a library from version ``i`` to ``i + 1``.
#: Released migrations are frozen: tests/test_library_migrations.py checks their hashes.
MIGRATIONS: tuple[Migration, ...] = (
    _V1, _V2, _v3_rekey_actors, _V4, _V5, _v6_named_links, _V7, _v8_reidentify_actors, _V9,
    _V10, _STEMMED_SEARCH, _near_copies, _STATEMENT_SUBJECTS, _article_sources,
    _SOURCES_REPORT_INDEX,
)  # fmt: skip

SCHEMA_VERSION = len(MIGRATIONS)


def stored_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, subject: str | Path) -> int:
    """Apply the migrations the library lacks, each in its own transaction; return the version.

    Two processes opening a new library at once both end at the latest version: the version
    is re-read inside each transaction, so a migration another process applied is skipped.
    """
    with translate_errors(subject):
        if stored_version(conn) >= SCHEMA_VERSION:
            return stored_version(conn)
    while True:
        with write_transaction(conn, subject):
            version = stored_version(conn)
            if version >= SCHEMA_VERSION:
                return version
            run_step(conn, MIGRATIONS[version])
            conn.execute(f"PRAGMA user_version = {version + 1}")


def run_step(conn: sqlite3.Connection, step: Migration) -> None:
    """One migration, in the caller's transaction: its SQL script, or its Python step."""
    if isinstance(step, str):
        run_script(conn, step)
    else:
        step(conn)


def migrate_to(conn: sqlite3.Connection, version: int) -> None:
    """Bring a new database to ``version`` (an older schema than the latest), each step in
    its own transaction: how tests and benchmarks make a library an older program left."""
    for step in MIGRATIONS[:version]:
        conn.execute("BEGIN")
        run_step(conn, step)
        conn.execute("COMMIT")
    conn.execute(f"PRAGMA user_version = {version}")


def run_script(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; run the statements one by one inside our transaction.
    for statement in _statements(script):
        conn.execute(statement)


def _statements(script: str) -> list[str]:
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete statement in migration: {buffer!r}")
    return statements
