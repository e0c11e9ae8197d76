"""The ``Library``: every article a person opens, kept, searchable, and shown again instantly.

This is the only way the command line and the interface reach the database; they get plain
dataclasses back (``StoredArticle``, ``SearchHit``, ``ActorSummary``, ``StoredStatement``)
and a full ``Analysis`` for a stored article, and never write SQL of their own.

The library stores, reads and corrects; it never opens a file or runs the pipeline. The
reading step (``reader.reading``) opens and analyses an article and hands the analysis
here to be stored (``store``, ``add_analysis``), re-using a current stored one
(``current``, ``touch``).

``Library`` is one class made of its jobs, each in a module of its own:

- ``guard.Guard``: its life cycle, and nothing written to a file that may be damaged.
  Before the first write of a session, a library whose file is not as the last clean
  close left it (``clean_close``) gets the part of ``dramatis library check`` a write must
  not go into (``check.write_blockers``: ``PRAGMA integrity_check`` and both full-text
  indexes against their content), and so does one where a write failed with a corruption
  code. A damaged file raises ``CorruptLibraryError`` and is closed without writing
  anything to it; a damaged index raises ``LibraryError`` pointing at ``check --repair``.
  After every write the record of what the library holds (``held``) is brought up to date;
- ``writes.Writes``: analyses stored (all or nothing), articles touched, removed and put
  back;
- ``articles.Articles``: stored articles found, listed, counted and rebuilt as an
  ``Analysis``;
- ``searching.Searching``: searches, the Library tab's table and the sources report;
- ``speakers.Speakers``: actors, what they said, their positions, what to check;
- ``corrected.Corrections``: the reader's corrections, stored and laid over analyses.

A single stored row that cannot be read back raises ``DamagedRecordError`` naming its
article; listings leave such rows out and note them in ``skipped``.

The library talks to SQLite through one sqlite-utils ``Database`` (``db``) over its
connection (``connection``, which is ``db.conn``): rows come back as dicts from
``db.query`` and become records through each record's ``from_row``; counts, ids and the
ranked searches run as hand-written SQL through ``db.execute``.
"""

from __future__ import annotations

from reader.library.articles import Articles
from reader.library.corrected import Corrections
from reader.library.failures import (
    CorrectionError,
    DamagedRecordError,
    NoSuchArticleError,
    NotSavedError,
)
from reader.library.searching import Searching
from reader.library.speakers import Speakers
from reader.library.writes import Writes

__all__ = [
    "CorrectionError",
    "DamagedRecordError",
    "Library",
    "NoSuchArticleError",
    "NotSavedError",
]


class Library(Corrections, Writes, Articles, Searching, Speakers):
    """An open library database. Not for sharing between threads: open one per thread."""
