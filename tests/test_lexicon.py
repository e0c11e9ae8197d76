"""One vocabulary, defined once (issue 7, section 3)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reader.lexicon.words import wordset

READER = Path(__file__).resolve().parent.parent / "reader"


def test_a_word_listed_twice_is_refused():
    with pytest.raises(ValueError, match="say"):
        wordset("say tell say")
    assert wordset("say tell") == {"say", "tell"}


def _vocabularies() -> dict[str, frozenset[str]]:
    from reader.lexicon import name_parts, pronouns, speech, titles

    return {
        "titles": titles.TITLE_HEADS | frozenset(titles.HONORIFICS),
        "particles": name_parts.PARTICLES,
        "pronouns": frozenset(pronouns.PRONOUNS),
        "speech verbs": speech.SPEECH_VERBS,
        "nominal cues": speech.NOMINAL_CUES,
    }


def _constant_words(node: ast.AST) -> set[str]:
    words: set[str] = set()
    for const in ast.walk(node):
        if isinstance(const, ast.Constant) and isinstance(const.value, str):
            words.update(w.lower() for w in const.value.split())
    return words


def _word_lists_outside_the_lexicon() -> list[str]:
    """Module-level constants that repeat three or more words of a lexicon vocabulary."""
    vocabularies = _vocabularies()
    found = []
    for path in READER.rglob("*.py"):
        relative = path.relative_to(READER).as_posix()
        if relative.startswith(("lexicon/", "evaluation")) or relative == "errors.py":
            continue  # the metric keeps its own name rules on purpose; messages are prose
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            if isinstance(node.value, ast.Constant):
                continue  # a message or a pattern, not a list of words
            words = _constant_words(node.value)
            for name, vocabulary in vocabularies.items():
                if len(words & vocabulary) >= 3:
                    found.append(f"{relative}:{node.lineno} repeats {name}")
    return found


def test_no_vocabulary_is_kept_outside_the_lexicon():
    assert _word_lists_outside_the_lexicon() == []
