"""A title for every article: never a hash file name or a temporary path."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Article
from reader.output.article_titles import (
    UNTITLED,
    display_title,
    first_sentence,
    listed_title,
    meaningful_name,
)

LEAD = (
    "The office of Syrian President Bashar al-Assad announced that he and Russian President "
    "Vladimir Putin met in Moscow. More follows."
)


def _article(title: str | None, source: str | None, text: str = LEAD) -> Article:
    path = Path(source) if source else None
    return Article(title=title, text=text, source=path, format="txt", sha256="0" * 64)


def test_the_title_comes_first():
    assert display_title(_article("  Assad  in\nMoscow ", "000_dd5b4a6056b2a50f.txt")) == (
        "Assad in Moscow"
    )


@pytest.mark.parametrize(
    "name",
    [
        "000_dd5b4a6056b2a50f.txt",
        "dd5b4a6056b2a50f.html",
        "3f2b8c1e-9a4d-4e8b-b1c2-7d6e5f4a3b2c.md",
        "tmpk3j_x9q2.txt",
        "article.html.crdownload",
    ],
)
def test_hash_and_temporary_names_give_way_to_the_first_sentence(name):
    title = display_title(_article(None, f"downloads/{name}"))
    assert title == (
        "The office of Syrian President Bashar al-Assad announced that he and Russian…"
    )
    assert len(title) <= 80
    assert meaningful_name(Path(name)) == ""


@pytest.mark.parametrize("name", ["budget-2024.txt", "cafe.md", "Assad visits Moscow.html"])
def test_a_meaningful_file_name_is_kept_whole(name):
    assert display_title(_article(None, f"news/{name}")) == name


def test_without_a_file_or_text():
    assert display_title(_article(None, None, "Rain is expected. Then sun.")) == (
        "Rain is expected"
    )
    assert display_title(_article(None, None, "  \n\n ")) == UNTITLED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Army left Kabul. Then more.", "The U.S. Army left Kabul"),
        ("Mr. Smith resigned on Monday. He said no more.", "Mr. Smith resigned on Monday"),
        ('"We will win." He said so.', '"We will win."'),
        ("\n\nSecond line first. Yes.", "Second line first"),
        ("Prices rose 2.5 per cent in May", "Prices rose 2.5 per cent in May"),
        ("Is it over? Nobody knows.", "Is it over?"),
    ],
)
def test_first_sentence(text, expected):
    assert first_sentence(text) == expected


def test_a_long_sentence_is_cut_at_a_word_boundary():
    title = first_sentence("word " * 40)
    assert title.endswith("word…") and len(title) <= 80


def test_listed_titles():
    assert listed_title("Budget", "000_dd5b4a6056b2a50f.txt", 3) == "Budget"
    assert listed_title(None, "000_dd5b4a6056b2a50f.txt", 3) == "Untitled article 3"
    assert listed_title(None, "/news/report.txt", 4) == "report.txt"
    assert listed_title("", None, 5) == "Untitled article 5"


def test_a_listed_article_without_title_or_name_is_called_by_its_first_sentence(tmp_path):
    from reader.library import open_library
    from reader.library.said_dates import said_articles
    from reader.opening import article_from_text
    from reader.output.article_titles import listed_title
    from reader.reading import Reading

    opening = "Rain closed the coast road on Monday. Crews said it would reopen soon."
    assert listed_title(None, "000_dd5b4a6056b2a50f.txt", 7, opening) == (
        "Rain closed the coast road on Monday"
    )
    assert listed_title(None, None, 7) == "Untitled article 7"
    with open_library(tmp_path / "data") as library:
        article_id, _, _ = Reading(library).add_article(
            article_from_text("Mayor Tom Okafor said the road would reopen on Friday.")
        )
        (row,) = said_articles(library, "Tom Okafor")
        assert listed_title(row.title, row.source, article_id, row.opening) == (
            "Mayor Tom Okafor said the road would reopen on Friday"
        )
        assert library.opening(article_id, 5) == "Mayor"
