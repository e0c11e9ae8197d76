"""What the library raises besides ``LibraryError`` itself: an article not saved, not there,
a correction refused, one stored record that cannot be read back."""

from __future__ import annotations

from pathlib import Path

from reader import errors
from reader.errors import LibraryError
from reader.library.records import DamagedRecord
from reader.model import Analysis


class NotSavedError(LibraryError):
    """The article was analysed but could not be saved; ``analysis`` can still be shown."""

    def __init__(self, cause: LibraryError, analysis: Analysis) -> None:
        super().__init__(cause.subject, cause.problem)
        self.cause = cause
        self.analysis = analysis


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
