"""Stage 6: views of a Report. Every format renders the same records.

Article text is untrusted: renderers never interpret it as markup.
"""

from __future__ import annotations

from collections import Counter
from difflib import SequenceMatcher

from factdiff.models import Report

FORMATS = ("rich", "json", "jsonl", "markdown")


def summary_line(report: Report) -> str:
    """'3 discrepancies (1 high, 2 low) in 5 documents, 0 warnings.'"""
    severities = Counter(d.severity for d in report.discrepancies)
    counted = ", ".join(f"{severities[s]} {s}" for s in ("high", "medium", "low") if severities[s])
    total = len(report.discrepancies)
    noun = "discrepancy" if total == 1 else "discrepancies"
    docs = len(report.documents)
    detail = f" ({counted})" if counted else ""
    warnings = len(report.warnings)
    return (
        f"{total} {noun}{detail} in {docs} document{'s' if docs != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}."
    )


def differing_spans(value: str, reference: str) -> list[tuple[int, int]]:
    """Character spans of ``value`` that differ from ``reference`` (for highlighting names)."""
    spans: list[tuple[int, int]] = []
    matcher = SequenceMatcher(None, reference, value, autojunk=False)
    for tag, _a0, _a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal" and b1 > b0:
            spans.append((b0, b1))
    return spans
