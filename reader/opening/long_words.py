"""Words too long to show are cut: a run of non-space characters past ``MAX_WORD_CHARS``.

Qt lays out one unbroken word in time growing with the square of its length (a word of
320,000 characters took 8 s to show, one of 2,000,000 would take minutes, with the window
frozen), and no reader can read such a "word" anyway: it is an encoded image or a
machine's output pasted into the text. The longest real ones, web addresses, stay well
under the limit. The cut is made when the article is built, so the text every offset
refers to, and the window shows, is the cut one.
"""

from __future__ import annotations

import re

from reader.opening.limits import CUT_MARK

#: Longer runs of non-space characters are cut to this length (with the cut mark).
MAX_WORD_CHARS = 5_000

# Only from the start of a word, so that the search stays linear in the text: a run
# shorter than the limit is tried once, not once from each of its characters.
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1},}}")


def cut_long_words(text: str) -> str:
    """``text`` with every word longer than ``MAX_WORD_CHARS`` cut to that length."""
    return _LONG_WORD.sub(lambda match: match.group()[: MAX_WORD_CHARS - 1] + CUT_MARK, text)
