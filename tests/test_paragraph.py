"""A paragraph knows where it ends without rebuilding its text each time."""

from __future__ import annotations

from dataclasses import fields

from reader.nlp.parsing import Paragraph, load_nlp, parse


def test_end_is_worked_out_once_and_matches_the_text():
    text = "The mayor spoke.\n\nThe council listened.  \n"
    paragraphs = parse(text, load_nlp())
    assert "end" in {f.name for f in fields(Paragraph)}  # a stored value, not a property
    for paragraph in paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.doc.text
