"""The reading step: a file is opened, analysed and stored; many are added; stale articles
are analysed again.

The library only stores, reads and corrects (``reader.library``); this is where what it
holds meets the pipeline. ``Reading`` pairs an open library with an analyser (the
pipeline's ``analyse`` unless given, e.g. a fake one in tests, or one that reports a job's
progress in the window): ``add_file`` opens a file and hands its article to
``add_article``, which re-uses the stored analysis of the same content when the current
rules and model made it, else analyses the article and stores it, giving back the analysis
as stored (the reader's corrections laid over it). ``add_paths`` adds files and folders one
at a time; ``reanalyse_all`` analyses again every article stored by older rules or another
model. ``dramatis library add`` goes through ``reader.archive``, which analyses many
articles as one parse stream and takes the files from ``expand_paths``.

When the library cannot save, the article is still analysed: ``add_article`` raises
``NotSavedError`` carrying the ``Analysis`` so that the caller can show it without saving.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.errors import ArticleError, LibraryError
from reader.library import AddResult, DamagedRecordError, NotSavedError, StoredArticle
from reader.model import Analysis, Article

if TYPE_CHECKING:
    from reader.library import Library

Analyser = Callable[[Article], Analysis]
#: ``progress(done, total, path)`` after each file or article.
Progress = Callable[[int, int, str], None]


def default_analyser(article: Article) -> Analysis:
    """The pipeline's analysis (imported when first needed: loading spaCy is slow)."""
    from reader.pipeline import analyse

    return analyse(article)


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


class Reading:
    """Open, analyse and store articles in ``library`` with ``analyse``."""

    def __init__(self, library: Library, analyse: Analyser | None = None) -> None:
        self.library = library
        self.analyse = analyse or default_analyser

    def add_file(self, path: str | Path) -> Added:
        """Open, analyse (unless already stored) and store a file: ``(id, analysis, was_new)``,
        and ``.original``, the stored article it is a copy of (``reader.library.copies``).

        Raises ``ArticleError`` for a bad file, and ``NotSavedError`` (with the analysis) when
        the library cannot save it.
        """
        from reader.opening import open_article

        return self.add_article(open_article(path))

    def add_article(self, article: Article, analyse: Analyser | None = None) -> Added:
        """Store an opened article, re-using a stored analysis of the same content if current:
        ``(id, analysis, was_new)``, and ``.original``, the stored article it is a copy of
        (the same story from another file: it is kept, as that article's copy), or None.

        ``analyse``, if given, analyses this article instead of the step's own analyser.
        """
        analyse = analyse or self.analyse
        library = self.library
        try:
            article_id = library.current(article.sha256)
        except LibraryError as error:
            raise NotSavedError(error, analyse(article)) from error
        if article_id is not None:
            try:
                analysis = library.analysis(article_id)
            except DamagedRecordError as error:
                raise NotSavedError(error, analyse(article)) from error
            if not library.read_only:
                try:
                    library.touch(article_id, article.outlet)
                except LibraryError as error:
                    raise NotSavedError(error, analysis) from error
            return Added(article_id, analysis, False, library.original(article_id))
        analysis = analyse(article)
        try:
            written = library.save(analysis)
        except LibraryError as error:
            raise NotSavedError(error, analysis) from error
        corrected = written.corrected
        if corrected is None:
            # Only touched (stored before by the same version): no rows were written.
            corrected = library.corrected(analysis)
        original = library.original(written.article_id)
        return Added(written.article_id, corrected, written.was_new, original)

    def add_paths(
        self, paths: Iterable[str | Path], progress: Progress | None = None
    ) -> list[AddResult]:
        """Add files and folders (recursively) one at a time; bad files are reported in the
        results and skipped, and so are files whose stored analysis is damaged. A file that
        cannot be read, for whatever reason, never stops the run. A library that cannot
        save stops the run with ``LibraryError``, before anything is analysed if its file
        is damaged."""
        from reader.opening import open_each

        files = list(expand_paths(paths))
        self.library.verify()
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

    def reanalyse(self, article_id: int) -> Analysis:
        """Analyse a stored article again with the current rules and model, and store it."""
        stored = self.library.analysis(article_id)
        analysis = self.analyse(stored.article)
        self.library.add_analysis(analysis, on_error=analysis)
        return analysis

    def reanalyse_all(self, progress: Progress | None = None) -> int:
        """Re-analyse every stale article, each in its own transaction; return how many."""
        ids = self.library.stale_ids()
        for done, article_id in enumerate(ids, start=1):
            try:
                self.reanalyse(article_id)
            except NotSavedError as error:
                raise error.cause from error
            if progress is not None:
                progress(done, len(ids), str(article_id))
        return len(ids)


def analyse_file(path: str | Path, analyse: Analyser | None = None) -> Analysis:
    """Open and analyse a file without any library (to show it when saving is impossible)."""
    from reader.opening import open_article

    return (analyse or default_analyser)(open_article(path))


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
