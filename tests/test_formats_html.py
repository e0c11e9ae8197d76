"""Saved web pages: the article only, with its title, author and date."""

from __future__ import annotations

from pathlib import Path

import pytest
from article_fixtures import HTML_FURNITURE, HTML_PAGE, HTML_PARAGRAPHS

from reader import errors
from reader.errors import ArticleError
from reader.opening import open_article


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    return path


def test_article_paragraphs_one_a_line(page: Path) -> None:
    article = open_article(page)
    lines = article.text.split("\n")
    for paragraph in HTML_PARAGRAPHS:
        assert paragraph in lines
    assert lines.index(HTML_PARAGRAPHS[0]) < lines.index(HTML_PARAGRAPHS[2])
    assert "\n\n" not in article.text and "  " not in article.text
    assert article.text == article.text.strip()


def test_navigation_scripts_adverts_and_footer_are_dropped(page: Path) -> None:
    text = open_article(page).text
    for marker in HTML_FURNITURE:
        assert marker not in text, marker
    assert "All rights reserved" not in text
    assert "Privacy" not in text


def test_title_author_and_date(page: Path) -> None:
    article = open_article(page)
    assert article.format == "html"
    assert article.title == "Assad welcomes Russian bases"
    assert article.byline == "Jane Reporter"
    assert article.published == "2024-03-05"


def test_latin1_page_declared_in_meta(tmp_path: Path) -> None:
    html = HTML_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace(
        "Analysts in Beirut", "Señora Peña in Beirut"
    )
    path = tmp_path / "latin.htm"
    path.write_bytes(html.encode("latin-1"))
    assert "Señora Peña in Beirut" in open_article(path).text


def test_page_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><head><script>var x = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert str(excinfo.value) == f"{path}: {errors.NO_MAIN_TEXT}"


def test_page_of_links_only(tmp_path: Path) -> None:
    path = tmp_path / "links.html"
    path.write_text(
        "<html><head><title>Menu</title></head><body><div class='menu'><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/a'>About us</a></li></ul></div>"
        "<div id='footer'>Copyright 2024</div></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(ArticleError, match="no article text was found in the page"):
        open_article(path)


def test_not_html_at_all(tmp_path: Path) -> None:
    path = tmp_path / "binary.html"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ArticleError) as excinfo:
        open_article(path)
    assert "binary.html" in str(excinfo.value)
