"""Frames of a speech verb: what it says, in which construction, by which rule.

A cue verb's content comes from one of several constructions ("said that …", "called for
…", "…, the agency reported"). Each is a frame handler: it reads a ``VerbContext`` and
returns a ``Frame`` (the rule and the content tokens) when its construction is present,
``None`` when it is not, or ``NOT_A_CUE`` when the construction shows the verb reports no
speech here (a question put to someone). ``FRAMES`` holds the handlers in the order they
are tried; the first that answers decides. A verb no frame claims has no content of its
own: it is a bare cue, and a quotation beside it may be its content.

Adding a construction is one handler, placed in ``FRAMES``, and one test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.attribution.cue_verbs import is_cue_verb, quote_follows_object
from reader.attribution.rules import Rule
from reader.attribution.settings import only_setting
from reader.attribution.syntax import agent_of, continues_outer_cue, own_subject
from reader.lexicon.groups import PEOPLE_NOUNS
from reader.lexicon.speech import (
    ADDRESSEE_ONLY_VERBS,
    ANSWERED_NOUNS,
    APPLAUSE_VERBS,
    CLAUSE_ONLY_VERBS,
    CONTACT_VERBS,
    JUDGING_VERBS,
    NAMING_VERBS,
    NP_CONTENT_VERBS,
    PARTICLE_CUES,
    PREVENTING_VERBS,
    QUESTION_VERBS,
    QUESTION_WORDS,
    QUOTE_ONLY_VERBS,
    REBUTTAL_VERBS,
    REFERRING_DETERMINERS,
    REFUSING_VERBS,
    RELATIVE_OBJECTS,
    SPEECH_VERBS,
    VERB_TOPIC_PREPOSITIONS,
)
from reader.nlp.labels import (
    ACL,
    ACOMP,
    ADVCL,
    ADVMOD,
    AGENT,
    AMOD,
    AUX,
    AUXPASS,
    BEFORE_VERB,
    CC,
    CCOMP,
    CLAUSES,
    COMPOUND,
    CONJ,
    DATE,
    DATIVE,
    DEP,
    DET,
    DOBJ,
    MARK,
    NORP,
    NPADVMOD,
    NSUBJ,
    NSUBJPASS,
    OPRD,
    PARATAXIS,
    PCOMP,
    PERSON,
    POBJ,
    POSS,
    PREP,
    PUNCT,
    RELCL,
    SPEAKER_LABELS,
    SUBJECTS,
    TIME,
    XCOMP,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


_SET_OFF = (",", "—", "–", "-", "(")


@dataclass(frozen=True, slots=True)
class VerbContext:
    """What every frame handler may read about one cue verb."""

    verb: Token
    lemma: str
    subject: Token | None
    passive: bool
    clauses: tuple[Token, ...]
    objects: tuple[Token, ...]
    preps: tuple[Token, ...]

    @classmethod
    def of(cls, verb: Token, subject: Token | None) -> VerbContext:
        lemma = verb.lemma_.lower()
        return cls(
            verb=verb,
            lemma=lemma,
            subject=subject,
            passive=any(c.dep_ in (NSUBJPASS, AUXPASS) for c in verb.children),
            clauses=tuple(clause_children(verb)),
            objects=tuple(c for c in verb.children if c.dep_ in (DOBJ, DATIVE, OPRD)),
            preps=tuple(
                c
                for c in verb.children
                if c.dep_ == PREP
                and c.i > verb.i
                and c.lower_ in VERB_TOPIC_PREPOSITIONS
                and not only_setting([t for t in c.subtree if t is not c])
            ),
        )

    def agent(self) -> Token | None:
        return agent_of(self.verb) if self.passive else None


@dataclass(frozen=True, slots=True)
class Frame:
    """A construction found: its rule, its content tokens and, if it names one, its speaker.

    ``rule`` None means the verb reports no speech here.
    """

    rule: Rule | None
    content: tuple[Token, ...] = ()
    speaker: Token | None = field(default=None)


NOT_A_CUE = Frame(None)
FrameHandler = Callable[[VerbContext], Frame | None]


# -- clauses -----------------------------------------------------------------------------------


def clause_children(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in CLAUSES]
    return own or _stray_clause(verb)


def _stray_clause(verb: Token) -> list[Token]:
    """A that-clause the parser hung under a phrase of the cue ("said in an interview
    relayed by the station that …") belongs to the cue."""
    stack = [
        c
        for c in verb.children
        if c.dep_ in (PREP, NPADVMOD, DOBJ, DATIVE, ADVMOD) and c.i > verb.i
    ]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in (CCOMP, RELCL) and any(
                g.dep_ == MARK and g.lower_ == "that" for g in child.children
            ):
                return [child]
            if child.dep_ in (POBJ, ACL, AGENT, PREP, NPADVMOD, COMPOUND):
                stack.append(child)
    return []


def is_question(clause: Token) -> bool:
    """A clause that asks: \"why the team was denied\", \"whether it would close\"."""
    first = clause.left_edge
    return first.lower_ in QUESTION_WORDS or any(
        c.dep_ == MARK and c.lower_ in ("if", "whether") for c in clause.children
    )


def without_participial_cues(clause: Token) -> list[Token]:
    """The clause minus a participial cue set off by a comma ("…, saying that …"), which is
    a statement of its own."""
    doc = clause.doc
    drop: set[int] = set()
    for tok in clause.subtree:
        if (
            tok.i != clause.i
            and tok.tag_ == "VBG"
            and tok.dep_ in (ADVCL, CONJ)
            and tok.left_edge.i > 0
            and doc[tok.left_edge.i - 1].text == ","
            and is_cue_verb(tok)
        ):
            drop.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
        elif tok.head.i == clause.i and continues_outer_cue(tok):
            joined = [c.i for c in clause.children if c.dep_ == CC and c.i < tok.i]
            drop.update(range(min([*joined, tok.left_edge.i]), tok.right_edge.i + 1))
    return [t for t in clause.subtree if t.i not in drop]


def _trailing(verb: Token, after: int) -> list[Token]:
    """Modifiers the parser hung on the cue after its clause ("said it did not …, because …")
    are part of what was said; a further cue ("…, adding that …") or conjunct is not."""
    extra: list[Token] = []
    for child in verb.rights:
        if child.i <= after:
            continue
        if child.dep_ in (CC, CONJ, PUNCT) or is_cue_verb(child):
            break
        if child.dep_ in (ADVCL, PREP, NPADVMOD, ADVMOD, DEP, OPRD, DOBJ):
            extra.extend(child.subtree)
    return extra


def _manner(clause: Token) -> bool:
    """A bare participle between the cue and the quotation it introduces: "tweeted using his
    account: “…”" (the quotation there or in the next paragraph), "said, standing beside
    the mayor, “…”" (how it was said; "admitted using the tax code" and "suggested looking
    at …" say what)."""
    if clause.tag_ != "VBG" or clause.i <= clause.head.i or is_cue_verb(clause):
        return False
    if any(c.dep_ in (NSUBJ, AUX, MARK) for c in clause.children):
        return False
    doc = clause.doc
    after = clause.right_edge.i + 1
    if after >= len(doc):
        return False
    following = next((t for t in doc[after + 1 :] if not t.is_space), None)
    if doc[after].text == ":" and following is None:
        return True  # the quotation is the next paragraph
    return doc[after].is_quote or (
        doc[after].text in (":", ",") and following is not None and following.is_quote
    )


def clause_frame(v: VerbContext) -> Frame | None:
    """ "said (that) the plan would work", "promised to act", "called on Congress to act"."""
    if not v.clauses or (v.lemma in QUOTE_ONLY_VERBS and v.lemma not in SPEECH_VERBS):
        return None
    if v.lemma in QUESTION_VERBS and any(is_question(c) for c in v.clauses):
        return NOT_A_CUE  # a question put to someone is not a statement
    if v.passive and v.lemma == "ask":
        return NOT_A_CUE
    content: list[Token] = []
    used: list[Token] = []
    for clause in v.clauses:
        if clause.dep_ == XCOMP and v.passive:
            continue  # "is said to be", "was told to leave"
        if _manner(clause):
            continue  # "tweeted using his account: …": how, not what
        used.append(clause)
        content.extend(without_participial_cues(clause))
    if v.lemma == "call":
        # "called on Congress to act": the one called on is part of the call
        for prep in v.verb.children:
            if prep.dep_ == PREP and prep.lower_ in ("on", "upon") and prep.i == v.verb.i + 1:
                content.extend(t for t in prep.subtree if t.i != prep.i)
    if not used:
        return None
    if content and min(t.i for t in content) > v.verb.i:
        content.extend(_trailing(v.verb, max(t.i for t in content)))
    infinitive = bool(used) and all(c.dep_ == XCOMP for c in used)
    return Frame(Rule.VERB_INFINITIVE if infinitive else Rule.VERB_THAT_CLAUSE, tuple(content))


def unspoken_frame(v: VerbContext) -> Frame | None:
    """A cue that reports nothing said: one whose subject is a word being defined ("to
    “fold” refers to …"), "That said, …" (a concession), and one in an infinitival
    relative ("a process to suggest designs", where the verb says what the process is
    for)."""
    verb = v.verb
    if v.subject is not None and v.subject.pos_ == "VERB":
        return NOT_A_CUE
    if _that_said(v):
        return NOT_A_CUE
    if verb.dep_ == ACL and any(c.dep_ == AUX and c.lower_ == "to" for c in verb.children):
        return NOT_A_CUE
    if _reduced_passive(v):
        return NOT_A_CUE
    if v.lemma in REFUSING_VERBS and any(o.dep_ == DATIVE for o in v.objects):
        return NOT_A_CUE  # "denied them entry": a thing refused, not words
    if _relative_object(v):
        return NOT_A_CUE  # "hostility that critics blame for …": what was said is outside
    return None


def _relative_object(v: VerbContext) -> bool:
    """The cue's object is a relative pronoun before it ("the hostility that critics blame
    for …"), and nothing names it ("an explosion that the mayor described as “an
    intentional act”" and "what they call “a sham”" say something of their own)."""
    if v.lemma in NAMING_VERBS or any(c.dep_ == OPRD for c in v.verb.children):
        return False
    if any(p.lower_ == "as" for p in v.preps):
        return False
    return any(
        o.dep_ == DOBJ and o.lower_ in RELATIVE_OBJECTS and o.i < v.verb.i for o in v.objects
    )


def _reduced_passive(v: VerbContext) -> bool:
    """ "the taxes requested in arrears", "the changes announced last week": the participle
    says what the noun is (the thing asked for or announced), and the noun is no speaker;
    with its agent ("the changes announced by the ministry") it is ``by_agent_frame``'s."""
    verb = v.verb
    if verb.tag_ != "VBN" or v.agent() is not None:
        return False
    if verb.dep_ == ACL:
        return v.subject is None
    # The parser may take "the taxes requested … are unenforceable" for a clause: a
    # participle with a subject but no auxiliary of its own is no finite verb.
    own = [c for c in verb.children if c.dep_ in (NSUBJ, AUX, AUXPASS)]
    return bool(own) and all(c.dep_ == NSUBJ for c in own) and _clause_follows(verb)


def _clause_follows(verb: Token) -> bool:
    """A finite verb of the sentence comes after the participle: "… requested in arrears
    are unenforceable", the verb whose subject the participle's noun really is."""
    return any(c.dep_ in (CCOMP, CONJ, ADVCL) and c.tag_ in ("VBP", "VBZ", "VBD") and c.i > verb.i
               for c in verb.children)  # fmt: skip


def _that_said(v: VerbContext) -> bool:
    """ "That said, we …": the idiom of concession opening a sentence, no one speaking."""
    subject, verb = v.subject, v.verb
    doc = verb.doc
    return (
        subject is not None
        and subject.lower_ in ("that", "this")
        and subject.i == verb.i - 1
        and (subject.i == 0 or doc[subject.i - 1].is_sent_end or doc[subject.i - 1].is_punct)
        and verb.lower_ == "said"
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def named_thing_frame(v: VerbContext) -> Frame | None:
    """ "a group called the Sea Org": a participle after a noun that names it, with the
    name and no one named (unlike "called Clinton a liar"), is no speech."""
    verb = v.verb
    if v.lemma not in NAMING_VERBS or verb.dep_ not in (ACL, ADVCL):
        return None
    named = [c for c in verb.children if c.dep_ == OPRD]
    own = (DOBJ, NSUBJ, NSUBJPASS, AUX, AUXPASS)
    if not named or any(c.dep_ in own for c in verb.children):
        return None
    end = max(c.right_edge.i for c in named)
    if any(t.is_quote or t.tag_ in ("``", "''") for t in verb.doc[verb.i : end + 1]):
        return None  # "which Tim Cook called ''total political crap''": his words
    return NOT_A_CUE


def prevented_frame(v: VerbContext) -> Frame | None:
    """A cue kept from happening is no speech: "barred from saying", "banning migrants
    from claiming asylum"."""
    verb = v.verb
    kept = verb.dep_ == PCOMP and verb.head.lower_ == "from"
    return NOT_A_CUE if kept and verb.head.head.lemma_.lower() in PREVENTING_VERBS else None


def quote_only_frame(v: VerbContext) -> Frame | None:
    """Verbs that only introduce quotations ("quipped") have no content of their own."""
    return Frame(Rule.QUOTE_MARKS) if v.lemma in QUOTE_ONLY_VERBS else None


# -- noun-phrase content -----------------------------------------------------------------------


def _prep_objects(preps: tuple[Token, ...]) -> tuple[Token, ...]:
    return tuple(t for p in preps for t in p.subtree if t is not p)


def particle_frame(v: VerbContext) -> Frame | None:
    """ "spoke out against the plan": a phrasal cue and its prepositional content."""
    if v.lemma in PARTICLE_CUES and v.lemma != "call":
        said = tuple(p for p in v.preps if not _addressed(p))  # not "… to guests"
        return Frame(Rule.VERB_PARTICLE, _prep_objects(said))
    return None


def _addressed(prep: Token) -> bool:
    """ "to the guests", "with him": whom the words were for, not what they were."""
    return prep.lower_ in ("to", "with") and names_only_people(_prep_objects((prep,)))


def call_for_frame(v: VerbContext) -> Frame | None:
    """ "called for an inquiry"."""
    if v.lemma == "call" and v.preps and not v.objects:
        return Frame(Rule.VERB_CALL_ON, _prep_objects(v.preps))
    return None


def by_agent_frame(v: VerbContext) -> Frame | None:
    """ "… has been judged unlawful by western powers": the agent is the speaker."""
    agent = v.agent()
    if agent is None or (v.lemma not in NP_CONTENT_VERBS and v.lemma not in JUDGING_VERBS):
        return None
    content: list[Token] = []
    for child in v.verb.children:
        if child.dep_ in (NSUBJPASS, OPRD, ACOMP, XCOMP):
            content.extend(child.subtree)
    for prep in v.preps:
        content.extend(prep.subtree)
    return Frame(Rule.VERB_BY_AGENT, tuple(content), speaker=agent)


def topic_frame(v: VerbContext) -> Frame | None:
    """ "joked about moving to New Zealand", "responding to the report"."""
    if not v.objects and v.preps and v.lemma in SPEECH_VERBS and v.lemma not in CLAUSE_ONLY_VERBS:
        content = _prep_objects(v.preps[:1])
        addressed = v.preps[0].lower_ in ("to", "with") and v.lemma not in ("respond", "reply")
        if addressed and names_only_people(content):
            return NOT_A_CUE  # "tweeted to the boy": to whom, not what
        return Frame(Rule.VERB_TOPIC, content)
    return None


def naming_frame(v: VerbContext) -> Frame | None:
    """ "called his orders “a crucial step”": from the object to the end of the cue's phrase."""
    if v.lemma == "call" and v.objects and quote_follows_object(v.verb):
        first = min(o.left_edge.i for o in v.objects)
        return Frame(Rule.VERB_NAMING, tuple(v.verb.doc[first : v.verb.right_edge.i + 1]))
    return None


def object_frame(v: VerbContext) -> Frame | None:
    """ "announced a ceasefire", "told reporters about the plan"."""
    if not v.objects or v.lemma not in NP_CONTENT_VERBS or v.lemma in CLAUSE_ONLY_VERBS:
        return None
    objects = v.objects
    if v.lemma in ADDRESSEE_ONLY_VERBS:
        objects = tuple(o for o in objects if o.dep_ != DOBJ)
    content = [t for obj in objects for t in obj.subtree]
    if v.lemma in APPLAUSE_VERBS and not v.preps and not _names_anyone(content):
        return NOT_A_CUE  # "applauded the decision": a reaction to an act, nothing said
    for prep in v.preps:
        content.extend(prep.subtree)
    if refers_back(v.lemma, content) or only_setting(content):
        return None
    addressee = [t for obj in objects for t in obj.subtree]
    if v.lemma in CONTACT_VERBS and not _said_preps(v.preps) and names_only_people(addressee):
        return NOT_A_CUE  # "questioned the student": whom, not what
    return Frame(Rule.VERB_OBJECT, tuple(content))


def _said_preps(preps: tuple[Token, ...]) -> list[Token]:
    """Prepositional phrases that may carry content: not "on Monday", "in the morning"."""
    return [p for p in preps if any(t.ent_type_ not in (DATE, TIME) for t in p.subtree
                                    if t is not p)]  # fmt: skip


def _names_anyone(content: Sequence[Token]) -> bool:
    """Someone is named or meant: "welcomed Okafor", "thanked the volunteers"."""
    return names_only_people(content) or any(t.ent_type_ in SPEAKER_LABELS for t in content)


def names_only_people(content: Sequence[Token]) -> bool:
    """The content is only a mention of people: a pronoun, a person's name or a noun for
    people ("the student", "attendees", "Mohamed") — the one spoken to or of, not what."""
    words = [t for t in content if not t.is_punct and t.dep_ not in (DET, POSS, AMOD)]
    if not words:
        return False
    heads = [t for t in words if t.head not in words or t.head == t]
    if len(heads) != 1:
        return False
    head = heads[0]
    return (
        (
            head.pos_ == "PRON"
            or head.ent_type_ in (PERSON, NORP)
            or head.lemma_.lower() in PEOPLE_NOUNS
        )
        and all(t.ent_type_ in (PERSON, NORP, "") for t in words)
        and len(words) <= 4
    )


def refers_back(verb: str, content: Sequence[Token]) -> bool:
    """ "dismissed the criticism", "denied it": an answer that only names what it answers.

    A verb of rebuttal (``REBUTTAL_VERBS``) whose whole object is a pronoun or a definite
    noun for someone else's words (``ANSWERED_NOUNS``) communicates nothing of its own;
    "denied the claims of fraud", "rejected a ceasefire" and "called the plan “a sham”" do.
    """
    if verb not in REBUTTAL_VERBS:
        return False
    words = [t for t in content if not t.is_punct]
    if not words or len(words) > 2 or any(t.is_quote for t in content):
        return False
    if len(words) == 1:
        return words[0].pos_ == "PRON"
    determiner, noun = words
    return determiner.lower_ in REFERRING_DETERMINERS and noun.lemma_.lower() in ANSWERED_NOUNS


# -- the words around the cue ------------------------------------------------------------------


def set_off(verb: Token, subject: Token) -> bool:
    """An inverted or parenthetical cue is set off by a comma or dash: "…, she said"."""
    first = min(verb.i, subject.left_edge.i)
    while (
        first > 0
        and verb.doc[first - 1].dep_ in BEFORE_VERB
        and (verb.doc[first - 1].head.i == verb.i)
    ):
        first -= 1
    doc = verb.doc
    if doc[first].text in _SET_OFF or doc[first].is_quote:
        return True
    if first == 0:
        return False
    return doc[first - 1].text in _SET_OFF or doc[first - 1].is_quote


def _head_without_cue(verb: Token) -> tuple[Token, ...]:
    own = {t.i for t in verb.subtree}
    return tuple(t for t in verb.head.subtree if t.i not in own)


def inverted_frame(v: VerbContext) -> Frame | None:
    """ "…, Al Jazeera reported." and "…, Mr. Bush said, …" with the cue's own subject."""
    verb = v.verb
    if (
        verb.dep_ in (PARATAXIS, CCOMP, ADVCL)
        and verb.head.i < verb.i
        and v.subject is not None
        and not v.objects
        and own_subject(verb) is not None
        and set_off(verb, v.subject)
    ):
        return Frame(Rule.INVERTED, _head_without_cue(verb))
    return None


def parenthetical_frame(v: VerbContext) -> Frame | None:
    """A cue set off inside the words it reports, its subject shared or inferred."""
    if v.verb.dep_ == PARATAXIS and v.subject is not None and set_off(v.verb, v.subject):
        return Frame(Rule.PARENTHETICAL, _head_without_cue(v.verb))
    return None


def split_subject_frame(v: VerbContext) -> Frame | None:
    """ "Institutional recipients, said Lorna Vance, are required to …": the parser gives
    the cue both the reported clause's subject (before it) and the speaker (right after
    it); the speaker is the one after, and the reported words are both sides."""
    verb = v.verb
    if verb.dep_ != PARATAXIS or verb.head.i < verb.i:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    before = [s for s in subjects if s.i < verb.i]
    after = [s for s in subjects if s.left_edge.i == verb.i + 1]
    if len(before) != 1 or len(after) != 1 or not set_off(verb, after[0]):
        return None
    own = {t.i for t in verb.subtree} - {t.i for t in before[0].subtree}
    content = tuple(t for t in verb.head.subtree if t.i not in own)
    return Frame(Rule.PARENTHETICAL, content, speaker=after[0])


def as_clause_frame(v: VerbContext) -> Frame | None:
    """ "As many tax experts have pointed out, Mr. Trump is free to …"."""
    if v.verb.dep_ == ADVCL and any(c.dep_ == MARK and c.lower_ == "as" for c in v.verb.children):
        return Frame(Rule.AS_CLAUSE, _head_without_cue(v.verb))
    return None


#: The frame handlers, in the order they are tried.
FRAMES: tuple[FrameHandler, ...] = (
    unspoken_frame,
    named_thing_frame,
    prevented_frame,
    clause_frame,
    quote_only_frame,
    particle_frame,
    call_for_frame,
    by_agent_frame,
    topic_frame,
    naming_frame,
    object_frame,
    inverted_frame,
    split_subject_frame,
    parenthetical_frame,
    as_clause_frame,
)


def frame_of(context: VerbContext) -> Frame | None:
    """The first frame that claims the verb, or None for a bare cue."""
    for handler in FRAMES:
        frame = handler(context)
        if frame is not None:
            return frame
    return None
