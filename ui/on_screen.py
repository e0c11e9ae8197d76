"""What the window calls what it shows: the article's title, a file while it opens, and the
status bar's account of what is on screen."""

from __future__ import annotations

from pathlib import Path

from reader.model import Analysis
from reader.output.article_titles import display_title
from reader.output.words import plural
from ui import messages
from ui.sample import is_sample
from ui.style.safe_text import LINE_LIMIT, one_line

APP_TITLE = "Dramatis"
#: Characters of the title at most in the status bar's account of what is on screen.
ON_SCREEN_TITLE = 80


def article_title(analysis: Analysis) -> str:
    """What the window calls the article: ``reader.output.article_titles.display_title``, on one
    line and cut at ``LINE_LIMIT`` (a stored title may be any length)."""
    article = analysis.article
    if article.title and len(article.title) > 8 * LINE_LIMIT:
        # Only its start is read (``display_title`` would go through all of it, word by
        # word), unless that start is blank.
        start = one_line(article.title)
        if start.strip("… "):
            return start
    return one_line(display_title(article))


def opening_name(path: Path) -> str:
    """What a file is called while it opens (its title is not known yet): the sample by
    its title, another file by its name."""
    return messages.SAMPLE_TITLE if is_sample(path) else path.name


def on_screen_text(analysis: Analysis) -> str:
    """The status bar's account of what is shown: title · words · statements · actors."""
    words = len(analysis.article.text.split())
    return " · ".join(
        [
            one_line(article_title(analysis), ON_SCREEN_TITLE),
            plural(words, "word"),
            plural(len(analysis.quotes), "statement"),
            plural(len(analysis.actors), "actor"),
        ]
    )


def meta_text(analysis: Analysis, note: str = "") -> str:
    """The line under the heading: source · outlet · byline · date · names and statements."""
    article = analysis.article
    parts = [
        one_line(str(article.source), 2 * LINE_LIMIT) if article.source else "",
        one_line(article.outlet or ""),
        one_line(article.byline or ""),
        one_line(article.published or ""),
        f"{plural(analysis.name_count(), 'name')}, {plural(len(analysis.quotes), 'statement')}",
        note,
    ]
    return " · ".join(p for p in parts if p)
