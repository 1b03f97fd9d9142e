"""HTML view: one self-contained page (no network, no external assets) to share with editors.

An overview (documents with their dates and stories, counts by kind and severity), then each
discrepancy with its variants side by side, the differing letters marked, and every piece of
evidence with the claim in bold. Filters by kind and severity work without a server. Every
string taken from an article goes through ``html.escape``.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import Any, TextIO

from factdiff.models import Discrepancy, Report
from factdiff.render import SCOPE_PHRASES, differing_spans, report_dates, source_line, summary_line

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin: 0 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
.finding { border-left: 5px solid #999; padding: .6rem 1rem; margin: 1.2rem 0; background: #fafafa; }
.high { border-color: #c62828; } .medium { border-color: #ef8f00; } .low { border-color: #1e88e5; }
.meta { color: #555; font-size: .85rem; } .explanation { font-style: italic; }
mark { background: #ffe082; } .value { font-weight: 600; white-space: nowrap; }
.filters label { margin-right: 1rem; } [hidden] { display: none; }
@media print { .filters { display: none; } .finding { break-inside: avoid; } }
"""

SCRIPT = """
function applyFilters() {
  const on = new Set([...document.querySelectorAll('.filters input:checked')].map(i => i.value));
  document.querySelectorAll('.finding').forEach(f => {
    f.hidden = !(on.has(f.dataset.kind) && on.has(f.dataset.severity));
  });
}
document.querySelectorAll('.filters input').forEach(i => i.addEventListener('change', applyFilters));
"""


def _marked(value: str, reference: str) -> str:
    """The value with the letters that differ from the other variant marked."""
    pieces, last = [], 0
    for start, end in differing_spans(value, reference):
        pieces.append(escape(value[last:start]) + f"<mark>{escape(value[start:end])}</mark>")
        last = end
    return "".join(pieces) + escape(value[last:])


def _evidence(claim: Any) -> str:
    offset = claim.start - claim.sentence_start
    sentence = claim.sentence
    return (
        escape(sentence[:offset])
        + f"<strong>{escape(sentence[offset:offset + len(claim.text)])}</strong>"
        + escape(sentence[offset + len(claim.text):])
    )


def _finding(found: Discrepancy, dates: dict) -> str:
    rows = []
    highlight = found.kind in ("name", "acronym", "organisation")
    for index, variant in enumerate(found.variants):
        reference = found.variants[1 if index == 0 else 0].value
        value = _marked(variant.value, reference) if highlight else escape(variant.value)
        for number, claim in enumerate(variant.claims):
            shown = f'<td class="value" rowspan="{len(variant.claims)}">{value}</td>' if number == 0 else ""
            rows.append(f"<tr>{shown}<td><code>{escape(source_line(claim, dates))}</code></td><td>{_evidence(claim)}</td></tr>")
    return (
        f'<section class="finding {found.severity}" id="{escape(found.id)}" data-kind="{escape(found.kind)}" '
        f'data-severity="{found.severity}">'
        f"<h2>{found.severity.upper()} · {escape(found.kind)}: {escape(found.subject)}</h2>"
        f'<p class="meta">{escape(found.code)} {escape(found.rule)} · {SCOPE_PHRASES[found.scope]} · '
        f"confidence {found.confidence:.2f} · id {escape(found.id)}</p>"
        "<table><tr><th>Value</th><th>Source</th><th>Evidence</th></tr>" + "".join(rows) + "</table>"
        f'<p class="explanation">{escape(found.explanation)}</p></section>'
    )


def render_html(report: Report, out: TextIO) -> None:
    dates = report_dates(report)
    kinds = sorted({found.kind for found in report.discrepancies})
    counts = Counter((found.kind, found.severity) for found in report.discrepancies)
    filters = "".join(
        f'<label><input type="checkbox" value="{escape(value)}" checked> {escape(value)}</label>'
        for value in [*kinds, "high", "medium", "low"]
    )
    documents = "".join(
        f"<tr><td><code>{escape(d.path)}</code></td><td>{d.date or ''}</td><td>{escape(d.story or '')}</td></tr>"
        for d in report.documents
    )
    tally = "".join(
        f"<tr><td>{escape(kind)}</td>" + "".join(f"<td>{counts[(kind, s)]}</td>" for s in ("high", "medium", "low")) + "</tr>"
        for kind in kinds
    )
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factdiff report</title><style>{STYLE}</style></head><body>"
        f"<h1>factdiff report</h1><p>{escape(summary_line(report))}</p>"
        "<table><tr><th>Kind</th><th>High</th><th>Medium</th><th>Low</th></tr>" + tally + "</table>"
        f'<p class="filters">{filters}</p>'
        + "".join(_finding(found, dates) for found in report.discrepancies)
        + "<h2>Documents</h2><table><tr><th>Path</th><th>Date</th><th>Story</th></tr>" + documents + "</table>"
        + "".join(f"<p class=\"meta\">warning: <code>{escape(w.path)}</code>: {escape(w.message)}</p>" for w in report.warnings)
        + f"<script>{SCRIPT}</script></body></html>\n"
    )
