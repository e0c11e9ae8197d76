"""The version an analysis is stored with: its rules' and its model's, read without loading
either (the window opens the library, which compares versions, before its first paint)."""

from __future__ import annotations

from reader.model import RULES_VERSION
from reader.nlp.parsing import model_version


def analysis_version() -> str:
    """Identifies the rules and model that produced an analysis; stored with it."""
    return f"rules-{RULES_VERSION}+{model_version()}"
