"""Reported speech from the dependency parse: cue, speaker mention and content of each claim.

Works on one parsed paragraph at a time and returns ``Attribution`` values with article
offsets. Covers communication verbs with clausal, infinitival or noun-phrase content,
conjoined and participial cues that share a subject, inverted and parenthetical cues,
passives with a by-agent, "according to X", "(as) per X", and nominal cues
("her statement that …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from reader.nlp import Paragraph
from reader.speech_verbs import (
    ADDRESSEE_ONLY_VERBS,
    CLAUSE_ONLY_VERBS,
    GROUP_SPEAKERS,
    JUDGING_VERBS,
    LIGHT_VERBS,
    NOMINAL_CUES,
    NP_CONTENT_VERBS,
    PARTICLE_CUES,
    QUOTE_ONLY_VERBS,
    RATE_NOUNS,
    SPEECH_VERBS,
    TOPIC_NOUNS,
)

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLAUSES = {"ccomp", "xcomp"}
_NAME_PARTS = {"compound", "amod", "det", "nummod", "poss", "nmod", "case"}
_QUESTION_WORDS = {"if", "whether", "why", "how", "what", "when", "where", "who", "which"}
_RELATIVE = {"who", "that", "which", "whom"}
_EDGE_PUNCT = set(",.;:—–-()[]")
_NON_SPEECH_HEADS = {"hard", "difficult", "impossible", "easy", "safe", "fair", "needless"}


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reported claim in article offsets; ``spans`` are content fragments."""

    spans: tuple[tuple[int, int], ...]
    cue: tuple[int, int]
    speaker: tuple[int, int] | None
    confidence: float
    paragraph: int
    bare: bool = False  # a cue and speaker without content: a quotation beside it may be theirs


def _char_span(tokens: list[Token], offset: int) -> tuple[int, int] | None:
    """Article span of a contiguous token list, edge punctuation trimmed."""
    while tokens and (tokens[0].text in _EDGE_PUNCT or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in _EDGE_PUNCT or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def _runs(tokens: list[Token]) -> list[list[Token]]:
    """Split tokens sorted by index into runs of consecutive indices."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return runs


def _content(tokens: list[Token], offset: int) -> tuple[tuple[int, int], ...]:
    spans = []
    for run in _runs(sorted(tokens, key=lambda t: t.i)):
        span = _char_span(run, offset)
        if span and span[1] - span[0] > 1:
            spans.append(span)
    return tuple(spans)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if (child.dep_ in ("nsubj", "csubj") and child.lower_ not in ("it", "there")) or (
            child.dep_ == "nsubj" and child.lower_ == "it" and not _has_clause(verb)
        ):
            return child
    return None


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ in _CLAUSES for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _inherited_subject(verb: Token, depth: int = 0) -> Token | None:
    """Subject shared with a governing verb: conjoined, participial or 'went on to say'."""
    if depth > 4:
        return None
    own = _subject(verb)
    if own is not None:
        return own
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return _agent(verb)
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "conj" or verb.dep_ == "xcomp":
        return _inherited_subject(head, depth + 1)
    if verb.dep_ in ("advcl", "acl") and verb.tag_ == "VBG":
        if head.pos_ in ("VERB", "AUX"):
            return _inherited_subject(head, depth + 1)
        return head if head.pos_ in ("NOUN", "PROPN", "PRON") else None
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBD"):
        return head  # "Smith, who said …"; a finite verb misread as a modifier
    return None


def _fallback_subject(verb: Token) -> Token | None:
    """When the parse gives no subject: the noun just before the cue ("Sen. Warren (D-MA)
    said"), or for a participial cue the subject of the sentence."""
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    i = verb.i - 1
    depth = 0
    while i >= verb.sent.start:
        tok = doc[i]
        if tok.text == ")":
            depth += 1
        elif tok.text == "(":
            depth -= 1
        elif depth == 0 and tok.is_punct:
            i = -1  # "… in Paris, noting": a comma ends the search
            break
        elif depth == 0 and tok.dep_ not in ("aux", "neg", "advmod"):
            break
        i -= 1
    if i >= verb.sent.start and depth == 0 and i < verb.i - 1 and i >= 0:
        tok = doc[i]
        if tok.pos_ == "PROPN" and tok.head.i != verb.i:
            return tok
    # "In defending himself, Trump offered …", "will find it difficult to repeat …":
    # the nearest governing verb with a subject.
    tok = verb
    for _ in range(5):
        if tok.dep_ not in ("advcl", "acl", "xcomp", "conj", "pcomp", "pobj", "prep", "acomp"):
            break
        tok = tok.head
        subject = next(
            (c for c in tok.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "there")),
            None,
        )
        if subject is not None and tok.pos_ in ("VERB", "AUX"):
            return subject
    return None


def speaker_tokens(tok: Token) -> list[Token]:
    """The mention: the head noun with its name parts, not appositives or clauses."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head
    if tok.pos_ == "PRON":
        return [tok]
    left = tok
    for child in tok.lefts:
        if child.dep_ in _NAME_PARTS or (child.dep_ == "punct" and child.text in "-–"):
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    right = tok
    for child in tok.rights:
        # "Secretary of State John Kerry", "the head of the agency": keep the of-phrase.
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right.i + 1:
            right = child.right_edge
        elif child.dep_ in ("compound", "flat") and child.i == right.i + 1:
            right = child
        else:
            break
    return list(tok.doc[left.i : right.i + 1])


def _speaker_span(tok: Token | None, offset: int) -> tuple[int, int] | None:
    if tok is None:
        return None
    return _char_span(speaker_tokens(tok), offset)


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
    subject = _inherited_subject(verb) or _fallback_subject(verb)
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
            content.extend(clause.subtree)
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
        agent = _agent(verb) if passive else None
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
        subject = _agent(verb)
    if not content:
        if subject is None:
            return None
        return Attribution(
            (), _cue_span(verb, offset), _speaker_span(subject, offset), 0.75, index, True
        )
    if subject is not None:
        skip = {t.i for t in speaker_tokens(subject)}
        content = [t for t in content if t.i not in skip and t.i != verb.i]
    if all(t.lower_ in _RELATIVE or t.is_punct for t in content):
        return None
    spans = _content(content, offset)
    if not spans:
        return None
    if subject is None:
        if confidence < 0.7:
            return None  # noun-phrase content with nobody saying it: an action, not speech
        confidence -= 0.3
    elif subject.pos_ == "PRON":
        confidence -= 0.05
    return Attribution(
        spans, _cue_span(verb, offset), _speaker_span(subject, offset), confidence, index
    )


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


def _source_attribution(
    marker: Token, source: Token, offset: int, index: int, cue_end: Token, first: Token
) -> Attribution | None:
    """'According to X' / 'per X': the content is the clause the phrase modifies, the whole
    sentence when the phrase opens or closes it."""
    head = marker.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    sent = marker.sent
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if words and (first.i <= words[0].i or marker.right_edge.i >= words[-1].i):
        head = sent.root
    own = {t.i for t in marker.subtree} | {first.i}
    content = [t for t in head.subtree if t.i not in own]
    spans = _content(content, offset)
    if not spans:
        return None
    cue = (offset + first.idx, offset + cue_end.idx + len(cue_end.text))
    return Attribution(spans, cue, _speaker_span(source, offset), 0.8, index)


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _according(tok: Token, offset: int, index: int) -> Attribution | None:
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    source = _pobj(to) or next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    return _source_attribution(tok, source, offset, index, to, tok)


def _per(tok: Token, offset: int, index: int) -> Attribution | None:
    doc = tok.doc
    source = _pobj(tok)
    if source is None:
        return None
    prev = doc[tok.i - 1] if tok.i > 0 else None
    as_per = prev is not None and prev.lower_ == "as"
    if source.lemma_.lower() in RATE_NOUNS or source.like_num:
        return None
    if prev is not None and (prev.like_num or prev.tag_ == "CD" or prev.text in "$€£%"):
        return None
    at_clause_edge = prev is None or prev.text in (",", "—", "(") or as_per or prev.is_sent_start
    named = source.pos_ == "PROPN" or source.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
    if not (at_clause_edge and (named or source.lemma_.lower() in GROUP_SPEAKERS)):
        return None
    marker = prev if as_per and prev is not None else tok
    attribution = _source_attribution(tok, source, offset, index, tok, marker)
    if attribution is None:
        return None
    return Attribution(attribution.spans, attribution.cue, attribution.speaker, 0.75, index)


def _nominal(noun: Token, offset: int, index: int) -> Attribution | None:
    """ "Her statement that …", "Republican calls for a special prosecutor": a speech noun
    with a that-clause or a topic phrase, and a speaker named in the noun phrase."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None
        )
        speaker = _pobj(by) if by is not None else None
    if speaker is None:
        speaker = next(
            (
                c
                for c in noun.lefts
                if c.dep_ in ("amod", "compound") and (c.pos_ == "PROPN" or c.ent_type_)
            ),
            None,
        )
    if speaker is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        # "made conflicting statements about …", "issued a warning that …"
        speaker = _inherited_subject(noun.head)
    confidence = 0.55
    if clause is not None:
        content = list(clause.subtree)
    else:
        topic = next(
            (
                c
                for c in noun.children
                if c.dep_ == "prep" and c.lower_ in ("for", "of", "against", "on", "about")
            ),
            None,
        )
        if topic is None or speaker is None or noun.lemma_.lower() not in TOPIC_NOUNS:
            return None
        content = [t for t in topic.subtree if t.i != topic.i]
        confidence = 0.45
    spans = _content(content, offset)
    if not spans:
        return None
    cue = (offset + noun.idx, offset + noun.idx + len(noun.text))
    return Attribution(spans, cue, _speaker_span(speaker, offset), confidence, index)


#: Link lines and captions around an article body ("Related Article: …", "Read more: …").
_BOILERPLATE = re.compile(
    r"(related( article| stories| story)?|read (more|also)|see also|also read|watch|photo|"
    r"image|video)\s*:",
    re.IGNORECASE,
)

_NOT_SPEAKERS = {
    "update", "updated", "watch", "read", "note", "editor", "related", "source", "sources",
    "photo", "video", "image", "correction", "transcript", "q", "a", "exclusive", "breaking",
    "live", "analysis", "opinion", "review", "warning", "question", "answer", "background",
    "context", "timeline", "reporting", "editing", "clarification", "disclosure", "summary",
    "abstract", "caption", "credit", "credits", "tags", "topics", "share", "follow", "contact",
    "email", "twitter", "facebook", "instagram", "subscribe", "advertisement", "location",
    "date", "time", "when", "where", "why", "how", "what", "who", "price", "cost", "result",
    "results", "score", "status", "target", "bottom", "line", "tl", "dr", "ps", "p.s.", "nb",
}  # fmt: skip


def _colon_headline(paragraph: Paragraph, index: int) -> Attribution | None:
    """ "Sanders: Brexit's message could help Trump" — a headline or transcript line whose
    speaker is named before a colon at the start of the paragraph."""
    doc = paragraph.doc
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    name = [t for t in doc[: colon.i] if not t.is_punct]
    # "EXCLUSIVE – Roger Stone:" keeps only the words after the dash.
    dash = max((t.i for t in doc[: colon.i] if t.text in ("–", "—", "-")), default=-1)
    name = [t for t in name if t.i > dash]
    if not name or len(name) > 4 or any(t.lower_ in _NOT_SPEAKERS for t in name):
        return None
    # Transcripts: "MATTHEWS: …", "Lopez: …" (a lone capitalised word the tagger may miss).
    lone = len(name) == 1 and name[0].is_alpha and (name[0].is_title or name[0].is_upper)
    if not lone and not all(t.pos_ == "PROPN" or t.text.isupper() or t.ent_type_ for t in name):
        return None
    named = any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in name)
    if not (named or all(t.text.isupper() for t in name) or len(name) == 1):
        return None
    rest = [t for t in doc[colon.i + 1 :]]
    if len([t for t in rest if not t.is_punct]) < 3:
        return None
    if rest and rest[0].text in "\"“‘'" and rest[-1].text in "\"”’'":
        return None  # a quotation: handled with the quotation marks
    offset = paragraph.start
    spans = _content(rest, offset)
    if not spans:
        return None
    speaker = _char_span(name, offset)
    cue = (offset + colon.idx, offset + colon.idx + 1)
    return Attribution(spans, cue, speaker, 0.6, index)


def find_reported_speech(paragraph: Paragraph, index: int) -> list[Attribution]:
    """Attributions signalled by cue words in one paragraph, in text order."""
    doc: Doc = paragraph.doc
    offset = paragraph.start
    found: list[Attribution] = []
    if _BOILERPLATE.match(doc.text):
        return found
    headline = _colon_headline(paragraph, index)
    if headline is not None:
        found.append(headline)
    for tok in doc:
        lower = tok.lower_
        attribution: Attribution | None = None
        if lower == "according":
            attribution = _according(tok, offset, index)
        elif lower == "per" and tok.dep_ == "prep":
            attribution = _per(tok, offset, index)
        elif tok.pos_ in ("VERB", "AUX"):
            if _is_cue_verb(tok):
                attribution = _verb_attribution(tok, offset, index)
        elif tok.pos_ == "NOUN" and (
            tok.lemma_.lower() in NOMINAL_CUES or tok.lemma_.lower() in TOPIC_NOUNS
        ):
            attribution = _nominal(tok, offset, index)
        if attribution is not None:
            found.append(attribution)
    return found
