"""Page furniture: the parts of a saved page that are not the story.

Photo and video credits ("Jane Roe/AFP/Getty Images", "(Photo: John Smith / Reuters)"),
bylines ("By Priya Natarajan"), datelines ("HALIFAX —"), "Related:" lines, all-capital
section labels ("SPORTS", "WATCH:"), a source list's citations ("— Toronto Star, August 15,
2008") category lines ("Categories: …"), the labels of an interviewer's turns in a transcript
("Wikinews: Why did you …?", ``transcript_turns``) and a name credited after a picture's
subject ("Marta Ruiz image: Jon Bell"). Names in them are not the story's cast, so
entities inside furniture are dropped.
"""

from __future__ import annotations

import re

from reader.lexicon.furniture import PICTURE_AGENCIES
from reader.nlp.transcript_turns import interviewer_labels
from reader.nlp.written_names import NAME_PATTERN as _NAME
from reader.spans import SortedSpans, merged

_AGENCY = "|".join(re.escape(a) for a in sorted(PICTURE_AGENCIES, key=len, reverse=True))
#: "Jane Roe/AFP/Getty Images", "John Smith / Reuters", "CP PHOTO/Jane Roe".
_CREDIT_CHAIN = re.compile(
    rf"(?:{_NAME}[ \t]*/[ \t]*){{0,3}}(?:{_AGENCY})(?:[ \t]*/[ \t]*(?:{_NAME})){{1,3}}"
    rf"|{_NAME}[ \t]*/[ \t]*(?:{_AGENCY})\b(?:[ \t]*/[ \t]*{_NAME}){{0,3}}"
    rf"|\b(?:CP|AP|AFP)[ \t]+PHOTO[ \t]*/[ \t]*{_NAME}"
)
#: "(Photo: John Smith)", "Photo by Jane Roe", "Credit: …" up to the line or bracket end.
_CREDIT_LABEL = re.compile(
    r"\(?\b(?:Photo(?:graph)?|Image|Video|Picture|Credit|Courtesy|Illustration)s?"
    r"(?:[ \t]+(?:by|courtesy[ \t]+of))?[ \t]*[:|][^\n)]*\)?"
    r"|\((?:Photo|Image|Video)[ \t]+by[^\n)]*\)",
)
#: A byline line: "By Priya Natarajan", "By Priya Natarajan and Tom Hale, Staff Reporters".
_BYLINE = re.compile(r"^[ \t]*By[ \t]+[A-Z][^\n]{0,100}$", re.MULTILINE)
_STAFF = re.compile(
    r"^[^\n]{0,60}\b(?:Staff|Special to|Correspondent|Reporter|Writer)\b[^\n]{0,40}$",
    re.MULTILINE | re.IGNORECASE,
)
#: A dateline at a paragraph start: "HALIFAX —", "OTTAWA (Reuters) -", "LONDON, Ont. —".
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]{2,}(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)*)?"
    r"(?:[ \t]*\([^\n)]{1,30}\))?[ \t]*[—–-]{1,2}[ \t]",
    re.MULTILINE,
)
#: "Related: …", "Read more: …", "WATCH: …" lines: the label and a colon or dash, or a
#: short line ("Related stories"); "More than two billion people …" is the story.
_LINK_LINE = re.compile(
    r"^[ \t]*(?:Related|Read more|Read also|See also|Also read|More|WATCH|LISTEN|READ MORE)"
    r"\b(?:[ \t]*[:|»–—-][^\n]*|[^\n]{0,40})$",
    re.MULTILINE,
)
#: A short line in capitals only: a section label ("SPORTS", "LOCAL NEWS").
_SECTION_LABEL = re.compile(r"^[ \t]*[A-Z][A-Z&'’ -]{1,40}:?[ \t]*$", re.MULTILINE)


_LINE_WITH_SLASH = re.compile(r"^[^\n]*/[^\n]*$", re.MULTILINE)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
#: A source list's citation after a quoted headline: "— Toronto Star, August 15, 2008",
#: with the author's name after it ("… 2008 Peter Zimonjic.").
_CITATION = re.compile(
    rf"[—–][ \t]*{_NAME},[ \t]+{_MONTH}[ \t]+\d{{1,2}},[ \t]+\d{{4}}"
    rf"(?:[ \t]+{_NAME}\.)?"
)
#: A photo credit on a line of its own: "Tom Lasker / Valley News", "Dana Pruitt/Harbour Wire".
_CREDIT_LINE = re.compile(rf"^[ \t]*{_NAME}[ \t]*/[ \t]*{_NAME}[ \t]*$", re.MULTILINE)
#: The author before a cited headline in a source list: "Peter Zimonjic. "MP calls for
#: probe" — Edmonton Sun, August 16, 2008".
_CITED_AUTHOR = re.compile(
    rf"^[ \t]*{_NAME}\.(?=[ \t]+[\"“][^\"”\n]{{1,200}}[\"”][ \t]*[—–][ \t]*{_NAME},[ \t]+{_MONTH})",
    re.MULTILINE,
)
#: An editor's note's label: "Ed.: See the catalog …", "Editor's note: …" (the label is
#: no one in the story; the note's text stays).
_EDITOR_LABEL = re.compile(
    r"^[ \t]*(?:Ed\.|Eds\.|Editor['’]s[ \t]+note|Editors['’][ \t]+note)(?=[ \t]*:)",
    re.MULTILINE | re.IGNORECASE,
)
#: A category or tag line: "Categories: …", "Tags: …", "Filed under: …".
_CATEGORY_LINE = re.compile(
    r"^[ \t]*(?:Categories|Category|Tags|Topics|Filed under)[ \t]*:[^\n]*$",
    re.MULTILINE | re.IGNORECASE,
)


#: "Marta Ruiz image: Jon Bell": a credit written after its subject's name (the name
#: credited is furniture, the subject is not).
_CREDIT_AFTER_NAME = re.compile(
    rf"\b[A-Z][\w'’-]*[ \t]+(?:photo|image|picture)[ \t]*:[ \t]*({_NAME})"
)


def furniture_spans(text: str) -> SortedSpans:
    """Character ranges of page furniture in ``text``."""
    spans: list[tuple[int, int]] = []
    for pattern in (
        _CREDIT_LABEL, _BYLINE, _LINK_LINE, _SECTION_LABEL, _CITATION, _CATEGORY_LINE,
        _CREDIT_LINE, _CITED_AUTHOR, _EDITOR_LABEL,
    ):  # fmt: skip
        spans.extend(m.span() for m in pattern.finditer(text))
    for line in _LINE_WITH_SLASH.finditer(text):  # every credit chain has a slash
        spans.extend(m.span() for m in _CREDIT_CHAIN.finditer(text, line.start(), line.end()))
    spans.extend(m.span() for m in _STAFF.finditer(text) if len(m.group().split()) <= 8)
    spans.extend(m.span() for m in _DATELINE.finditer(text) if _dateline_ok(m.group()))
    spans.extend(m.span(1) for m in _CREDIT_AFTER_NAME.finditer(text))
    spans.extend(interviewer_labels(text))
    return SortedSpans(merged(spans))


def _dateline_ok(found: str) -> bool:
    """A dateline names a place in capitals, not a sentence opening in capitals."""
    place = found.split("(")[0].split(",")[0].strip(" —–-")
    return 1 <= len(place.split()) <= 4 and place.isupper()
