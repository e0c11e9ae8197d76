"""The documentation is tested where it can be: set-up commands and every subcommand."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, subparser in action.choices.items():
                found.append(f"{prefix}{name}")
                found += _subcommands(subparser, f"{prefix}{name} ")
    return found


def test_readme_opens_with_the_two_setup_commands():
    first_lines = README.splitlines()[:8]
    assert any(line.startswith("make run") for line in first_lines)
    assert any(line.startswith("make test") for line in first_lines)


def test_every_subcommand_is_in_the_readme():
    commands = _subcommands(build_parser())
    assert {"analyse", "eval", "library", "library add", "library said"} <= set(commands)
    for command in commands:
        head = command.split()
        # "library add" is documented as "dramatis library [--data-dir DIR] add"
        documented = any(
            line.lstrip().startswith(f"dramatis {head[0]}") and head[-1] in line.split()
            for line in README.splitlines()
        )
        assert documented, f"`dramatis {command}` is not documented in README.md"


def test_documents_linked_from_the_readme_exist():
    for name in ("SCHEMA.md", "FORMATS.md", "ACCURACY.md", "PERFORMANCE.md"):
        assert f"docs/{name}" in README
        assert (ROOT / "docs" / name).is_file()


def test_schema_lists_every_statement_rule():
    """docs/SCHEMA.md names every value of the ``rule`` key."""
    from reader.attribution.rules import PRECEDENCE, Rule
    from reader.output.words import RULE_DESCRIPTIONS

    schema = (ROOT / "docs" / "SCHEMA.md").read_text(encoding="utf-8")
    for rule in Rule:
        assert f"`{rule.value}`" in schema, rule
        assert rule in RULE_DESCRIPTIONS and rule in PRECEDENCE, rule


def test_the_readme_states_the_limits_the_app_enforces():
    from reader.deadline import ANALYSIS_SECONDS
    from reader.opening import limits
    from reader.opening.long_words import MAX_WORD_CHARS

    readme = README
    stated = {
        f"| a file | {limits.MAX_FILE_BYTES // 2**20} MB |",
        f"{limits.MAX_TEXT_CHARS:,} characters, {limits.MAX_TEXT_TOKENS:,} words",
        f"{limits.MAX_PDF_PAGES:,} pages, {limits.MAX_PDF_CONTENT_BYTES // 2**20} MB",
        f"{limits.MAX_PDF_OPERATORS:,} drawing operations",
        f"{limits.MAX_HTML_TAGS:,} tags; {limits.MAX_HTML_TAG_ATTRIBUTES:,} attributes on a tag",
        f"{limits.MAX_HTML_ATTRIBUTES:,} in all",
        f"{limits.MAX_DOCX_EXPANDED_BYTES // 2**20} MB unpacked, "
        f"{limits.MAX_DOCX_ELEMENTS:,} XML elements, {limits.MAX_DOCX_RATIO} times",
        f"| analysing one article | {ANALYSIS_SECONDS:g} seconds |",
        f"a title longer than {limits.MAX_TITLE_CHARS} characters",
        f"name longer than {limits.MAX_NAME_CHARS}",
        f"a date longer than {limits.MAX_DATE_CHARS}",
        f"longer than {MAX_WORD_CHARS:,} characters",
    }
    missing = [line for line in stated if line not in readme]
    assert not missing, missing
