"""Errors the user can act on, and the wording of every user-facing message.

A ``DramatisError`` means "the world is wrong" (an unreadable file, a locked or corrupt
library, a full disk). Its text names the thing and the problem and is shown as is, by the
command line as ``dramatis: <file>: <problem>`` and by the GUI in its message banner; the file
name is escaped (``reader.file_names.printable``) so that the text is always one line of
valid UTF-8. Anything else that escapes is a bug and is reported with a traceback.
"""

from __future__ import annotations

from pathlib import Path

from reader.file_names import printable

# Opening articles
MISSING = "no such file"
IS_DIRECTORY = "is a directory, not an article file"
UNSUPPORTED = "unsupported file type {suffix!r} (supported: {supported})"
EMPTY = "the file contains no text"
CORRUPT = "the file is damaged or not a valid {kind} file ({detail})"
TOO_LARGE_FILE = "the file is too large ({size_mb:.1f} MB; the limit is {limit_mb} MB)"
TOO_LARGE_TEXT = "the text is too long ({chars:,} characters; the limit is {limit:,})"
UNDECODABLE = "the text encoding could not be recognised"
UNREADABLE = "the file cannot be read ({detail})"
NO_MAIN_TEXT = "no article text was found in the page"
NO_TEXT_LAYER = "the PDF has no text layer (a scanned image? run it through OCR first)"
ENCRYPTED = "the PDF is password-protected"
ENCRYPTED_NEEDS_CRYPTO = (
    "the PDF is encrypted with AES, which needs the 'cryptography' package (not installed)"
)
NOT_REGULAR_FILE = "not a regular file"
#: Reading one of many files failed in a way nobody foresaw (a bug): the run goes on.
READ_FAILED = "the file could not be read because of an unexpected error ({detail})"

# Inputs past the limits of reader/opening/limits.py, refused before the expensive step
TOO_LARGE_STREAM = "the input is too large (more than the {limit_mb} MB limit)"
TOO_MANY_TOKENS = (
    "the text is too long to analyse (about {tokens:,} words and punctuation marks; "
    "the limit is {limit:,})"
)
HTML_TOO_MANY_TAGS = "the page is too complex to read ({tags:,} tags; the limit is {limit:,})"
HTML_TOO_MUCH_TEXT = (
    "the page holds far too much text to analyse (about {tokens:,} words and punctuation "
    "marks before extraction; the limit is {limit:,})"
)
HTML_TAG_TOO_MANY_ATTRIBUTES = (
    "the page is too complex to read (a tag with {attributes:,} attributes; the limit is "
    "{limit:,} a tag)"
)
HTML_TOO_MANY_ATTRIBUTES = (
    "the page is too complex to read ({attributes:,} attributes; the limit is {limit:,})"
)
MARKDOWN_TOO_MUCH_TEXT = (
    "the file holds far too much text to analyse (more than {limit:,} words and punctuation "
    "marks before its Markdown is stripped)"
)
#: The text passed a limit while it was read; reading stopped there.
TEXT_PAST_LIMIT = "the text is too long (more than {limit:,} characters)"
TOKENS_PAST_LIMIT = (
    "the text is too long to analyse (more than {limit:,} words and punctuation marks)"
)
PDF_TOO_MANY_PAGES = "the PDF has too many pages (more than {limit:,})"
PDF_TOO_MUCH_CONTENT = (
    "the PDF is too complex to read (its pages draw more than {limit_mb} MB of content)"
)
PDF_PAST_READER_LIMIT = "the PDF is too complex to read, or damaged ({detail})"
PDF_TOO_MANY_OPERATORS = (
    "the PDF is too complex to read (its pages run more than {limit:,} operators)"
)
DOCX_EXPANDS_TOO_MUCH = (
    "the Word file expands to more than {limit_mb} MB when unpacked (a zip bomb?)"
)
DOCX_EXPANSION_RATIO = (
    "a part of the Word file expands {ratio:,.0f} times over when unpacked; the limit is "
    "{limit:,} (a zip bomb?)"
)
DOCX_TOO_COMPLEX = "the Word file is too complex to read (more than {limit:,} XML elements)"

# An analysis past its deadline (reader.deadline)
ANALYSIS_TOO_SLOW = (
    "the analysis took longer than the {seconds:g} s allowed for one article and was "
    "stopped; nothing of it was kept"
)

# Word files that cannot be read
DOCX_ENCRYPTED = "the Word file is encrypted (its parts need a password to be unpacked)"
DOCX_OLE = (
    "the file is a password-protected Word document or an old Word (.doc) file, not a .docx "
    "(save it from Word as .docx without a password)"
)

# Names given in a correction (the subject is the argument, or the library)
CORRECTION_NAME_BLANK = "a name cannot be blank"
CORRECTION_NAME_TOO_LONG = "the name is too long ({chars:,} characters; the limit is {limit:,})"
CORRECTION_NAME_NOT_TEXT = "the name is not valid UTF-8 text"

# Library searches (the subject is "search")
SEARCH_TOO_MANY_WORDS = "the search has too many words ({count:,}; the limit is {limit:,})"
SEARCH_TOO_LONG = "the search is too long ({chars:,} characters; the limit is {limit:,})"
SEARCH_NOTHING = "no article matches '{query}'"

# `dramatis library said` (the command line says what it found)
SAID_NO_ACTOR = "no actor in the library answers to '{name}' ('dramatis library actors' lists them)"
SAID_NOTHING = "{name}: no statements in the library"

# The library
LIBRARY_READ_ONLY = "the library is read-only; articles are shown but not saved"
LIBRARY_LOCKED = "the library is busy in another program; try again in a moment"
LIBRARY_CORRUPT = (
    "the library file is damaged; it was left untouched and a fresh library can be started"
)
LIBRARY_DISK_FULL = "the disk is full; the article was not saved"
LIBRARY_UNREADABLE = "the library cannot be opened ({detail})"
LIBRARY_NO_ARTICLE = "no article with id {article_id} in the library"
LIBRARY_NO_STATEMENT = "no statement with id {id} in the library"
LIBRARY_TOO_NEW = (
    "the library was written by a newer version of Dramatis (schema {found}, this version "
    "knows up to {known}); it was left untouched"
)
LIBRARY_SET_ASIDE = (
    "the library file is damaged; nothing was written to it and it was moved, unchanged, to "
    "{aside}; the next command starts a fresh library"
)
LIBRARY_INDEX_DAMAGED = (
    "part of the library is damaged ({detail}); nothing was saved; "
    "'dramatis library check --repair' can rebuild it"
)
LIBRARY_RECORD_DAMAGED = (
    "article {article_id}: its stored {part} is damaged; remove the article "
    "('dramatis library remove {article_id}') and add its file again"
)
LIBRARY_VALUE_DAMAGED = (
    "a value stored in the library is damaged ({detail}); 'dramatis library check' names "
    "the article"
)
LIBRARY_RECORD_SKIPPED = "article {article_id}: a damaged statement was left out ({part})"
LIBRARY_NOT_SAVING_NOTE = (
    "the library cannot be written here (read-only folder or full disk); reading works, "
    "but changes will not be saved"
)
LIBRARY_BACKUP_FAILED = "the backup copy could not be written ({detail}); nothing was repaired"

# The library file no longer holds what the library held (reader/library/held.py)
#: What to do, as the command line says it (the window offers its own button).
LIBRARY_KEEP_ASIDE = (
    "restore library.db from a backup, or run 'dramatis library check --repair' to keep the "
    "file aside and start a new library"
)
LIBRARY_KEEP_AS_IS = (
    "restore library.db from a backup, or run 'dramatis library check --repair' to keep the "
    "file as it is now"
)
LIBRARY_EMPTIED = "the library file is empty, but it held {held}"
LIBRARY_MISSING = "the library file is gone, but it held {held}"
LIBRARY_REPLACED = "the library file was replaced by {found} (the library here held {held})"
LIBRARY_OLDER_COPY = (
    "the library file is an older copy of itself ({found}; it held {held}, and what was "
    "added or removed since is missing)"
)
LIBRARY_KEPT_AS_IS = "the library file is kept as it is now ({count})"
LIBRARY_NEW_STARTED = "a new library was started; the old file is kept at {aside}"

# The library's tables against its schema version (reader/library/shape.py)
SCHEMA_VERSION_WRONG = (
    "the library says it is of schema {stored}, but its tables are those of schema {actual}; "
    "run 'dramatis library check --repair' to set it right"
)
SCHEMA_MISSING = (
    "the library lacks part of its schema ({names}); run 'dramatis library check --repair' "
    "to make it again"
)
SCHEMA_MISSING_AND_VERSION = (
    "the library lacks part of its schema ({names}) and says it is of schema {stored}, not "
    "{actual}; run 'dramatis library check --repair' to put both right"
)
SCHEMA_BROKEN = (
    "the library's tables are not those of any schema this version knows (schema {actual} "
    "without {names}; the file says {stored}); it was left untouched: restore it from a backup"
)

# `dramatis library check`: one line per problem (the subject is the library file)
CHECK_FILE_DAMAGED = "the file is damaged: {detail}"
CHECK_ORPHANS = "{count} rows of {table} refer to missing {parent} ({parent} ids {ids})"
CHECK_UNUSED_ACTORS = "{count} actors appear in no article (actor ids {ids})"
CHECK_UNSUPPORTED_ALIASES = "{count} actor aliases come from no article (actor ids {ids})"
_REMOVE_AND_ADD = (
    "remove the article ('dramatis library remove {article_id}') and add its file again"
)
CHECK_BAD_VALUE = (
    "article {article_id}: {table} row {row_id}: {column} is not {kind}; " + _REMOVE_AND_ADD
)
CHECK_BAD_ROW = "{table} row {row_id}: {column} is not {kind}; restore the library from a backup"
CHECK_TEXT_CHANGED = (
    "article {article_id}: its text is not the text it was stored with (its hash differs); "
    + _REMOVE_AND_ADD
)
CHECK_OFFSETS = (
    "article {article_id}: {table} row {row_id}: offsets {start} to {end} are outside the "
    "article's text (0 to {length}); " + _REMOVE_AND_ADD
)
CHECK_CONTENT_CHANGED = (
    "article {article_id}: statements row {row_id}: the {column} is not what the article's text "
    "says at its offsets"
)
CHECK_TOO_LONG = (
    "{table} row {row_id}: {column} is {length:,} characters long (the limit is {limit:,}; "
    "--repair cuts it)"
)
CHECK_TOO_LONG_ALIASES = (
    "article_actors row {row_id}: an alias is longer than {limit:,} characters (--repair cuts it)"
)
CHECK_INDEX_COUNT = "the search index {index} has {indexed} entries for {rows} rows of {table}"
CHECK_INDEX_OUT_OF_STEP = "the search index {index} is out of step with {table}"
CHECK_NOT_REPAIRED = (
    "the file itself is damaged, which --repair cannot fix; it was left untouched "
    "(the articles it still holds can be read; a fresh library can be started)"
)

# Analysis on every core or on a Dask cluster (reader.archive; the subject is the
# scheduler's address, or the file whose analysis was lost)
WORKERS_VALUE = "expected a number of workers (1 or more) or 'auto', not {value!r}"
WORKERS_TOO_MANY = (
    "at most {limit:,} local workers on this machine ({per_core} a core: each loads its own "
    "copy of the model), not {value}"
)
SCHEDULER_UNREACHABLE = "the Dask scheduler cannot be reached ({detail})"
SCHEDULER_ADDRESS = "expected a Dask scheduler address, tcp://HOST:PORT or HOST:PORT, not {value!r}"
SCHEDULER_PROTOCOL = (
    "the {scheme}:// protocol is not supported; expected tcp://HOST:PORT or HOST:PORT"
)
SCHEDULER_NOT_DASK = "does not answer as a Dask scheduler ({detail}); nothing was sent to it"
SCHEDULER_NO_WORKERS = (
    "the Dask scheduler has no workers (none joined within {seconds:g} s); start some with "
    "'dask worker {address}' and try again"
)
LOCAL_CLUSTER_FAILED = (
    "the local worker processes could not be started ({detail}); "
    "--workers 1 analyses in this process"
)
WORKERS_CANNOT_RUN = (
    "the Dask workers cannot run Dramatis ({detail}); install the same Dramatis on each worker"
)
WORKERS_OTHER_VERSION = (
    "the Dask workers analyse with {found} but this installation with {expected}; install "
    "the same Dramatis and model on each worker"
)
WORKER_DIED = (
    "the worker process opening or analysing it died {times} times (out of memory?); it was not "
    "analysed"
)
INTERRUPTED_KEPT = (
    "interrupted; {kept} finished so far are kept, and running the same command again adds the rest"
)
BATCH_INTERRUPTED = "interrupted; {kept} finished so far are in {out}"
OUTPUT_UNWRITABLE = "the file cannot be written ({detail})"

# Evaluation gold files (the subject of the error is the file)
GOLD_UNREADABLE = "cannot be read ({detail})"
GOLD_MALFORMED = "line {line}: {detail}"
GOLD_EMPTY = "contains no articles"
CAST_GOLD_NOT_FOUND = "is not a cast gold folder (no gold/*.json files in it)"
CAST_GOLD_MALFORMED = "{detail}"
CAST_ARTICLE_MISSING = "has no article file {article}"
CAST_CONTENT_MISSING = "statement {number}: its content is not in the article text: {content!r}"
CAST_OCCURRENCE = (
    "statement {number}: occurrence {occurrence} asked for, but the content appears "
    "{count} time(s) in the article text"
)
CAST_UNKNOWN_SPEAKER = "statement {number}: speaker {speaker!r} is not the name of a gold actor"
BAD_SLICE = "--slice must be K/N with 1 <= K <= N, not {value!r}"

# Command-line arguments (the subject is the argument, or the command for other mistakes)
UNKNOWN_OPTION = (
    "unknown option; for a file or word starting with '-', put -- before it "
    "(or write the file as ./{argument})"
)
BAD_USAGE = "{detail} (see '{prog} --help')"
ARGUMENT_NOT_ID = "expected an id (a whole number from 1 to {limit:,}), not {value!r}"
ARGUMENT_NOT_COUNT = "expected a whole number from 0 to {limit:,}, not {value!r}"


class DramatisError(Exception):
    """A problem with the input or the environment, explained for the user."""

    def __init__(self, subject: str | Path, problem: str) -> None:
        self.subject = printable(subject)
        self.problem = printable(problem)
        super().__init__(f"{self.subject}: {self.problem}")


class ArticleError(DramatisError):
    """An article file that cannot be opened: missing, unsupported, damaged, too large…"""


class LibraryError(DramatisError):
    """The library database cannot be used as asked: read-only, locked, corrupt, disk full."""


class OutputError(DramatisError):
    """A file the program was asked to write (an export, JSON lines) cannot be written."""
