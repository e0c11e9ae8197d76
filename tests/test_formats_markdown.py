"""Markdown articles: front matter read, syntax stripped, one paragraph a line."""

from __future__ import annotations

from pathlib import Path

from article_fixtures import MARKDOWN, MARKDOWN_TEXT

from reader.opening import open_article
from reader.opening.markdown import from_markdown


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


# Every pattern is linear, and front matter is bounded.


def test_link_target_with_parentheses() -> None:
    extracted = from_markdown("See [the city](https://en.example.org/Moscow_(city)) today.\n")
    assert extracted.text == "See the city today."


def test_code_spans_pair_runs_of_the_same_length() -> None:
    extracted = from_markdown("Use ``a ` b`` here, `x` there and an unmatched `` tick.\n")
    assert extracted.text == "Use a ` b here, x there and an unmatched `` tick."


def test_heading_closing_hashes_need_a_space_before_them() -> None:
    assert from_markdown("# Talks in Moscow ##\n\nText.\n").title == "Talks in Moscow"
    assert from_markdown("# Coding in C#\n\nText.\n").title == "Coding in C#"


def test_scripts_and_comments_removed_and_unclosed_ones_kept_as_text() -> None:
    extracted = from_markdown(
        "One <script>x()</script>two <!-- c --> three\n\n<style>p{}</style>Four <script\n"
        "\n<!-- never closed\n"
    )
    assert extracted.text == "One two three\nFour <script\n<!-- never closed"


def test_unclosed_front_matter_is_body_text() -> None:
    extracted = from_markdown("---\ntitle: Talks\n\nThe office said so.\n")
    assert extracted.text == "title: Talks\nThe office said so."


def test_front_matter_too_long_to_be_metadata_is_dropped_unread() -> None:
    from reader.opening.limits import MAX_FRONT_MATTER_CHARS

    padding = "x: " + "y" * MAX_FRONT_MATTER_CHARS
    extracted = from_markdown(f"---\ntitle: Talks\n{padding}\n---\nThe office said so.\n")
    assert extracted.title is None  # not read
    assert extracted.text == "The office said so."  # but not shown as text either


def test_broken_toml_front_matter_is_ignored() -> None:
    extracted = from_markdown("+++\ntitle = 'Talks\n+++\nThe office said so.\n")
    assert (extracted.title, extracted.text) == (None, "The office said so.")


def test_nul_characters_are_not_taken_for_code_placeholders() -> None:
    assert from_markdown("A \x000\x00 B `c`\n").text == "A 0 B c"
