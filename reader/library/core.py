"""The ``Library``: every article a person opens, kept, searchable, and shown again instantly.

This is the only way the command line and the interface reach the database; they get plain
dataclasses back (``StoredArticle``, ``SearchHit``, ``ActorSummary``, ``StoredStatement``)
and a full ``Analysis`` for a stored article, and never write SQL of their own.

When the library cannot save (read-only, locked, corrupt, disk full) the article is still
analysed: ``add_file`` raises ``NotSavedError`` carrying the ``Analysis`` so that the caller
can show it without saving.

Nothing is written to a file that may be damaged: before the first write of a session, a
library whose file is not as the last clean close left it (``clean_close``) gets the part
of ``dramatis library check`` a write must not go into (``check.write_blockers``:
``PRAGMA integrity_check`` and both full-text indexes against their content), and so does
one where a write failed with a corruption code. A damaged file raises
``CorruptLibraryError`` and is closed without writing anything to it; a damaged index
raises ``LibraryError`` pointing at ``check --repair``. After every write the record of
what the library holds (``held``) is brought up to date.
A single stored row that cannot be read back raises ``DamagedRecordError`` naming its
article; listings leave such rows out and note them in ``skipped``.

The library talks to SQLite through one sqlite-utils ``Database`` (``db``) over its
connection (``connection``, which is ``db.conn``): rows come back as dicts from
``db.query`` and become records through each record's ``from_row``; counts, ids and the
ranked searches run as hand-written SQL through ``db.execute``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from reader import errors
from reader.corrections.apply import apply_corrections
from reader.corrections.names import change_problem
from reader.corrections.operations import Change, Correction, StatementRef
from reader.errors import ArticleError, LibraryError
from reader.library import (
    amend,
    clean_close,
    correcting,
    held,
    listing,
    positions,
    removal,
    review,
    store,
)
from reader.library.check import Kind, Problem, write_blockers
from reader.library.connection import (
    CorruptLibraryError,
    connect_read_only,
    database,
    translate_errors,
    write_transaction,
)
from reader.library.copies import NOT_A_COPY, copies_of, not_a_copy, original_of, with_copies
from reader.library.identity import IN_ONE_ARTICLE, find_actor_ids
from reader.library.listing import Bounds, Column
from reader.library.positions import Quoting, StoredPosition
from reader.library.records import (
    ARTICLE_COLUMNS,
    ActorSummary,
    AddResult,
    DamagedRecord,
    ListedArticle,
    Row,
    SearchHit,
    StoredArticle,
    StoredStatement,
)
from reader.library.search import (
    STATEMENT_FROM,
    STORED_STATEMENT_COLUMNS,
    ArticleFilter,
    search_articles,
    search_statements,
)
from reader.library.sources import SourcesReport, article_report, empty_report, library_report
from reader.model import CHECK_THRESHOLD, Analysis, Article

Analyser = Callable[[Article], Analysis]
#: ``progress(done, total, path)`` after each file or article.
Progress = Callable[[int, int, str], None]

#: Above this many rows, listings walk an index in order instead of sorting every row.
BIG_SET = 2000


class NotSavedError(LibraryError):
    """The article was analysed but could not be saved; ``analysis`` can still be shown."""

    def __init__(self, cause: LibraryError, analysis: Analysis) -> None:
        super().__init__(cause.subject, cause.problem)
        self.cause = cause
        self.analysis = analysis


class Added(tuple[int, Analysis, bool]):
    """What ``add_article`` did: ``(id, analysis, was_new)`` as a tuple, and ``original``,
    the stored article this one is a copy of (the same story from another file), or None."""

    original: StoredArticle | None

    def __new__(
        cls, article_id: int, analysis: Analysis, was_new: bool, original: StoredArticle | None
    ) -> Added:
        added = super().__new__(cls, (article_id, analysis, was_new))
        added.original = original
        return added


class NoSuchArticleError(LibraryError):
    """No article with that id: removed, or never stored (not damage)."""


class CorrectionError(LibraryError):
    """A correction that cannot be made: it names no actor or statement there is."""


class DamagedRecordError(LibraryError):
    """One stored article's analysis cannot be read back; the rest of the library can."""

    def __init__(self, subject: str | Path, damage: DamagedRecord) -> None:
        super().__init__(
            subject,
            errors.LIBRARY_RECORD_DAMAGED.format(article_id=damage.article_id, part=damage.part),
        )
        self.article_id = damage.article_id


def default_analyser(article: Article) -> Analysis:
    from reader.pipeline import analyse

    return analyse(article)


def default_version() -> str:
    from reader.versions import analysis_version

    return analysis_version()


class Library:
    """An open library database. Not for sharing between threads: open one per thread."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        trusted: bool = False,
        analyse: Analyser | None = None,
        version: str | None = None,
    ) -> None:
        self.connection = conn
        #: sqlite-utils over the same connection: how the library reads and writes.
        self.db = database(conn)
        self.path = path
        self.read_only = read_only
        #: The file is known sound: as the last clean close left it, or checked since.
        self.trusted = trusted
        self._checked = False
        self.damaged = False
        #: Damaged rows left out of listings since the library was opened.
        self.skipped: list[LibraryError] = []
        self.analyse = analyse or default_analyser
        self.version = version or default_version()

    # -- life cycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection; note a clean close of a sound library (``clean_close``)."""
        if self.damaged and not self.read_only:
            self._close_without_checkpoint()
            return
        self.connection.close()
        if self._may_record():
            clean_close.record_clean_close(self.path)

    def _may_record(self) -> bool:
        if self.read_only or not self.trusted:
            return False
        # Trusted only from the record, which is gone: another process found the file
        # damaged since. Keep it gone.
        return self._checked or clean_close.record_path(self.path).exists()

    def _close_without_checkpoint(self) -> None:
        """Close so that SQLite does not copy the log into the damaged file.

        The last connection to close checkpoints; while a read-only one is still open the
        writable one is not the last, and a read-only connection never checkpoints.
        """
        guard = None
        with contextlib.suppress(LibraryError):
            guard = connect_read_only(self.path)
        self.connection.close()
        if guard is not None:
            guard.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_writable(self) -> None:
        if self.read_only:
            raise LibraryError(self.path, errors.LIBRARY_READ_ONLY)

    def verify(self) -> None:
        """``write_blockers`` unless the file is known sound: ``CorruptLibraryError`` (and
        nothing written from now on) if its pages are damaged, ``LibraryError`` if an index
        is out of step (``check --repair`` rebuilds it)."""
        if self.trusted or self.read_only:
            return
        with self._translated():
            problems = write_blockers(self.db)
        self._refuse(problems)
        self.mark_sound()

    def _refuse(self, problems: list[Problem]) -> None:
        if any(p.kind is Kind.FILE for p in problems):
            self._mark_damaged()
            raise CorruptLibraryError(self.path, errors.LIBRARY_CORRUPT)
        if problems:
            self._doubt()
            detail = problems[0].text
            raise LibraryError(self.path, errors.LIBRARY_INDEX_DAMAGED.format(detail=detail))

    def mark_sound(self) -> None:
        """The file was just checked and found sound."""
        self.trusted = True
        self._checked = True

    def _mark_damaged(self) -> None:
        self.damaged = True
        self._doubt()

    def _doubt(self) -> None:
        """Check the file again before the next write, in this session and the next."""
        self.trusted = False
        self._checked = False
        clean_close.forget(self.path)

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        """``translate_errors``; a read that meets damage also puts the file in doubt (it may
        be only a search index, so reading goes on)."""
        try:
            with translate_errors(self.path):
                yield
        except CorruptLibraryError:
            self._doubt()
            raise

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Around every write: writable, verified, and a corruption error diagnosed."""
        self.check_writable()
        if self.damaged:
            raise CorruptLibraryError(self.path, errors.LIBRARY_CORRUPT)
        self.verify()
        try:
            yield
        except CorruptLibraryError as error:
            raise self._diagnosed(error) from error
        held.note(self.path, self.connection)

    def _diagnosed(self, error: CorruptLibraryError) -> LibraryError:
        """A write failed with a corruption code: the whole file, or only an index?"""
        try:
            problems = write_blockers(self.db)
        except sqlite3.Error as failure:
            problems = [Problem(Kind.FILE, str(failure))]
        if any(p.kind is Kind.FILE for p in problems):
            self._mark_damaged()
            return error
        self._doubt()
        detail = problems[0].text if problems else error.__cause__ or error.problem
        return LibraryError(self.path, errors.LIBRARY_INDEX_DAMAGED.format(detail=detail))

    # -- adding -----------------------------------------------------------------------

    def add_file(self, path: str | Path) -> Added:
        """Open, analyse (unless already stored) and store a file: ``(id, analysis, was_new)``,
        and ``.original``, the stored article it is a copy of (``reader.library.copies``).

        Raises ``ArticleError`` for a bad file, and ``NotSavedError`` (with the analysis) when
        the library cannot save it.
        """
        from reader.opening import open_article

        return self.add_article(open_article(path))

    def add_article(self, article: Article) -> Added:
        """Store an opened article, re-using a stored analysis of the same content if current:
        ``(id, analysis, was_new)``, and ``.original``, the stored article it is a copy of
        (the same story from another file: it is kept, as that article's copy), or None."""
        try:
            stored = self._find(article.sha256)
        except LibraryError as error:
            raise NotSavedError(error, self.analyse(article)) from error
        if stored is not None and stored[1] == self.version:
            article_id = stored[0]
            try:
                analysis = self.analysis(article_id)
            except DamagedRecordError as error:
                raise NotSavedError(error, self.analyse(article)) from error
            if not self.read_only:
                try:
                    with self._writing():
                        store.touch(self.db, article_id, self.path, article.outlet)
                except LibraryError as error:
                    raise NotSavedError(error, analysis) from error
            return Added(article_id, analysis, False, self._original(article_id))
        analysis = self.analyse(article)
        article_id, was_new = self.add_analysis(analysis, on_error=analysis)
        original = self._original(article_id)
        return Added(article_id, self.corrected(analysis), was_new, original)

    def _original(self, article_id: int) -> StoredArticle | None:
        """The article this one is a copy of; None for an original, or when it cannot be read."""
        try:
            with self._translated():
                original = original_of(self.db, article_id)
            return None if original is None else self.article(original)
        except LibraryError:
            return None

    # -- corrections ----------------------------------------------------------------------

    def corrected(self, analysis: Analysis) -> Analysis:
        """``analysis`` with the reader's corrections in effect for its article laid over it
        (what the library stores for it)."""
        with self._translated():
            corrections = amend.active(self.db, analysis.article.sha256)
        return apply_corrections(analysis, corrections) if corrections else analysis

    def correct(
        self, change: Change, article_id: int | None = None
    ) -> tuple[Correction, list[int]]:
        """Store a correction for one article, or for the whole library when ``article_id`` is
        None, and apply it: ``(correction, ids of the articles it changed)``.

        ``CorrectionError`` when it names nothing the article has, or gives a name no actor
        can have (blank, or longer than actor names are kept); nothing is stored then.
        """
        problem = change_problem(change)
        if problem is not None:
            raise CorrectionError(self.path, problem)
        with self._writing(), write_transaction(self.connection, self.path):
            try:
                return correcting.record(self.db, change, article_id)
            except correcting.CorrectionRefused as refused:
                raise CorrectionError(self.path, str(refused)) from refused

    def undo_correction(self, correction_id: int) -> tuple[Correction, list[int]]:
        """Undo a stored correction: ``(the correction, ids of the articles it changed)``."""
        with self._writing(), write_transaction(self.connection, self.path):
            try:
                return correcting.undo(self.db, correction_id)
            except correcting.CorrectionRefused as refused:
                raise CorrectionError(self.path, str(refused)) from refused

    def corrections(self, article_id: int | None = None) -> list[Correction]:
        """Stored corrections, newest first (undone ones too, marked): all, or one article's
        own and the library-wide ones."""
        with self._translated():
            return correcting.listing(self.db, article_id)

    def statement_ref(self, statement_id: int) -> tuple[int, StatementRef]:
        """The article of a stored statement and the reference a correction keeps for it."""
        with self._translated():
            row = self.db.execute(
                'SELECT article_id, start, "end", text FROM statements WHERE id = ?',
                (statement_id,),
            ).fetchone()
        if row is None:
            raise CorrectionError(self.path, errors.LIBRARY_NO_STATEMENT.format(id=statement_id))
        return int(row[0]), StatementRef(int(row[1]), int(row[2]), str(row[3]))

    def add_analysis(
        self, analysis: Analysis, on_error: Analysis | None = None
    ) -> tuple[int, bool]:
        """Store an analysis made elsewhere (all or nothing): ``(id, was_new)``."""
        try:
            with self._writing():
                return store.store_analysis(self.db, analysis, self.path)
        except LibraryError as error:
            if on_error is None:
                raise
            raise NotSavedError(error, on_error) from error

    def add_analyses(self, analyses: Iterable[Analysis]) -> list[tuple[int, bool]]:
        """Store many analyses in one transaction (for imports and the benchmark generator)."""
        with self._writing():
            return store.store_analyses(self.db, analyses, self.path)

    def add_paths(
        self, paths: Iterable[str | Path], progress: Progress | None = None
    ) -> list[AddResult]:
        """Add files and folders (recursively); bad files are reported in the results and
        skipped, and so are files whose stored analysis is damaged. A file that cannot be
        read, for whatever reason, never stops the run. A library that cannot
        save stops the run with ``LibraryError``, before anything is analysed if its file
        is damaged."""
        from reader.opening import open_each

        files = list(expand_paths(paths))
        self.verify()
        results = []
        for done, file in enumerate(files, start=1):
            try:
                added = self.add_article(open_each(file))
                original = None if added.original is None else added.original.id
                results.append(AddResult(str(file), added[0], added[2], copy_of=original))
            except NotSavedError as error:
                if not isinstance(error.cause, DamagedRecordError):
                    raise error.cause from error
                results.append(AddResult(str(file), None, False, error.problem))
            except ArticleError as error:
                results.append(AddResult(str(file), None, False, error.problem))
            if progress is not None:
                progress(done, len(files), str(file))
        return results

    # -- re-analysis --------------------------------------------------------------------

    def stale_ids(self) -> list[int]:
        """Articles analysed by other rules or another model than the current ones."""
        with self._translated():
            rows = self.db.execute(
                "SELECT id FROM articles WHERE analysis_version != ? ORDER BY id",
                (self.version,),
            ).fetchall()
        return [int(r[0]) for r in rows]

    def reanalyse(self, article_id: int) -> Analysis:
        """Analyse a stored article again with the current rules and model, and store it."""
        stored = self.analysis(article_id)
        analysis = self.analyse(stored.article)
        self.add_analysis(analysis, on_error=analysis)
        return analysis

    def reanalyse_all(self, progress: Progress | None = None) -> int:
        """Re-analyse every stale article, each in its own transaction; return how many."""
        ids = self.stale_ids()
        for done, article_id in enumerate(ids, start=1):
            try:
                self.reanalyse(article_id)
            except NotSavedError as error:
                raise error.cause from error
            if progress is not None:
                progress(done, len(ids), str(article_id))
        return len(ids)

    # -- reading ------------------------------------------------------------------------

    def _find(self, sha256: str) -> tuple[int, str] | None:
        with self._translated():
            row = self.db.execute(
                "SELECT id, analysis_version FROM articles WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return (int(row[0]), str(row[1])) if row is not None else None

    def find(self, sha256: str) -> int | None:
        """The id of the stored article with this content hash, if any."""
        found = self._find(sha256)
        return found[0] if found else None

    def reuse_current(self, sha256: str) -> int | None:
        """The id of the stored article with this content if the current rules and model
        analysed it, marked as opened now; ``None`` if it needs analysing. Loads nothing."""
        stored = self._find(sha256)
        if stored is None or stored[1] != self.version:
            return None
        if not self.read_only:
            with self._writing():
                store.touch(self.db, stored[0], self.path)
        return stored[0]

    def count(self, copies: bool = True) -> int:
        """How many articles are stored; ``copies=False``: how many stories, each article
        with its copies (``reader.library.copies``) once."""
        where = "" if copies else f"AS a WHERE {NOT_A_COPY}"
        with self._translated():
            return int(self.db.execute(f"SELECT count(*) FROM articles {where}").fetchone()[0])

    def article(self, article_id: int) -> StoredArticle:
        with self._translated():
            rows = list(
                self.db.query(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
            )
        if not rows:
            raise NoSuchArticleError(
                self.path, errors.LIBRARY_NO_ARTICLE.format(article_id=article_id)
            )
        return self._with_copies([StoredArticle.from_row(rows[0])])[0]

    def articles(self, limit: int = 100, offset: int = 0) -> list[StoredArticle]:
        """Stored articles, most recently opened first; a copy of another is not listed on
        its own but in its original's ``copies``."""
        with self._translated():
            rows = list(
                self.db.query(
                    f"""SELECT {ARTICLE_COLUMNS} FROM articles AS a WHERE {NOT_A_COPY}
                        ORDER BY last_opened DESC, id DESC LIMIT ? OFFSET ?""",
                    (limit, offset),
                )
            )
        return self._with_copies([StoredArticle.from_row(row) for row in rows])

    def copies_among(self, article_ids: Iterable[int]) -> dict[int, int]:
        """Which of these articles are copies (``reader.library.copies``): ``{id: original}``."""
        ids = sorted(set(article_ids))
        if not ids:
            return {}
        with self._translated():
            rows = self.db.execute(
                """SELECT id, copy_of FROM articles
                   WHERE id IN (SELECT value FROM json_each(?)) AND copy_of IS NOT NULL""",
                (json.dumps(ids),),
            ).fetchall()
        return {int(row[0]): int(row[1]) for row in rows}

    def _with_copies(self, articles: list[StoredArticle]) -> list[StoredArticle]:
        with self._translated():
            found = copies_of(self.db, [a.id for a in articles])
        return [dataclasses.replace(a, copies=found.get(a.id, ())) for a in articles]

    def opening(self, article_id: int, chars: int = 400) -> str:
        """The start of an article's text (to name an article that has no title)."""
        with self._translated():
            row = self.db.execute(
                "SELECT substr(text, 1, ?) FROM articles WHERE id = ?", (chars, article_id)
            ).fetchone()
        return str(row[0]) if row is not None and row[0] is not None else ""

    def analysis(self, article_id: int) -> Analysis:
        """The stored Analysis of an article, rebuilt without re-analysing."""
        try:
            with self._translated():
                analysis = store.load_analysis(self.db, article_id)
        except DamagedRecord as damage:
            raise DamagedRecordError(self.path, damage) from damage
        if analysis is None:
            raise NoSuchArticleError(
                self.path, errors.LIBRARY_NO_ARTICLE.format(article_id=article_id)
            )
        return analysis

    def remove(self, article_id: int) -> None:
        with self._writing():
            removed = store.remove_article(self.db, article_id, self.path)
        if not removed:
            raise NoSuchArticleError(
                self.path, errors.LIBRARY_NO_ARTICLE.format(article_id=article_id)
            )

    def remove_articles(self, article_ids: Iterable[int]) -> removal.Removed:
        """Remove articles as ``remove`` does, in one transaction, and hand back what
        ``put_back`` needs to store them again as they were (the window's Undo)."""
        with self._writing(), write_transaction(self.connection, self.path):
            return removal.take_out(self.db, article_ids)

    def put_back(self, removed: removal.Removed) -> dict[int, int]:
        """Store articles ``remove_articles`` removed again, with their analyses,
        corrections' effects and actors as they were: ``{old id: id now}``."""
        with self._writing(), write_transaction(self.connection, self.path):
            return removal.put_back(self.db, removed)

    # -- the library as a table ---------------------------------------------------------

    def listing(
        self,
        column: Column = Column.ADDED,
        descending: bool = True,
        bounds: Bounds | None = None,
        *,
        limit: int = 100,
        offset: int = 0,
    ) -> list[ListedArticle]:
        """A page of the articles within ``bounds``, sorted by ``column``."""
        within = self._within(bounds)
        if within is False:
            return []
        with self._translated():
            threshold = bounds.check_below if bounds is not None else CHECK_THRESHOLD
            return listing.page(self.db, column, descending, within, limit, offset, threshold)

    def listing_count(self, bounds: Bounds | None = None) -> int:
        """How many articles ``listing`` lists within ``bounds``."""
        within = self._within(bounds)
        if within is False:
            return 0
        with self._translated():
            return listing.count(self.db, within)

    def outlets(self) -> list[tuple[str, int]]:
        """Every outlet with its number of articles, alphabetically."""
        with self._translated():
            return listing.outlets(self.db)

    def generation(self) -> int:
        """Moves with every article added or removed, by any program (cheap to ask)."""
        with self._translated():
            return listing.generation(self.db)

    # -- sources: who gets to speak --------------------------------------------------------

    def sources_report(self, bounds: Bounds | None = None, top: int = 10) -> SourcesReport:
        """Who gets to speak in the articles within ``bounds`` (``reader.library.sources``)."""
        within = self._within(bounds)
        if within is False:
            return empty_report()
        with self._translated():
            return library_report(self.db, within, top)

    def article_sources(self, article_id: int, top: int = 10) -> SourcesReport:
        """Who gets to speak in one article, each of its sources listed."""
        with self._translated():
            return article_report(self.db, article_id, top)

    def _within(self, bounds: Bounds | None) -> ArticleFilter | Literal[False] | None:
        filters, params = self._filters(None, False, None, None, None, None, bounds)
        if filters is False:
            return False
        if isinstance(filters, str):
            return ArticleFilter(filters, {f"p{i}": v for i, v in enumerate(params)})
        return None

    # -- search -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        actor: str | None = None,
        quoted_only: bool = False,
        entity: str | None = None,
        label: str | None = None,
        opened_from: str | None = None,
        opened_to: str | None = None,
        bounds: Bounds | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Articles matching ``query`` (any text is safe), best first, within the filters.

        ``actor``: articles where that actor appears (or, with ``quoted_only``, is quoted);
        ``entity``/``label``: articles with such an entity; ``opened_from``/``opened_to``:
        ISO dates bounding when the article was opened; ``bounds``: the Library tab's
        outlet and date range. With an empty query the filtered articles are listed, most
        recently opened first.
        """
        filters, params = self._filters(
            actor, quoted_only, entity, label, opened_from, opened_to, bounds
        )
        if filters is False:
            return []
        with self._translated():
            within = None
            if isinstance(filters, str):
                within = ArticleFilter(filters, {f"p{i}": v for i, v in enumerate(params)})
            hits = search_articles(self.db, query, within=within, limit=limit, offset=offset)
            if hits or within is None or query.strip():
                return hits
            return self._browse(within, limit, offset)

    def _filters(
        self,
        actor: str | None,
        quoted_only: bool,
        entity: str | None,
        label: str | None,
        opened_from: str | None,
        opened_to: str | None,
        bounds: Bounds | None = None,
    ) -> tuple[str | bool | None, list[object]]:
        """An SQL SELECT of article ids for the filters (None: no filter, False: none match)."""
        parts: list[str] = []
        params: list[object] = []

        def mark(value: object) -> str:
            params.append(value)
            return f":p{len(params) - 1}"

        if actor is not None:
            with self._translated():
                ids = find_actor_ids(self.db, actor)
            if not ids:
                return False, []
            marks = ",".join(mark(i) for i in ids)
            # A quoted actor is always one of its article's actors (statements only link to
            # those), so "appears" needs article_actors alone.
            table = "statements" if quoted_only else "article_actors"
            parts.append(f"SELECT DISTINCT article_id FROM {table} WHERE actor_id IN ({marks})")
        if entity is not None or label is not None:
            conditions = []
            if entity is not None:
                conditions.append(f"text = {mark(entity)} COLLATE NOCASE")
            if label is not None:
                conditions.append(f"label = {mark(label)}")
            conditions.append("label != 'PRONOUN'")  # "he" names nobody by itself
            parts.append(f"SELECT article_id FROM entities WHERE {' AND '.join(conditions)}")
        if opened_from is not None or opened_to is not None:
            conditions = []
            if opened_from is not None:
                conditions.append(f"last_opened >= {mark(opened_from)}")
            if opened_to is not None:
                conditions.append(f"first_opened <= {mark(_whole_day(opened_to))}")
            parts.append(f"SELECT id FROM articles WHERE {' AND '.join(conditions)}")
        if bounds is not None and bounds.to_check_only:
            threshold = mark(bounds.check_below)
            parts.append(
                "SELECT DISTINCT s.article_id FROM statements AS s WHERE "
                + review.TO_CHECK.format(threshold=threshold)
            )
        if bounds is not None and bounds.outlet is not None:
            # NOCASE: the collation of the outlet index and of the list of outlets.
            outlet = mark(bounds.outlet)
            parts.append(f"SELECT id FROM articles WHERE outlet = {outlet} COLLATE NOCASE")
        if bounds is not None and (bounds.dated_from is not None or bounds.dated_to is not None):
            date = "COALESCE(published, first_opened)"  # the articles_date index
            conditions = []
            if bounds.dated_from is not None:
                conditions.append(f"{date} >= {mark(bounds.dated_from)}")
            if bounds.dated_to is not None:
                conditions.append(f"{date} <= {mark(_whole_day(bounds.dated_to))}")
            parts.append(f"SELECT id FROM articles WHERE {' AND '.join(conditions)}")
        if not parts:
            return None, []
        return " INTERSECT ".join(f"SELECT * FROM ({p})" for p in parts), params

    def _browse(self, within: ArticleFilter, limit: int, offset: int) -> list[SearchHit]:
        # Many articles: walk the last_opened index and stop at the page; few: sort them.
        # Either way the text is read only for the page shown.
        (count,) = self.db.execute(f"SELECT count(*) FROM ({within.sql})", within.params).fetchone()
        order = "INDEXED BY articles_last_opened" if count > BIG_SET else ""
        member = "+id" if order else "id"
        rows = self.db.query(
            f"""WITH page AS MATERIALIZED (
                    SELECT id FROM articles {order}
                    WHERE {member} IN ({within.sql}) AND {not_a_copy(member)}
                    ORDER BY last_opened DESC, id DESC LIMIT :limit OFFSET :offset)
                SELECT a.id AS id, a.title AS title, substr(a.text, 1, 160) AS opening,
                    a.source AS source, a.last_opened AS last_opened
                FROM page JOIN articles AS a ON a.id = page.id
                ORDER BY a.last_opened DESC, a.id DESC""",
            {**within.params, "limit": limit, "offset": offset},
        )
        # No words to rank by: the article's opening stands in for a snippet.
        hits = [
            SearchHit.from_row(
                {**row, "snippet": " ".join(str(row["opening"]).split()) + "…", "score": 0.0}
            )
            for row in rows
        ]
        return with_copies(self.db, hits)

    def search_statements(
        self, query: str, *, actor: str | None = None, limit: int = 20
    ) -> list[StoredStatement]:
        """Statements whose words match ``query``, optionally only by one actor."""
        try:
            with self._translated():
                ids = None if actor is None else find_actor_ids(self.db, actor)
                return search_statements(self.db, query, ids, limit)
        except DamagedRecord as damage:
            raise DamagedRecordError(self.path, damage) from damage

    # -- actors and statements ------------------------------------------------------------

    def actors(self, limit: int | None = None) -> list[ActorSummary]:
        """Library actors, those quoted most first, then by how many articles they are in.

        Not the descriptions filed under one article ("a spokesperson"): those are no one
        across the library. Copies of an article (``reader.library.copies``)
        are not counted: a story is counted once, however many files hold it."""
        with self._translated():
            rows = list(
                self.db.query(
                    f"""SELECT a.id AS id, a.name AS name, a.kind AS kind,
                           (SELECT json_group_array(alias) FROM actor_aliases
                            WHERE actor_id = a.id) AS aliases,
                           (SELECT count(DISTINCT article_id) FROM article_actors
                            WHERE actor_id = a.id AND {not_a_copy("article_id")}) AS articles,
                           (SELECT count(*) FROM statements WHERE actor_id = a.id
                            AND {not_a_copy("article_id")}) AS statements
                       FROM actors AS a WHERE NOT {IN_ONE_ARTICLE}
                       -- An actor named only in copies has nothing of its own to count.
                       AND articles > 0
                       ORDER BY statements DESC, articles DESC, a.name LIMIT ?""",
                    (-1 if limit is None else limit,),
                )
            )
        return [ActorSummary.from_row(row) for row in rows]

    def actor_ids(self, name: str) -> list[int]:
        """Library actors answering to a name as a person would type it."""
        with self._translated():
            return find_actor_ids(self.db, name)

    def actor_kinds(self, name: str) -> list[str]:
        """The kinds of the library actors answering to a name, the most quoted first."""
        ids = self.actor_ids(name)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        with self._translated():
            rows = self.db.execute(
                f"""SELECT kind FROM actors AS a WHERE id IN ({marks}) ORDER BY
                    (SELECT count(*) FROM statements WHERE actor_id = a.id
                     AND {not_a_copy("article_id")}) DESC, id""",
                ids,
            ).fetchall()
        return [str(r[0]) for r in rows]

    def said(self, name: str, limit: int | None = None, offset: int = 0) -> list[StoredStatement]:
        """Everything an actor said across the library, in article date order; what they
        said in a copy of an article (``reader.library.copies``) only once, in the original.

        ``limit`` and ``offset`` choose a page of it (the desktop app lists it page by page).
        """
        ids = self.actor_ids(name)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        with self._translated():
            if limit is None and not offset:
                # Every row is shown: one query, without first choosing a page (which costs
                # a second lookup of every row: 0.6 s against 0.35 s for 47,000 statements).
                rows = list(
                    self.db.query(
                        f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
                            WHERE s.actor_id IN ({marks}) AND {not_a_copy("s.article_id")}
                            ORDER BY date, s.article_id, s.seq""",
                        ids,
                    )
                )
            else:
                page = (-1 if limit is None else limit, offset)
                rows = list(self.db.query(self._said_page(ids), (*ids, *page)))
        return list(self._statements_from(rows))

    def to_check_counts(self, article_ids: Iterable[int], threshold: float) -> dict[int, int]:
        """How many statements of each article need checking (``reader.library.review``)."""
        with self._translated():
            return review.counts(self.db, article_ids, threshold)

    def to_check(
        self, threshold: float, article_id: int | None = None, limit: int = 100
    ) -> list[StoredStatement]:
        """The statements that need checking, in article order: all, or one article's."""
        with self._translated():
            return review.to_check(self.db, threshold, article_id, limit)

    def positions(self, name: str, limit: int = 50, offset: int = 0) -> list[StoredPosition]:
        """What an actor's statements across the library are about, most-stated first."""
        ids = self.actor_ids(name)
        with self._translated():
            return positions.actor_positions(self.db, ids, limit, offset)

    def position_statements(
        self, name: str, position: str, limit: int = 100, offset: int = 0
    ) -> list[StoredStatement]:
        """An actor's statements on one position (``StoredPosition.key``), by date."""
        ids = self.actor_ids(name)
        with self._translated():
            return positions.position_statements(self.db, ids, position, limit, offset)

    def quoting(self, name: str, limit: int = 10) -> Quoting:
        """Who quotes whom: the actors ``name``'s statements name, and those naming it."""
        ids = self.actor_ids(name)
        with self._translated():
            return positions.quoting(self.db, ids, limit)

    def said_count(self, name: str) -> tuple[int, int]:
        """How many statements an actor made across the library, and in how many articles."""
        ids = self.actor_ids(name)
        if not ids:
            return 0, 0
        marks = ",".join("?" * len(ids))
        with self._translated():
            row = self.db.execute(
                f"""SELECT count(*), count(DISTINCT article_id) FROM statements
                    WHERE actor_id IN ({marks}) AND {not_a_copy("article_id")}""",
                ids,
            ).fetchone()
        return int(row[0]), int(row[1])

    def _said_page(self, ids: list[int]) -> str:
        """SQL for the first statements of some actors by date, the text read for those only."""
        marks = ",".join("?" * len(ids))
        many = self.db.execute(
            f"SELECT count(*) > ? FROM statements WHERE actor_id IN ({marks})", (BIG_SET, *ids)
        ).fetchone()[0]
        if many:
            # A prolific actor: walk the articles in date order and stop at the page.
            page_sql = f"""SELECT s.id, COALESCE(a.published, a.first_opened) AS date,
                    a.id AS article_id, s.seq
                FROM articles AS a INDEXED BY articles_date
                CROSS JOIN statements AS s INDEXED BY statements_article
                ON s.article_id = a.id AND s.actor_id IN ({marks})
                WHERE {NOT_A_COPY}
                ORDER BY date, a.id, s.seq LIMIT ? OFFSET ?"""
        else:
            page_sql = f"""SELECT s.id, COALESCE(a.published, a.first_opened) AS date,
                    s.article_id, s.seq
                FROM statements AS s JOIN articles AS a ON a.id = s.article_id
                WHERE s.actor_id IN ({marks}) AND {not_a_copy("s.article_id")}
                ORDER BY date, s.article_id, s.seq LIMIT ? OFFSET ?"""
        return f"""WITH page AS MATERIALIZED ({page_sql})
            SELECT {STORED_STATEMENT_COLUMNS} FROM page
            JOIN statements AS s ON s.id = page.id
            JOIN articles AS a ON a.id = s.article_id
            LEFT JOIN actors AS act ON act.id = s.actor_id
            ORDER BY page.date, page.article_id, page.seq"""

    def statements(self) -> Iterator[StoredStatement]:
        """Every statement with its actor and article, in article date order (for export);
        not those of copies of an article (``reader.library.copies``)."""
        with self._translated():
            rows = self.db.query(
                f"""SELECT {STORED_STATEMENT_COLUMNS} FROM {STATEMENT_FROM}
                    WHERE {not_a_copy("s.article_id")}
                    ORDER BY COALESCE(a.published, a.first_opened), s.article_id, s.seq"""
            )
            yield from self._statements_from(rows)

    def _statements_from(self, rows: Iterable[Row]) -> Iterator[StoredStatement]:
        """Records for rows; a damaged row is left out and noted in ``skipped``."""
        for row in rows:
            try:
                yield StoredStatement.from_row(row)
            except DamagedRecord as damage:
                note = LibraryError(
                    self.path,
                    errors.LIBRARY_RECORD_SKIPPED.format(
                        article_id=damage.article_id, part=damage.part
                    ),
                )
                self.skipped.append(note)

    def integrity_ok(self) -> bool:
        with self._translated():
            return self.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _whole_day(bound: str) -> str:
    """An upper bound on ISO times: a bare date means the whole of that day."""
    return bound + "\uffff" if len(bound) <= 10 else bound


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and the files inside folders (recursively, sorted, hidden ones skipped)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in relative.parts):
                    yield child
        else:
            yield path
