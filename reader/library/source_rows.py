"""The sources of the articles stored before ``article_sources`` was made.

The migration that made the table (``schema._article_sources``) runs ``fill_library`` in
its transaction: every stored article is read back and its sources written, as they are
written for an article stored now (``reader.library.source_facts``).
"""

from __future__ import annotations

import sqlite3

from reader.library.connection import database
from reader.library.records import DamagedRecord
from reader.library.source_facts import write_sources
from reader.library.store import load_analysis

#: Articles read back at a time.
_BATCH = 500


def fill_library(conn: sqlite3.Connection) -> int:
    """Write the sources of every stored article from its stored analysis (the migration
    that made ``article_sources`` runs this in its transaction); return how many articles
    had any. An article whose stored analysis cannot be read back is left without
    (``library check`` names it)."""
    db = database(conn)
    filled = 0
    last = 0
    while True:
        ids = [
            int(r[0])
            for r in conn.execute(
                "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH)
            )
        ]
        if not ids:
            return filled
        for article_id in ids:
            last = article_id
            try:
                analysis = load_analysis(db, article_id)
            except (DamagedRecord, ValueError, TypeError, KeyError):
                continue
            if analysis is None:
                continue
            linked = {
                str(r[0])
                for r in conn.execute(
                    "SELECT local_id FROM article_actors WHERE article_id = ?", (article_id,)
                )
            }
            before = conn.total_changes
            write_sources(db, article_id, analysis, linked)
            filled += conn.total_changes > before
