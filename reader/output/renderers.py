"""The forms an analysis is written in: one table for ``dramatis analyse --format`` and the
window's File > Export….

Each renderer's module is imported only when something is rendered in its form: every
command starts through the command line's own module, and the page renderer alone takes
20 ms to import.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Analysis


@dataclass(frozen=True, slots=True)
class Renderer:
    """One form: its ``--format`` key, its names for people, the file suffixes it is
    written under (the first is added to a name without one; none: not written to files
    by the window) and the function that writes it."""

    key: str
    title: str  # "Web page": a kind of file, as a save dialog lists it
    name: str  # "the web page": what was written, as a status line says it
    suffixes: tuple[str, ...]
    module: str
    function: str

    def render(self, analysis: Analysis) -> str:
        """The analysis in this form."""
        write: Callable[[Analysis], str] = getattr(
            importlib.import_module(self.module), self.function
        )
        return write(analysis)


#: Every form, in the order ``--format`` lists them.
RENDERERS: tuple[Renderer, ...] = (
    Renderer(
        "json",
        "Analysis JSON",
        "the analysis JSON",
        (".json",),
        "reader.output.json_document",
        "analysis_to_json",
    ),
    Renderer("text", "Summary", "the summary", (), "reader.output.text", "summarise"),
    Renderer(
        "html",
        "Web page",
        "the web page",
        (".html", ".htm"),
        "reader.output.html_document",
        "analysis_to_html",
    ),
    Renderer(
        "markdown",
        "Markdown",
        "Markdown",
        (".md", ".markdown"),
        "reader.output.markdown_document",
        "analysis_to_markdown",
    ),
)


def renderer(key: str) -> Renderer:
    """The form of a ``--format`` key; KeyError if there is none."""
    for form in RENDERERS:
        if form.key == key:
            return form
    raise KeyError(key)
