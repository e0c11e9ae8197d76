"""The fast attribute_ruler sets exactly what spaCy's ruler sets.

The pipeline ``load_nlp`` returns carries ``FastAttributeRuler`` in place of the model's
``attribute_ruler``; every token's POS, morphology, tag, lemma, dependency, head and entity
must come out as with the model as shipped, on the sample, the real-news articles and
PolNeAR dev texts (every third article, to keep the run short). The matching rules are
checked on crafted sentences against a real ``AttributeRuler`` with the same patterns.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from reader.nlp import fast_attributes
from reader.nlp.fast_attributes import FastAttributeRuler
from reader.nlp.parsing import MODEL_PACKAGE, load_nlp, split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_dd5b4a6056b2a50f.txt"
SHARED = ROOT.parent / "shared"
REALNEWS = SHARED / "realnews" / "gum" / "articles"
POLNEAR_DEV = SHARED / "eval" / "polnear_dev.jsonl"
#: Every this many-th PolNeAR dev article is compared (28 of 84), for the test's run time.
POLNEAR_STEP = 3


@pytest.fixture(scope="module")
def stock() -> Language:
    """The model as shipped, with spaCy's own attribute_ruler."""
    return importlib.import_module(MODEL_PACKAGE).load()


def _token_attributes(doc: Doc) -> list[tuple[Any, ...]]:
    return [
        (
            token.text,
            token.pos_,
            str(token.morph),
            token.tag_,
            token.lemma_,
            token.dep_,
            token.head.i,
            token.ent_type_,
            token.ent_iob_,
        )
        for token in doc
    ]


def _assert_same_parse(texts: Iterable[str], stock: Language) -> int:
    chunks = [chunk for text in texts for _, chunk in split_paragraphs(text)]
    fast = load_nlp()
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    compared = 0
    for chunk, expected, got in zip(chunks, stock.pipe(chunks), fast.pipe(chunks), strict=True):
        assert _token_attributes(got) == _token_attributes(expected), chunk
        compared += len(expected)
    return compared


def test_the_loaded_pipeline_uses_the_fast_component():
    nlp = load_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    # Same place in the pipeline: after the parser, whose dependencies it reads.
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1


@pytest.mark.slow
def test_identical_attributes_on_the_sample(stock):
    assert _assert_same_parse([SAMPLE.read_text(encoding="utf-8")], stock) > 500


@pytest.mark.slow
def test_identical_attributes_on_the_real_news_articles(stock):
    assert REALNEWS.is_dir(), f"{REALNEWS} is missing: these texts sit beside the project"
    texts = [path.read_text(encoding="utf-8") for path in sorted(REALNEWS.glob("*.txt"))]
    assert len(texts) >= 20
    assert _assert_same_parse(texts, stock) > 10_000


@pytest.mark.slow
def test_identical_attributes_on_polnear_dev(stock):
    assert POLNEAR_DEV.is_file(), f"{POLNEAR_DEV} is missing: these texts sit beside the project"
    lines = POLNEAR_DEV.read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[::POLNEAR_STEP] if line.strip()]
    assert len(texts) >= 20
    assert _assert_same_parse(texts, stock) > 10_000


# The matching rules, on crafted sentences --------------------------------------------------

Pattern = dict[str, Any]


def _vocab() -> Vocab:
    """English lexical attributes (lower case, is-space), without a model."""
    return spacy.blank("en").vocab


def _doc(vocab: Vocab, rows: list[tuple[str, str, str]]) -> Doc:
    """A parsed-looking doc from (word, tag, dependency) rows, every head the first token."""
    words, tags, deps = (list(column) for column in zip(*rows, strict=True))
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def _both(patterns: list[Pattern], rows: list[tuple[str, str, str]]) -> tuple[Doc, Doc]:
    """The doc as spaCy's ruler leaves it, and as the fast one does."""
    vocab = _vocab()
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    fast = FastAttributeRuler(vocab, patterns)
    return ruler(_doc(vocab, rows)), fast(_doc(vocab, rows))


def _lemmas(doc: Doc) -> list[str]:
    return [token.lemma_ for token in doc]


def test_a_multi_token_match_sets_the_token_at_its_index():
    patterns = [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
        {
            "patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]],
            "attrs": {"LEMMA": "to"},
            "index": 1,
        },
        {
            "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "'s"]}}]],
            "attrs": {"POS": "VERB"},
            "index": -1,
        },
    ]
    rows = [
        ("I", "PRP", "nsubj"),
        ("'m", "VBP", "aux"),
        ("Gon", "VBG", "ROOT"),
        ("na", "TO", "aux"),
        ("gon", "VBG", "dep"),
        ("there", "EX", "expl"),
        ("is", "VBZ", "ROOT"),
        ("na", "TO", "aux"),
    ]
    expected, got = _both(patterns, rows)
    assert _lemmas(got) == ["", "", "go", "to", "", "", "", ""]
    assert [token.pos_ for token in got] == ["", "", "", "", "", "", "VERB", ""]
    assert _token_attributes(got) == _token_attributes(expected)


def test_later_patterns_overwrite_earlier_ones_whatever_their_length():
    patterns = [
        {"patterns": [[{"TAG": "VBD"}]], "attrs": {"LEMMA": "first", "POS": "VERB"}},
        {"patterns": [[{"LOWER": "got"}, {"LOWER": "ta"}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "got", "TAG": "VBD"}]], "attrs": {"MORPH": "Tense=Past"}},
        {"patterns": [[{"LOWER": "ta"}, {"LOWER": "go"}]], "attrs": {"LEMMA": "to"}},
        {"patterns": [[{"LOWER": "ta"}]], "attrs": {"LEMMA": "last"}},
    ]
    rows = [("got", "VBD", "ROOT"), ("ta", "TO", "aux"), ("go", "VB", "xcomp")]
    expected, got = _both(patterns, rows)
    # "got": the two-token pattern (second) overwrites the tag pattern (first); its POS
    # and the later morphology stay. "ta": the single-token pattern comes later and wins.
    assert _lemmas(got) == ["second", "last", ""]
    assert got[0].pos_ == "VERB"
    assert str(got[0].morph) == "Tense=Past"
    assert _token_attributes(got) == _token_attributes(expected)


def test_patterns_match_the_attributes_as_they_were_before_the_ruler():
    patterns = [
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"TAG": "NN"}},
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"DEP": "dep"}},
        {"patterns": [[{"DEP": "dep"}]], "attrs": {"LEMMA": "was-dep"}},
    ]
    rows = [("run", "VB", "ROOT"), ("dog", "NN", "dobj"), ("  ", "_SP", "punct")]
    expected, got = _both(patterns, rows)
    assert [token.tag_ for token in got] == ["NN", "NN", "_SP"]
    assert [token.pos_ for token in got] == ["", "NOUN", ""]
    assert [token.dep_ for token in got] == ["ROOT", "dobj", "dep"]
    assert _lemmas(got) == ["", "", ""]
    assert _token_attributes(got) == _token_attributes(expected)


def test_predicates_regex_not_in_and_alternatives():
    patterns = [
        {
            "patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
            "attrs": {"LEMMA": "you"},
        },
        {
            "patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]],
            "attrs": {"POS": "AUX"},
        },
        {
            "patterns": [[{"TAG": "VBZ", "LOWER": "gets"}], [{"TAG": "VBD", "LOWER": "got"}]],
            "attrs": {"LEMMA": "get"},
        },
    ]
    rows = [
        ("Y'", "PRP", "nsubj"),
        ("all", "DT", "appos"),
        ("have", "VBP", "aux"),
        ("got", "VBD", "ROOT"),
        ("to", "TO", "aux"),
        ("yall", "NN", "dobj"),
    ]
    expected, got = _both(patterns, rows)
    assert _lemmas(got) == ["you", "", "", "get", "", ""]
    assert [token.pos_ for token in got] == ["", "", "AUX", "", "", ""]
    assert _token_attributes(got) == _token_attributes(expected)


def test_patterns_beyond_the_lookup_go_to_a_matcher_in_their_place_in_the_order():
    patterns = [
        {
            "patterns": [[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]],
            "attrs": {"LEMMA": "op"},
            "index": -1,
        },
        {"patterns": [[{"LENGTH": 4}]], "attrs": {"LEMMA": "four"}},
        {"patterns": [[{"TAG": "JJ"}]], "attrs": {"POS": "ADJ"}},
    ]
    rows = [("very", "RB", "advmod"), ("very", "RB", "advmod"), ("good", "JJ", "ROOT")]
    fast = FastAttributeRuler(_vocab(), patterns)
    assert fast._fallback is not None and len(fast._fallback) == 2
    expected, got = _both(patterns, rows)
    # "good" is four letters long: the LENGTH pattern comes after the OP one and wins.
    assert _lemmas(got) == ["four", "four", "four"]
    assert got[2].pos_ == "ADJ"
    assert _token_attributes(got) == _token_attributes(expected)


def test_many_different_words_share_a_few_cached_verdicts(monkeypatch):
    monkeypatch.setattr(fast_attributes, "MAX_CACHED_KEYS", 1_000)
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
        {"patterns": [[{"LOWER": "word7"}]], "attrs": {"LEMMA": "seven"}},
    ]
    rows = [(f"word{n}", "NN", "dobj") for n in range(3_000)] + [("Nothin'", "NN", "dobj")]
    vocab = _vocab()
    fast = FastAttributeRuler(vocab, patterns)
    got = fast(_doc(vocab, rows))
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    assert _token_attributes(got) == _token_attributes(ruler(_doc(vocab, rows)))
    assert got[7].lemma_ == "seven" and got[-1].lemma_ == "nothing" and got[8].lemma_ == ""
    # Every other word is one class: three combinations in all, and the words' classes
    # are dropped at the bound instead of growing with the vocabulary.
    assert len(fast._cache) == 3
    assert len(fast._entries) == 3
    assert all(len(known) <= 1_000 for _, _, known in fast._words.values())
