"""Every sentence the desktop app says to the user, in one place.

Problems with files and the library are worded by ``reader.errors`` (their text names the
file and the problem); this module holds the interface's own wording around them. Counts
are written with ``reader.output.words.plural`` ("1 article", "2 articles"), labels and
kinds with its other words, never as tags.
"""

from __future__ import annotations

NO_DISPLAY = (
    "dramatis-gui: no display available; use `dramatis analyse FILE` to analyse an article "
    "from the command line"
)
BAD_BINDING = (
    "dramatis-gui: {problem}, which would crash the window; install a tested release "
    "(pip install 'PySide6-Essentials{tested}')"
)

LOADING_MODEL = "Loading the English language model…"
MODEL_READY = "Ready"
OPENING = "Opening {name}…"
ANALYSING = "Analysing {name}…"
ANALYSIS_PROGRESS = "Analysing: {done:,} of {total}"
ANALYSIS_CANCELLED = "Analysis cancelled: {name} is shown without highlights and not saved."
CANCEL = "Cancel"
CANCEL_TIP = "Stop analysing (Esc); the text stays on screen"
SHOWN_STORED = "Shown from the library (analysed before): {name}"
SHOWN_NEW = "Analysed and saved to the library: {name}"
SHOWN_NOT_SAVED = "Analysed, not saved: {name}"
#: The same story as an article already stored, from another file (a PDF of a text, a
#: wire story run by another outlet): kept as that article's copy, counted once.
KEPT_AS_COPY = "This is a copy of “{original}” (already in the library); kept as its copy"
ADDED_TO_LIBRARY = "Added to the library: {name}"
MODEL_FAILED = "the English language model could not be loaded ({detail})"
MODEL_SUBJECT = "English language model"
MODEL_PROBLEM = "Articles cannot be analysed: {problem}. Stored articles can still be read."
UNEXPECTED = "an unexpected error occurred; details were written to the log ({detail})"

CANNOT_OPEN = "Cannot open {subject}: {problem}"
CANNOT_SHOW_STORED = "Cannot show article {article_id} from the library: {problem}"
LIBRARY_PROBLEM = "Library {subject}: {problem}"
LIBRARY_NOT_SAVING = "Articles are shown but not saved: {problem} ({subject})"
LIBRARY_LOST_OFFER = (
    "Articles are shown but not saved: {what} ({subject}). Restore the file from a backup, "
    "or start a fresh library; the file is kept aside, not deleted."
)
LIBRARY_CHANGED_OFFER = (
    "Articles are shown but not saved: {what} ({subject}). Restore the library file from a "
    "backup, or use the file as it is now."
)
KEEP_AS_IS = "Use the file as it is"
LIBRARY_CORRUPT_OFFER = (
    "The library file {subject} is damaged. Articles are shown but not saved. You can start "
    "a fresh library; the damaged file is kept aside, not deleted."
)
START_FRESH = "Start a fresh library"
FRESH_STARTED = "A fresh library was started; the damaged file was kept as {aside}"
NOT_SAVED_NOTE = "not saved: {problem}"

NO_LIBRARY = "The library is not available: articles are shown but not kept."
NO_RESULTS = "Nothing found."
SEARCHING = "Searching…"
SEARCH_HINT = "Type words to search every article opened so far."
LIBRARY_LISTED = "{count} in the library."
LIBRARY_FILTERED = "{count} of the {total} in the library, within the filters."
ALL_OUTLETS = "All outlets"
OUTLET_ITEM = "{name} ({count})"
OUTLET_TIP = "Only the articles of one outlet, in the table and in searches."
ANY_DATE = "Any"
DATE_FROM = "From"
DATE_TO = "to"
DATE_FROM_TIP = "Articles published on or after this day (or added, when the file gave no date)."
DATE_TO_TIP = "Articles published on or before this day (or added, when the file gave no date)."
NO_PUBLISHED_DATE = "The file gave no date: the day it was added, {added}"
OPEN_ARTICLE = "Open"
REMOVE_ARTICLES = "Remove from Library"
REMOVED = "{count} removed"
REMOVED_NAMED = "Removed “{title}”"
REMOVED_FOR_GOOD = " ({count} could not be kept to bring back: their stored analysis is damaged)"
UNDO_REMOVE = "Undo"
REMOVING = "Removing {count}…"
PUTTING_BACK = "Putting back…"
SAID_HINT = "Choose an actor to list everything they said, across every article."
NOTHING_SAID = "No statements attributed to {name} in the library."
SAID_LOOKING = "Looking up what {name} said…"
NO_ACTORS = "Open an article to see who appears in it and who said what."
UNATTRIBUTED = "Statements without a known speaker"
OPEN_FILTER = "Articles (*.txt *.md *.html *.htm *.pdf *.docx);;All files (*)"

# The sample article and the packaged app's self-test.
SAMPLE_TITLE = "Sample article"
SELF_TEST_OK = "dramatis {version} self-test: {details}: OK"
SELF_TEST_FAILED = "dramatis {version} self-test: {step} failed: {problem}"


# Exports (File > Export…, File > Export Library Statements…)
EXPORT_TITLE = "Export the article"
EXPORT_LIBRARY_TITLE = "Export the library's statements"
EXPORT_OVER_SOURCE = (
    "that is the article the export was made from; nothing was written (choose another name)"
)
EXPORTED = "Exported {what} to {name}"
EXPORTING_LIBRARY = "Exporting the library's statements to {name}…"
LIBRARY_EXPORTED = "Exported {count} to {name}"
CANNOT_EXPORT = "Cannot export to {subject}: {problem}"
EXPORT_BUSY = "The library's statements are still being exported to {name}."

# Help > About, Help > Keyboard Shortcuts, the status bar
ABOUT_TITLE = "About Dramatis"
ABOUT_HEADING = "Dramatis {version}"
ABOUT_TEXT = (
    "A reader for news articles that shows who appears in a story and who said what. "
    "Everything runs on this computer; nothing is sent anywhere."
)
ABOUT_ANALYSIS = "Analysis version: {version}"
ABOUT_MODEL = "Language model: {name} {version}, {licence} licence"
UNKNOWN_VERSION = "unknown version"
UNKNOWN_LICENCE = "unknown"
SHORTCUTS_TITLE = "Keyboard shortcuts"
NOTHING_ON_SCREEN = "No article open"

# Corrections to the cast (ui/correcting.py).
CORRECTED = "Corrected: {what} ({where}). Undo with Ctrl+Z."
CORRECTION_UNDONE = "Undone: {what}."
CORRECTION_HERE = "this article"
CORRECTION_EVERYWHERE = "every article"
CORRECTION_NEEDS_LIBRARY = (
    "Corrections are kept in the library, and this article is not in it: {problem}"
)
NOTHING_TO_UNDO = "No correction to undo in this article."
MORE_STATEMENTS = "Show {count}…"

# -- review: statements to check -------------------------------------------------------------

TO_CHECK = (
    "Statement {place} of {count} to check. {why}. "
    "Accept it (Ctrl+Shift+A) or fix it in the Cast panel."
)
NOTHING_TO_CHECK = "Nothing to check in this article."
NO_MORE_TO_CHECK = "No more statements to check this way; {left} to check in all (F8 / Shift+F8)."
CHOOSE_A_STATEMENT = "Choose a statement first: click it in the text or the Cast, or press F8."
SELECT_A_STATEMENT = "Select the words of the statement in the text first."
SOMEONE_ELSE = "Someone else…"
ADD_STATEMENT_TITLE = "Add Statement"
THRESHOLD_TITLE = "Check Statements Below"
THRESHOLD_LABEL = "Mark statements less sure than (0 to 1):"
THRESHOLD_SET = "Statements less sure than {threshold:.2f} are marked: {count} to check here."
ONLY_TO_CHECK = "Only with statements to check"
ONLY_TO_CHECK_TIP = (
    "Articles with a statement less sure than the threshold of Review > Check Statements "
    "Below that nobody has accepted"
)
TO_CHECK_TIP = "{count} statements to check: open the article and press F8"

# -- positions --------------------------------------------------------------------------------

ALL_STATEMENTS = "All statements"
POSITION_ROW = "{position} — {statements} in {articles}"
POSITION_TIP = "Statements about {position}, in date order, the words of stance marked"
POSITION_SHOWN = "{statements} by {name} about {position}, in date order; stance words marked."
NAMES = "Names:"
NAMED_BY = "Named by:"
QUOTING_TIP = (
    "Who quotes whom: the actors these statements name, and those whose statements name this actor"
)
EXPORT_POSITIONS = "Export Positions…"
POSITIONS_EXPORTED = "Positions of {name} exported to {path}"
POSITIONS_HERE = "Positions here:"
POSITIONS_HERE_TIP = (
    "What this actor's statements in the article are about, most-stated first; click one "
    "to go through its statements"
)
WITH_COPIES = "{title} · {copies}"
ALSO_STORED_AS = "Also stored as: {names}"

# -- sources: who gets to speak ---------------------------------------------------------------

SOURCES_TITLE = "Sources: who gets to speak"
SOURCES_OF = "Sources of"
SOURCES_OF_LIBRARY = "The library"
SOURCES_OF_ARTICLE = "The article on screen"
SOURCES_SCOPE_TIP = (
    "Count the sources of the whole library (within the outlet and dates) or of the article "
    "on screen"
)
SOURCES_COUNTING = "Counting…"
SOURCES_NO_LIBRARY = "No library is open: nothing to count."
SOURCES_NONE = "No sources: no statement has a speaker in {what}."
SOURCES_SUMMARY = (
    "{sources} in {articles}: {named} named, {unnamed} unnamed; {statements}, "
    "{direct} quoted directly."
)
SOURCES_ARTICLE_SUMMARY = (
    "{title}: {sources}, {named} named; {statements}, {direct} quoted directly."
)
SOURCES_RULES_TIP = (
    "Roles come from the titles and role nouns the text uses for a source; a person's gender "
    "only from an honorific, a gendered noun, the pronouns resolved to them or a clearly "
    "gendered given name; otherwise it is not stated."
)
SOURCES_EXPORT = "Export as CSV…"
SOURCES_EXPORT_TITLE = "Export the Sources Report"
SOURCES_EXPORTED = "Sources report saved to {name}"
SOURCES_REFRESH = "Refresh"
BUG_IN_WINDOW = "Something went wrong ({detail}); the window goes on. The details are in {log}"
