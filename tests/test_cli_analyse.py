"""`dramatis analyse`: the JSON schema of docs/SCHEMA.md, the text summary, bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.attribution.rules import Rule
from reader.cli import main

ENTITY_KEYS = {"start", "end", "text", "label", "actor"}
QUOTE_KEYS = {
    "start", "end", "text", "spans", "kind", "speaker", "speaker_start", "speaker_end",
    "cue", "cue_start", "cue_end", "actor", "confidence", "rule", "via", "doubts", "reviewed",
    "subjects",
}  # fmt: skip
ACTOR_KEYS = {"id", "name", "kind", "aliases", "mentions", "quotes", "country", "doubts"}
TOP_KEYS = {
    "schema", "title", "source", "format", "sha256", "byline", "published", "text",
    "entities", "quotes", "actors",
}  # fmt: skip


@pytest.fixture(scope="module")
def sample_json(sample_path):
    completed = subprocess.run(
        [sys.executable, "-m", "reader.cli", "analyse", str(sample_path), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


@pytest.mark.slow
def test_top_level_keys(sample_json):
    assert set(sample_json) == TOP_KEYS
    assert sample_json["schema"] == 2
    assert sample_json["format"] == "txt"
    assert len(sample_json["sha256"]) == 64


@pytest.mark.slow
def test_text_equals_file_content(sample_json, sample_path):
    assert sample_json["text"] == sample_path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_entities_follow_schema(sample_json):
    text = sample_json["text"]
    assert len(sample_json["entities"]) > 50
    for entity in sample_json["entities"]:
        assert set(entity) == ENTITY_KEYS
        assert text[entity["start"] : entity["end"]] == entity["text"]


@pytest.mark.slow
def test_quotes_follow_schema(sample_json):
    text = sample_json["text"]
    for quote in sample_json["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert text[quote["start"] : quote["end"]] == quote["text"]
        assert quote["spans"], "spans must be a non-empty list"
        for start, end in quote["spans"]:
            assert quote["start"] <= start < end <= quote["end"]
        assert quote["kind"] in {"direct", "indirect", "mixed"}
        assert (quote["speaker_start"] is None) == (quote["speaker_end"] is None)
        assert (quote["cue_start"] is None) == (quote["cue_end"] is None)
        if quote["speaker_start"] is not None:
            assert text[quote["speaker_start"] : quote["speaker_end"]] == quote["speaker"]
        if quote["cue_start"] is not None:
            assert text[quote["cue_start"] : quote["cue_end"]] == quote["cue"]
        assert quote["confidence"] is None or 0.0 <= quote["confidence"] <= 1.0
        assert quote["rule"] in {rule.value for rule in Rule}  # every statement's rule


@pytest.mark.slow
def test_actor_references_resolve(sample_json):
    actors = sample_json["actors"]
    ids = [a["id"] for a in actors]
    assert len(ids) == len(set(ids))
    for actor in actors:
        assert set(actor) == ACTOR_KEYS
        assert actor["kind"] in {"person", "organisation", "place", "group", "other"}
        for index in actor["quotes"]:
            assert 0 <= index < len(sample_json["quotes"])
    for item in sample_json["entities"] + sample_json["quotes"]:
        assert item["actor"] is None or item["actor"] in ids


@pytest.mark.slow
def test_text_summary(sample_path, capsys):
    assert main(["analyse", str(sample_path), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "Names by kind:" in out
    # Words for people, not spaCy's tags.
    assert "Person" in out and "Country, city or state" in out
    assert "PERSON" not in out and "GPE" not in out


def test_stdin(monkeypatch, capsys):
    import io

    data = b"Vladimir Putin met Recep Tayyip Erdogan in Moscow.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["analyse", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    persons = {e["text"] for e in document["entities"] if e["label"] == "PERSON"}
    assert {"Vladimir Putin", "Recep Tayyip Erdogan"} <= persons


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", None, "no such file"),
        ("notes.xyz", b"hello", "unsupported"),
        ("empty.txt", b"", "no text"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    completed = subprocess.run(
        [sys.executable, "-m", "reader.cli", "analyse", str(path)],
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 2
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"dramatis: {path}: ")
    assert problem in lines[0]
    assert completed.stdout == ""


def test_directory_exits_2(tmp_path, capsys):
    assert main(["analyse", str(tmp_path)]) == 2
    assert "directory" in capsys.readouterr().err
