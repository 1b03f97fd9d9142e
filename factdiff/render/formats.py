"""Every output format, by view and name: the one table each command picks its renderer from.

A renderer takes what it shows and a ``Sink`` (where to write, colour, quiet), so choosing a
format, an output file or colour is the same for every command.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, TextIO

from pydantic import BaseModel
from rich.console import Console

from factdiff.models import ClaimList, Report, Texts
from factdiff.render.html import render_checks_html, render_html
from factdiff.render.json import render_claims_jsonl, render_json, render_jsonl
from factdiff.render.markdown import render_checks_markdown, render_markdown
from factdiff.render.rich import TrimmedLines, render_checks, render_claims_table, render_rich, render_stories

Color = Literal["auto", "always", "never"]
COLORS: tuple[Color, ...] = ("auto", "always", "never")


@dataclass(frozen=True)
class Sink:
    """Where a view is written and how: ``color`` auto (on a terminal, unless NO_COLOR is
    set), always or never; ``quiet`` leaves out the closing summary; ``texts`` gives the
    documents' full texts to the views that show them (HTML)."""

    stream: TextIO
    color: Color = "auto"
    quiet: bool = False
    texts: Texts | None = None

    def console(self) -> Console:
        """A Rich console that never reads article text as markup and, piped, never pads lines."""
        return Console(
            file=TrimmedLines(self.stream),
            soft_wrap=False,
            highlight=False,
            emoji=False,
            markup=False,
            force_terminal=True if self.color == "always" else None,
            no_color=True if self.color == "never" else None,
            color_system=None if self.color == "never" else "auto",
        )


Renderer = Callable[[Any, Sink], None]


def _json(model: BaseModel, sink: Sink) -> None:
    render_json(model, sink.stream)


RENDERERS: Mapping[str, Mapping[str, Renderer]] = {
    "report": {
        "rich": lambda report, sink: render_rich(report, sink.console(), summary=not sink.quiet),
        "json": _json,
        "jsonl": lambda report, sink: render_jsonl(report, sink.stream),
        "markdown": lambda report, sink: render_markdown(report, sink.stream),
        "html": lambda report, sink: render_html(report, sink.stream, sink.texts),
    },
    "claims": {
        "table": lambda listing, sink: render_claims_table(listing, sink.console()),
        "json": _json,
        "jsonl": lambda listing, sink: render_claims_jsonl(listing, sink.stream),
    },
    "check": {
        "rich": lambda report, sink: render_checks(report, sink.console(), sink.texts, summary=not sink.quiet),
        "json": _json,
        "markdown": lambda report, sink: render_checks_markdown(report, sink.stream),
        "html": lambda report, sink: render_checks_html(report, sink.stream, sink.texts),
    },
    "stories": {
        "table": lambda report, sink: render_stories(report, sink.console(), summary=not sink.quiet),
        "json": _json,
    },
}
"""View -> format name -> renderer; the first format of a view is its default."""


def render(view: str, output_format: str, shown: Report | ClaimList, sink: Sink) -> None:
    RENDERERS[view][output_format](shown, sink)
