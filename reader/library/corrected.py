"""The library's corrections: stored, undone, listed, and laid over an analysis."""

from __future__ import annotations

from reader import errors
from reader.corrections.apply import apply_corrections
from reader.corrections.names import change_problem
from reader.corrections.operations import Change, Correction, StatementRef
from reader.library import (
    amend,
    correcting,
)
from reader.library.connection import (
    write_transaction,
)
from reader.library.failures import (
    CorrectionError,
)
from reader.library.guard import Guard
from reader.model import Analysis


class Corrections(Guard):
    """Corrections: what a reader changed in an analysis, kept in the library."""

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
