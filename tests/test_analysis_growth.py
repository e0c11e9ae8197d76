"""The stages after the parse grow linearly with the article.

An actor named thousands of times made actor building quadratic: each mention worked out
the gender of its whole cluster from all its forms, so "Putin said that Assad said that"
just inside the token limit took 243 s of processor time, and 20,000 Smiths 87 s. Growth
is asserted by counted work (look-ups of given names), never by time.
"""

from __future__ import annotations

import pytest

import reader.actors.names
from reader.nlp.parsing import parse
from reader.opening import article_from_text
from reader.pipeline import analyse

pytestmark = pytest.mark.slow


def _given_name_lookups(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = [0]
    real = reader.actors.names.given_name

    def counted(word: str):
        calls[0] += 1
        return real(word)

    monkeypatch.setattr(reader.actors.names, "given_name", counted)
    analyse(article_from_text(text))
    monkeypatch.setattr(reader.actors.names, "given_name", real)
    return calls[0]


def _said_that(count: int) -> str:
    return "Putin said that Assad said that " * count


def _smiths(count: int) -> str:
    return "".join(f"Given{n} Smith spoke. " for n in range(count))


@pytest.mark.parametrize("text_of", [_said_that, _smiths])
def test_actor_building_grows_linearly_with_mentions(text_of, monkeypatch):
    small = _given_name_lookups(text_of(100), monkeypatch)
    large = _given_name_lookups(text_of(400), monkeypatch)
    assert small > 0
    # Four times the mentions: about four times the work (sixteen when it was quadratic).
    assert large <= 6 * small


def test_the_parse_the_counts_rest_on_finds_every_mention():
    paragraphs = parse("Putin said that Assad said that " * 400)
    names = [e for p in paragraphs for e in p.doc.ents if e.label_ == "PERSON"]
    assert len(names) >= 700  # the mentions whose work is counted above are found
