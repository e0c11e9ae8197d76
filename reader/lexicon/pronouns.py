"""Pronouns and what they can refer to: a man, a woman, a group or a thing."""

from __future__ import annotations

#: pronoun -> "male", "female", "plural", "neuter" or "unknown" (first and second person).
PRONOUNS: dict[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
    **dict.fromkeys(("they", "them", "their", "themselves", "we", "us", "our"), "plural"),
    **dict.fromkeys(("it", "its", "itself"), "neuter"),
    **dict.fromkeys(("i", "me", "my", "you", "your"), "unknown"),
}

#: Relative pronouns: "Smith, who said …" names the speaker before them.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
