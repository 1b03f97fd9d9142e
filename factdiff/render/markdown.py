"""Markdown view: pastes into a newsroom document or an issue tracker."""

from __future__ import annotations

from typing import TextIO

from factdiff.models import Report
from factdiff.render import summary_line

MARKDOWN_SPECIALS = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]<>()#+!|~"})


def escape(text: str) -> str:
    """Article text as literal Markdown: specials escaped, line breaks flattened."""
    return " ".join(text.split()).translate(MARKDOWN_SPECIALS)


def evidence(claim_text: str, sentence: str, offset: int) -> str:
    """The sentence with the claim in bold."""
    before, middle, after = sentence[:offset], sentence[offset:offset + len(claim_text)], sentence[offset + len(claim_text):]
    return f"{escape(before)} **{escape(middle)}** {escape(after)}".strip()


def render_markdown(report: Report, out: TextIO) -> None:
    out.write("# factdiff report\n\n")
    out.write(summary_line(report) + "\n")
    for number, found in enumerate(report.discrepancies, 1):
        out.write(f"\n## {number}. {found.kind}: {escape(found.subject)} ({found.severity})\n\n")
        out.write(f"`{found.code}` {found.rule} · id `{found.id}` · confidence {found.confidence:.2f} · {found.scope} a document\n\n")
        out.write(escape(found.explanation) + "\n\n")
        out.write("| Value | Source | Evidence |\n|---|---|---|\n")
        for variant in found.variants:
            for claim in variant.claims:
                offset = claim.start - claim.sentence_start
                out.write(
                    f"| {escape(variant.value)} | `{claim.path}:{claim.line}:{claim.column}` | "
                    f"{evidence(claim.text, claim.sentence, offset)} |\n"
                )
    if report.warnings:
        out.write("\n## Warnings\n\n")
        for warning in report.warnings:
            out.write(f"- `{warning.path}`: {escape(warning.message)}\n")
