"""A stand-in for spaCy in the tests of the parse loop: a 'doc' is just its text."""

from __future__ import annotations

from types import SimpleNamespace


class FakeNlp:
    """Counts the batches spaCy would have parsed; each 'doc' carries only its text."""

    def __init__(self) -> None:
        self.batches = 0

    def pipe(self, texts, batch_size):
        self.batches += 1
        return [SimpleNamespace(text=t) for t in texts]
