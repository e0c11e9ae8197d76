"""What an article is called wherever a reader sees it: one title for every article.

The window heading and title, the status bar, the library and "who said what" lists and
the terminal summary all call an article by ``display_title`` (or, for a stored article
listed without its text, ``listed_title``), so a reader never sees a hash file name or a
path inside a temporary folder or the packaged app. The choice, in order:

1. the article's own title (from the document, its front matter or its first line);
2. the file name (with its extension, so it reads as a file name, not a title), when the
   name means something to a person;
3. the first sentence of the text, shortened at a word boundary to about 80 characters
   (for files named by a hash or a temporary name, and text from standard input);
4. "Untitled article" when there is no text either.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from reader.file_names import printable
from reader.model import Article

UNTITLED = "Untitled article"
MAX_TITLE_CHARS = 80

#: A leading counter ("000_", "12-") then 8+ hexadecimal characters: a content hash.
_HASH = re.compile(r"^(?:\d+[_-])?(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}$", re.I)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
#: Python's ``tempfile`` names (tmpk3j_x9q2) and browsers' partial downloads.
_TEMPORARY = re.compile(r"^(?:tmp[a-z0-9_]{6,}|.*\.(?:part|crdownload|tmp))$", re.I)
#: The end of a sentence: . ! or ? (and any closing quote) before a capital or a digit.
_SENTENCE_END = re.compile(r"([.!?][\"'”’)\]]*)\s+(?=[\"'“‘(]?[A-Z0-9])")
#: Words whose full stop ends no sentence ("Mr. Smith", "U.S. Army", "St. Louis").
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|No|Jr|Sr|vs))\.$")


def display_title(article: Article) -> str:
    """The title a reader sees for an article (see the module docstring for the order)."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    name = meaningful_name(article.source)
    if name:
        return name
    return first_sentence(article.text) or UNTITLED


def listed_title(
    title: str | None, source: str | Path | None, article_id: int, opening: str = ""
) -> str:
    """What a list calls a stored article: the title, else a meaningful file name, else the
    first sentence of ``opening`` (the start of its text, when the list has it), else
    "Untitled article 12" (its library id)."""
    if title and title.strip():
        return " ".join(title.split())
    name = meaningful_name(Path(source) if source else None)
    return name or first_sentence(opening) or f"{UNTITLED} {article_id}"


def meaningful_name(source: Path | None) -> str:
    """The file name, or "" when it would mean nothing to a reader:
    a hash, a UUID, a temporary name, or a file inside the packaged app."""
    if source is None:
        return ""
    stem = source.stem.strip()
    temporary = _TEMPORARY.match(stem) or _TEMPORARY.match(source.name)
    if not stem or _HASH.match(stem) or _UUID.match(stem) or temporary:
        return ""
    if _inside_bundle(source):
        return ""
    return printable(source.name)


def first_sentence(text: str, limit: int = MAX_TITLE_CHARS) -> str:
    """The first sentence of the first non-empty line, cut at a word boundary near
    ``limit`` characters with an ellipsis ("" for empty text)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    sentence = line
    for end in _SENTENCE_END.finditer(line):
        head = line[: end.end(1)]
        if not _ABBREVIATION.search(head):
            sentence = head
            break
    full_stop = sentence.endswith(".") and not sentence.endswith("..")
    if full_stop and not _ABBREVIATION.search(sentence):
        sentence = sentence[:-1]
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def _inside_bundle(source: Path) -> bool:
    bundle = getattr(sys, "_MEIPASS", None)
    if not bundle:
        return False
    try:
        return source.resolve().is_relative_to(Path(bundle).resolve())
    except OSError:
        return False
