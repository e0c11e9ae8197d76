"""Who gets to speak, told by the text: each source's role, gender and whether it is named.

The articles are written here, news style, and run through the real pipeline; the
expectations name the words of the text that must tell each fact, and a person whose
gender the text never states stays "not stated".
"""

from __future__ import annotations

import pytest

from reader.model import Actor, Analysis
from reader.opening import article_from_text
from reader.sources import SourceFacts, source_facts
from reader.sources.gender import CLEAR_SHARE
from reader.sources.phrases import words_in
from reader.sources.roles import phrase_role

CLINIC = (
    "Clinic hours to be cut in Westbury\n\n"
    "Health Minister Ana Lima said on Tuesday that the Westbury clinic would close two "
    'evenings a week from March. "We cannot staff it safely at night," Lima told reporters.\n\n'
    "A spokesperson for the Westbury Health Board said the cuts were temporary and would be "
    "reviewed in the summer.\n\n"
    "Dr Peter Mallon, who runs the clinic's emergency unit, said the decision would push "
    'patients to the city hospital. "People will wait longer," he said.\n\n'
    'Residents said they had not been consulted. "Nobody asked us," said Mrs Joan Keane, who '
    "has lived in Westbury for forty years.\n"
)

BRIDGE = (
    "Council delays bridge repairs\n\n"
    "Repairs to the Mill Street bridge will not start until next year, officials said on "
    "Monday.\n\n"
    "J. Okafor, an engineer who inspected the bridge in May, said the steel supports were "
    "badly corroded. Okafor added that the weight limit should be lowered at once.\n\n"
    'Maria Costa, a shop owner on Mill Street, said trade had already fallen. "Half my '
    'customers come over that bridge," she said.\n\n'
    "Police said no accidents had been reported.\n"
)


@pytest.fixture(scope="module")
def facts() -> dict[str, SourceFacts]:
    from reader.pipeline import analyse

    found: dict[str, SourceFacts] = {}
    for text in (CLINIC, BRIDGE):
        for fact in source_facts(analyse(article_from_text(text))):
            found[fact.name] = fact
    return found


# Roles ---------------------------------------------------------------------------------------


def test_a_title_before_the_name_gives_the_role(facts):
    """ "Health Minister Ana Lima said": an official, told by "Minister"."""
    lima = facts["Ana Lima"]
    assert (lima.role, lima.role_word) == ("official", "Minister")


def test_a_spokesperson_speaking_for_a_body_makes_it_a_spokesperson_source(facts):
    """ "A spokesperson for the Westbury Health Board said": the board spoke, through a
    spokesperson."""
    board = facts["Westbury Health Board"]
    assert (board.kind, board.role, board.role_word) == (
        "organisation",
        "spokesperson",
        "spokesperson",
    )


def test_dr_before_a_name_makes_an_expert(facts):
    mallon = facts["Peter Mallon"]
    assert (mallon.role, mallon.role_word) == ("expert", "Dr")


def test_residents_are_citizens_and_officials_officials(facts):
    assert (facts["Residents"].role, facts["Residents"].role_word) == ("citizen", "Residents")
    assert facts["officials"].role == "official"
    assert facts["Police"].role == "police"


def test_an_apposition_gives_the_role(facts):
    """ "J. Okafor, an engineer who inspected…": an expert; "Maria Costa, a shop owner on
    Mill Street": business (the owner, not the street)."""
    assert (facts["J. Okafor"].role, facts["J. Okafor"].role_word) == ("expert", "engineer")
    assert (facts["Maria Costa"].role, facts["Maria Costa"].role_word) == ("business", "owner")


def test_no_role_word_means_not_stated(facts):
    """Mrs Joan Keane "has lived in Westbury for forty years": no role is given."""
    assert facts["Joan Keane"].role is None


@pytest.mark.parametrize(
    ("phrase", "title", "role"),
    [
        ("chief executive officer", True, "business"),
        ("police chief", True, "police"),
        ("Westbury Health Board spokesperson", True, "spokesperson"),
        ("Secretary of State", True, "official"),
        ("University of Westbury Student Union president", True, "official"),
        ("Executive director of the Council on Housing", True, "other"),
        ("a spokesperson for the ministry", False, "spokesperson"),
        ("the clinic's director", False, "other"),
        ("a professor of economics at Westbury", False, "expert"),
        ("a passer-by", False, None),
    ],
)
def test_the_head_of_a_phrase_gives_its_role(phrase, title, role):
    found = phrase_role(words_in(phrase, 0, len(phrase)), title=title)
    assert (found.role if found else None) == role


# Gender --------------------------------------------------------------------------------------


def test_gender_from_an_honorific(facts):
    keane = facts["Joan Keane"]
    assert (keane.gender, keane.gender_by, keane.gender_word) == ("female", "honorific", "Mrs")


def test_gender_from_a_resolved_pronoun(facts):
    """ "People will wait longer," he said: "he" is Peter Mallon's; "she" Maria Costa's."""
    mallon, costa = facts["Peter Mallon"], facts["Maria Costa"]
    assert (mallon.gender, mallon.gender_by, mallon.gender_word) == ("male", "pronoun", "he")
    assert (costa.gender, costa.gender_by) == ("female", "pronoun")


def test_gender_from_a_clearly_gendered_given_name(facts):
    """Nothing but her given name tells of Ana Lima: "Ana" is a woman's name in the data."""
    lima = facts["Ana Lima"]
    assert (lima.gender, lima.gender_by, lima.gender_word) == ("female", "given-name", "Ana")


def test_a_person_whose_gender_the_text_never_states_stays_not_stated(facts):
    """ "J. Okafor said… Okafor added…": an initial, a surname, no pronoun, no honorific."""
    okafor = facts["J. Okafor"]
    assert (okafor.gender, okafor.gender_by, okafor.gender_word) == (None, None, None)


def test_bodies_and_groups_have_no_gender(facts):
    assert facts["Westbury Health Board"].gender is None
    assert facts["Residents"].gender is None


def _person(name: str, text: str) -> Analysis:
    article = article_from_text(text)
    return Analysis(article, (), (), (Actor("p", name, "person"),))


@pytest.mark.parametrize(
    ("name", "gender"),
    [("Margaret Hale", "female"), ("Thomas Hale", "male"), ("Jordan Hale", None)],
)
def test_a_given_name_tells_only_when_nearly_all_its_bearers_share_a_gender(name, gender):
    """ "Jordan": about nine in ten bearers are men in the data, below ``CLEAR_SHARE``."""
    from reader.sources.gender import gender_of
    from reader.sources.phrases import Described, Mentions

    analysis = _person(name, f"{name} said so.")
    actor = analysis.actors[0]
    found = gender_of(actor, Described((), ()), Mentions.of(analysis))
    assert (found.gender if found else None) == gender
    assert CLEAR_SHARE == 0.95


# Named or unnamed, kinds, statements ---------------------------------------------------------


def test_named_and_unnamed_sources(facts):
    unnamed = sorted(name for name, f in facts.items() if not f.named)
    assert unnamed == ["Police", "Residents", "officials"]
    assert facts["J. Okafor"].named and facts["Westbury Health Board"].named


def test_statements_by_kind(facts):
    """Ana Lima: one reported ("said on Tuesday that…"), one direct ("We cannot staff…")."""
    lima = facts["Ana Lima"]
    assert (lima.statements, lima.direct, lima.mixed, lima.indirect) == (2, 1, 0, 1)
    okafor = facts["J. Okafor"]
    assert (okafor.statements, okafor.direct, okafor.indirect) == (2, 0, 2)


def test_only_actors_that_spoke_are_sources(facts):
    assert "Westbury" not in facts and "Mill Street" not in facts
    assert len(facts) == 9
