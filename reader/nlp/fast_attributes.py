"""A faster stand-in for spaCy's ``attribute_ruler``, built from the model's own patterns.

spaCy's ruler runs a Matcher with all of its patterns (about 180 in the English model) over
every token, about a tenth of the pipeline's time. Nearly all of those patterns look at one
token only, at its tag, lower-case form, dependency or whether it is space; so a token's
verdict depends on those few values alone, and is looked up once per distinct combination
and cached. The few multi-token patterns are checked where their first token matches, and
any pattern the lookup cannot express exactly (operators, other attributes or predicates)
goes to a real spaCy Matcher. The outcome is the ruler's to the token: every match is found
on the attributes as the earlier components left them, then applied in pattern order, later
patterns overwriting earlier ones, to the token ``index`` of the match
(``spacy/pipeline/attributeruler.py``).

``load_nlp`` swaps it in for the model's ruler (``replace_with_fast_attributes``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IDS, IS_SPACE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

FACTORY = "dramatis_fast_attribute_ruler"
RULER = "attribute_ruler"

#: Attributes the lookup reads; a pattern on any other goes to the Matcher. String-valued
#: ones are compared by their string-store ids, as the Matcher does.
_STRING_ATTRS = frozenset({ORTH, LOWER, TAG, DEP})
#: Attributes with as many values as there are words: a token's value of one is looked up
#: by its class (the value itself when a pattern names it or a regex matches it, otherwise
#: ``_OTHER_WORD``), so the cache holds a handful of combinations, not one per word.
_WORD_ATTRS = frozenset({ORTH, LOWER})
#: The class of every word no pattern names: no string id is negative.
_OTHER_WORD = -1
_FLAG_ATTRS = frozenset({IS_SPACE})
_SET_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
#: Distinct words (and combinations) whose class (verdict) is kept; past it a cache starts
#: afresh, so that memory stays bounded over an archive of any size.
MAX_CACHED_KEYS = 50_000

#: A pattern's attributes, normalised as the ruler stores them (ids for names and values).
Attrs = dict[Any, Any]


@dataclass(frozen=True, slots=True)
class _Condition:
    """One test on one attribute column: ``eq`` an id, ``in``/``not_in`` ids, or a regex."""

    column: int
    kind: str
    value: Any


@dataclass(frozen=True, slots=True)
class _Sequence:
    """One multi-token alternative of a pattern: a spec id per token, and the target."""

    pattern: int
    specs: tuple[int, ...]
    index: int


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the patterns say about one combination of a token's attributes."""

    #: Single-token patterns that match, in pattern order.
    patterns: tuple[int, ...]
    #: Their attributes merged in that order (later patterns win), or None when none match.
    merged: Attrs | None
    #: Spec ids of multi-token patterns that this token satisfies.
    specs: frozenset[int]
    #: Multi-token alternatives whose first token this token satisfies.
    starts: tuple[_Sequence, ...]


class FastAttributeRuler:
    """Sets the attributes the model's attribute_ruler would set, token for token."""

    def __init__(self, vocab: Vocab, patterns: Iterable[Mapping[str, Any]]) -> None:
        self.vocab = vocab
        self.attrs: list[Attrs] = []
        self._specs: list[tuple[_Condition, ...]] = []
        self._spec_ids: dict[tuple[_Condition, ...], int] = {}
        self._columns: list[int | str] = []
        self._single: list[tuple[int, tuple[int, ...]]] = []
        self._sequences: list[_Sequence] = []
        self._fallback: Matcher | None = None
        self._fallback_index: dict[int, int] = {}
        self._cache: dict[tuple[int, ...], _Entry] = {}
        #: One of each verdict, shared by all the combinations that get it.
        self._entries: dict[tuple[tuple[int, ...], frozenset[int]], _Entry] = {}
        #: Per word column: the ids its conditions name, its regexes, and the classes seen.
        self._words: dict[int, tuple[set[int], list[re.Pattern[str]], dict[int, int]]] = {}
        for pattern in patterns:
            self._add(pattern)

    # Building ----------------------------------------------------------------------------

    def _add(self, pattern: Mapping[str, Any]) -> None:
        number = len(self.attrs)
        self.attrs.append(normalize_token_attrs(self.vocab, dict(pattern["attrs"])))
        index = int(pattern.get("index", 0))
        alternatives: list[list[dict[str, Any]]] = list(pattern["patterns"])
        compiled = [self._compile_tokens(tokens) for tokens in alternatives]
        valid_index = all(-len(tokens) <= index < len(tokens) for tokens in alternatives)
        if not alternatives or not valid_index or any(c is None for c in compiled):
            self._add_fallback(number, alternatives, index)
            return
        specs = [spec_ids for spec_ids in compiled if spec_ids is not None]
        if all(len(spec_ids) == 1 for spec_ids in specs):
            self._single.append((number, tuple(spec_ids[0] for spec_ids in specs)))
            return
        for spec_ids in specs:
            target = index if index >= 0 else len(spec_ids) + index
            self._sequences.append(_Sequence(number, spec_ids, target))

    def _add_fallback(
        self, number: int, alternatives: list[list[dict[str, Any]]], index: int
    ) -> None:
        if self._fallback is None:
            self._fallback = Matcher(self.vocab)
        key = self.vocab.strings.add(f"{FACTORY}:{number}")
        self._fallback.add(key, alternatives)
        self._fallback_index[key] = index

    def _compile_tokens(self, tokens: Sequence[Mapping[str, Any]]) -> tuple[int, ...] | None:
        """Spec ids for a fixed sequence of token specs, or None if one is beyond the lookup."""
        spec_ids: list[int] = []
        for token in tokens:
            conditions = self._compile_spec(token)
            if conditions is None:
                return None
            spec_ids.append(self._spec_ids.setdefault(conditions, len(self._spec_ids)))
            if spec_ids[-1] == len(self._specs):
                self._specs.append(conditions)
        return tuple(spec_ids)

    def _compile_spec(self, token: Mapping[str, Any]) -> tuple[_Condition, ...] | None:
        conditions: list[_Condition] = []
        for name, value in token.items():
            if not isinstance(name, str):
                return None
            key = name.upper()
            attr = IDS.get("ORTH" if key == "TEXT" else key)
            if attr in _FLAG_ATTRS and isinstance(value, bool | int):
                conditions.append(_Condition(self._column(attr), "eq", int(value)))
            elif attr in _STRING_ATTRS and isinstance(value, str):
                column = self._column(attr)
                equal = _Condition(column, "eq", self.vocab.strings.add(value))
                conditions.append(self._note_words(equal))
            elif attr in _STRING_ATTRS and isinstance(value, dict):
                if not value or not set(value) <= _SET_OPERATORS:
                    return None
                for operator, operand in value.items():
                    condition = self._set_condition(self._column(attr), operator, operand)
                    if condition is None:
                        return None
                    conditions.append(self._note_words(condition))
            else:
                # OP, extension attributes, other attributes or value types: the Matcher.
                return None
        return tuple(conditions)

    @staticmethod
    def _set_condition(column: int, operator: str, operand: Any) -> _Condition | None:
        if operator == "REGEX":
            return (
                _Condition(column, "regex", re.compile(operand))
                if isinstance(operand, str)
                else None
            )
        if not isinstance(operand, list) or not all(isinstance(v, str) for v in operand):
            return None
        ids = frozenset(get_string_id(v) for v in operand)
        return _Condition(column, "in" if operator == "IN" else "not_in", ids)

    def _column(self, attr: int) -> int:
        if attr not in self._columns:
            self._columns.append(attr)
        return self._columns.index(attr)

    def _note_words(self, condition: _Condition) -> _Condition:
        """Remember what a condition on a word column looks for, to class its words by."""
        if self._columns[condition.column] in _WORD_ATTRS:
            named, regexes, _ = self._words.setdefault(condition.column, (set(), [], {}))
            if condition.kind == "regex":
                regexes.append(condition.value)
            elif condition.kind == "eq":
                named.add(condition.value)
            else:
                named.update(condition.value)
        return condition

    # Matching ----------------------------------------------------------------------------

    def _satisfies(self, key: tuple[int, ...], conditions: tuple[_Condition, ...]) -> bool:
        for condition in conditions:
            value = key[condition.column]
            if condition.kind == "eq":
                if value != condition.value:
                    return False
            elif condition.kind == "in":
                if value not in condition.value:
                    return False
            elif condition.kind == "not_in":
                if value in condition.value:
                    return False
            elif value == _OTHER_WORD or not condition.value.search(self.vocab.strings[value]):
                return False
        return True

    def _entry(self, key: tuple[int, ...]) -> _Entry:
        if len(self._cache) >= MAX_CACHED_KEYS:
            self._cache.clear()
        specs = frozenset(
            spec_id
            for spec_id, conditions in enumerate(self._specs)
            if self._satisfies(key, conditions)
        )
        patterns = tuple(
            number for number, spec_ids in self._single if not specs.isdisjoint(spec_ids)
        )
        starts = tuple(sequence for sequence in self._sequences if sequence.specs[0] in specs)
        entry = self._entries.get((patterns, specs))
        if entry is None:
            entry = _Entry(patterns, self._merged(patterns), specs, starts)
            self._entries[patterns, specs] = entry
        self._cache[key] = entry
        return entry

    def _word_classes(self, column: int, values: list[int]) -> list[int]:
        """Each word's class: a word no condition can tell apart from any other is
        ``_OTHER_WORD``, and every condition holds for it as for any such word."""
        named, regexes, known = self._words[column]
        classes: list[int] = []
        for value in values:
            word_class = known.get(value)
            if word_class is None:
                if len(known) >= MAX_CACHED_KEYS:
                    known.clear()
                text = self.vocab.strings[value]
                if value in named or any(regex.search(text) for regex in regexes):
                    word_class = value
                else:
                    word_class = _OTHER_WORD
                known[value] = word_class
            classes.append(word_class)
        return classes

    def _merged(self, patterns: Iterable[int]) -> Attrs | None:
        """The attributes of ``patterns`` applied in order, as one set: each is a plain field
        of the token, so the last value written is all that counts."""
        merged: Attrs = {}
        for number in patterns:
            for name, value in self.attrs[number].items():
                if name == "_":
                    merged["_"] = {**merged.get("_", {}), **value}
                else:
                    merged[name] = value
        return merged or None

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if self._columns:
            array = doc.to_array(self._columns).reshape(len(doc), -1)
            columns = cast("list[list[int]]", array.T.tolist())
            for column in self._words:
                columns[column] = self._word_classes(column, columns[column])
            keys: list[tuple[int, ...]] = list(zip(*columns, strict=True))
        else:
            keys = [()] * len(doc)
        cache = self._cache
        entries = [cache.get(key) or self._entry(key) for key in keys]
        # Every match is found before any attribute is set, as in spaCy's ruler.
        extra = self._sequence_matches(entries)
        if self._fallback is not None:
            self._fallback_matches(doc, extra)
        for position, entry in enumerate(entries):
            more = extra.get(position)
            merged = self._merged(sorted({*entry.patterns, *more})) if more else entry.merged
            if merged:
                set_token_attrs(doc[position], merged)
        return doc

    def _sequence_matches(self, entries: list[_Entry]) -> dict[int, list[int]]:
        extra: dict[int, list[int]] = {}
        length = len(entries)
        for start, entry in enumerate(entries):
            for sequence in entry.starts:
                end = start + len(sequence.specs)
                if end <= length and all(
                    spec_id in entries[start + offset].specs
                    for offset, spec_id in enumerate(sequence.specs)
                ):
                    extra.setdefault(start + sequence.index, []).append(sequence.pattern)
        return extra

    def _fallback_matches(self, doc: Doc, extra: dict[int, list[int]]) -> None:
        assert self._fallback is not None
        for key, start, end in self._fallback(doc, allow_missing=True, as_spans=False):
            index = self._fallback_index[key]
            span = Span(doc, start, end)
            if not -len(span) <= index < len(span):
                raise ValueError(
                    f"attribute_ruler pattern {self.vocab.strings[key]} has no token "
                    f"{index} in the match {[t.text for t in span]}"
                )
            number = int(self.vocab.strings[key].rsplit(":", 1)[1])
            extra.setdefault(span[index].i, []).append(number)


@Language.factory(FACTORY, default_config={"patterns": []})
def make_fast_attribute_ruler(
    nlp: Language, name: str, patterns: list[dict[str, Any]]
) -> FastAttributeRuler:
    """The spaCy factory: the component built from attribute_ruler patterns."""
    return FastAttributeRuler(nlp.vocab, patterns)


def replace_with_fast_attributes(nlp: Language) -> None:
    """Put the fast component in place of the model's ruler, with the ruler's patterns.

    A pipeline without an ``attribute_ruler`` (or with it already replaced) is left as is.
    """
    ruler = nlp.get_pipe(RULER) if RULER in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return
    patterns = ruler.patterns
    nlp.replace_pipe(RULER, FACTORY, config={"patterns": patterns})
