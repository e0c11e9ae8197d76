"""Words for people, not tags: what every label, statement kind and count is called.

Everything a reader sees (tooltips, panels, the status bar, the text summary, CSV) names
entity labels, statement kinds, actor kinds, the rule that found a statement and what a
correction does with these words, never spaCy's tags ("GPE", "NORP", "CARDINAL"), the
stored kind values ("indirect", "mixed") or a rule's name ("verb_that_clause"). Machine formats
(the analysis JSON, the database) keep the tags; ``docs/SCHEMA.md`` maps them to these words.
"""

from __future__ import annotations

from reader.attribution.rules import Rule
from reader.corrections import operations as op

#: spaCy's OntoNotes labels, as a reader would say them.
LABEL_NAMES: dict[str, str] = {
    "PERSON": "Person",
    "ORG": "Organisation",
    "GPE": "Country, city or state",
    # Not "Place": that is the kind of every place actor, a country's as much as a sea's.
    "LOC": "Region or natural place",
    "FAC": "Building or site",
    "NORP": "Nationality or group",
    "EVENT": "Event",
    "DATE": "Date",
    "TIME": "Time",
    "MONEY": "Money",
    "PERCENT": "Percentage",
    "QUANTITY": "Quantity",
    "CARDINAL": "Number",
    "ORDINAL": "Ordinal",
    "PRODUCT": "Product",
    "WORK_OF_ART": "Title of a work",
    "LAW": "Law or document",
    "LANGUAGE": "Language",
    "OTHER": "Other",
}

#: What a label with a colour of its own stands for, at more length: the legend's tooltips.
LABEL_DESCRIPTIONS: dict[str, str] = {
    "GPE": "Country, city, state",
    "LOC": "Region or natural place: a mountain, river or sea",
    "FAC": "Building, airport, road",
    "NORP": "Nationality, religious or political group",
    "TIME": "Time of day",
    "OTHER": "Other: numbers, money, laws, works, products",
}

#: ``Quote.kind`` values, as a reader would say them.
STATEMENT_KIND_NAMES: dict[str, str] = {
    "direct": "Direct quote",
    "mixed": "Partly quoted",
    "indirect": "Reported speech",
}

#: ``Actor.kind`` values, as a reader would say them.
ACTOR_KIND_NAMES: dict[str, str] = {
    "person": "Person",
    "organisation": "Organisation",
    "place": "Place",
    "group": "Group",
    "other": "Other",
}

#: ``Article.format`` values, as a reader would say them.
FORMAT_NAMES: dict[str, str] = {
    "txt": "Plain text",
    "md": "Markdown",
    "html": "Web page",
    "pdf": "PDF",
    "docx": "Word document",
}

#: Why a statement or an actor is to check (``reader.actors.doubts``), as a reader would
#: be told.
DOUBT_NAMES: dict[str, str] = {
    "no-speaker": "nobody in the article answers to its speaker",
    "pronoun": "the speaker is a pronoun",
    "role": "the speaker is named only by a role",
    "rule": "found by a construction that is often wrong",
    "kind": "whether the speaker is a person or an organisation was guessed",
    "description": "known only by a description, not a name",
}

#: Each rule (``reader.attribution.rules``) in words, shown in tooltips (``rule_description``);
#: ``{cue}`` is the statement's cue word as written.
RULE_DESCRIPTIONS: dict[Rule, str] = {
    Rule.QUOTE_MARKS: "quotation marks beside '{cue}' and its speaker",
    Rule.QUOTE_DASH_NAME: "quotation marks followed by a dash and a name",
    Rule.QUOTE_NAME_COLON: "a name and a colon before quotation marks",
    Rule.VERB_THAT_CLAUSE: "reported speech: '{cue}' with a that-clause",
    Rule.VERB_INFINITIVE: "reported speech: '{cue}' with a to-clause",
    Rule.VERB_PARTICLE: "reported speech: '{cue}' and what it is about",
    Rule.VERB_CALL_ON: "reported speech: '{cue}' for or on something",
    Rule.VERB_BY_AGENT: "reported speech: '{cue}' by someone (a verdict)",
    Rule.VERB_TOPIC: "reported speech: '{cue}' and its topic",
    Rule.VERB_NAMING: "reported speech: '{cue}' with a quoted name",
    Rule.VERB_OBJECT: "reported speech: '{cue}' and what was said",
    Rule.INVERTED: "reported speech: the words, then the speaker and '{cue}'",
    Rule.PARENTHETICAL: "reported speech: '{cue}' set off inside the words",
    Rule.AS_CLAUSE: "reported speech: 'as … {cue}'",
    Rule.ACCORDING_TO: "a source phrase: 'according to'",
    Rule.PER_SOURCE: "a source phrase: 'per'",
    Rule.NOMINAL: "a speech noun, '{cue}', and what it says",
    Rule.NOMINAL_TOPIC: "a speech noun, '{cue}', and its topic",
    Rule.COLON_LINE: "a speaker's name and a colon at the start of a line",
    Rule.HEADLINE: "a headline verb, '{cue}'",
    Rule.FLOATING: "a paragraph in quotation marks after its speaker's statement",
    Rule.FLOATING_SAME_PARAGRAPH: "quotation marks after its speaker's statement",
    Rule.FLOATING_DISTANT: "a quotation two paragraphs after its speaker's statement",
}

_IRREGULAR_PLURALS = {"person": "people", "entity": "entities", "statement": "statements"}


def label_name(label: str) -> str:
    """The reader's word for an entity label; an unknown tag reads as "Other"."""
    return LABEL_NAMES.get(label, LABEL_NAMES["OTHER"])


def label_description(label: str) -> str:
    """What a label stands for, at more length where its name says too little."""
    return LABEL_DESCRIPTIONS.get(label) or label_name(label)


def statement_kind_name(kind: str) -> str:
    """The reader's word for a statement kind; an unknown kind reads as reported speech."""
    return STATEMENT_KIND_NAMES.get(kind, STATEMENT_KIND_NAMES["indirect"])


def actor_kind_name(kind: str) -> str:
    """The reader's word for an actor kind."""
    return ACTOR_KIND_NAMES.get(kind, ACTOR_KIND_NAMES["other"])


def format_name(format: str) -> str:
    """The reader's word for a file format ("Web page" for html)."""
    return FORMAT_NAMES.get(format, format.capitalize() if format else "Text")


def doubt_reasons(reasons: tuple[str, ...] | list[str]) -> list[str]:
    """Each reason to check something, in words (an unknown one is left out)."""
    return [DOUBT_NAMES[reason] for reason in reasons if reason in DOUBT_NAMES]


def check_this(doubts: tuple[str, ...] | list[str], confidence: float | None) -> str:
    """ "Check this (confidence 0.45): nobody in the article answers to its speaker"."""
    reasons = "; ".join(doubt_reasons(doubts)) or "the analysis was unsure of it"
    sure = f" (confidence {confidence:.2f})" if confidence is not None else ""
    return f"Check this{sure}: {reasons}"


def rule_description(rule: str | None, cue: str | None = None) -> str:
    """The rule in words, with the cue as written; "" for statements stored without a rule."""
    if not rule:
        return ""
    try:
        template = RULE_DESCRIPTIONS[Rule(rule)]
    except ValueError:
        return ""
    word = " ".join(cue.split()) if cue else "a speech verb"
    return template.replace("{cue}", word)


def change_description(change: op.Change) -> str:
    """What the correction does, in a reader's words."""
    if isinstance(change, op.Merge):
        return f"merge {change.source.name} into {change.target.name}"
    if isinstance(change, op.Rename):
        return f"rename {change.actor.name} to {change.name}"
    if isinstance(change, op.ChangeKind):
        return f"{change.actor.name} is: {actor_kind_name(change.kind)}"
    if isinstance(change, op.Reassign):
        return f"{_shorten(change.statement.text)} was said by {change.actor.name}"
    if isinstance(change, op.Dismiss):
        return f"not a statement: {_shorten(change.statement.text)}"
    if isinstance(change, op.Accept):
        return f"checked: {_shorten(change.statement.text)}"
    if isinstance(change, op.NotActor):
        return f"not an actor: {change.actor.name}"
    if isinstance(change, op.AddStatement):
        return f"{_shorten(change.statement.text)} is a statement by {change.actor.name}"
    return f"{change.alias} is not {change.actor.name}"


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "”"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``count`` and the noun agreeing with it: "1 article", "2 articles", "1,204 people".

    The only way counts are written for readers, so nothing says "1 articles".
    """
    if count == 1:
        return f"1 {singular}"
    word = plural_form or _IRREGULAR_PLURALS.get(singular) or _regular_plural(singular)
    return f"{count:,} {word}"


def _regular_plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
