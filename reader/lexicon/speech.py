"""Word lists for reported speech: communication verbs, nominal cues, their argument frames.

The verb inventory was built from the cue words of a political-news attribution corpus
(training split), ranked by frequency and kept where the word mostly marks speech rather
than belief or action, then completed with the common communication verbs of news English.
Lemmas are lower-case spaCy lemmas.
"""

from __future__ import annotations

from reader.lexicon.words import wordset

#: Verbs whose clausal complement (that-clause, bare clause, infinitive) is reported speech.
SPEECH_VERBS: frozenset[str] = wordset(
    """
    say tell add write ask note suggest report argue announce describe claim tweet criticize
    criticise accuse respond explain declare acknowledge promise insist urge defend warn
    mention question reveal praise recall vow state attack conclude pledge reject predict
    admit denounce post deny dismiss blast confirm reply repeat charge echo emphasize
    emphasise complain mock assert assure comment tout remark answer concede boast reiterate
    demand slam wonder stress disclose joke shout chant lament plead maintain yell contend
    clarify interject testify quote hint recount counter condemn dub cry proclaim propose
    caution imply thank decry allege quip pronounce chide exclaim bemoan recite protest
    grouse retort exhort utter muse observe confess affirm scoff hail laud applaud deride
    scold assail lecture speculate demur fume email text telephone phone inform notify
    advise concur mutter murmur whisper scream holler bellow snap sneer rant rail gripe
    grumble brag crow gush enthuse marvel opine posit surmise theorize reason object retract
    reaffirm restate underscore underline highlight point stipulate specify elaborate detail
    outline summarize summarise characterize portray label brand term call nickname welcome
    congratulate commend salute celebrate credit blame fault bash berate rebuke reprimand
    lambaste castigate excoriate chastise upbraid ridicule belittle disparage insult taunt
    tease challenge threaten swear guarantee forecast apologize apologise regret refute
    rebut dispute contest contradict disavow repudiate renounce discount downplay minimize
    minimise request beg implore lobby petition appeal beseech entreat invite recommend
    advocate cite unveil broadcast publish release issue circulate leak retweet blog depose
    attest certify vouch riposte remember reminisce narrate relate inquire enquire query
    interrogate find estimate show indicate
    """
)

#: Reporting verbs whose direct object is the addressee, never the content ("told RIA that").
ADDRESSEE_ONLY_VERBS: frozenset[str] = wordset(
    "tell assure remind inform notify brief persuade convince email telephone phone"
)

#: Verbs that report an evaluation or act of speech on a noun phrase ("praised Putin for …"),
#: so a direct object with its modifiers is the content.
NP_CONTENT_VERBS: frozenset[str] = wordset(
    """
    praise criticize criticise accuse attack blast slam mock defend denounce condemn dismiss
    reject question call describe tout urge promise pledge announce deny blame cite mention
    echo repeat reiterate recommend propose demand welcome thank hail laud applaud deride
    scold assail chide decry lament bemoan rebuke berate lambaste castigate excoriate
    ridicule disparage insult taunt endorse champion unveil disclose reveal confirm predict
    acknowledge admit concede dispute contradict disavow repudiate renounce downplay
    congratulate commend salute credit fault knock bash label dub brand portray characterize
    stress emphasize emphasise note highlight underscore tweet retweet
    """
)

#: Verbs whose object is someone spoken to, not an evaluation of them ("questioned the
#: student", "thanked the volunteers"); "criticized Clinton" stays a statement.
CONTACT_VERBS: frozenset[str] = wordset(
    """
    question tweet point thank greet interview quote email phone telephone text contact
    address brief ask tell inform notify
    """
)

#: Answers a negation leaves empty: "did not respond to a request for comment".
ANSWER_VERBS: frozenset[str] = wordset("respond reply comment return answer")

#: Nouns for what a body published, behind which the body is the source: "according to data
#: from Statistics Norway" is Statistics Norway's, "according to a statement from the
#: company" the company's.
DATA_NOUNS: frozenset[str] = wordset(
    """
    data figure statistic report survey study poll estimate result summary number filing
    statement release document letter memo transcript announcement communique notice
    """
)

#: Verbs of applause whose object, when it names no one, is an act reacted to, not words:
#: "applauded the decision", "welcomed the ruling" (no statement); "praised Okafor" is one.
APPLAUSE_VERBS: frozenset[str] = wordset(
    "applaud hail laud welcome thank congratulate commend salute celebrate credit"
)

#: Verbs that refuse the speech they govern: "declined to say", "refused to comment".
WITHHOLDING_VERBS: frozenset[str] = wordset("decline refuse")

#: Verbs that answer someone else's words: "dismissed the criticism", "denied it".
REBUTTAL_VERBS: frozenset[str] = wordset(
    "dismiss reject deny dispute rebuff refute rebut brush shrug"
)

#: Determiners that point back at something already said: "dismissed the criticism".
REFERRING_DETERMINERS: frozenset[str] = wordset("the this that these those his her their its")

#: Prepositions that open a headline's topic: "Putin Warns West Over Arms Supplies".
TOPIC_PREPOSITIONS: frozenset[str] = wordset("over about on against of amid after for in")

#: Prepositions after a speech verb that open what it was about: "spoke of", "joked about".
VERB_TOPIC_PREPOSITIONS: frozenset[str] = wordset("for as of about on upon to over")

#: Words that open an indirect question: "asked whether the plan would work".
QUESTION_WORDS: frozenset[str] = wordset("if whether why how what when where who which")

#: Adjectives a speech verb's to-clause can hang from without anything being said: "hard
#: to say", "needless to say".
NON_SPEECH_HEADS: frozenset[str] = wordset("hard difficult impossible easy safe fair needless")

#: Words between a headline's speaker and its verb: "Putin Is Now Warning".
HEADLINE_AUXILIARIES: frozenset[str] = wordset(
    "is are was were has have had will would just now also again still finally reportedly"
)

#: Words that end a name in a headline rather than being its verb: "New York Times".
HEADLINE_NOT_VERBS: frozenset[str] = wordset(
    "states news times post reports comments claims calls notes questions answers letters"
)

#: Nouns for words being answered: with a rebuttal verb and nothing else, no content.
ANSWERED_NOUNS: frozenset[str] = wordset(
    """
    criticism critique claim allegation accusation charge remark comment suggestion report
    rumour rumor speculation idea notion argument question complaint concern assertion
    characterization characterisation story
    """
)

#: Verbs that introduce speech only beside a quotation ("“…,” he continued").
QUOTE_ONLY_VERBS: frozenset[str] = wordset(
    "continue begin conclude finish interrupt chime smile sigh laugh shrug nod read sing"
)

#: Verbs of judgement that report a verdict only with a by-agent ("judged unlawful by …").
JUDGING_VERBS: frozenset[str] = wordset("judge deem rule")

#: Verbs that need a clause (or direct quote) to be speech: with a bare noun object they state
#: a fact or an action ("Russia has claimed one-fifth of Ukraine", "reported a loss").
CLAUSE_ONLY_VERBS: frozenset[str] = wordset(
    """
    say claim state report write post add argue explain insist assert suggest maintain
    contend declare allege estimate project indicate signal observe conclude publish release
    issue find show
    """
)

#: Verbs that give a name; as a participle after a noun ("a group called the Sea Org",
#: "a device known as …") they name a thing, nobody speaks.
NAMING_VERBS: frozenset[str] = wordset("call name dub term label nickname title brand")

#: Verbs that keep someone from doing something: "barred from saying", "banning migrants
#: from claiming asylum" report nothing said.
PREVENTING_VERBS: frozenset[str] = wordset(
    "ban bar stop prevent prohibit forbid block keep refrain restrain deter discourage"
)

#: Verbs that only count as speech with particular particles or prepositions.
PARTICLE_CUES: dict[str, frozenset[str]] = {
    "point": frozenset({"out", "to"}),
    "call": frozenset({"for", "on", "upon"}),
    "speak": frozenset({"about", "of", "out"}),
    "talk": frozenset({"about"}),
    "refer": frozenset({"to"}),
    "lash": frozenset({"out"}),
    "react": frozenset({"to"}),
}

#: Nouns that mark a statement ("in a statement", "her remarks", "a report by Reuters").
NOMINAL_CUES: frozenset[str] = wordset(
    """
    statement remark remarks comment comments interview report speech address announcement
    claim assertion argument testimony tweet post letter email message note memo press
    conference briefing op-ed editorial column essay declaration pledge promise vow warning
    accusation allegation complaint criticism denial admission confession plea appeal
    assurance insistence suggestion contention prediction threat reminder
    """
)

#: Speech nouns whose topic phrase is the content ("calls for a special prosecutor",
#: "attacks on Rubio", "declarations of victory"), when a speaker is named with them.
TOPIC_NOUNS: frozenset[str] = wordset(
    """
    call attack criticism declaration demand praise accusation allegation complaint warning
    denunciation condemnation plea appeal promise pledge vow claim charge comment remark
    statement note speech argument announcement mention defense defence reference message
    """
)

#: Verbs that turn a speech noun into a statement by their subject ("made a statement about").
LIGHT_VERBS: frozenset[str] = wordset(
    "make issue deliver give offer sound release raise voice express lodge file"
)

#: Nouns after "per" that make it a rate ("$5 per share"), not a source.
RATE_NOUNS: frozenset[str] = wordset(
    """
    share cent percent capita hour minute second day week month year person head unit gallon
    barrel mile kilometer kilometre pound ounce ton tonne visit vote voter household student
    employee worker child game seat annum kilo acre square foot
    """
)

#: Nouns naming groups that speak as one ("experts", "officials", "analysts").
GROUP_SPEAKERS: frozenset[str] = wordset(
    """
    expert official analyst observer critic source aide adviser advisor spokesman
    spokeswoman spokesperson diplomat lawmaker leader researcher scientist economist
    investigator prosecutor authority witness resident activist supporter opponent insider
    strategist historian scholar officer commander minister report poll survey study
    ministry government agency
    """
)


#: Verbs that put a question when their clause is one ("asked whether …"): no statement.
QUESTION_VERBS: frozenset[str] = wordset("ask wonder question inquire enquire")

#: Irregular finite forms of speech verbs as headlines write them ("Putin Says …").
IRREGULAR_FORMS: dict[str, str] = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write",
    "writes": "write", "spoke": "speak", "speaks": "speak", "swore": "swear",
}  # fmt: skip

#: Where words were said rather than what they said: "responded on Twitter", "spoke on
#: television" (platform names are ``reader.lexicon.furniture.PLATFORMS``).
MEDIA_NOUNS: frozenset[str] = wordset(
    """
    television tv radio media airwaves broadcast podcast blog website site platform feed
    account livestream stream camera microphone air twitter facebook instagram x
    """
)

#: Relative pronouns as a cue's object: what was said is the noun they stand for.
RELATIVE_OBJECTS: frozenset[str] = wordset("that which what whom")

#: Speech verbs that, with someone and something ("denied them entry"), refuse a thing.
REFUSING_VERBS: frozenset[str] = wordset("deny refuse")
