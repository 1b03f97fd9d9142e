"""Stage 3: read typed claims from a document.

One module per kind of claim, each declaring ``KIND``, ``CLAIM`` (its record in models.py),
``READS`` (the kinds of claim it needs found first: the pronoun extractor reads person
claims, in ``context.claims``), ``extract(context) -> list[CLAIM]`` and ``describe(claim)``
(a one-line reading for ``factdiff claims``). Extractors run in an order made from what
they read; a kind that nothing extracts is an error at import, not a silent empty list.
Adding a kind of claim: its module listed in ``MODULES``, its record in models.py, its word
lists under text/data, and its tests. A pattern run over whole documents that opens with a word
list is tried only where its openings occur (a module's ``_start_finder``, ``text/starts.py``;
tests/test_starts.py finds every such module and checks each pattern against Python's own search).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from factdiff.extract import acronym, date, organisation, person, pronoun, quantity, quote, sentence, statement
from factdiff.models import CLAIM_TYPES, Document, claim_id
from factdiff.text.positions import line_column, origin_line, sentence_at

MODULES: tuple[ModuleType, ...] = (quantity, person, pronoun, acronym, organisation, date, quote, sentence, statement)
"""Every extractor; the order breaks ties among those that do not read one another."""


def run_order(modules: Iterable[ModuleType]) -> tuple[ModuleType, ...]:
    """The extractors, each after every kind it reads (a stable topological order). Raises
    when a kind read is extracted by no module, or when extractors read each other in a circle."""
    pending = list(modules)
    by_kind = {module.KIND: module for module in pending}
    for module in pending:
        if module.CLAIM is not CLAIM_TYPES.get(module.KIND):
            raise TypeError(f"extractor {module.__name__}: CLAIM is not the record of kind {module.KIND!r}")
        missing = [kind for kind in module.READS if kind not in by_kind]
        if missing:
            raise TypeError(f"extractor {module.__name__} reads {missing[0]!r}, which no extractor makes")
    ordered: list[ModuleType] = []
    while pending:
        ready = next((m for m in pending if all(by_kind[kind] in ordered for kind in m.READS)), None)
        if ready is None:
            raise TypeError(f"extractors read one another in a circle: {[m.KIND for m in pending]}")
        ordered.append(ready)
        pending.remove(ready)
    return tuple(ordered)


EXTRACTORS = run_order(MODULES)
"""Every extractor, in the order they run."""

DESCRIBE = {module.KIND: module.describe for module in EXTRACTORS}


def describe(claim: Any) -> str:
    """A one-line reading of a claim's typed fields, by its extractor."""
    return DESCRIBE[claim.kind](claim)


UNLISTED = frozenset({sentence.KIND, statement.KIND})
"""Kinds left out of ``factdiff claims`` unless asked for: every long sentence is one, and every sentence with a value."""


@dataclass
class Context:
    """One document being read, and the claims found in it so far."""

    document: Document
    every_claim: bool = True
    """Read every field of every claim; when False, an extractor may leave out what makes no
    difference to a claim that cannot be compared (its own module says which)."""
    claims: dict[str, list[Any]] = field(default_factory=dict)
    sentence_texts: dict[tuple[int, int], str] = field(default_factory=dict)
    """One string per sentence, shared by every claim in it (memory at archive scale)."""

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_span(self, offset: int) -> tuple[int, int]:
        return sentence_at(self.document.sentences, offset)

    def _sentence_text(self, start: int, end: int) -> str:
        span = (start, end)
        if span not in self.sentence_texts:
            self.sentence_texts[span] = self.document.text[start:end]
        return self.sentence_texts[span]

    def location(self, kind: str, start: int, end: int) -> dict[str, Any]:
        """The fields every claim carries, for the claim at text[start:end]."""
        document = self.document
        line, column = line_column(document.line_starts, start)
        sentence_start, sentence_end = self.sentence_span(start)
        sentence_end = max(sentence_end, min(end, len(document.text)))
        return {
            "id": claim_id(document.id, kind, start, end),
            "doc": document.id,
            "path": document.path,
            "text": document.text[start:end],
            "start": start,
            "end": end,
            "line": line,
            "column": column,
            "sentence": self._sentence_text(sentence_start, sentence_end),
            "sentence_start": sentence_start,
            "file_line": origin_line(document.origin, start) if document.origin else None,
        }


def extract(document: Document, kinds: Iterable[str] | None = None, every_claim: bool = True) -> list[Any]:
    """All claims in a document, in extractor order then text order, except those in a
    paragraph the author marked ``<!-- factdiff: ignore -->``; ``every_claim``: see ``Context``."""
    wanted = set(kinds) if kinds is not None else None
    context = Context(document, every_claim)
    found: list[Any] = []
    for extractor in EXTRACTORS:
        claims = extractor.extract(context)
        context.claims[extractor.KIND] = claims
        if wanted is None or extractor.KIND in wanted:
            found.extend(claims)
    ignored = ignored_spans(document.text)
    if ignored:
        found = [claim for claim in found if not any(start <= claim.start < end for start, end in ignored)]
    return found


IGNORE_MARK = re.compile(r"<!--\s*factdiff:\s*ignore\s*-->")
PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def ignored_spans(text: str) -> list[tuple[int, int]]:
    """Each paragraph holding an ignore mark, or following a mark alone on its line."""
    spans = []
    for mark in IGNORE_MARK.finditer(text):
        start = text.rfind("\n\n", 0, mark.start()) + 1
        after = mark.end()
        while after < len(text) and text[after] in " \t\n":
            after += 1
        end = PARAGRAPH_END.search(text, after)
        spans.append((start, end.start() if end else len(text)))
    return spans
