"""Hand-built analyses for the library tests (no spaCy), and checks that they are consistent.

The quote finder and actor builder are developed separately, so library tests construct
their ``Entity``/``Quote``/``Actor`` values here with exact offsets.
"""

from __future__ import annotations

from pathlib import Path

from reader.model import Actor, Analysis, Entity, Quote
from reader.opening import article_from_text

VERSION = "test-1"


class ArticleBuilder:
    """Writes an article piece by piece and records entities and statements at their offsets."""

    def __init__(self, title: str | None = None, published: str | None = None) -> None:
        self.title = title
        self.published = published
        self.parts: list[str] = []
        self.length = 0
        self.entities: list[Entity] = []
        self.quotes: list[Quote] = []
        self.actors: dict[str, dict] = {}

    def text(self, text: str) -> ArticleBuilder:
        self.parts.append(text)
        self.length += len(text)
        return self

    def actor(
        self, local_id: str, name: str, kind: str = "person", aliases: tuple[str, ...] = ()
    ) -> ArticleBuilder:
        self.actors[local_id] = {"name": name, "kind": kind, "aliases": aliases, "quotes": []}
        return self

    def mention(self, written: str, local_id: str | None, label: str = "PERSON") -> tuple[int, int]:
        start = self.length
        self.text(written)
        self.entities.append(Entity(start, self.length, written, label, local_id))
        return start, self.length

    def quote(
        self,
        content: str,
        speaker: str,
        local_id: str | None,
        kind: str = "direct",
        cue: str = "said",
    ) -> ArticleBuilder:
        """``"content," Speaker said. `` (direct) or ``Speaker said that content. ``."""
        if kind == "direct":
            self.text('"')
            q_start = self.length
            self.text(content)
            q_end = self.length
            self.text('," ')
            s_start, s_end = self.mention(speaker, local_id)
            self.text(" ")
            c_start = self.length
            self.text(cue + ". ")
        else:
            s_start, s_end = self.mention(speaker, local_id)
            self.text(" ")
            c_start = self.length
            self.text(cue + " that ")
            q_start = self.length
            self.text(content)
            q_end = self.length
            self.text(". ")
        if local_id is not None:
            self.actors[local_id]["quotes"].append(len(self.quotes))
        self.quotes.append(
            Quote(
                start=q_start,
                end=q_end,
                text=content,
                spans=((q_start, q_end),),
                kind=kind,  # type: ignore[arg-type]
                speaker=speaker,
                speaker_start=s_start,
                speaker_end=s_end,
                cue=cue,
                cue_start=c_start,
                cue_end=c_start + len(cue),
                actor=local_id,
                confidence=0.8,
            )
        )
        return self

    def build(self, version: str = VERSION, source: Path | None = None) -> Analysis:
        text = "".join(self.parts)
        article = article_from_text(text, source=source, title=self.title, published=self.published)
        actors = tuple(
            Actor(
                id=local_id,
                name=data["name"],
                kind=data["kind"],
                aliases=tuple(data["aliases"]),
                mentions=sum(1 for e in self.entities if e.actor == local_id),
                quotes=tuple(data["quotes"]),
            )
            for local_id, data in self.actors.items()
        )
        return Analysis(article, tuple(self.entities), tuple(self.quotes), actors, version)


def putin_article(extra: str = "") -> Analysis:
    """An article where Vladimir Putin speaks twice and Olaf Scholz once."""
    b = ArticleBuilder(title="Putin and Scholz discuss gas prices", published="2024-03-01")
    b.actor("a1", "Vladimir Putin", aliases=("Putin",)).actor("a2", "Olaf Scholz")
    b.text("Russian President ")
    b.mention("Vladimir Putin", "a1")
    b.text(" met the German chancellor in Moscow. ")
    b.quote("Gas supplies will continue through the winter", "Putin", "a1")
    b.quote("we need reliable partners", "Scholz", "a2", kind="indirect")
    b.quote("Sanctions have failed", "Putin", "a1", cue="told reporters")
    b.text(extra)
    return b.build()


def test_builder_offsets_match_text():
    analysis = putin_article()
    text = analysis.article.text
    for entity in analysis.entities:
        assert text[entity.start : entity.end] == entity.text
    for quote in analysis.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
        assert text[quote.cue_start : quote.cue_end] == quote.cue
    assert analysis.actor("a1").quotes == (0, 2)
