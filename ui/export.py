"""File > Export… and File > Export Library Statements…: the save dialogs and the writing.

The article on screen is written by the core's renderers (a web page, Markdown or the
analysis JSON): a few milliseconds for a news article, but about two seconds for a page of
the longest text the app opens (2 million characters), which would freeze the window. The
library's statements can be hundreds of thousands of rows. So both are written on a
background thread of the exporter's own (``ui.background``), one after the other; the
window hears back when each is done, the file is written whole or not at all
(``reader.output.files``), and a failure is one line naming the file and the problem,
for the window's banner.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.library import export_csv
from reader.model import Analysis
from reader.output.files import OutputError, write_text
from reader.output.renderers import Renderer, renderer
from reader.output.words import plural
from ui import messages
from ui.settings import Settings
from ui.style.safe_text import one_line
from ui.tasks import LibraryTasks, Work

if TYPE_CHECKING:
    from reader.library import Library

log = logging.getLogger(__name__)

CSV_FILTER = "Spreadsheet, CSV (*.csv)"
_LIBRARY_CHANNEL = "library"


#: The core's forms File > Export… offers (``reader.output.renderers``), the first chosen
#: until the reader chooses another.
FORMATS: tuple[Renderer, ...] = tuple(renderer(key) for key in ("html", "markdown", "json"))


def dialog_filter(form: Renderer) -> str:
    """How a save dialog lists a form: "Web page (*.html)"."""
    return f"{form.title} (*{form.suffixes[0]})"


def chosen_format(name: str, chosen_filter: str) -> tuple[Path, Renderer]:
    """The file and format a save dialog's answer means: the name's suffix if it is one
    of ours, else the chosen filter's (its suffix added to the name)."""
    path = Path(name)
    for form in FORMATS:
        if path.suffix.lower() in form.suffixes:
            return path, form
    form = next((f for f in FORMATS if dialog_filter(f) == chosen_filter), FORMATS[0])
    return path.with_name(path.name + form.suffixes[0]), form


def write_analysis(analysis: Analysis, path: Path, form: Renderer) -> None:
    """Write one article's export; ``OutputError`` if the file cannot be written."""
    write_text(path, form.render(analysis))


@dataclass(frozen=True, slots=True)
class Exported:
    """How writing one file ended: ``what`` was written (``count`` statements, for the
    library), or the problem with the file."""

    path: str
    what: str
    count: int = 0
    problem: str | None = None
    subject: str = ""


def article_task(analysis: Analysis, path: Path, form: Renderer) -> Exported:
    """Write one article's export (on the background thread) and say how it went."""
    try:
        write_analysis(analysis, path, form)
    except OutputError as error:
        return Exported(str(path), form.name, problem=error.problem, subject=error.subject)
    except Exception as error:  # a bug: logged with its traceback, reported in one line
        log.exception("Exporting an article failed")
        problem = messages.UNEXPECTED.format(detail=error)
        return Exported(str(path), form.name, problem=problem, subject=str(path))
    return Exported(str(path), form.name)


def csv_task(path: Path) -> Work:
    """A background task writing every statement of the library to ``path``."""

    def work(library: Library) -> Exported:
        try:
            count = export_csv(library, path)
        except OutputError as error:
            return Exported(str(path), "", problem=error.problem, subject=error.subject)
        return Exported(str(path), "", count)

    return work


class Exporter(QObject):
    """Asks where to export, writes, and reports: ``exported`` (a status line) or
    ``failed`` (a line for the banner)."""

    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._folder: Path | None = None
        self._filter = dialog_filter(FORMATS[0])
        self._tasks: LibraryTasks | None = None  # a thread only once something is exported
        self._writing: Path | None = None
        self._articles_writing = 0
        self._articles_asked = 0

    # -- the article ----------------------------------------------------------------------

    def export_analysis(self, analysis: Analysis) -> Path | None:
        """File > Export…: the article as shown, to a file the user chooses."""
        suggested = suggested_export(self._suggested_folder(), analysis)
        filters = ";;".join(dialog_filter(f) for f in FORMATS)
        name, chosen = QFileDialog.getSaveFileName(
            self._window, messages.EXPORT_TITLE, str(suggested), filters, self._filter
        )
        if not name:
            return None
        path, form = chosen_format(name, chosen)
        if _same_file(path, analysis.article.source):
            # The export would replace the article it was made from: refused.
            subject = one_line(str(path))
            self.failed.emit(
                messages.CANNOT_EXPORT.format(subject=subject, problem=messages.EXPORT_OVER_SOURCE)
            )
            return None
        self._folder, self._filter = path.parent, dialog_filter(form)
        Settings().set_export_folder(path.parent)
        self._articles_writing += 1
        self._articles_asked += 1  # each its own channel: none replaces another
        self._background().run(
            f"article {self._articles_asked}",
            lambda _reach: article_task(analysis, path, form),
            self._on_article_written,
        )
        return path

    def _background(self) -> LibraryTasks:
        if self._tasks is None:
            self._tasks = LibraryTasks(self, "dramatis-export")
        return self._tasks

    def _on_article_written(self, outcome: Exported) -> None:
        self._articles_writing -= 1
        if outcome.problem is not None:
            self._report_failure(outcome)
        else:
            name = Path(outcome.path).name
            self.exported.emit(messages.EXPORTED.format(what=outcome.what, name=name))

    # -- the library ----------------------------------------------------------------------

    def export_library(self, library: Library) -> Path | None:
        """File > Export Library Statements…: every statement, as CSV, off the GUI thread."""
        if self._writing is not None:
            self.exported.emit(messages.EXPORT_BUSY.format(name=self._writing.name))
            return None
        suggested = (self._folder or Path.home()) / "statements.csv"
        name, _ = QFileDialog.getSaveFileName(
            self._window, messages.EXPORT_LIBRARY_TITLE, str(suggested), CSV_FILTER, CSV_FILTER
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        self._folder = path.parent
        self._writing = path
        self.exported.emit(messages.EXPORTING_LIBRARY.format(name=path.name))
        work = csv_task(path)
        self._background().run_on(_LIBRARY_CHANNEL, library, work, self._on_done, self._on_failed)
        return path

    def busy(self) -> bool:
        """Whether an export is being written."""
        return self._writing is not None or self._articles_writing > 0

    def _on_done(self, outcome: Exported) -> None:
        self._writing = None
        if outcome.problem is not None:
            self._report_failure(outcome)
            return
        count = plural(outcome.count, "statement")
        self.exported.emit(
            messages.LIBRARY_EXPORTED.format(count=count, name=Path(outcome.path).name)
        )

    def _report_failure(self, outcome: Exported) -> None:
        text = messages.CANNOT_EXPORT.format(subject=outcome.subject, problem=outcome.problem)
        self.failed.emit(text)

    def _on_failed(self, subject: str, problem: str) -> None:
        self._writing = None
        self.failed.emit(messages.LIBRARY_PROBLEM.format(subject=subject, problem=problem))

    def shutdown(self) -> None:
        """Stop the library export still running (its half-written file is removed), and
        let the articles asked for be written (two seconds at most each), so they are whole."""
        if self._tasks is not None:
            self._tasks.shutdown(drain=True)

    # -- names ------------------------------------------------------------------------------

    def _suggested_folder(self) -> Path:
        """The folder the last export went to (remembered between runs), else home."""
        folder = self._folder or Settings().export_folder()
        if folder is not None and folder.is_dir():
            return folder
        return Path.home()


def suggested_export(folder: Path, analysis: Analysis) -> Path:
    """The name File > Export suggests in ``folder``: the article's own name with the
    format's suffix, never the article file itself ("report.html" exported from
    "report.html" is suggested as "report-cast.html")."""
    suggested = folder / (_file_stem(analysis) + ".html")
    if _same_file(suggested, analysis.article.source):
        suggested = folder / (_file_stem(analysis) + "-cast.html")
    return suggested


def _same_file(path: Path, source: Path | None) -> bool:
    if source is None:
        return False
    try:
        return path.resolve() == source.resolve() or (
            path.exists() and source.exists() and path.samefile(source)
        )
    except OSError:
        return False


#: Characters at most of a file name made from a title (file systems allow 255 bytes).
STEM_LIMIT = 80


def _file_stem(analysis: Analysis) -> str:
    """A file name for the export: the article file's, else its title's first words."""
    article = analysis.article
    if article.source is not None and article.source.stem:
        return article.source.stem
    title = (article.title or "")[: 8 * STEM_LIMIT]  # a stored title may be any length
    words = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(words.split()[:8])[:STEM_LIMIT] or "article"
