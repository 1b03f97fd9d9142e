"""Every output format, by view and name: the one table each command picks its renderer from.

A renderer takes what it shows and a ``Sink`` (where to write, colour, quiet), so choosing a
format, an output file or colour is the same for every command.

The table imports nothing heavy: each renderer imports its module (and so the models and
Rich) when it runs, and the command line reads the format names at start-up for free.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from factdiff.models import ClaimList, Report, Texts

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
        from rich.console import Console

        from factdiff.render.rich import TrimmedLines

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


def _module(name: str) -> ModuleType:
    """``factdiff.render.<name>``, imported when a view is printed with it."""
    return importlib.import_module(f"factdiff.render.{name}")


def _json(model: Any, sink: Sink) -> None:
    _module("json").render_json(model, sink.stream)


RENDERERS: Mapping[str, Mapping[str, Renderer]] = {
    "report": {
        "rich": lambda report, sink: _module("rich").render_rich(report, sink.console(), summary=not sink.quiet),
        "json": _json,
        "jsonl": lambda report, sink: _module("json").render_jsonl(report, sink.stream),
        "markdown": lambda report, sink: _module("markdown").render_markdown(report, sink.stream),
        "html": lambda report, sink: _module("html").render_html(report, sink.stream, sink.texts),
    },
    "claims": {
        "table": lambda listing, sink: _module("rich").render_claims_table(listing, sink.console()),
        "json": _json,
        "jsonl": lambda listing, sink: _module("json").render_claims_jsonl(listing, sink.stream),
    },
    "check": {
        "rich": lambda report, sink: _module("rich").render_checks(
            report, sink.console(), sink.texts, summary=not sink.quiet
        ),
        "json": _json,
        "markdown": lambda report, sink: _module("markdown").render_checks_markdown(report, sink.stream),
        "html": lambda report, sink: _module("html").render_checks_html(report, sink.stream, sink.texts),
    },
    "stories": {
        "table": lambda report, sink: _module("rich").render_stories(report, sink.console(), summary=not sink.quiet),
        "json": _json,
    },
}
"""View -> format name -> renderer; the first format of a view is its default."""


def render(view: str, output_format: str, shown: Report | ClaimList, sink: Sink) -> None:
    RENDERERS[view][output_format](shown, sink)
