"""The outlet that published an article: read from a web page, stored, and filled in when an
article stored without one is opened again."""

from __future__ import annotations

import pytest

from reader.library import open_library
from reader.opening import open_article
from reader.reading import Reading

PARAGRAPHS = (
    "The harbour in Stornoway will reopen in May once the storm damage to the quay has been "
    "repaired, the council said on Monday.",
    "Fishermen welcomed the news, saying they had waited months to take their boats out "
    "again and that the winter had been the hardest in memory.",
)


def _page(head: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Harbour to reopen</title>{head}</head><body><article>"
        f"<h1>Harbour to reopen</h1>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        ('<meta property="og:site_name" content="The Coastal Times">', "The Coastal Times"),
        # The site name wins over the address.
        (
            '<meta property="og:site_name" content="The Coastal Times">'
            '<link rel="canonical" href="https://www.coastal.example/news/1">',
            "The Coastal Times",
        ),
        # No name: the host of the canonical address, without "www.".
        ('<link rel="canonical" href="https://www.coastal.example/news/1">', "coastal.example"),
        ("", None),
    ],
)
def test_a_web_page_names_its_outlet(tmp_path, head, outlet):
    path = tmp_path / "harbour.html"
    path.write_text(_page(head), encoding="utf-8")
    assert open_article(path).outlet == outlet


def test_the_page_own_site_name_is_read_when_the_extractor_gives_none(tmp_path, monkeypatch):
    import trafilatura

    real = trafilatura.bare_extraction

    def without_site_name(*args, **kwargs):
        document = real(*args, **kwargs)
        document.sitename = None
        return document

    monkeypatch.setattr(trafilatura, "bare_extraction", without_site_name)
    path = tmp_path / "harbour.html"
    path.write_text(
        _page(
            '<meta property="og:site_name" content="Island News">'
            '<link rel="canonical" href="https://coastal.example/1">'
        ),
        encoding="utf-8",
    )
    assert open_article(path).outlet == "Island News"
    path.write_text(_page('<link rel="canonical" href="https://www.coastal.example/1">'))
    assert open_article(path).outlet == "coastal.example"


def test_other_formats_have_no_outlet(tmp_path):
    path = tmp_path / "harbour.md"
    path.write_text("---\ntitle: Harbour\n---\n\n" + "\n\n".join(PARAGRAPHS), encoding="utf-8")
    assert open_article(path).outlet is None


def test_the_library_keeps_the_outlet_and_fills_one_it_lacked(tmp_path):
    path = tmp_path / "harbour.html"
    path.write_text(
        _page('<meta property="og:site_name" content="The Coastal Times">'), encoding="utf-8"
    )
    library = open_library(tmp_path / "data", version="test")
    try:
        article_id, analysis, _ = Reading(library, _no_statements).add_file(path)
        assert analysis.article.outlet == "The Coastal Times"
        assert library.article(article_id).outlet == "The Coastal Times"
        assert library.analysis(article_id).article.outlet == "The Coastal Times"
        # Stored before outlets were kept: opening the file again fills it in.
        library.connection.execute("UPDATE articles SET outlet = NULL")
        Reading(library, _no_statements).add_file(path)
        assert library.article(article_id).outlet == "The Coastal Times"
        # One the library has is never replaced.
        library.connection.execute("UPDATE articles SET outlet = 'Coastal Times'")
        Reading(library, _no_statements).add_file(path)
        assert library.article(article_id).outlet == "Coastal Times"
    finally:
        library.close()


def _no_statements(article):
    from reader.model import Analysis

    return Analysis(article, version="test")
