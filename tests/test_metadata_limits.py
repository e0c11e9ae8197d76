"""Titles, bylines, dates and names have a length limit: cut, never refused.

"A 20 MB PDF title kills the window": every string a file gives as metadata, and every
actor name or alias the library keeps, is cut to its limit in ``reader.opening.limits``
when the article is read, and again when it is stored, so that nothing downstream (the
window, the JSON output, the library) ever holds one without bound.
"""

from __future__ import annotations

import dataclasses
import json
import random
import re
import sqlite3
from pathlib import Path

import pytest
from article_fixtures import HTML_PARAGRAPHS, with_core_property, write_docx, write_pdf
from test_library_builder import VERSION, putin_article

from reader.cli import main
from reader.library import open_library
from reader.model import Analysis
from reader.opening import article_from_text, open_article
from reader.opening.limits import (
    CUT_MARK,
    MAX_BYLINE_CHARS,
    MAX_DATE_CHARS,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    cut,
)
from reader.paths import library_path

_MB = 1024 * 1024


def huge_words(chars: int, seed: int = 17) -> str:
    """``chars`` characters of made-up words: not a zip bomb, and spaces to cut at."""
    rng = random.Random(seed)
    words = [
        "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 11)))
        for _ in range(2000)
    ]
    # 2,000 distinct words in a seeded random order: deflate finds little to repeat.
    text = "Headline"
    while len(text) < chars:
        text += " " + " ".join(rng.choices(words, k=chars // 6 + 1))
    return text[:chars]


def assert_cut(value: str | None, limit: int, start: str = "Headline ") -> None:
    assert value is not None
    assert len(value) <= limit
    assert value.startswith(start) and value.endswith(CUT_MARK)
    assert len(value) > limit * 2 // 3


@pytest.fixture(scope="module")
def huge_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A PDF whose document information holds a 20 MB title, a Word file with a 12 MB
    core-properties title, a web page with a 5 MB <title>."""
    folder = tmp_path_factory.mktemp("huge")
    files: dict[str, Path] = {}
    title, author = huge_words(20 * _MB), huge_words(_MB, seed=2)
    files["pdf"] = write_pdf(folder / "huge-title.pdf", title=title, author=author)
    docx = write_docx(folder / "plain.docx")
    files["docx"] = with_core_property(
        docx, folder / "huge-title.docx", "dc:title", huge_words(12 * _MB)
    )
    body = "".join(f"<p>{paragraph}</p>" for paragraph in HTML_PARAGRAPHS)
    # One long word, so the page is not refused for holding too many words to analyse.
    title = "Headline " + "x" * (5 * _MB)
    files["html"] = folder / "huge-title.html"
    files["html"].write_text(
        f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    return files


# The cut itself


def test_a_value_within_its_limit_is_kept_as_it_is() -> None:
    assert cut("Talks in Moscow", 15) == "Talks in Moscow"
    assert cut(None, 15) is None


def test_a_long_value_is_cut_at_a_space_and_marked() -> None:
    value = "Talks in Moscow end with a pledge of bases"
    assert cut(value, 20) == "Talks in Moscow end" + CUT_MARK
    assert len(cut(value, 20)) <= 20


def test_a_long_word_is_cut_inside_it() -> None:
    assert cut("x" * 1000, 300) == "x" * 299 + CUT_MARK


def test_the_limits() -> None:
    assert (MAX_TITLE_CHARS, MAX_BYLINE_CHARS, MAX_DATE_CHARS) == (300, 200, 100)
    assert (MAX_NAME_CHARS, MAX_ID_CHARS) == (200, 100)


# Each format, when the article is read


@pytest.mark.slow
def test_pdf_with_a_20_mb_title(huge_files: dict[str, Path]) -> None:
    article = open_article(huge_files["pdf"])
    assert_cut(article.title, MAX_TITLE_CHARS)
    assert_cut(article.byline, MAX_BYLINE_CHARS)


def test_word_file_with_a_huge_core_properties_title(huge_files: dict[str, Path]) -> None:
    """Past 10 MB, lxml refused the core properties and the file was called damaged."""
    article = open_article(huge_files["docx"])
    assert_cut(article.title, MAX_TITLE_CHARS)
    assert article.byline == "Jane Reporter" and article.published == "2024-03-05"
    assert article.text.startswith("Talks in Moscow")


@pytest.mark.parametrize(
    ("name", "limit", "attribute"),
    [
        ("dc:creator", MAX_BYLINE_CHARS, "byline"),
        ("dc:title", MAX_TITLE_CHARS, "title"),
    ],
)
def test_word_core_properties_past_their_limits(
    tmp_path: Path, name: str, limit: int, attribute: str
) -> None:
    docx = write_docx(tmp_path / "plain.docx")
    path = with_core_property(docx, tmp_path / "long.docx", name, huge_words(5000))
    assert_cut(getattr(open_article(path), attribute), limit)


@pytest.mark.slow
def test_web_page_with_a_huge_title(huge_files: dict[str, Path]) -> None:
    article = open_article(huge_files["html"])
    assert_cut(article.title, MAX_TITLE_CHARS)


def test_web_page_author_and_date_past_their_limits(tmp_path: Path) -> None:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in HTML_PARAGRAPHS)
    author = huge_words(3000)
    path = tmp_path / "page.html"
    path.write_text(
        f'<html><head><title>Talks</title><meta name="author" content="{author}">'
        f"</head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    assert_cut(open_article(path).byline, MAX_BYLINE_CHARS)


def test_markdown_front_matter_past_the_limits(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        f"---\ntitle: {huge_words(3000)}\nauthor: {huge_words(2000)}\n"
        f"date: {huge_words(500)}\n---\n\nThe minister said the talks went well.\n",
        encoding="utf-8",
    )
    article = open_article(path)
    assert_cut(article.title, MAX_TITLE_CHARS)
    assert_cut(article.byline, MAX_BYLINE_CHARS)
    assert_cut(article.published, MAX_DATE_CHARS)


def test_markdown_heading_as_title(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"# {huge_words(5000)}\n\nThe minister said so.\n", encoding="utf-8")
    assert_cut(open_article(path).title, MAX_TITLE_CHARS)


def test_text_given_with_a_title() -> None:
    article = article_from_text("The minister said so.\n", title=huge_words(5000))
    assert_cut(article.title, MAX_TITLE_CHARS)


# Stored in the library, and in the JSON output


@pytest.mark.slow
def test_adding_them_to_a_library_stores_bounded_titles(
    huge_files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    code = main(["library", "--data-dir", str(data), "add", *map(str, huge_files.values())])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "3 added" in out
    conn = sqlite3.connect(library_path(data))
    try:
        rows = conn.execute("SELECT title, byline FROM articles").fetchall()
    finally:
        conn.close()
    assert len(rows) == 3
    for title, byline in rows:
        assert_cut(title, MAX_TITLE_CHARS)
        assert byline is None or len(byline) <= MAX_BYLINE_CHARS


@pytest.mark.slow
def test_json_output_is_bounded(
    huge_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyse", str(huge_files["docx"]), "--format", "json"]) == 0
    out, _ = capsys.readouterr()
    document = json.loads(out)
    assert_cut(document["title"], MAX_TITLE_CHARS)
    assert len(out) < 20_000


def test_the_store_cuts_odd_values_made_elsewhere(tmp_path: Path) -> None:
    """An analysis from anywhere (an older version, a hand-built one) is cut as it is
    stored: title, byline, date, actor names and aliases, the outlet of a statement."""
    made = putin_article()
    article = dataclasses.replace(
        made.article,
        title=huge_words(_MB),
        byline=huge_words(5000),
        published=huge_words(5000),
    )
    long_name = "Vladimir " + huge_words(5000)
    actors = tuple(
        dataclasses.replace(actor, name=long_name, aliases=(*actor.aliases, long_name))
        if actor.name == "Vladimir Putin"
        else actor
        for actor in made.actors
    )
    quotes = tuple(dataclasses.replace(q, via=huge_words(5000)) for q in made.quotes)
    odd = Analysis(article, made.entities, quotes, actors, version=VERSION)
    with open_library(tmp_path, version=VERSION) as library:
        article_id, _ = library.add_analysis(odd)
        conn = library.connection
        title, byline, published = conn.execute(
            "SELECT title, byline, published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        names = [row[0] for row in conn.execute("SELECT name FROM actors")]
        names += [row[0] for row in conn.execute("SELECT name FROM article_actors")]
        aliases = [row[0] for row in conn.execute("SELECT alias FROM actor_aliases")]
        for (stored,) in conn.execute("SELECT aliases FROM article_actors"):
            aliases += json.loads(stored)
        vias = [row[0] for row in conn.execute("SELECT via FROM statements")]
        stored_analysis = library.analysis(article_id)
    assert_cut(title, MAX_TITLE_CHARS)
    assert_cut(byline, MAX_BYLINE_CHARS)
    assert_cut(published, MAX_DATE_CHARS)
    assert max(map(len, names)) <= MAX_NAME_CHARS
    assert any(name.startswith("Vladimir Headline") for name in names)
    assert max(map(len, aliases)) <= MAX_NAME_CHARS
    assert vias and all(via is not None and len(via) <= MAX_NAME_CHARS for via in vias)
    assert stored_analysis.article.title == title
    assert stored_analysis.article.text == made.article.text


def test_actor_names_aliases_and_ids_are_bounded_by_the_analysis() -> None:
    """spaCy finds a 'name' of nearly 1,000 characters in a long run of capitalised words;
    the actor built from it keeps a name, aliases and id within their limits."""
    from reader.pipeline import analyse

    organisation = " ".join(w.capitalize() for w in ("united national federal " * 60).split())
    spokesman = "-".join(["Vladimir Petrov", "Boris Ivanov", "Olga Smirnova"] * 40)
    text = (
        f"Talks in Moscow\nThe {organisation} Commission said it would act.\n"
        f"Spokesman {spokesman} said the plan was good.\n"
    )
    analysis = analyse(article_from_text(text))
    assert analysis.actors
    assert max(len(actor.name) for actor in analysis.actors) > MAX_NAME_CHARS // 2
    for actor in analysis.actors:
        assert len(actor.name) <= MAX_NAME_CHARS
        assert all(len(alias) <= MAX_NAME_CHARS for alias in actor.aliases)
        assert len(actor.id) <= MAX_ID_CHARS + 4  # "-2" … on a clash
        assert re.fullmatch(r"[a-z0-9-]+", actor.id)
    ids = {actor.id for actor in analysis.actors}
    assert len(ids) == len(analysis.actors)
    for entity in analysis.entities:
        assert entity.actor is None or entity.actor in ids
