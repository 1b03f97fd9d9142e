"""HTML view: one self-contained page (no network, no external assets) to share with editors.

An overview (documents with their dates and stories, counts by kind and severity), then each
discrepancy with its variants side by side, the differing letters marked, and every piece of
evidence with the claim in bold, linked to its place in the full text of its document (shown
at the end, with every claim of a finding marked). Filters by kind and severity work without a
server. Every string taken from an article goes through ``html.escape``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from html import escape
from typing import Any, TextIO

from factdiff.models import Discrepancy, Report, Texts
from factdiff.render import (
    SCOPE_PHRASES,
    VERDICT_MARKS,
    agreement_line,
    changed_spans,
    check_summary,
    checks_by_document,
    document_labels,
    evidence_parts,
    source_line,
    summary_line,
    support,
)

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin: 0 0 .3rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
.finding { border-left: 5px solid #999; padding: .6rem 1rem; margin: 1.2rem 0; background: #fafafa; }
.high { border-color: #c62828; } .medium { border-color: #ef8f00; } .low { border-color: #1e88e5; }
.meta { color: #555; font-size: .85rem; } .explanation { font-style: italic; }
mark { background: #ffe082; } mark.supported { background: #c8e6c9; } mark.contradicted { background: #ef9a9a; } .value { font-weight: 600; white-space: nowrap; }
.filters label { margin-right: 1rem; } [hidden] { display: none; }
a.evidence { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; }
a.evidence:hover { background: #f0f4ff; }
.article { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; padding: .8rem 1rem; }
.article mark.current { background: #ff8a65; outline: 2px solid #c62828; }
.article mark[data-finding] { cursor: pointer; }
@media print { .filters { display: none; } .finding { break-inside: avoid; } a.evidence { border: 0; } }
"""

SCRIPT = """
function applyFilters() {
  const on = new Set([...document.querySelectorAll('.filters input:checked')].map(i => i.value));
  document.querySelectorAll('.finding').forEach(f => {
    f.hidden = !(on.has(f.dataset.kind) && on.has(f.dataset.severity));
  });
}
document.querySelectorAll('.filters input').forEach(i => i.addEventListener('change', applyFilters));
function markTarget() {
  document.querySelectorAll('mark.current').forEach(m => m.classList.remove('current'));
  const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const mark = target && (target.closest('mark') || target.nextElementSibling);
  if (mark && mark.tagName === 'MARK') {
    mark.classList.add('current');
    mark.scrollIntoView({block: 'center'});  // with the sentences around it in view
  }
}
window.addEventListener('hashchange', markTarget);
document.querySelectorAll('mark[data-finding]').forEach(m => m.addEventListener('click', () => {
  location.hash = m.dataset.finding;  // from the evidence in context back to its finding
}));
markTarget();
"""


def _marked(kind: str, value: str, reference: str) -> str:
    """The value with what differs from the other variant marked (letters, or words)."""
    pieces, last = [], 0
    for start, end in changed_spans(kind, value, reference):
        pieces.append(escape(value[last:start]) + f"<mark>{escape(value[start:end])}</mark>")
        last = end
    return "".join(pieces) + escape(value[last:])


def _evidence(claim: Any) -> str:
    before, middle, after = evidence_parts(claim)
    return f"{escape(before)}<strong>{escape(middle)}</strong>{escape(after)}"


def anchor(claim: Any) -> str:
    """The id of a claim's place in its document's full text."""
    return f"c-{claim.doc}-{claim.kind}-{claim.start}-{claim.end}"


def _linked(cell: str, claim: Any, linked: bool) -> str:
    return f'<a class="evidence" href="#{anchor(claim)}">{cell}</a>' if linked else cell


def _finding(found: Discrepancy, labels: dict[str, str], linked: bool) -> str:
    rows = []
    for index, variant in enumerate(found.variants):
        reference = found.variants[1 if index == 0 else 0].value
        value = _marked(found.kind, variant.value, reference)
        for number, claim in enumerate(variant.claims):
            backing = f'<br><span class="meta">{support(found, variant)}</span>'
            shown = f'<td class="value" rowspan="{len(variant.claims)}">{value}{backing}</td>' if number == 0 else ""
            where = _linked(f"<code>{escape(source_line(claim, labels))}</code>", claim, linked)
            rows.append(f"<tr>{shown}<td>{where}</td><td>{_linked(_evidence(claim), claim, linked)}</td></tr>")
    return (
        f'<section class="finding {found.severity}" id="{escape(found.id)}" data-kind="{escape(found.kind)}" '
        f'data-severity="{found.severity}">'
        f"<h2>{found.severity.upper()} · {escape(found.kind)}: {escape(found.subject)}</h2>"
        f'<p class="meta">{escape(found.code)} {escape(found.rule)} · {SCOPE_PHRASES[found.scope]} · '
        f"confidence {found.confidence:.2f} · id {escape(found.id)}</p>"
        "<table><tr><th>Value</th><th>Source</th><th>Evidence</th></tr>" + "".join(rows) + "</table>"
        f'<p class="explanation">{escape(found.explanation)}</p></section>'
    )


def marked_text(text: str, claims: Iterable[Any], findings: dict[int, str] | None = None) -> str:
    """A document's text, escaped, with the claims' spans marked and an anchor where each
    claim starts (overlapping claims share one mark; every claim keeps its own anchor).
    ``findings`` maps a claim's start to the finding that cites it: its mark links back."""
    claims = list(claims)
    spans = sorted({(claim.start, claim.end) for claim in claims})
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    anchors: dict[int, list[str]] = {}
    for claim in claims:
        anchors.setdefault(claim.start, []).append(anchor(claim))
    opens = {start: end for start, end in merged}
    closes = {end for _, end in merged}
    boundaries = sorted({0, len(text), *opens, *closes, *anchors})
    pieces: list[str] = []
    for position, following in zip(boundaries, [*boundaries[1:], len(text)], strict=False):
        if position in closes:
            pieces.append("</mark>")
        pieces.extend(f'<span id="{escape(name)}"></span>' for name in sorted(set(anchors.get(position, ()))))
        if position in opens:
            finding = (findings or {}).get(position)
            pieces.append(
                f'<mark data-finding="{escape(finding)}" title="back to the finding">' if finding else "<mark>"
            )
        pieces.append(escape(text[position:following]))
    return "".join(pieces)


def _documents_in_full(report: Report, texts: Texts) -> str:
    """Each document that holds evidence, in full, with the evidence marked."""
    claims_by_doc: dict[str, list[Any]] = {}
    cited_by: dict[str, dict[int, str]] = {}
    for found in report.discrepancies:
        for variant in found.variants:
            for claim in variant.claims:
                claims_by_doc.setdefault(claim.doc, []).append(claim)
                cited_by.setdefault(claim.doc, {}).setdefault(claim.start, found.id)
    sections = []
    for document in report.documents:
        if document.id not in claims_by_doc:
            continue
        dated = f" · {document.date}" if document.date else ""
        sections.append(
            f'<section class="document" id="doc-{escape(document.id)}"><h3><code>{escape(document.path)}</code>{dated}</h3>'
            f'<div class="article">{marked_text(texts.text(document.id), claims_by_doc[document.id], cited_by[document.id])}</div></section>'
        )
    return "<h2>Evidence in context</h2>" + "".join(sections) if sections else ""


def _headline(document: Any) -> str:
    """The title, linked to the article's address when the input gives one (http and https only)."""
    title = escape(document.title or "")
    if title and document.url and document.url.startswith(("https://", "http://")):
        return f'<a href="{escape(document.url)}" rel="noreferrer">{title}</a>'
    return title


def _agreements(report: Report) -> str:
    if not report.agreements:
        return ""
    items = "".join(f"<li>{escape(agreement_line(agreed))}</li>" for agreed in report.agreements)
    return f"<h2>Corroborated</h2><ul>{items}</ul>"


def render_html(report: Report, out: TextIO, texts: Texts | None = None) -> None:
    """The page; with ``texts``, each document holding evidence is shown in full and every
    piece of evidence links to its place there."""
    labels = document_labels(report)
    kinds = sorted({found.kind for found in report.discrepancies})
    counts = Counter((found.kind, found.severity) for found in report.discrepancies)
    filters = "".join(
        f'<label><input type="checkbox" value="{escape(value)}" checked> {escape(value)}</label>'
        for value in [*kinds, "high", "medium", "low"]
    )
    documents = "".join(
        f"<tr><td><code>{escape(d.path)}</code></td><td>{_headline(d)}</td><td>{escape(d.source or '')}</td>"
        f"<td>{d.date or ''}</td><td>{escape(d.story or '')}</td></tr>"
        for d in report.documents
    )
    tally = "".join(
        f"<tr><td>{escape(kind)}</td>"
        + "".join(f"<td>{counts[(kind, s)]}</td>" for s in ("high", "medium", "low"))
        + "</tr>"
        for kind in kinds
    )
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factdiff report</title><style>{STYLE}</style></head><body>"
        f"<h1>factdiff report</h1><p>{escape(summary_line(report))}</p>"
        "<table><tr><th>Kind</th><th>High</th><th>Medium</th><th>Low</th></tr>" + tally + "</table>"
        "<details><summary>Documents</summary><table><tr><th>Path</th><th>Title</th><th>Source</th><th>Date</th><th>Story</th></tr>"
        + documents
        + "</table></details>"
        f'<p class="filters">{filters}</p>'
        + "".join(_finding(found, labels, texts is not None) for found in report.discrepancies)
        + _agreements(report)
        + (_documents_in_full(report, texts) if texts is not None else "")
        + "".join(
            f'<p class="meta">warning: <code>{escape(w.path)}</code>: {escape(w.message)}</p>' for w in report.warnings
        )
        + f"<script>{SCRIPT}</script></body></html>\n"
    )


def render_checks_html(report: Report, out: TextIO, texts: Texts | None = None) -> None:
    """One page: per derived text, the tally, the text with every checked claim marked by its
    verdict (with ``texts``), and a table of the claims with the source's evidence."""
    sections = []
    for path, checks in checks_by_document(report):
        article = ""
        if checks and texts is not None:
            text = texts.text(checks[0].claim.doc)
            pieces, position = [], 0
            for check in checks:
                pieces.append(escape(text[position : check.claim.start]))
                pieces.append(
                    f'<mark class="{check.verdict}" title="{escape(check.explanation)}">{escape(check.claim.text)}</mark>'
                    f"{VERDICT_MARKS[check.verdict]}"
                )
                position = check.claim.end
            pieces.append(escape(text[position:]))
            article = f'<div class="article">{"".join(pieces)}</div>'
        rows = "".join(
            f"<tr><td>{check.claim.line}</td><td>{escape(check.claim.text)}</td><td>{check.kind}</td>"
            f"<td>{VERDICT_MARKS[check.verdict]} {check.verdict}</td><td>{escape(check.explanation)}</td><td>"
            + "<br>".join(
                f"<code>{escape(span.path)}</code>:{span.line}: {escape(span.sentence)}" for span in check.evidence
            )
            + "</td></tr>"
            for check in checks
        )
        sections.append(
            f"<section><h2><code>{escape(path)}</code></h2><p>{escape(check_summary(checks))}</p>{article}"
            "<table><tr><th>Line</th><th>Claim</th><th>Kind</th><th>Verdict</th><th>Why</th><th>Source</th></tr>"
            f"{rows}</table></section>"
        )
    out.write(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>factdiff check</title><style>{STYLE}</style></head><body><h1>factdiff check</h1>"
        + "".join(sections)
        + "".join(
            f'<p class="meta">warning: <code>{escape(w.path)}</code>: {escape(w.message)}</p>' for w in report.warnings
        )
        + "</body></html>\n"
    )
