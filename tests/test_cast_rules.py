"""The cast from ordinary articles on other beats, on the real model.

Each test is a sentence of our own with the construction it is about: one person, one
actor however written; speakers found through roles, pronouns and organisations; no actor
from page furniture; no statement without communicated content.
"""

from __future__ import annotations

import pytest

from reader.model import Actor, Analysis, Quote
from reader.opening import article_from_text
from reader.pipeline import analyse


@pytest.fixture(scope="module")
def cast():
    def run(text: str) -> Analysis:
        return analyse(article_from_text(text))

    return run


def actor_named(analysis: Analysis, alias: str) -> Actor:
    found = [a for a in analysis.actors if alias in a.aliases or a.name == alias]
    assert len(found) == 1, f"{alias!r}: {[(a.name, a.kind, a.aliases) for a in analysis.actors]}"
    return found[0]


def statement(analysis: Analysis, containing: str) -> Quote:
    found = [q for q in analysis.quotes if containing in q.text]
    assert found, f"no statement holds {containing!r}: {[q.text for q in analysis.quotes]}"
    return found[0]


def speaker_of(analysis: Analysis, containing: str) -> Actor | None:
    quote = statement(analysis, containing)
    return analysis.actor(quote.actor) if quote.actor else None


# -- one person, one actor -----------------------------------------------------------------


@pytest.mark.slow
def test_name_with_particles_is_one_person(cast):
    analysis = cast(
        "Commission President Ursula von der Leyen said on Tuesday that the rules would "
        "change. Von der Leyen later told reporters that the plan was only a start."
    )
    person = actor_named(analysis, "Ursula von der Leyen")
    assert person.kind == "person"
    assert "Von der Leyen" in person.aliases
    assert len(person.quotes) == 2
    assert not [a for a in analysis.actors if a.name in ("Leyen", "Ursula von der")]


@pytest.mark.slow
def test_surname_typed_as_a_place_is_the_person(cast):
    analysis = cast(
        "Christine Lagarde warned of inflation on Monday. Lagarde said rates would stay high."
    )
    person = actor_named(analysis, "Christine Lagarde")
    assert person.kind == "person"
    assert "Lagarde" in person.aliases
    assert speaker_of(analysis, "rates would stay high") == person


def test_name_apposed_to_a_role_is_a_person_and_so_is_its_surname(cast):
    analysis = cast(
        "Its chairwoman, Aileen MacLeod, described the consultation as a sham. "
        "MacLeod said the plan was flawed."
    )
    person = actor_named(analysis, "Aileen MacLeod")
    assert person.kind == "person"
    assert "MacLeod" in person.aliases
    assert speaker_of(analysis, "the plan was flawed") == person


def test_a_given_name_the_tagger_took_for_a_number_is_part_of_the_name(cast):
    analysis = cast(
        "Aileen MacLeod said the harbour plan would destroy breeding grounds. "
        '"We will fight it," MacLeod told the meeting. Seven Oaks said it would help. '
        "Two Canadians were hurt."
    )
    person = actor_named(analysis, "Aileen MacLeod")
    assert person.kind == "person"
    assert "MacLeod" in person.aliases
    assert speaker_of(analysis, "We will fight it") == person
    assert speaker_of(analysis, "the harbour plan would destroy") == person
    # Number words stay numbers: no person "Seven Oaks" or "Two Canadians".
    assert not any(a.name in ("Seven Oaks", "Two Canadians") for a in analysis.actors)
    assert ("Two", "CARDINAL") in [(e.text, e.label) for e in analysis.entities]


def test_a_first_name_word_the_tagger_called_an_organisation_is_the_person(cast):
    brothers = cast(
        "The brothers Dean MacAuley and Scott MacAuley were jailed. "
        "Scott wept as the sentence was read."
    )
    assert [(a.name, a.kind) for a in brothers.actors] == [
        ("Dean MacAuley", "person"), ("Scott MacAuley", "person"),
    ]  # fmt: skip
    assert "Scott" in actor_named(brothers, "Scott MacAuley").aliases
    # A surname written first, as Japanese names are.
    leader = cast("Opposition leader Noda Yoshihiko said prices mattered. Noda spoke in Tokyo.")
    assert [a.name for a in leader.actors if a.kind == "person"] == ["Noda Yoshihiko"]
    assert not any(a.name == "Noda" for a in leader.actors)


def test_one_person_however_the_name_is_shortened_or_cut(cast):
    # A name the tagger cut before its last word, which the article also uses alone.
    striker = cast(
        "The Whitecaps have signed Brazilian striker João Pedro Alves from Fluminense. "
        "Alves said he was happy."
    )
    assert [a.name for a in striker.actors if a.kind == "person"] == ["João Pedro Alves"]
    # A nickname and the formal name, with the same surname.
    curler = cast(
        "Wally Kowalczyk, who skipped the first Brier winners, dies at 87. "
        "Walter Kowalczyk was born in Regina. Kowalczyk said curling was his life."
    )
    assert len([a for a in curler.actors if a.kind == "person"]) == 1
    # The first of a double surname, and the names before a patronymic.
    keeper = cast(
        "Ortega double lifts Harbridge clear\n\n"
        "Javier Ortega Lozano scored twice on Saturday. Ortega said the goal had moved."
    )
    assert [a.name for a in keeper.actors if a.kind == "person"] == ["Javier Ortega Lozano"]
    assert speaker_of(keeper, "the goal had moved").name == "Javier Ortega Lozano"
    manager = cast(
        "A court sentenced former fund manager Ahmad Faizal bin Hassan to eight years. "
        "Ahmad Faizal said he would appeal."
    )
    assert speaker_of(manager, "he would appeal").name == "Ahmad Faizal bin Hassan"
    # Two people sharing a surname, both named in full, stay two; a nickname of another
    # name does not join them.
    family = cast(
        "Bill Tanaka and Robert Tanaka run the shop. Bill Tanaka said sales were up. "
        "Robert Tanaka said they were down."
    )
    assert sorted(a.name for a in family.actors if a.kind == "person") == [
        "Bill Tanaka", "Robert Tanaka",
    ]  # fmt: skip


def test_a_town_the_tagger_called_an_organisation_is_a_place(cast):
    kitchen = cast("We spoke in her kitchen in Hebden Bridge. Nora Kavanagh said she was tired.")
    assert actor_named(kitchen, "Hebden Bridge").kind == "place"
    engineer = cast("Kim Dong-hyun, 34, a software engineer in Incheon, said the coins were gone.")
    assert actor_named(engineer, "Incheon").kind == "place"
    # A body stays a body, wherever it is named.
    body = cast("Fees rose in the Harbour Association. The Harbour Association said so.")
    assert all(a.kind != "place" for a in body.actors if "Association" in a.name)


def test_role_word_glued_to_a_name_and_age_after_a_comma(cast):
    analysis = cast(
        "Organizer Jane Doe said the race would go ahead.\n\nMary Smith,60, of Halifax, "
        "died on Sunday."
    )
    assert actor_named(analysis, "Jane Doe").name == "Jane Doe"
    assert actor_named(analysis, "Mary Smith").name == "Mary Smith"


def test_family_name_first_order(cast):
    analysis = cast("Chinese President Xi Jinping met the delegation. Xi said talks were frank.")
    person = actor_named(analysis, "Xi Jinping")
    assert speaker_of(analysis, "talks were frank") == person


# -- speakers --------------------------------------------------------------------------------


def test_role_noun_with_an_apposed_name_is_that_name(cast):
    analysis = cast("A spokesman, Marc Lemaire, told reporters: “We will publish it next week.”")
    speaker = speaker_of(analysis, "We will publish it next week")
    assert speaker is not None and speaker.name == "Marc Lemaire"
    assert not [a for a in analysis.actors if a.name.lower() == "spokesman"]


def test_pronoun_goes_to_the_apposed_subject_of_the_sentence_before(cast):
    analysis = cast(
        "Mayor Janet Ruiz defended the budget. Her deputy, Tom Okafor, was more cautious. "
        "He said the council had not yet seen the final figures."
    )
    speaker = speaker_of(analysis, "had not yet seen the final figures")
    assert speaker is not None and speaker.name == "Tom Okafor"


def test_organisation_said_in_a_statement(cast):
    analysis = cast(
        "The Port Ellis Fishermen's Association said in a statement that the plan would "
        "destroy breeding grounds."
    )
    speaker = speaker_of(analysis, "destroy breeding grounds")
    assert speaker is not None and speaker.kind == "organisation"
    assert "Fishermen" in speaker.name


# -- nationality words -----------------------------------------------------------------------


def test_nationality_modifier_is_a_mention_of_its_country(cast):
    analysis = cast(
        "Syrian troops entered the town as Russian jets flew overhead. Russia denied it. "
        "Turkish officials said Türkiye would close the border."
    )
    russia = actor_named(analysis, "Russia")
    assert russia.kind == "place" and "Russian" in russia.aliases and russia.mentions == 2
    assert actor_named(analysis, "Syrian").name == "Syria"
    turkey = actor_named(analysis, "Türkiye")
    assert "Turkish" in turkey.aliases
    assert not [a for a in analysis.actors if a.name in ("Russian", "Syrian", "Turkish")]


def test_nationality_noun_is_a_group(cast):
    analysis = cast("Ukrainians said they feared the worst. The Syrians said they would stay.")
    group = speaker_of(analysis, "feared the worst")
    assert group is not None and (group.name, group.kind) == ("Ukrainians", "group")
    assert group.country == "Ukraine"  # linked to the country
    assert speaker_of(analysis, "would stay").country == "Syria"


# -- not actors ------------------------------------------------------------------------------


def test_page_furniture_makes_no_actors(cast):
    analysis = cast(
        "Harbour plan draws fire\n\nBy Priya Natarajan\n\nHALIFAX — The harbour plan drew "
        "criticism on Monday.\n\nJane Roe/AFP/Getty Images\n\nResidents gather at the wharf. "
        "(Photo: John Smith / Reuters)\n\nSPORTS\n\nRelated: Council approves ferry budget\n\n"
        "Mayor Ana Ruiz said the plan would be reviewed."
    )
    names = {a.name for a in analysis.actors}
    for furniture in ("Priya Natarajan", "Jane Roe", "John Smith", "Reuters", "AFP", "HALIFAX"):
        assert not any(furniture in name for name in names), names
    assert "Ana Ruiz" in names


def test_platforms_products_events_and_bills_are_not_people(cast):
    analysis = cast(
        "Brexit changed the rules, Mayor Ana Ruiz said. She said Bill C-21 would not help. "
        "Ruiz posted on Twitter that Bitcoin was not accepted."
    )
    kinds = {a.name: a.kind for a in analysis.actors}
    assert kinds.get("Twitter") == "organisation"
    for thing in ("Brexit", "Bitcoin", "Bill C-21"):
        assert thing not in kinds, kinds  # things are highlighted, but are not in the cast
    assert not [q for q in analysis.quotes if q.actor and "brexit" in q.actor]


# -- statements ------------------------------------------------------------------------------


def test_dismissing_criticism_says_nothing(cast):
    analysis = cast("Delgado dismissed the criticism. Okafor rejected the claims of fraud.")
    assert not [q for q in analysis.quotes if q.text == "the criticism"]
    assert statement(analysis, "the claims of fraud")


def test_demands_with_an_adjective_for_a_speaker_are_not_a_statement(cast):
    analysis = cast("He has held on despite Western demands that he step down.")
    assert not [q for q in analysis.quotes if "step down" in q.text]


def test_source_phrase_before_a_speaker_is_the_outlet(cast):
    analysis = cast('Per the Herald, Okafor stated, "We will rebuild the pier."')
    assert len(analysis.quotes) == 1
    quote = analysis.quotes[0]
    assert "We will rebuild the pier" in quote.text
    assert quote.via == "the Herald"
    assert analysis.actor(quote.actor).name == "Okafor"


def test_award_lists_are_not_statements(cast):
    analysis = cast(
        "The winners were named on Friday.\n\nWINNER: The Long Road, by Sam Hale\n\n"
        "NOMINEES: Blue Harbour; The Quiet Year; North Light"
    )
    assert analysis.quotes == ()


def test_company_with_and_without_its_legal_form_is_one_organisation(cast):
    analysis = cast(
        "Harbourline Ltd. said in a news release that fares would rise. Harbourline has "
        "raised fares twice since 2021."
    )
    company = actor_named(analysis, "Harbourline")
    assert company.kind == "organisation" and "Harbourline Ltd." in company.aliases


def test_a_name_after_a_lower_case_the_is_an_outlet_not_a_person(cast):
    analysis = cast("Paul Dube told the Chronicle the increase was unavoidable.")
    assert actor_named(analysis, "Chronicle").kind == "organisation"
    assert speaker_of(analysis, "the increase was unavoidable").name == "Paul Dube"


def test_initials_before_a_surname_are_a_person(cast):
    analysis = cast(
        "J.K. Rowling said she would donate the fee. Rowling added that the charity mattered."
    )
    person = actor_named(analysis, "J.K. Rowling")
    assert person.kind == "person" and "Rowling" in person.aliases and len(person.quotes) == 2


def test_headline_naming_a_topic_furniture_and_a_lone_place_name(cast):
    analysis = cast(
        "Putin Warns West Over Arms Supplies\n\nMOSCOW (Reuters) - Russian President "
        "Vladimir Putin on Friday warned Western countries against sending more weapons "
        "to Kyiv.\n\nAnna Petrova / Reuters\n\nTECHNOLOGY"
    )
    assert not [q for q in analysis.quotes if "West Over Arms" in q.text]
    kinds = {a.name: a.kind for a in analysis.actors}
    assert kinds.get("Kyiv") == "place"
    assert not [n for n in kinds if "Petrova" in n or "TECHNOLOGY" in n or n == "MOSCOW"]


def test_name_apposed_after_a_longer_description_is_the_speaker(cast):
    analysis = cast(
        "The union representing nurses, the Health Care Workers Guild, said the offer was "
        "too low. Winnipeg's fire chief, Dr. Samuel Osei, said the station would reopen."
    )
    guild = speaker_of(analysis, "the offer was too low")
    assert guild is not None and guild.name == "Health Care Workers Guild"
    chief = speaker_of(analysis, "the station would reopen")
    assert chief is not None and chief.name == "Samuel Osei"


def test_declining_to_say_is_not_a_statement(cast):
    analysis = cast("A spokeswoman for the board declined to say how many teachers had quit.")
    assert not [q for q in analysis.quotes if "teachers had quit" in q.text]


def test_a_title_cut_off_a_name_digits_and_plural_roles_are_not_people(cast):
    analysis = cast(
        "Coun. Priya Raman said the vote was close. Opposition MPs said the bill was rushed. "
        "Students in Grade 8 will get laptops."
    )
    people = {a.name for a in analysis.actors if a.kind == "person"}
    assert "Priya Raman" in people
    assert not people & {"Coun", "Coun.", "Opposition MPs", "Grade 8"}


def test_pronoun_after_a_name_in_its_own_sentence_is_that_name(cast):
    analysis = cast(
        "Mayor Paul Henning said the city would build new lanes. When I asked the works "
        "director, Farid Karimi, about the delay, he said costs had doubled."
    )
    speaker = speaker_of(analysis, "costs had doubled")
    assert speaker is not None and speaker.name == "Farid Karimi"


def test_a_transcript_quoted_a_turn_per_paragraph_gives_each_turn_its_speaker(cast):
    analysis = cast(
        "The mayor was asked about the budget on the morning show. Partial transcript:\n\n"
        '"HOST: The council voted last night to cut the library budget. Why did you back it?\n\n'
        '"OKAFOR: Well, look, nobody likes cuts, but the numbers did not add up.\n\n'
        '"HOST: Will the branches close?\n\n'
        '"OKAFOR: No branch will close this year. That is a promise.”\n'
    )
    turns = [(q.speaker, q.text.rstrip(".")) for q in analysis.quotes]
    assert turns == [
        ("HOST", "The council voted last night to cut the library budget. Why did you back it?"),
        ("OKAFOR", "Well, look, nobody likes cuts, but the numbers did not add up"),
        ("HOST", "Will the branches close?"),
        ("OKAFOR", "No branch will close this year. That is a promise"),
    ]
    assert {q.kind for q in analysis.quotes} == {"direct"}


def test_the_company_and_the_club_are_the_body_named_before(cast):
    analysis = cast(
        "Ferry operator cuts winter sailings\n\n"
        "LONDON, March 3 (Reuters) - Brightwater Shipping Co. will run two sailings a day "
        "instead of five "
        "from January, the company said on Tuesday.\n\n"
        "The Ministry of Transport has asked for a review. The company said it would "
        "publish its accounts in March.\n\n"
        "Supporters of Kilbride Rovers were angry after the match. The club said tickets "
        "would be refunded."
    )
    # Not the agency of the dateline, and not the ministry named in between.
    assert speaker_of(analysis, "two sailings a day").name == "Brightwater Shipping Co."
    assert speaker_of(analysis, "publish its accounts").name == "Brightwater Shipping Co."
    assert speaker_of(analysis, "tickets would be refunded").name == "Kilbride Rovers"
    assert all(a.name.lower() not in ("company", "the company", "club") for a in analysis.actors)


def test_the_company_with_no_company_named_stays_a_description(cast):
    analysis = cast(
        "Fuel prices rise again\n\n"
        "Prices at the pump rose for a third week, the company said in a statement."
    )
    speaker = speaker_of(analysis, "Prices at the pump")
    assert speaker is not None and speaker.name.lower() in ("company", "the company")
