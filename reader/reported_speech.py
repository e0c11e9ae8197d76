"""Reported speech from the dependency parse: cue, speaker mention and content of each claim.

Works on one parsed paragraph at a time and returns ``Attribution`` values with article
offsets. This module reads communication verbs: clausal, infinitival or noun-phrase content,
conjoined and participial cues that share a subject, inverted, parenthetical and "as X noted"
cues, passives with a by-agent. ``find_reported_speech`` also runs the source phrases
("according to X", ``source_phrases``), nominal cues (``nominal_cues``) and colon lines
(``colon_lines``) over the paragraph.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from reader.attribution import (
    RELATIVE,
    Attribution,
    agent_of,
    content_spans,
    fallback_subject,
    inherited_subject,
    own_subject,
    speaker_span,
    speaker_tokens,
)
from reader.colon_lines import BOILERPLATE, colon_line
from reader.nlp import Paragraph
from reader.nominal_cues import nominal_attribution
from reader.source_phrases import according_to, per_source
from reader.speech_verbs import (
    ADDRESSEE_ONLY_VERBS,
    CLAUSE_ONLY_VERBS,
    JUDGING_VERBS,
    NOMINAL_CUES,
    NP_CONTENT_VERBS,
    PARTICLE_CUES,
    QUOTE_ONLY_VERBS,
    SPEECH_VERBS,
    TOPIC_NOUNS,
)

_CLAUSES = {"ccomp", "xcomp"}
_QUESTION_WORDS = {"if", "whether", "why", "how", "what", "when", "where", "who", "which"}
_NON_SPEECH_HEADS = {"hard", "difficult", "impossible", "easy", "safe", "fair", "needless"}


def _clause_children(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in _CLAUSES]
    return own or _stray_clause(verb)


def _stray_clause(verb: Token) -> list[Token]:
    """A that-clause the parser hung under a phrase of the cue ("said in an interview
    relayed by the station that …") belongs to the cue."""
    stack = [
        c
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod", "dobj", "dative", "advmod") and c.i > verb.i
    ]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in ("ccomp", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in child.children
            ):
                return [child]
            if child.dep_ in ("pobj", "acl", "agent", "prep", "npadvmod", "compound"):
                stack.append(child)
    return []


def _is_question(clause: Token) -> bool:
    first = clause.left_edge
    return first.lower_ in _QUESTION_WORDS or any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in clause.children
    )


def _names_something(obj: Token) -> bool:
    """ "called his actions “a crucial step”", "called Clinton, his rival, a co-founder": the
    object carries a quotation or a second noun phrase, so *call* means naming."""
    return any(t.is_quote or t.dep_ == "appos" for t in obj.subtree)


def _quote_follows_object(verb: Token) -> bool:
    """ "called his orders “a crucial step”": a quotation right after the object."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "dobj":
            after = child.right_edge.i + 1
            return after < len(doc) and doc[after].is_quote
    return False


def _is_cue_verb(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "MD":
        return False
    if lemma in PARTICLE_CUES:
        needed = PARTICLE_CUES[lemma]
        if lemma == "call" and (
            any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in verb.children)
            or any(c.dep_ == "dobj" and _names_something(c) for c in verb.children)
            or _quote_follows_object(verb)
        ):
            return verb.dep_ != "amod" and not (verb.dep_ == "acl" and verb.tag_ == "VBN")
        # "called on Congress to act", not "called a meeting on Monday"
        adjacent = lemma == "call"
        return any(
            c.dep_ in ("prt", "prep") and c.lower_ in needed and (not adjacent or c.i == verb.i + 1)
            for c in verb.children
        )
    if lemma in QUOTE_ONLY_VERBS:
        return True
    if lemma in JUDGING_VERBS:
        return any(c.dep_ == "agent" for c in verb.children)
    if lemma not in SPEECH_VERBS:
        return False
    if verb.dep_ in ("amod", "compound", "nmod") or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return False  # "the so-called deal", "a plan announced on Monday"
    # "hard to tell", "needless to say"
    return not (verb.dep_ == "xcomp" and verb.head.lower_ in _NON_SPEECH_HEADS)


def _verb_attribution(verb: Token, offset: int, index: int) -> Attribution | None:
    lemma = verb.lemma_.lower()
    subject = _reporting_subject(verb) or inherited_subject(verb) or fallback_subject(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    clauses = _clause_children(verb)
    content: list[Token] = []
    confidence = 0.85
    if clauses and (lemma not in QUOTE_ONLY_VERBS or lemma in SPEECH_VERBS):
        if lemma in ("ask", "wonder", "question", "inquire", "enquire") and any(
            _is_question(c) for c in clauses
        ):
            return None
        if passive and lemma == "ask":
            return None
        for clause in clauses:
            if clause.dep_ == "xcomp" and passive:
                continue  # "is said to be", "was told to leave"
            content.extend(_without_participial_cues(clause))
        if lemma == "call":
            # "called on Congress to act": the one called on is part of the call
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("on", "upon") and prep.i == verb.i + 1:
                    content.extend(t for t in prep.subtree if t.i != prep.i)
        if content and min(t.i for t in content) > verb.i:
            content.extend(_trailing(verb, max(t.i for t in content)))
    elif lemma in QUOTE_ONLY_VERBS:
        pass
    else:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]
        preps = [
            c
            for c in verb.children
            if c.dep_ == "prep"
            and c.i > verb.i
            and c.lower_ in ("for", "as", "of", "about", "on", "upon", "to", "over")
        ]
        agent = agent_of(verb) if passive else None
        if lemma in PARTICLE_CUES and lemma != "call":
            content = [t for p in preps for t in p.subtree if t is not p]
            confidence = 0.6
        elif lemma == "call" and preps and not objects:
            content = [t for p in preps for t in p.subtree if t is not p]
            confidence = 0.7
        elif agent is not None and (lemma in NP_CONTENT_VERBS or lemma in JUDGING_VERBS):
            # "… has been judged unlawful by western powers"
            for child in verb.children:
                if child.dep_ in ("nsubjpass", "oprd", "acomp", "xcomp"):
                    content.extend(child.subtree)
            for prep in preps:
                content.extend(prep.subtree)
            subject = agent
            confidence = 0.6
        elif not objects and preps and lemma in SPEECH_VERBS and lemma not in CLAUSE_ONLY_VERBS:
            # "joked about moving to New Zealand", "responding to the report"
            content = [t for p in preps[:1] for t in p.subtree if t is not p]
            confidence = 0.5
        elif lemma == "call" and objects and _quote_follows_object(verb):
            # naming: from the object to the end of the cue's phrase
            first = min(o.left_edge.i for o in objects)
            content = list(verb.doc[first : verb.right_edge.i + 1])
            confidence = 0.6
        elif objects and lemma in NP_CONTENT_VERBS and lemma not in CLAUSE_ONLY_VERBS:
            if lemma in ADDRESSEE_ONLY_VERBS:
                objects = [o for o in objects if o.dep_ != "dobj"] or []
            for obj in objects:
                content.extend(obj.subtree)
            for prep in preps:
                content.extend(prep.subtree)
            confidence = 0.6
        elif (
            verb.dep_ in ("parataxis", "ccomp", "advcl")
            and verb.head.i < verb.i
            and subject is not None
            and not objects
            and own_subject(verb) is not None
            and _set_off(verb, subject)
        ):
            # Inverted: "…, Al Jazeera reported." / parenthetical: "…, Mr. Bush said, …"
            own = {t.i for t in verb.subtree}
            content = [t for t in verb.head.subtree if t.i not in own]
            confidence = 0.75
        elif verb.dep_ == "parataxis" and subject is not None and _set_off(verb, subject):
            own = {t.i for t in verb.subtree}
            content = [t for t in verb.head.subtree if t.i not in own]
            confidence = 0.7
        elif verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
        ):
            # "As many tax experts have pointed out, Mr. Trump is free to …"
            own = {t.i for t in verb.subtree}
            content = [t for t in verb.head.subtree if t.i not in own]
            confidence = 0.65
    if passive and subject is None:
        subject = agent_of(verb)
    if not content:
        if subject is None:
            return None
        return Attribution(
            (), _cue_span(verb, offset), speaker_span(subject, offset), 0.75, index, True
        )
    if subject is not None:
        skip = {t.i for t in speaker_tokens(subject)}
        content = [t for t in content if t.i not in skip and t.i != verb.i]
    if all(t.lower_ in RELATIVE or t.is_punct for t in content):
        return None
    spans = content_spans(content, offset)
    if not spans:
        return None
    if subject is None:
        if confidence < 0.7:
            return None  # noun-phrase content with nobody saying it: an action, not speech
        confidence -= 0.3
    elif subject.pos_ == "PRON":
        confidence -= 0.05
    return Attribution(
        spans, _cue_span(verb, offset), speaker_span(subject, offset), confidence, index
    )


def _reporting_subject(verb: Token) -> Token | None:
    """A participial cue inside reported words ("said the plan would work, adding that …")
    belongs to the reporting cue's speaker, not to the subject of the reported clause."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj") or own_subject(verb):
        return None
    tok = verb.head
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in ("ccomp", "xcomp") and _is_cue_verb(tok.head):
            return inherited_subject(tok.head)
        tok = tok.head
    return None


def _without_participial_cues(clause: Token) -> list[Token]:
    """The clause minus a participial cue set off by a comma ("…, saying that …"), which is
    a statement of its own."""
    doc = clause.doc
    drop: set[int] = set()
    for tok in clause.subtree:
        if (
            tok.i != clause.i
            and tok.tag_ == "VBG"
            and tok.dep_ in ("advcl", "conj")
            and tok.left_edge.i > 0
            and doc[tok.left_edge.i - 1].text == ","
            and _is_cue_verb(tok)
        ):
            drop.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
    return [t for t in clause.subtree if t.i not in drop]


def _set_off(verb: Token, subject: Token) -> bool:
    """An inverted or parenthetical cue is set off by a comma or dash: "…, she said"."""
    first = min(verb.i, subject.left_edge.i)
    while (
        first > 0
        and verb.doc[first - 1].dep_ in ("aux", "neg", "advmod")
        and (verb.doc[first - 1].head.i == verb.i)
    ):
        first -= 1
    doc = verb.doc
    if doc[first].text in (",", "—", "–", "-", "(") or doc[first].is_quote:
        return True
    if first == 0:
        return False
    return doc[first - 1].text in (",", "—", "–", "-", "(") or doc[first - 1].is_quote


def _trailing(verb: Token, after: int) -> list[Token]:
    """Modifiers the parser hung on the cue after its clause ("said it did not …, because …")
    are part of what was said; a further cue ("…, adding that …") or conjunct is not."""
    extra: list[Token] = []
    for child in verb.rights:
        if child.i <= after:
            continue
        if child.dep_ in ("cc", "conj", "punct") or _is_cue_verb(child):
            break
        if child.dep_ in ("advcl", "prep", "npadvmod", "advmod", "dep", "oprd", "dobj"):
            extra.extend(child.subtree)
    return extra


def _cue_span(verb: Token, offset: int) -> tuple[int, int]:
    end = verb
    for child in verb.rights:
        if child.dep_ == "prt" and child.i <= verb.i + 2:
            end = child
    return offset + verb.idx, offset + end.idx + len(end.text)


def find_reported_speech(paragraph: Paragraph, index: int) -> list[Attribution]:
    """Attributions signalled by cue words in one paragraph, in text order."""
    doc: Doc = paragraph.doc
    offset = paragraph.start
    found: list[Attribution] = []
    if BOILERPLATE.match(doc.text):
        return found
    headline = colon_line(paragraph, index)
    if headline is not None:
        found.append(headline)
    for tok in doc:
        lower = tok.lower_
        attribution: Attribution | None = None
        if lower == "according":
            attribution = according_to(tok, offset, index)
        elif lower == "per" and tok.dep_ == "prep":
            attribution = per_source(tok, offset, index)
        elif tok.pos_ in ("VERB", "AUX"):
            if _is_cue_verb(tok):
                attribution = _verb_attribution(tok, offset, index)
        elif tok.pos_ == "NOUN" and (
            tok.lemma_.lower() in NOMINAL_CUES or tok.lemma_.lower() in TOPIC_NOUNS
        ):
            attribution = nominal_attribution(tok, offset, index)
        if attribution is not None:
            found.append(attribution)
    return found
