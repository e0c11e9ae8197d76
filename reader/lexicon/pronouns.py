"""Pronouns and what they can refer to: a man, a woman, a group or a thing."""

from __future__ import annotations

#: pronoun -> "male", "female", "plural", "neuter" or "unknown" (first and second person).
PRONOUNS: dict[str, str] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
    **dict.fromkeys(
        ("they", "them", "their", "theirs", "themselves", "themself", "we", "us", "our"), "plural"
    ),
    **dict.fromkeys(("it", "its", "itself"), "neuter"),
    **dict.fromkeys(("i", "me", "my", "you", "your"), "unknown"),
}

#: Third-person personal, possessive and reflexive pronouns of people and of the bodies
#: and groups that act: each one is a mention of the actor it refers to. "it" and "its"
#: are not, as they mostly stand for things.
THIRD_PERSON: frozenset[str] = frozenset(
    word for word, want in PRONOUNS.items() if want in ("male", "female")
) | frozenset({"they", "them", "their", "theirs", "themselves", "themself"})

#: Reflexive pronouns: "turned himself in" is the subject of its own clause.
REFLEXIVE_PRONOUNS: frozenset[str] = frozenset(
    {"himself", "herself", "itself", "themselves", "themself"}
)

#: Relative pronouns: "Smith, who said …" names the speaker before them.
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "that", "which", "whom"})
