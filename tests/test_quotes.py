"""Statement finder: one short, hand-written sentence per construction, on the real model."""

from __future__ import annotations

import pytest

from reader.attribution.assembly import find_quotes
from reader.model import Quote
from reader.nlp.entities import extract_entities
from reader.nlp.parsing import load_nlp, parse


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def find(nlp):
    def run(text: str) -> list[Quote]:
        paragraphs = parse(text, nlp)
        quotes = find_quotes(text, paragraphs, extract_entities(text, paragraphs))
        for quote in quotes:
            assert quote.text == text[quote.start : quote.end]
            assert all(quote.start <= s < e <= quote.end for s, e in quote.spans)
            assert (quote.speaker_start is None) == (quote.cue_start is None)
            assert quote.confidence is not None and 0 <= quote.confidence <= 1
        return quotes

    return run


def one(quotes: list[Quote], containing: str) -> Quote:
    matches = [q for q in quotes if containing in q.text]
    assert matches, f"no statement contains {containing!r}: {[q.text for q in quotes]}"
    return matches[0]


def test_split_quote_is_one_statement_with_two_spans(find):
    text = "“We will,” he said, “never forget what happened here.”"
    quotes = find(text)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.kind == "direct"
    assert [text[s:e] for s, e in quote.spans] == [
        "“We will,”",
        "“never forget what happened here.”",
    ]
    assert quote.speaker == "he"
    assert quote.cue == "said"


def test_multi_paragraph_quote_continues(find):
    text = (
        "The mayor spoke at length on Monday.\n"
        "“We have rebuilt the bridge and the school, and the clinic opens next week.\n"
        "“Nobody thought we could do it in a year,” Mayor Ana Lopez said."
    )
    quotes = find(text)
    quote = one(quotes, "rebuilt the bridge")
    assert "Nobody thought" in quote.text
    assert len(quote.spans) == 2
    assert "Lopez" in (quote.speaker or "")


def test_floating_quote_takes_previous_speaker(find):
    text = (
        "“The budget is balanced for the first time in a decade,” Governor Tom Reed said.\n"
        "“We will keep spending under control and taxes where they are.”"
    )
    quote = one(find(text), "keep spending under control")
    assert quote.kind == "direct"
    assert "Reed" in (quote.speaker or "")


def test_dash_name_form(find):
    text = "“Elections are won by turnout, not by slogans or television ads.” — Maria Gonzalez"
    quote = one(find(text), "Elections are won")
    assert quote.speaker == "Maria Gonzalez"


def test_name_colon_form(find):
    text = "Senator Brown: “This bill will cost working families thousands of dollars a year.”"
    quote = one(find(text), "This bill will cost")
    assert "Brown" in (quote.speaker or "")
    assert quote.kind == "direct"


def test_headline_quote_in_single_marks(find):
    text = "Obama: ‘We will not back down on climate change’\nThe president spoke in Paris."
    quote = one(find(text), "We will not back down")
    assert "Obama" in (quote.speaker or "")


def test_apostrophes_are_not_quote_marks(find):
    text = "Assad's allies don't remember the '90s, the minister's aide said."
    for quote in find(text):
        assert quote.kind == "indirect"


def test_that_clause(find):
    text = "The minister said that the talks would resume in May."
    quote = one(find(text), "the talks would resume")
    assert quote.text == "that the talks would resume in May"
    assert quote.speaker == "The minister"
    assert quote.kind == "indirect"


def test_bare_clause(find):
    text = "Jones argued the plan was too expensive for small towns."
    quote = one(find(text), "the plan was too expensive")
    assert quote.speaker == "Jones"
    assert quote.cue == "argued"


def test_infinitive(find):
    text = "The union vowed to strike until wages rise."
    quote = one(find(text), "to strike until wages rise")
    assert quote.speaker == "The union"


def test_conjoined_verbs_share_subject(find):
    text = "Ms. Chen met the ambassador on Tuesday and told reporters that the dispute was settled."
    quote = one(find(text), "the dispute was settled")
    assert "Chen" in (quote.speaker or "")
    assert quote.cue == "told"


def test_participial_cue(find):
    text = "The company cut its forecast on Friday, saying that demand had slowed in Asia."
    quote = one(find(text), "demand had slowed")
    assert quote.speaker == "The company"
    assert quote.cue == "saying"


def test_inverted_cue(find):
    text = "The bridge will reopen next month, said Mark Davis, the city engineer."
    quote = one(find(text), "The bridge will reopen")
    assert "Mark Davis" in (quote.speaker or "")


def test_parenthetical_cue(find):
    text = "The museum, Mr. Bush said, celebrated the courage of ordinary soldiers."
    quote = one(find(text), "celebrated the courage")
    assert "Bush" in (quote.speaker or "")
    assert "Mr. Bush said" not in "".join(text[s:e] for s, e in quote.spans)


def test_appositive_speaker_is_the_name(find):
    text = "Hugh Hill, a doctor at the clinic, said the outbreak was under control."
    quote = one(find(text), "the outbreak was under control")
    assert quote.speaker == "Hugh Hill"


def test_passive_with_by_agent(find):
    text = "The annexation has been judged unlawful by western powers."
    quote = one(find(text), "unlawful")
    assert quote.speaker == "western powers"


def test_according_to(find):
    text = "According to the ministry, the border will remain closed until Friday."
    quote = one(find(text), "the border will remain closed")
    assert quote.text == "the border will remain closed until Friday"
    assert quote.speaker == "the ministry"
    assert quote.cue == "According to"


def test_per_source(find):
    text = "Per Reuters, the deal was signed late on Sunday night."
    quote = one(find(text), "the deal was signed")
    assert quote.speaker == "Reuters"


def test_as_per_source(find):
    text = "The two leaders last met in 2021, as per NDTV."
    quote = one(find(text), "The two leaders last met")
    assert quote.speaker == "NDTV"
    assert "as" not in quote.text.split()


def test_per_share_is_a_rate_not_a_source(find):
    text = "The company paid a dividend of $5 per share last year."
    assert find(text) == []


def test_scare_quote_is_part_of_the_statement(find):
    text = 'He said the end of what he called the "illegal occupation" of the north was near.'
    quotes = find(text)
    assert len([q for q in quotes if q.text.strip('"') == "illegal occupation"]) == 0
    quote = one(quotes, "illegal occupation")
    assert quote.kind == "mixed"


def test_title_in_quotation_marks_is_not_a_statement(find):
    text = "She starred in “The Long Road Home” and later in “Summer Rain” on television."
    assert find(text) == []


def test_question_put_to_someone_is_not_a_statement(find):
    text = "The president was asked if he would recognize the new borders."
    assert find(text) == []


def test_claim_with_noun_object_is_not_a_statement(find):
    text = "Russia has claimed around one-fifth of Ukraine as its own territory."
    assert find(text) == []


def test_organisation_speaker(find):
    text = "Al Jazeera reported that the ministers met in Moscow."
    quote = one(find(text), "the ministers met in Moscow")
    assert quote.speaker == "Al Jazeera"


def test_direct_quote_before_cue(find):
    text = "“The numbers do not add up,” Okafor told the BBC on Monday."
    quote = one(find(text), "The numbers do not add up")
    assert quote.kind == "direct"
    assert quote.speaker == "Okafor"
    assert quote.text == "“The numbers do not add up,”"


def test_cue_then_colon_then_quote_in_next_paragraph(find):
    text = "He told the crowd:\n“We will win this state and we will win the White House.”"
    quote = one(find(text), "We will win this state")
    assert quote.speaker == "He"


def test_two_apostrophes_as_quotation_marks(find):
    text = "''The harbour froze twice,'' Mr. Olsen recalled. ''Nobody fished that winter.''"
    quote = one(find(text), "The harbour froze twice")
    assert "Olsen" in (quote.speaker or "")
    assert quote.kind == "direct"
    assert "Nobody fished" in quote.text


def test_title_case_headline_statement(find):
    text = "Storm Closes Ferry Route\nMaria Lindqvist Says Port Authority Ignored Delays\n"
    quote = one(find(text), "Port Authority Ignored Delays")
    assert quote.speaker == "Maria Lindqvist"
    assert quote.cue == "Says"


def test_title_case_headline_naming_only_a_topic_is_not_a_statement(find):
    """The headline "Putin Warns West Over Arms Supplies" said nothing; it names a topic."""
    text = "Storm Closes Ferry Route\nMaria Lindqvist Slams Port Authority Over Delays\n"
    assert find(text) == []


def test_title_case_headline_without_speech_is_not_a_statement(find):
    text = "United States Rejoins Paris Climate Agreement\nThe deal was signed on Monday."
    assert find(text) == []


def test_reported_speech_running_into_a_quotation_after_a_colon(find):
    text = "Ms. Reyes said that a compromise was near: “Both unions want the strike over.”"
    quote = one(find(text), "a compromise was near")
    assert "Both unions want" in quote.text
    assert quote.kind == "mixed"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "“",
        "said “ ” “",
        "He said: ''\n“",
        "According to , per share “said” — ― :",
        "“Open quote never closed, he said\n“and again",
    ],
)
def test_malformed_text_gives_well_formed_statements(find, text):
    for quote in find(text):
        assert list(quote.spans) == sorted(quote.spans)
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(quote.spans, quote.spans[1:], strict=False))


def test_title_case_headline_with_fronted_phrase(find):
    text = "After The Flood, Mayor Lindqvist Vows To Rebuild Every School By Autumn\n"
    quote = one(find(text), "To Rebuild Every School")
    assert "Lindqvist" in (quote.speaker or "")
    assert "Flood" not in quote.text


def test_title_case_headline_inverted(find):
    text = "Ferries Are ‘A Lifeline, Not A Luxury,’ Maria Lindqvist Tells Council\n"
    quote = one(find(text), "A Lifeline")
    assert quote.speaker == "Maria Lindqvist"


def test_parenthetical_cue_after_a_subordinate_clause(find):
    text = "Although the dam held this year, she said, the next flood would break it."
    quote = one(find(text), "the next flood would break it")
    assert quote.speaker == "she"


def test_light_verb_with_speech_noun(find):
    text = "The mayor made confusing statements about how the ferry would be funded."
    quote = one(find(text), "how the ferry would be funded")
    assert quote.speaker == "The mayor"


def test_transcript_lines(find):
    text = (
        "Transcript as follows:\n"
        "HOLLOWAY: Well, the bridge will not open in May.\n"
        "Background: It began in 2015."
    )
    quotes = find(text)
    quote = one(quotes, "the bridge will not open")
    assert quote.speaker == "HOLLOWAY"
    assert not any("It began" in q.text for q in quotes)


def test_call_as_naming_and_as_appeal(find):
    quote = one(find("She called the new tariff “a tax on breakfast.”"), "a tax on breakfast")
    assert quote.speaker == "She"
    quote = one(find("Okafor called on parliament to pass it."), "parliament to pass it")
    assert quote.speaker == "Okafor"
    assert find("She called a meeting on Monday.") == []
    assert find("He called his mother on Sunday.") == []


def test_dateline_is_not_the_speaker(find):
    text = "OSLO (Reuters) – Fisheries minister Ola Berg said on Friday the quota would be cut."
    quote = one(find(text), "the quota would be cut")
    assert "Berg" in (quote.speaker or "")
    assert "OSLO" not in (quote.speaker or "")


def test_organisation_pronoun_it_is_a_speaker(find):
    text = "The regulator published its report. It said officials had hidden the breaches."
    quote = one(find(text), "officials had hidden the breaches")
    assert quote.speaker == "It"


def test_participial_cue_inside_reported_words_is_its_own_statement(find):
    text = "The mayor said the bridge would reopen in May, adding that tolls would stay low."
    quotes = find(text)
    first = one(quotes, "the bridge would reopen")
    assert "tolls" not in first.text
    second = one(quotes, "tolls would stay low")
    assert second.speaker == "The mayor"
    assert second.cue == "adding"
