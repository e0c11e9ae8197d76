"""Long lines are cut into bounded chunks whose offsets stay exact.

One line of 1.9 million characters without sentence ends once took 4 GB: spaCy's memory
grows with a whole batch, its tokenizer's time with the square of a run without spaces,
and the statements of one sentence with the square of its length. Chunks are bounded on
all three counts, and every offset still points into the article text.
"""

from __future__ import annotations

import random

import pytest

from reader.nlp.entities import extract_entities
from reader.nlp.parsing import (
    MAX_BATCH_TOKENS,
    MAX_CHUNK_CHARS,
    MAX_RUN_CHARS,
    MAX_SENTENCE_CHARS,
    _batches,
    load_nlp,
    parse,
    split_paragraphs,
)
from reader.opening.limits import estimate_tokens

PIECES = ["word", "Putin", " ", " ", "\n", ".", ". ", "(", "\u00a0", "\t", "🙂", "x" * 700]


def random_text(seed: int, length: int) -> str:
    generator = random.Random(seed)
    weights = [generator.random() for _ in PIECES]
    return "".join(generator.choices(PIECES, weights, k=length))


@pytest.mark.parametrize("seed", range(40))
def test_chunks_point_into_the_text_and_respect_every_bound(seed: int) -> None:
    text = random_text(seed, 1_000 if seed % 2 else 5_000)
    previous_end = 0
    covered = 0
    for offset, chunk in split_paragraphs(text):
        assert text[offset : offset + len(chunk)] == chunk
        assert chunk and chunk == chunk.strip()
        assert offset >= previous_end, "chunks come in order and never overlap"
        assert "\n" not in chunk
        assert len(chunk) <= MAX_CHUNK_CHARS
        assert max(len(run) for run in chunk.split()) <= MAX_RUN_CHARS
        previous_end = offset + len(chunk)
        covered += sum(not ch.isspace() for ch in chunk)
    assert covered == sum(not ch.isspace() for ch in text), "no character is lost"


def test_a_line_without_sentence_ends_is_cut_at_spaces() -> None:
    line = " ".join(f"word{i}" for i in range(20_000))  # 128,889 characters, no full stop
    chunks = list(split_paragraphs(line))
    assert len(chunks) > len(line) // MAX_SENTENCE_CHARS
    for offset, chunk in chunks:
        assert len(chunk) <= MAX_SENTENCE_CHARS
        assert offset == 0 or line[offset - 1] == " ", "cut at a space, never inside a word"
    assert " ".join(chunk for _, chunk in chunks) == line


def test_a_run_without_spaces_is_cut_into_equal_pieces() -> None:
    text = "Intro words. " + "(" * 2_500 + " Outro words."
    assert list(split_paragraphs(text)) == [
        (0, "Intro words."),
        (13, "(" * 1_000),
        (1_013, "(" * 1_000),
        (2_013, "(" * 500),
        (2_514, "Outro words."),
    ]


def test_sentences_are_kept_whole_in_ordinary_paragraphs() -> None:
    paragraph = " ".join(["The minister said the talks would resume next week."] * 300)
    chunks = [chunk for _, chunk in split_paragraphs(paragraph)]
    assert all(chunk.endswith("next week.") for chunk in chunks)
    assert max(len(chunk) for chunk in chunks) <= MAX_CHUNK_CHARS


def test_batches_hold_a_bounded_number_of_tokens() -> None:
    text = "\n".join(["a," * 500] * 40 + ["Short line."] * 100)
    batches = list(_batches(split_paragraphs(text), 64))
    assert [piece for batch in batches for piece in batch] == list(split_paragraphs(text))
    for batch in batches:
        assert len(batch) <= 64
        assert len(batch) == 1 or sum(estimate_tokens(c) for _, c in batch) <= MAX_BATCH_TOKENS


@pytest.mark.slow
def test_entities_after_the_cuts_have_exact_offsets() -> None:
    """Names found in the later chunks of one long line map back to the text."""
    filler = " ".join(["the delegation discussed trade and energy with officials"] * 20)
    parts = []
    for _ in range(12):
        parts += [filler, "and Vladimir Putin met Bashar al-Assad in Moscow on Tuesday"]
    parts.append("(" * 2_500 + " then Vladimir Putin left Damascus")
    line = " ".join(parts)  # about 17,000 characters, no sentence end
    paragraphs = parse(line, load_nlp())
    assert len(paragraphs) > len(line) // MAX_SENTENCE_CHARS
    for paragraph in paragraphs:
        assert line[paragraph.start : paragraph.end] == paragraph.doc.text
    entities = extract_entities(line, paragraphs)
    for entity in entities:
        assert line[entity.start : entity.end] == entity.text
    putin = [e.start for e in entities if e.text == "Vladimir Putin" and e.label == "PERSON"]
    expected, position = [], line.find("Vladimir Putin")
    while position != -1:
        expected.append(position)
        position = line.find("Vladimir Putin", position + 1)
    assert len(expected) == 13 and expected[-1] > 10 * MAX_SENTENCE_CHARS
    assert set(putin) <= set(expected)
    assert len(putin) >= 10, "most mentions are found, the last one after the run"
    assert expected[-1] in putin
