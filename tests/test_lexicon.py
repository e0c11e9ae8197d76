"""One vocabulary, defined once: every list of English words is in ``reader.lexicon``."""

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


def _listed_words(value: ast.expr) -> list[str] | None:
    """The strings of a set written out: ``{...}``, ``frozenset(...)``, ``wordset("...")``
    or ``frozenset("...".split())``; None for anything else."""
    if isinstance(value, ast.Set):
        items = value.elts
    elif isinstance(value, ast.Call) and getattr(value.func, "id", "") in (
        "frozenset",
        "set",
        "wordset",
    ):
        if not value.args:
            return None
        argument = value.args[0]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            return argument.value.split()
        split = getattr(argument, "func", None)
        if isinstance(split, ast.Attribute) and isinstance(split.value, ast.Constant):
            return str(split.value.value).split()
        items = getattr(argument, "elts", [])
    else:
        return None
    strings = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)]
    return strings if strings and len(strings) == len(items) else None


def _word_sets_outside_the_lexicon() -> set[str]:
    """Module-level sets of four or more lower-case words anywhere but the lexicon."""
    found = set()
    for path in READER.rglob("*.py"):
        relative = path.relative_to(READER).as_posix()
        if relative.startswith(("lexicon/", "evaluation/")):
            continue  # the metric keeps its own name rules on purpose
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            words = _listed_words(node.value)
            if words and len(words) >= 4 and all(w.isalpha() and w.islower() for w in words):
                found.add(f"{relative}:{getattr(target, 'id', '?')}")
    return found


def test_no_word_list_is_kept_outside_the_lexicon():
    """Question words, title-case minor words, days and months… are the lexicon's."""
    assert _word_sets_outside_the_lexicon() == set()
