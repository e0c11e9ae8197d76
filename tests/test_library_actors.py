"""Library-wide actors: one identity per person across articles, aliases merged safely."""

from __future__ import annotations

import pytest
from test_library_builder import VERSION, ArticleBuilder

from reader.actors.names import identity_key
from reader.library import open_library
from reader.library.identity import name_keys


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [
        ("Vladimir Putin", "person", "vladimir putin"),
        ("President Vladimir Putin", "person", "vladimir putin"),
        ("Ambassador John Smith", "person", "john smith"),  # as the article reads it
        ("Mr. Putin", "person", "putin"),
        ("Recep Tayyip Erdoğan", "person", "recep tayyip erdogan"),
        ("Bashar al-Assad", "person", "bashar assad"),
        ("Al-Assad", "person", "assad"),
        ("Ursula von der Leyen", "person", "ursula leyen"),
        ("Martin Luther King Jr.", "person", "martin luther king"),
        ("Putin's", "person", "putin"),
        ("  ÉMMANUEL   Macron ", "person", "emmanuel macron"),
        ("President", "person", "president"),
        ("...", "person", ""),
        ("Prime Minister's Office", "organisation", "prime minister office"),
        ("the United Nations", "organisation", "united nations"),
        ("Russians", "group", "russian"),
    ],
)
def test_identity_keys(name, kind, key):
    assert identity_key(name, kind) == key


def test_a_typed_name_is_looked_up_as_a_person_and_as_anything_else():
    assert name_keys("Ambassador John Smith") == ["john smith", "ambassador john smith"]


def article(title: str, local_name: str, aliases: tuple[str, ...] = (), kind: str = "person"):
    b = ArticleBuilder(title=title)
    b.actor("a1", local_name, kind=kind, aliases=aliases)
    b.quote(f"Statement in {title}", local_name, "a1")
    return b.build(VERSION)


def test_full_names_that_agree_are_one_actor_a_surname_alone_is_not(tmp_path):
    """A "Putin" alone in another article may be someone else; the full names join."""
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(article("One", "Vladimir Putin", ("Putin",)))
        library.add_analysis(article("Two", "Putin"))
        library.add_analysis(article("Three", "President Vladimir Putin"))
        library.add_analysis(article("Four", "Vladimir Pútin"))
        actors = {a.name: (a.articles, a.statements) for a in library.actors()}
        assert actors == {"Vladimir Putin": (3, 3), "Putin": (1, 1)}
        assert [s.title for s in library.said("Vladimir Putin")] == ["One", "Three", "Four"]
        assert [s.title for s in library.said("putin")] == ["Two"]


def test_a_surname_first_is_not_joined_to_a_full_name_later(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(article("One", "Scholz"))
        library.add_analysis(article("Two", "Olaf Scholz", ("Scholz",)))
        assert sorted(a.name for a in library.actors()) == ["Olaf Scholz", "Scholz"]
        assert [s.title for s in library.said("Olaf Scholz")] == ["Two"]


def test_ambiguous_surname_is_not_merged(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(article("One", "George W. Bush", ("Bush",)))
        library.add_analysis(article("Two", "George H. W. Bush", ("Bush",)))
        library.add_analysis(article("Three", "Bush"))
        names = sorted(a.name for a in library.actors())
        assert names == ["Bush", "George H. W. Bush", "George W. Bush"]
        # Asking by the name finds the actor of that name, not the others once called so.
        assert [s.title for s in library.said("Bush")] == ["Three"]


def test_different_kinds_are_kept_apart(tmp_path):
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(article("One", "Jordan", kind="place"))
        library.add_analysis(article("Two", "Jordan", kind="person"))
        assert sorted(a.kind for a in library.actors()) == ["person", "place"]


def test_a_titled_name_is_the_same_person_across_articles(tmp_path):
    """The name "Ambassador John Smith" once split from "John Smith" in the library."""
    with open_library(tmp_path, version=VERSION) as library:
        library.add_analysis(article("One", "Ambassador John Smith"))
        library.add_analysis(article("Two", "John Smith"))
        [actor] = library.actors()
        assert actor.statements == 2
        assert len(library.said("Ambassador John Smith")) == 2
