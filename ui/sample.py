"""The sample article shipped with the app: where it is, and what the reader calls it.

The sample sits inside the app (the source tree, a wheel or the PyInstaller bundle's
``_internal`` folder). That location means nothing to a reader and changes with every
install, so the sample is shown and stored under a title of its own, without a source path
.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from reader.model import Article
from ui import messages
from ui.bundle import bundle_root

SAMPLE_NAME = "000_dd5b4a6056b2a50f.txt"


def sample_article_path() -> Path:
    """The sample article shipped with the app (source tree, wheel or PyInstaller bundle)."""
    return bundle_root() / "seeds" / SAMPLE_NAME


def is_sample(path: str | Path | None) -> bool:
    """Whether ``path`` is the shipped sample article itself."""
    if path is None:
        return False
    try:
        return Path(path).resolve() == sample_article_path().resolve()
    except OSError:
        return False


def presented(article: Article) -> Article:
    """The article as the reader shows and stores it: the sample gets its title, no path."""
    if not is_sample(article.source):
        return article
    return dataclasses.replace(article, title=article.title or messages.SAMPLE_TITLE, source=None)
