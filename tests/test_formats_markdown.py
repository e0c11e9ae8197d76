"""Markdown articles: front matter read, syntax stripped, one paragraph a line."""

from __future__ import annotations

from pathlib import Path

from article_fixtures import MARKDOWN, MARKDOWN_TEXT

from reader.formats.markdown import from_markdown
from reader.opening import open_article


def test_markdown_file_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = open_article(path)
    assert article.format == "md"
    assert article.text == MARKDOWN_TEXT
    assert article.title == "Talks in Moscow: a pledge of bases"
    assert article.byline == "Jane Reporter"
    assert article.published == "2024-03-05"


def test_no_markdown_syntax_or_link_targets_survive(tmp_path: Path) -> None:
    path = tmp_path / "story.markdown"
    path.write_text(MARKDOWN, encoding="utf-8")
    text = open_article(path).text
    for syntax in ("#", "**", "*", "`", "](", "example.org/putin", "photo", "<em>", "> ", "- "):
        assert syntax not in text, syntax
    assert "tags:" not in text
    assert not text.startswith("\n") and not text.endswith("\n")
    assert "\n\n" not in text and "  " not in text


def test_first_heading_is_the_title_without_front_matter() -> None:
    extracted = from_markdown("# Assad *welcomes* bases\n\nThe office said so.\n")
    assert extracted.title == "Assad welcomes bases"
    assert extracted.text == "Assad welcomes bases\nThe office said so."
    assert extracted.byline is None and extracted.published is None


def test_setext_heading_and_hard_wrapped_paragraphs() -> None:
    extracted = from_markdown(
        "Talks in Moscow\n===============\n\nThe office of the\npresident said so.\n\n"
        "Second paragraph\nhere.\n"
    )
    assert extracted.title == "Talks in Moscow"
    assert extracted.text == (
        "Talks in Moscow\nThe office of the president said so.\nSecond paragraph here."
    )


def test_toml_front_matter() -> None:
    extracted = from_markdown(
        '+++\ntitle = "Kremlin talks"\nauthors = ["Ann Lee", "Bo Chen"]\n'
        "date = 2024-03-05\n+++\n\nBody text.\n"
    )
    assert (extracted.title, extracted.byline, extracted.published) == (
        "Kremlin talks",
        "Ann Lee, Bo Chen",
        "2024-03-05",
    )
    assert extracted.text == "Body text."


def test_yaml_author_list_and_quoted_values() -> None:
    extracted = from_markdown(
        "---\ntitle: 'A title: with colon'\nauthor:\n  - Ann Lee\n  - Bo Chen\n---\nText.\n"
    )
    assert extracted.title == "A title: with colon"
    assert extracted.byline == "Ann Lee, Bo Chen"


def test_code_html_comments_and_reference_links() -> None:
    extracted = from_markdown(
        "Use `a*b*c` and [the report][1] and snake_case_name.<!-- hidden -->\n\n"
        "```\nprint('x')\n```\n\n***\n\n[1]: https://example.org/report\n"
        "Fish &amp; chips\\*\n"
    )
    assert extracted.text == (
        "Use a*b*c and the report and snake_case_name.\nprint('x')\nFish & chips*"
    )
