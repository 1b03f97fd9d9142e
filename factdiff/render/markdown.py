"""Markdown view: pastes into a newsroom document or an issue tracker."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TextIO

from factdiff.models import Discrepancy, Report
from factdiff.render import (
    AGREEMENTS_SHOWN,
    SCOPE_PHRASES,
    VERDICT_MARKS,
    agreement_line,
    by_story,
    check_summary,
    checks_by_document,
    counted,
    document_labels,
    evidence_parts,
    source_line,
    summary_line,
    support,
)

WHITESPACE = re.compile(r"\s+")
MARKDOWN_SPECIALS = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+!|~"})


def escape(text: str) -> str:
    """Article text as literal Markdown: specials escaped, line breaks flattened."""
    return WHITESPACE.sub(" ", text).translate(MARKDOWN_SPECIALS)


def evidence(claim: Any) -> str:
    """The sentence with the claim in bold."""
    before, middle, after = evidence_parts(claim)
    return f"{escape(before)}**{escape(middle)}**{escape(after)}".strip()


def render_markdown(report: Report, out: TextIO) -> None:
    out.write("# factdiff report\n\n")
    out.write(summary_line(report) + "\n")
    number = 0
    for story, found_in_story in by_story(report):
        if story is not None:
            out.write(f"\n## Story {story.id}: {escape(story.label)} ({counted(len(story.documents), 'document')})\n")
        for found in found_in_story:
            number += 1
            _discrepancy(out, number, found, "###" if story is not None else "##", document_labels(report))
    if report.agreements:
        out.write("\n## Corroborated\n\n")
        for agreed in report.agreements[:AGREEMENTS_SHOWN]:
            out.write(f"- {escape(agreement_line(agreed))}\n")
    if report.warnings:
        out.write("\n## Warnings\n\n")
        for warning in report.warnings:
            out.write(f"- `{warning.path}`: {escape(warning.message)}\n")


def _discrepancy(out: TextIO, number: int, found: Discrepancy, heading: str, labels: Mapping[str, str]) -> None:
    out.write(f"\n{heading} {number}. {found.kind}: {escape(found.subject)} ({found.severity})\n\n")
    out.write(
        f"`{found.code}` {found.rule} · id `{found.id}` · confidence {found.confidence:.2f} · {SCOPE_PHRASES[found.scope]}\n\n"
    )
    out.write(escape(found.explanation) + "\n\n")
    out.write("| Value | Source | Evidence |\n|---|---|---|\n")
    for variant in found.variants:
        for number, claim in enumerate(variant.claims):
            value = f"{escape(variant.value)} ({support(found, variant)})" if number == 0 else "″"
            out.write(f"| {value} | `{source_line(claim, labels)}` | {evidence(claim)} |\n")


def render_checks_markdown(report: Report, out: TextIO) -> None:
    """Per derived text: the tally, then every checked claim with its verdict and evidence."""
    out.write("# factdiff check\n")
    for path, checks in checks_by_document(report):
        out.write(f"\n## `{path}`\n\n{check_summary(checks)}\n\n")
        if not checks:
            continue
        out.write("| line | claim | kind | verdict | why | source |\n|---|---|---|---|---|---|\n")
        for check in checks:
            source = "<br>".join(f"`{span.path}`:{span.line}: {escape(span.sentence)}" for span in check.evidence)
            out.write(
                f"| {check.claim.line} | {escape(check.claim.text)} | {check.kind} | "
                f"{VERDICT_MARKS[check.verdict]} {check.verdict} | {escape(check.explanation)} | {source} |\n"
            )
    if report.warnings:
        out.write("\n## Warnings\n\n")
        for warning in report.warnings:
            out.write(f"- `{warning.path}`: {escape(warning.message)}\n")
