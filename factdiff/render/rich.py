"""Terminal view with Rich. Article text goes in as ``Text`` objects, never as markup."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console, Group
from rich.measure import Measurement
from rich.padding import Padding
from rich.text import Text

from factdiff.extract import describe
from factdiff.models import ClaimList, Discrepancy, Report, Texts
from factdiff.render import (
    AGREEMENTS_SHOWN,
    SCOPE_PHRASES,
    VERDICT_MARKS,
    agreement_line,
    by_story,
    changed_spans,
    check_line,
    check_summary,
    checks_by_document,
    counted,
    document_labels,
    evidence_line,
    evidence_parts,
    source_line,
    summary_line,
    support,
)


class TrimmedLines:
    """A text stream that drops the spaces Rich pads wrapped lines with, so piped reports and
    saved files have no trailing whitespace."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.pending = ""

    def write(self, text: str) -> int:
        *complete, self.pending = (self.pending + text).split("\n")
        for line in complete:
            self.stream.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending:  # a line still open at a flush is written as it stands
            self.stream.write(self.pending)
            self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    @property
    def encoding(self) -> str:
        return str(getattr(self.stream, "encoding", "utf-8"))


SEVERITY_STYLES = {"high": "bold red", "medium": "bold yellow", "low": "bold cyan"}


def _evidence(claim: object) -> Text:
    before, middle, after = evidence_parts(claim)
    text = Text(before.replace("\n", " "))
    text.append(middle.replace("\n", " "), style="bold reverse")
    text.append(after.replace("\n", " "))
    return text


def _value(value: str, spans: list[tuple[int, int]]) -> Text:
    text = Text(value, style="bold")
    for start, end in spans:
        text.stylize("underline magenta", start, end)
    return text


def discrepancy_block(found: Discrepancy, labels: Mapping[str, str] | None = None) -> Group:
    """Heading, then each variant's value with its evidence sentences, then the explanation."""
    heading = Text()
    heading.append(f"{found.severity.upper()} ", style=SEVERITY_STYLES[found.severity])
    heading.append(f"{found.kind}: {found.subject}", style="bold")
    meta = Text(
        f"  {found.code} {found.rule} · {SCOPE_PHRASES[found.scope]} · confidence {found.confidence:.2f}", style="dim"
    )
    lines: list[object] = [heading, meta]
    for index, variant in enumerate(found.variants):
        reference = found.variants[1 if index == 0 else 0].value
        value = _value(variant.value, changed_spans(found.kind, variant.value, reference))
        value.append(f"  {support(found, variant)}", style="dim")
        lines.append(Padding(value, (0, 0, 0, 2), expand=False))
        for claim in variant.claims:
            lines.append(Padding(Text(source_line(claim, labels or {}), style="dim"), (0, 0, 0, 4), expand=False))
            lines.append(Padding(_evidence(claim), (0, 0, 0, 6), expand=False))
    lines.append(Padding(Text(found.explanation, style="italic"), (0, 0, 0, 2), expand=False))
    lines.append(Text(f"  id {found.id}", style="dim"))
    lines.append(Text(""))
    return Group(*lines)  # type: ignore[arg-type]


def render_rich(report: Report, console: Console, summary: bool = True) -> None:
    for story, found_in_story in by_story(report):
        if story is not None:
            console.print(
                Text(
                    f"Story {story.id}: {story.label} ({counted(len(story.documents), 'document')})",
                    style="bold underline",
                )
            )
            console.print(Text(""))
        for found in found_in_story:
            console.print(discrepancy_block(found, document_labels(report)))
    if report.agreements:
        console.print(Text("Corroborated", style="bold"))
        for agreed in report.agreements[:AGREEMENTS_SHOWN]:
            console.print(Padding(Text(agreement_line(agreed)), (0, 0, 0, 2), expand=False))
        hidden = len(report.agreements) - AGREEMENTS_SHOWN
        if hidden > 0:
            console.print(Text(f"  … and {hidden} more in --format json (agreements)", style="dim"))
        console.print(Text(""))
    if summary:
        console.print(Text(summary_line(report), style="bold"))


VERDICT_STYLES = {"supported": "green", "contradicted": "bold red", "unsupported": "bold yellow"}


def render_checks(report: Report, console: Console, texts: Texts | None, summary: bool = True) -> None:
    """Each derived text with every checked claim marked (✓ supported, ✗ contradicted,
    ? unsupported), then what is not supported, with the source's evidence, and the tally."""
    for path, checks in checks_by_document(report):
        console.print(Text(f"{path}: checked against {counted(len(report.sources), 'source')}", style="bold underline"))
        if checks and texts is not None:
            text = texts.text(checks[0].claim.doc)
            marked = Text()
            position = 0
            for check in checks:
                marked.append(text[position : check.claim.start])
                marked.append(check.claim.text, style=VERDICT_STYLES[check.verdict])
                marked.append(VERDICT_MARKS[check.verdict], style=VERDICT_STYLES[check.verdict])
                position = check.claim.end
            marked.append(text[position:])
            console.print(Padding(marked, (1, 0, 1, 2), expand=False))
        for check in checks:
            if check.verdict == "supported":
                continue
            line = Text(f"{VERDICT_MARKS[check.verdict]} ", style=VERDICT_STYLES[check.verdict])
            line.append(check_line(check))
            console.print(Padding(line, (0, 0, 0, 2), expand=False))
            for span in check.evidence:
                console.print(Padding(Text(evidence_line(span), style="dim"), (0, 0, 0, 4), expand=False))
        if summary:
            console.print(Text(f"{path}: {check_summary(checks)}", style="bold"))
        console.print(Text(""))


UNBOUNDED_WIDTH = 1_000_000
"""A width no table row reaches: to measure what a row needs, not what the terminal allows."""


def render_claims_table(claims: ClaimList, console: Console) -> None:
    """One row per claim; the source column never wraps, so a path stays one word to grep."""
    from rich.table import Table  # imported here: the other views print no table

    table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1))
    table.add_column("kind", no_wrap=True)
    table.add_column("source", no_wrap=True, overflow="ignore")
    for column in ("text", "read as"):
        table.add_column(column, overflow="fold")
    for claim in claims.claims:
        table.add_row(claim.kind, source_line(claim, {}), Text(claim.text), Text(describe(claim)))
    if not console.is_terminal:  # piped: as wide as the rows need, so no cell is cut or wrapped
        needed = Measurement.get(console, console.options.update_width(UNBOUNDED_WIDTH), table).maximum
        console.size = (max(console.width, needed), console.height)
    console.print(table)


def render_stories(report: Report, console: Console, summary: bool = True) -> None:
    """Each story with its label, why its documents are together (the names and words they
    share) and its documents, then the counts for the folder; a path is never wrapped, so
    piped output keeps one path a line."""
    paths = {document.id: document.path for document in report.documents}
    for story in report.stories:
        console.print(Text(f"{story.id}  {story.label}  ({counted(len(story.documents), 'document')})", style="bold"))
        if len(story.documents) > 1:
            console.print(Text(f"  shared: {', '.join(story.shared) or 'nothing named'}", style="dim"))
            if story.evidence:
                console.print(Text(f"  also: {', '.join(story.evidence)}", style="dim"))
        for path in sorted(paths[doc] for doc in story.documents):
            console.print(Text(f"  {path}"), soft_wrap=True)
    if not summary:
        return
    count = len(report.stories)
    stories = counted(count, "story", "stories")
    together = [story for story in report.stories if len(story.documents) > 1]
    alone = count - len(together)
    held = sum(len(story.documents) for story in together)
    detail = (
        f": {counted(len(together), 'story', 'stories')} of two or more documents ({counted(held, 'document')}), "
        f"{counted(alone, 'document')} alone"
        if together and alone
        else ""
    )
    console.print(Text(f"{stories} in {counted(len(report.documents), 'document')}{detail}.", style="bold"))
