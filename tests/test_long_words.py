"""Words too long to show are cut when the article is built.

Qt takes time growing with the square of an unbroken word's length to lay it out (minutes
for one of 2,000,000 characters, the window frozen), so a run of non-space characters past
``MAX_WORD_CHARS`` is cut, with the cut mark, in the text every offset refers to.
"""

from __future__ import annotations

import re

import pytest

from reader.opening import article_from_text, open_article
from reader.opening.limits import CUT_MARK
from reader.opening.long_words import MAX_WORD_CHARS, cut_long_words

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")

TIMEOUT = 60_000
SAID = "Maria Lopez said the bridge would open in May."


def _longest_word(text: str) -> int:
    return max(len(word) for word in re.findall(r"\S+", text))


def test_a_word_of_a_million_characters_is_cut_and_the_rest_kept():
    text = f"{SAID}\nimage: {'A' * 1_000_000} end\n{SAID}"
    article = article_from_text(text)
    assert _longest_word(article.text) == MAX_WORD_CHARS
    assert f"image: {'A' * (MAX_WORD_CHARS - 1)}{CUT_MARK} end" in article.text
    assert article.text.startswith(SAID + "\n") and article.text.endswith("\n" + SAID)


def test_words_up_to_the_limit_and_long_addresses_are_untouched():
    address = "https://example.org/" + "path/" * 300  # 1,520 characters
    text = f"{SAID} See {address} and {'b' * (MAX_WORD_CHARS - 1)}."
    assert cut_long_words(text) == text


def test_each_long_word_is_cut_on_its_own():
    text = " ".join(["x" * (MAX_WORD_CHARS + 10)] * 3)
    words = cut_long_words(text).split(" ")
    assert [len(w) for w in words] == [MAX_WORD_CHARS] * 3
    assert all(w.endswith(CUT_MARK) for w in words)


def test_files_are_cut_and_the_window_shows_the_cut_text(window, qtbot, tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text(f"Bridge to open\n{SAID} {'Z' * 60_000}\n", encoding="utf-8")
    assert _longest_word(open_article(path).text) == MAX_WORD_CHARS
    with qtbot.waitSignal(window.articleShown, timeout=TIMEOUT) as blocker:
        window.open_paths([path])
    assert _longest_word(blocker.args[0].article.text) == MAX_WORD_CHARS
    assert _longest_word(window.view.toPlainText()) == MAX_WORD_CHARS
