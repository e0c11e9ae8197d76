"""Statements: direct quotations and reported speech, with their cue and speaker mention.

Two finders feed this module: ``direct_quotes`` locates quotation-mark regions in the text
and ``reported_speech`` reads cues, speakers and content off the dependency parse. Here they
are joined: content that touches a quotation is widened to its marks, a quote split around
its cue becomes one statement with several spans, a quote left unattributed is given the
speaker named beside it ("— Name", "Name:") or, when it fills its paragraph, the speaker of
the statement just before (a floating quote). Short quoted phrases that nobody is said to
have said are scare quotes or titles, not statements.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.attribution.headline_cues import find_headline_speech
from reader.attribution.interview_answers import answer_attributions
from reader.attribution.quotation_marks import QuoteRegion, find_quote_regions
from reader.attribution.rules import Rule, confidence, precedence_key
from reader.attribution.syntax import Attribution, speaker_tokens
from reader.attribution.verb_cues import find_reported_speech
from reader.deadline import checkpoint
from reader.model import Entity, Quote, QuoteKind
from reader.nlp.labels import SPEAKER_LABELS
from reader.nlp.parsing import Paragraph
from reader.nlp.transcript_turns import interviewers
from reader.spans import last_starting_at_or_before, merged, overlap, total_length

if TYPE_CHECKING:
    from spacy.tokens import Token

#: An unattributed quote shorter than this (in words) is a scare quote or a title.
MIN_FLOATING_WORDS = 6
_BUCKET = 2000  # characters per bucket when looking for repeated statements
_GAP_CHARS = set(" \t,.;:—–-\u00a0")


@dataclass(slots=True)
class _Statement:
    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    rule: Rule
    paragraph: int
    regions: list[QuoteRegion] = field(default_factory=list)
    steps_down: int = 0
    via: tuple[int, int] | None = None

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


def find_quotes(
    text: str, paragraphs: Sequence[Paragraph], entities: Sequence[Entity]
) -> list[Quote]:
    """Every statement in the article, in text order, not yet linked to actors."""
    return StatementAssembler(text, paragraphs, entities).run()


class StatementAssembler:
    """Joins what the finders found into the article's statements, in explicit steps.

    ``STEPS`` run in order; each states what it requires of the steps before it and what it
    guarantees to the steps after it. The state they share: the quotation-mark ``regions``
    (sorted, never sharing a start), ``used`` (indices of regions some statement holds:
    a region belongs to at most one statement), the ``statements`` built so far and the
    ``bare`` cues (speaker and cue, no content) waiting for a quotation.
    """

    def __init__(
        self, text: str, paragraphs: Sequence[Paragraph], entities: Sequence[Entity]
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs
        self.entities = entities
        self.regions = find_quote_regions(text, paragraphs)
        self.starts = [r.start for r in self.regions]
        self.attributions: list[Attribution] = []
        self.statements: list[_Statement] = []
        self.used: set[int] = set()
        self.bare: list[Attribution] = []

    def run(self) -> list[Quote]:
        for step in self.STEPS:
            checkpoint()
            step(self)
        named = _speaker_extender(self.entities)
        quotes = [_to_quote(self.text, s, self.regions, named) for s in self.statements]
        return sorted(quotes, key=lambda q: (q.start, q.end))

    def collect_attributions(self) -> None:
        """Requires nothing. Guarantees ``attributions``: every cue finder's claims, sorted by
        paragraph and cue, with a headline's reading replacing the parse of its line (the
        parser misreads title-case headlines)."""
        found: list[Attribution] = []
        for i, p in enumerate(self.paragraphs):
            checkpoint()
            found.extend(find_reported_speech(p, i))
        headlines = {
            i: h
            for i, p in enumerate(self.paragraphs)
            if (h := find_headline_speech(p, i)) is not None
        }
        found = [a for a in found if a.paragraph not in headlines]
        found += headlines.values()
        found += answer_attributions(self.paragraphs, self.entities)
        asking = interviewers(self.text)
        if asking:  # an interviewer's turns are questions put, not statements
            found = [a for a in found if not self._asked_by(a, asking)]
        self.attributions = sorted(found, key=lambda a: (a.paragraph, a.cue))

    def _asked_by(self, attribution: Attribution, asking: frozenset[str]) -> bool:
        if attribution.rule is not Rule.COLON_LINE or attribution.speaker is None:
            return False
        start, end = attribution.speaker
        return self.text[start:end] in asking

    def claim_cue_content(self) -> None:
        """Requires ``attributions``. Guarantees a statement for each cue with content outside
        quotation marks (a cue inside a quotation belongs to the quoted speaker's words), its
        content widened to the quotation marks it starts or ends in; content-less cues wait
        in ``bare``."""
        for attribution in self.attributions:
            if _inside_region(attribution.cue[0], self.regions, self.starts):
                self._claim_quoted_transcript_line(attribution)
                continue
            if attribution.bare:
                self.bare.append(attribution)
                continue
            statement = _Statement(
                list(attribution.spans),
                attribution.cue,
                attribution.speaker,
                attribution.rule,
                attribution.paragraph,
                steps_down=attribution.steps_down,
            )
            _snap_to_regions(statement, self.regions, self.starts, self.used)
            self.statements.append(statement)

    def _claim_quoted_transcript_line(self, attribution: Attribution) -> None:
        """'"WALLACE: Let's start…': a transcript quoted a turn per paragraph. The label right
        after the opening mark is the speaker of what follows it, and the quotation is
        theirs (not a cue inside someone else's words)."""
        if attribution.rule is not Rule.COLON_LINE or attribution.speaker is None:
            return
        k = last_starting_at_or_before(self.starts, attribution.cue[0])
        region = self.regions[k]
        if not region.start < attribution.speaker[0] <= region.start + 2 or k in self.used:
            return
        spans = [_without_closing_mark(self.text, span) for span in attribution.spans]
        statement = _Statement(
            spans, attribution.cue, attribution.speaker, attribution.rule, attribution.paragraph
        )
        statement.regions.append(region)
        self.used.add(k)
        self.statements.append(statement)

    def attach_bare_cues(self) -> None:
        """Requires the cue statements (their regions are ``used``). Guarantees each bare cue
        that has a free quotation beside it a statement of that quotation."""
        for attribution in self.bare:
            _attach_bare(
                attribution,
                self.text,
                self.regions,
                self.starts,
                self.used,
                self.statements,
                self.paragraphs,
            )

    def extend_statements(self) -> None:
        """Requires every cue's statement. Guarantees a quotation split around its cue is one
        statement, and reported speech running into a quotation after a colon includes it."""
        for statement in self.statements:
            _extend_split_quote(statement, self.text, self.regions, self.starts, self.used)
            _extend_after_colon(statement, self.text, self.regions, self.starts, self.used)

    def attribute_remaining(self) -> None:
        """Requires every cue's statement, extended. Guarantees quotations no cue claimed get
        the speaker named beside them ("— Name", "Name:") or, filling their paragraph, the
        speaker of the statement before (floating); short ones stay scare quotes."""
        _attribute_remaining(self.text, self.paragraphs, self.regions, self.used, self.statements)

    def follow_continuations(self) -> None:
        """Requires every statement. Guarantees a quotation left open at a paragraph end runs
        on into the next paragraph within one statement."""
        for statement in self.statements:
            _follow_continuations(statement, self.regions, self.starts, self.used)

    def deduplicate(self) -> None:
        """Requires every statement, complete. Guarantees no two statements repeat each other
        (rule precedence decides which stays) and each statement's spans are merged."""
        self.statements = _deduplicate(self.statements)

    def fold_outlets(self) -> None:
        """Requires the deduplicated statements. Guarantees "Per Mirror, al-Assad stated, "…""
        is al-Assad's statement reported via Mirror, not also a Mirror statement whose
        content begins "al-Assad stated"."""
        self.statements = _fold_outlets(self.statements)

    STEPS: tuple[Callable[[StatementAssembler], None], ...] = (
        collect_attributions,
        claim_cue_content,
        attach_bare_cues,
        extend_statements,
        attribute_remaining,
        follow_continuations,
        deduplicate,
        fold_outlets,
    )


_OUTLET_RULES = frozenset({Rule.PER_SOURCE, Rule.ACCORDING_TO})


def _fold_outlets(statements: list[_Statement]) -> list[_Statement]:
    """Drop a source phrase's statement whose content holds another speaker's cue."""
    outlets = [s for s in statements if s.rule in _OUTLET_RULES and s.speaker is not None]
    if not outlets:
        return statements
    dropped: set[int] = set()
    for outlet in outlets:
        for inner in statements:
            if inner is outlet or inner.cue is None or inner.speaker is None:
                continue
            # "Per Mirror, al-Assad stated, …": the source phrase comes first. "X said …,
            # according to Y" reports Y's account of X's words: both stay.
            first = outlet.cue is not None and outlet.cue[1] <= inner.speaker[0]
            if first and outlet.start <= inner.speaker[0] and inner.cue[1] <= outlet.end:
                inner.via = inner.via or outlet.speaker
                dropped.add(id(outlet))
                break
    return [s for s in statements if id(s) not in dropped]


def _without_closing_mark(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the quotation mark (and spaces) that close it."""
    start, end = span
    while end > start and text[end - 1] in "\"”’' ":
        end -= 1
    return start, end


def _inside_region(pos: int, regions: Sequence[QuoteRegion], starts: list[int]) -> bool:
    k = last_starting_at_or_before(starts, pos)
    return k >= 0 and regions[k].start < pos < regions[k].end


def _snap_to_regions(
    statement: _Statement,
    regions: Sequence[QuoteRegion],
    starts: list[int],
    used: set[int],
) -> None:
    """Widen content that starts or ends inside a quotation to the quotation marks."""
    snapped = []
    for s, e in statement.spans:
        k = max(0, bisect.bisect_right(starts, s) - 1)
        while k < len(regions) and regions[k].start < e:
            region = regions[k]
            if region.end > s:
                if region.start < s <= region.start + 2 or (region.start < s < region.end):
                    s = region.start
                if region.start < e < region.end:
                    e = region.end
                if region.start >= s and region.end <= e:
                    used.add(k)
                    statement.regions.append(region)
            k += 1
        snapped.append((s, e))
    statement.spans = snapped


def _region_index(starts: list[int], region: QuoteRegion) -> int:
    """Position of a region in the sorted list (regions never share a start)."""
    return bisect.bisect_left(starts, region.start)


def _gap_is_blank(text: str, start: int, end: int) -> bool:
    return start <= end and all(ch in _GAP_CHARS for ch in text[start:end])


def _extend_split_quote(
    statement: _Statement,
    text: str,
    regions: Sequence[QuoteRegion],
    starts: list[int],
    used: set[int],
) -> None:
    """“We will,” he said, “never forget.”: the quote after the cue joins the statement, and
    so does a quotation opening the next sentence of the same paragraph."""
    if not statement.regions or statement.cue is None:
        return
    last = statement.regions[-1]
    tail = max(statement.cue[1], (statement.speaker or (0, 0))[1])
    if tail < last.end:
        return
    k = _region_index(starts, last) + 1
    while k < len(regions) and regions[k].paragraph == statement.paragraph:
        region = regions[k]
        if k in used:
            break
        if (
            region.words(text) < MIN_FLOATING_WORDS
            and region.end < len(text)
            and (text[region.end : region.end + 1] not in ("", "\n"))
        ):
            k += 1  # a title or phrase inside the cue clause ("on CNN’s “State of the Union”")
            continue
        if not _continues_statement(text[tail : region.start]):
            break
        statement.spans.append((region.start, region.end))
        statement.regions.append(region)
        used.add(k)
        tail = region.end
        k += 1


def _extend_after_colon(
    statement: _Statement,
    text: str,
    regions: Sequence[QuoteRegion],
    starts: list[int],
    used: set[int],
) -> None:
    """Reported speech that runs into a quotation after a colon ("said that a deal was
    possible: “In business, …”") includes the quotation."""
    end = statement.end
    gap = text[end : end + 4]
    if not gap.startswith(":"):
        return
    k = bisect.bisect_left(starts, end)
    if k < len(regions) and k not in used and _gap_is_blank(text, end, regions[k].start):
        region = regions[k]
        if text.count("\n", end, region.start) == 0:
            statement.spans.append((region.start, region.end))
            statement.regions.append(region)
            used.add(k)


def _continues_statement(gap: str) -> bool:
    """Text between a cue and the next quotation that still belongs to the same statement:
    nothing, a short run-on of the cue ("said in an interview, "), or the rest of the cue
    sentence ("…, when the polls closed. “…")."""
    stripped = gap.strip()
    if all(ch in _GAP_CHARS for ch in gap):
        return True
    if len(gap) < 60 and "." not in gap and stripped.endswith((",", ":")):
        return True
    return len(gap) < 200 and stripped.endswith((".", "!", "?")) and stripped.count(". ") == 0


def _attach_bare(
    attribution: Attribution,
    text: str,
    regions: Sequence[QuoteRegion],
    starts: list[int],
    used: set[int],
    statements: list[_Statement],
    paragraphs: Sequence[Paragraph],
) -> None:
    """A cue with no content of its own takes the quotation beside it: “…,” Smith told
    MSNBC / Smith said, “…” / He told reporters: (quotation in the next paragraph)."""
    cue_start, cue_end = attribution.cue
    speaker = attribution.speaker or attribution.cue
    first = min(cue_start, speaker[0])
    last = max(cue_end, speaker[1])
    paragraph = paragraphs[attribution.paragraph]
    chosen = -1
    for k in range(bisect.bisect_left(starts, paragraph.start), len(regions)):
        region = regions[k]
        if k in used or region.paragraph < attribution.paragraph:
            continue
        if region.paragraph > attribution.paragraph + 1:
            break
        if region.end <= first and region.paragraph == attribution.paragraph:
            if _gap_is_blank(text, region.end, first):
                chosen = k  # keep the nearest quotation before the cue
            continue
        if region.start >= last:
            between = text[last : region.start]
            same = region.paragraph == attribution.paragraph
            if (
                same
                and (
                    _gap_is_blank(text, last, region.start)
                    or (len(between) < 60 and between.rstrip().endswith((":", ",")))
                )
            ) or (
                not same
                and region.start == paragraphs[region.paragraph].start
                and text[last : paragraph.end].rstrip().endswith(":")
                and len(text[last : paragraph.end]) < 80
            ):
                chosen = k if chosen < 0 else chosen
            break
    if chosen < 0:
        return
    region = regions[chosen]
    used.add(chosen)
    statements.append(
        _Statement(
            [(region.start, region.end)],
            attribution.cue,
            attribution.speaker,
            attribution.rule,
            region.paragraph,
            [region],
        )
    )


def _attribute_remaining(
    text: str,
    paragraphs: Sequence[Paragraph],
    regions: Sequence[QuoteRegion],
    used: set[int],
    statements: list[_Statement],
) -> None:
    """Quotes no cue claimed: '— Name', 'Name: “…”', and floating quotes."""
    known = {id(statement) for statement in statements}
    by_paragraph: dict[int, list[_Statement]] = {}
    for statement in statements:
        by_paragraph.setdefault(statement.paragraph, []).append(statement)
    for k, region in enumerate(regions):
        if k in used or region.words(text) < MIN_FLOATING_WORDS:
            continue
        if k > 0 and regions[k - 1].continues and (k - 1) in used:
            continue  # continuation of a quote already attributed
        paragraph = paragraphs[region.paragraph]
        found = _dash_or_colon_speaker(text, paragraph, region) or _floating(
            text, paragraph, region, by_paragraph, statements
        )
        if found is not None:
            used.add(k)
            if id(found) not in known:  # a floating quote may extend a known statement
                known.add(id(found))
                statements.append(found)
                by_paragraph.setdefault(found.paragraph, []).append(found)


def _dated_citation(last_name: Token) -> bool:
    """ "“Report found on street” — Toronto Star, August 15, 2008": a source list cites a
    headline by its outlet and date; nobody said it."""
    doc = last_name.doc
    if last_name.i + 2 >= len(doc) or doc[last_name.i + 1].text != ",":
        return False
    return doc[last_name.i + 2].ent_type_ == "DATE"


def _dash_or_colon_speaker(
    text: str, paragraph: Paragraph, region: QuoteRegion
) -> _Statement | None:
    doc = paragraph.doc
    offset = paragraph.start
    after = text[region.end : paragraph.end].lstrip()
    if after[:1] in ("—", "–", "-", "―"):
        # “…” — Name (a byline-style attribution)
        start = region.end - offset
        tokens = [t for t in doc if t.idx >= start and not t.is_space]
        while tokens and tokens[0].is_punct:
            tokens.pop(0)  # the closing mark and the dash
        names = []
        for tok in tokens[:4]:
            if tok.pos_ != "PROPN":
                break  # a comma ends the name: "— Toronto Star, August 15"
            names.append(tok)
        if names and not _dated_citation(names[-1]):
            speaker = (offset + names[0].idx, offset + names[-1].idx + len(names[-1].text))
            dash = offset + start + text[region.end : paragraph.end].index(after[0])
            return _Statement(
                [(region.start, region.end)], (dash, dash + 1), speaker, Rule.QUOTE_DASH_NAME,
                region.paragraph, [region],
            )  # fmt: skip
    before = text[paragraph.start : region.start].rstrip()
    if before.endswith(":"):
        # Name: “…” — at the paragraph start, or after a name inside a sentence.
        colon = paragraph.start + len(before) - 1
        tokens = [t for t in doc if t.idx + offset < colon and not t.is_space]
        if not tokens:
            return None
        last = tokens[-1]
        at_start = len(tokens) <= 6 and any(t.pos_ in ("PROPN", "NOUN") for t in tokens)
        if at_start or last.pos_ == "PROPN":
            head = last
            if at_start:
                head = next((t for t in reversed(tokens) if t.pos_ in ("PROPN", "NOUN")), last)
            mention = speaker_tokens(head)
            speaker = (offset + mention[0].idx, offset + mention[-1].idx + len(mention[-1].text))
            return _Statement(
                [(region.start, region.end)], (colon, colon + 1), speaker, Rule.QUOTE_NAME_COLON,
                region.paragraph, [region],
            )  # fmt: skip
    return None


def _floating(
    text: str,
    paragraph: Paragraph,
    region: QuoteRegion,
    by_paragraph: dict[int, list[_Statement]],
    statements: list[_Statement],
) -> _Statement | None:
    """A paragraph wholly in quotation marks takes the speaker of the statement before it."""
    fills = region.start == paragraph.start and _gap_is_blank(text, region.end, paragraph.end)
    if not fills:
        # A quote sentence after a statement in its own paragraph: "X said. “…”"
        earlier = [s for s in by_paragraph.get(region.paragraph, []) if s.end <= region.start]
        if earlier and earlier[-1].speaker is not None:
            last = earlier[-1]
            tail = max(last.end, last.cue[1] if last.cue else 0, (last.speaker or (0, 0))[1])
            if _gap_is_blank(text, tail, region.start):
                return _Statement(
                    [(region.start, region.end)], last.cue, last.speaker,
                    Rule.FLOATING_SAME_PARAGRAPH, region.paragraph, [region],
                )  # fmt: skip
        return None
    for back in (1, 2):
        previous = by_paragraph.get(region.paragraph - back)
        if previous:
            last = max(previous, key=lambda s: s.end)
            if last.speaker is None:
                return None
            if back == 1 and last.regions and last.end == last.regions[-1].end:
                # The speaker's quotation runs on: one statement, one more span.
                last.spans.append((region.start, region.end))
                last.regions.append(region)
                return last
            return _Statement(
                [(region.start, region.end)], last.cue, last.speaker,
                Rule.FLOATING if back == 1 else Rule.FLOATING_DISTANT, region.paragraph, [region],
            )  # fmt: skip
    return None


def _follow_continuations(
    statement: _Statement, regions: Sequence[QuoteRegion], starts: list[int], used: set[int]
) -> None:
    """A quotation left open at a paragraph end runs on into the next paragraph, whichever
    of its paragraphs carries the attribution."""
    if not statement.regions:
        return
    k = _region_index(starts, statement.regions[-1])
    while regions[k].continues and k + 1 < len(regions) and k + 1 not in used:
        k += 1
        used.add(k)
        statement.spans.append((regions[k].start, regions[k].end))
        statement.regions.append(regions[k])
    k = _region_index(starts, min(statement.regions, key=lambda r: r.start))
    while k > 0 and regions[k - 1].continues and k - 1 not in used:
        k -= 1
        used.add(k)
        statement.spans.append((regions[k].start, regions[k].end))
        statement.regions.insert(0, regions[k])


def _deduplicate(statements: list[_Statement]) -> list[_Statement]:
    """Drop statements repeating another's cue, or its content without nesting in it.

    Statements claim text in rule precedence (``reader.attribution.rules.PRECEDENCE``): of two that
    repeat each other, the one whose rule comes first is kept.
    """
    kept: list[_Statement] = []
    seen_cues: set[tuple[int, int]] = set()
    # Only statements sharing a stretch of text can repeat each other: bucket them by position.
    buckets: dict[int, list[_Statement]] = {}
    for statement in sorted(statements, key=lambda s: precedence_key(s.rule, s.steps_down)):
        statement.spans = merged(statement.spans)
        if not statement.spans:
            continue
        if statement.cue is not None and statement.cue in seen_cues and not statement.regions:
            continue
        keys = range(statement.start // _BUCKET, statement.end // _BUCKET + 1)
        nearby = {id(o): o for key in keys for o in buckets.get(key, ())}
        duplicate = False
        for other in nearby.values():
            shared = overlap(statement.spans, other.spans)
            size = min(total_length(statement.spans), total_length(other.spans))
            nested = other.cue is not None and statement.start <= other.cue[0] < statement.end
            if size and shared > 0.8 * size and not nested and statement.cue != other.cue:
                duplicate = True
                break
            if statement.cue == other.cue and shared:
                duplicate = True
                break
        if not duplicate:
            kept.append(statement)
            for key in keys:
                buckets.setdefault(key, []).append(statement)
            if statement.cue is not None:
                seen_cues.add(statement.cue)
    return kept


def _speaker_extender(entities: Sequence[Entity]) -> Callable[[tuple[int, int]], tuple[int, int]]:
    """Widen a speaker span to the named entity it overlaps ("Assad" → "Bashar al-Assad")."""
    named = sorted(
        ((e.start, e.end) for e in entities if e.label in SPEAKER_LABELS), key=lambda x: x[0]
    )
    starts = [s for s, _ in named]

    def extend(span: tuple[int, int]) -> tuple[int, int]:
        s, e = span
        k = bisect.bisect_right(starts, e) - 1
        while k >= 0 and named[k][1] > s:
            es, ee = named[k]
            if es < e and ee > s:
                s, e = min(s, es), max(e, ee)
            k -= 1
        return s, e

    return extend


def _kind(spans: list[tuple[int, int]], regions: list[QuoteRegion], text: str) -> QuoteKind:
    """Direct when every letter or digit of the statement is inside quotation marks, mixed
    when some are, indirect when none are (counted stretch by stretch, not letter by
    letter against every region)."""
    marked = _union((r.start, r.end) for r in regions)
    inside = outside = 0
    for s, e in spans:
        within = sum(_letters(text, max(s, a), min(e, b)) for a, b in marked if a < e and b > s)
        inside += within
        outside += _letters(text, s, e) - within
    if inside and not outside:
        return "direct"
    return "mixed" if inside else "indirect"


def _letters(text: str, start: int, end: int) -> int:
    """How many letters and digits ``text[start:end]`` holds."""
    return sum(map(str.isalnum, text[start:end]))


def _union(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The intervals merged where they overlap, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _to_quote(
    text: str,
    statement: _Statement,
    all_regions: Sequence[QuoteRegion],
    extend: Callable[[tuple[int, int]], tuple[int, int]],
) -> Quote:
    spans = sorted(statement.spans)
    start, end = spans[0][0], max(e for _, e in spans)
    touching = [r for r in all_regions if r.start < end and r.end > start]
    kind = _kind(spans, touching, text)
    # The model keeps speaker and cue together: a statement without a speaker has no cue.
    speaker = cue = None
    if statement.speaker is not None and statement.cue is not None:
        speaker = extend(statement.speaker)
        cue = statement.cue
    return Quote(
        start=start,
        end=end,
        text=text[start:end],
        spans=tuple(spans),
        kind=kind,
        speaker=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        cue=text[cue[0] : cue[1]] if cue else None,
        cue_start=cue[0] if cue else None,
        cue_end=cue[1] if cue else None,
        confidence=confidence(statement.rule),
        rule=statement.rule.value,
        via=text[statement.via[0] : statement.via[1]] if statement.via else None,
    )
