"""Renderers of an Analysis for people and programs: JSON (schema 1) and terminal text.

They read an ``Analysis`` and nothing else; ``describe_rule`` puts a statement's rule in
words for any renderer, the interface's tooltips included.
"""

from reader.attribution.rules import describe as describe_rule

__all__ = ["describe_rule"]
