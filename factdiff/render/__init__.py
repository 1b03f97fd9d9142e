"""Stage 6: views of a Report. Every format renders the same records.

Article text is untrusted: renderers never interpret it as markup.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from factdiff.text.language import checked

if TYPE_CHECKING:  # the output-format table imports this package when the command line starts
    from factdiff.models import Agreement, Check, Discrepancy, Report, Span, Story, Variant

SCOPE_PHRASES = {"within": "within one document", "across": "across documents"}


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """'1 document', '5 documents'."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def summary_line(report: Report) -> str:
    """'3 discrepancies (1 high, 2 low; 2 name, 1 quantity) in 5 documents, 0 warnings.'"""
    severities = Counter(d.severity for d in report.discrepancies)
    by_severity = ", ".join(f"{severities[s]} {s}" for s in ("high", "medium", "low") if severities[s])
    kinds = Counter(d.kind for d in report.discrepancies)
    by_kind = ", ".join(
        f"{count} {kind}" for kind, count in sorted(kinds.items(), key=lambda item: (-item[1], item[0]))
    )
    detail = f" ({by_severity}; {by_kind})" if by_severity else ""
    found = counted(len(report.discrepancies), "discrepancy", "discrepancies")
    extras = [note for note in (copies_note(report), unchecked_note(report), suppression_note(report)) if note]
    return (
        f"{found}{detail} in {counted(len(report.documents), 'document')}, "
        f"{counted(len(report.warnings), 'warning')}" + "".join(f"; {note}" for note in extras) + "."
    )


VERDICT_MARKS = {"supported": "✓", "contradicted": "✗", "unsupported": "?"}
"""The mark a checked claim carries in a derived text, whatever the colour."""


def check_summary(checks: Sequence[Check]) -> str:
    """'12 claims: 10 supported, 1 contradicted, 1 unsupported.'"""
    from factdiff.models import VERDICTS

    verdicts = Counter(check.verdict for check in checks)
    return f"{counted(len(checks), 'claim')}: " + ", ".join(f"{verdicts[v]} {v}" for v in VERDICTS) + "."


def checks_by_document(report: Report) -> list[tuple[str, list[Check]]]:
    """Each derived document's path and its checks, in input order."""
    checks: dict[str, list[Check]] = {}
    for check in report.checks:
        checks.setdefault(check.claim.doc, []).append(check)
    return [(d.path, checks.get(d.id, [])) for d in report.documents if d.id not in report.sources]


def check_line(check: Check) -> str:
    """'unsupported number “34” (line 28): No number in the source can be '34'.'"""
    return f"{check.verdict} {check.kind} “{' '.join(check.claim.text.split())}” (line {check.claim.line}): {check.explanation}"


def evidence_line(span: Span) -> str:
    """'seeds/000.txt:12: the sentence'."""
    return f"{span.path}:{span.line}: {' '.join(span.sentence.split())}"


def suppression_note(report: Report) -> str:
    """'2 suppressed as reviewed (1 in the baseline)', or '' when none was: one wording for
    the summary line and --statistics."""
    if not report.suppressed:
        return ""
    baseline = f" ({report.in_baseline} in the baseline)" if report.in_baseline else ""
    return f"{report.suppressed} suppressed as reviewed{baseline}"


def unchecked_note(report: Report) -> str:
    """'2 not checked (de 1, fr 1): language not supported yet', or '' when every document was."""
    languages = Counter(document.language for document in report.documents if not checked(document.language))
    if not languages:
        return ""
    by_language = ", ".join(f"{language} {count}" for language, count in sorted(languages.items()))
    return f"{sum(languages.values())} not checked ({by_language}): language not supported yet"


def copies_note(report: Report) -> str:
    """'1 identical copy read once', or '' when no input repeated another's text."""
    copies = sum(len(document.copies) for document in report.documents)
    return f"{counted(copies, 'identical copy', 'identical copies')} read once" if copies else ""


def differing_spans(value: str, reference: str) -> list[tuple[int, int]]:
    """Character spans of ``value`` that differ from ``reference`` (for highlighting names)."""
    spans: list[tuple[int, int]] = []
    matcher = SequenceMatcher(None, reference, value, autojunk=False)
    for tag, _a0, _a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal" and b1 > b0:
            spans.append((b0, b1))
    return spans


def evidence_parts(claim: Any) -> tuple[str, str, str]:
    """A claim's sentence in three parts: before the claim, the claim, after it (every view
    marks the middle its own way)."""
    offset = claim.start - claim.sentence_start
    end = offset + len(claim.text)
    return claim.sentence[:offset], claim.sentence[offset:end], claim.sentence[end:]


def support(found: Discrepancy, variant: Variant) -> str:
    """How much stands behind one variant: '3 of 4 sources' when the finding's claims come from
    several documents, '2 mentions' when they all come from one."""
    sources = {doc for other in found.variants for doc in other.corroborated_by}
    if len(sources) > 1:
        return f"{len(variant.corroborated_by)} of {len(sources)} sources" + copies(variant)
    return counted(len(variant.claims), "mention")


def copies(backed: Variant | Agreement) -> str:
    """' (1 independent)' when some of the documents copy one another's passage."""
    if 0 < backed.independent < len(backed.corroborated_by):
        return f" ({backed.independent} independent)"
    return ""


AGREEMENTS_SHOWN = 10
"""Corroborated claims listed in the people's views (all of them are in the JSON)."""


def agreement_line(agreed: Agreement) -> str:
    """'Jovenel Moïse assassinated: 2 sources agree on 2021'; for a quotation, 'quotation of
    William Ruto: “We concurred…” — word for word in 2 sources (1 independent)'."""
    sources = len(agreed.corroborated_by)
    if agreed.kind == "quote":
        return f"{agreed.subject} — word for word in {sources} sources{copies(agreed)}"
    return f"{agreed.subject}: {sources} sources agree on {agreed.value}{copies(agreed)}"


WORD = re.compile(r"\w+(?:['’]\w+)*")


def differing_words(value: str, reference: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``value`` that differ from ``reference``, compared word
    by word with case and apostrophes folded (for highlighting drift inside a quotation)."""
    words = [(m.start(), m.end(), m.group().casefold().replace("’", "'")) for m in WORD.finditer(value)]
    others = [m.group().casefold().replace("’", "'") for m in WORD.finditer(reference)]
    spans: list[tuple[int, int]] = []
    matcher = SequenceMatcher(None, others, [word for _, _, word in words], autojunk=False)
    for tag, _a0, _a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal" and b1 > b0:
            spans.append((words[b0][0], words[b1 - 1][1]))
    return spans


def changed_spans(kind: str, value: str, reference: str) -> list[tuple[int, int]]:
    """What to highlight in a variant: letters for names, words for quotations, nothing else."""
    if kind in LETTER_KINDS:
        return differing_spans(value, reference)
    if kind == "quote":
        return differing_words(value, reference)
    return []


LETTER_KINDS = ("name", "acronym", "organisation")


def by_story(report: Report) -> list[tuple[Story | None, list[Discrepancy]]]:
    """Discrepancies under their story, stories in report order; one untitled group when
    the report holds a single story (nothing to tell apart)."""
    if len({d.story for d in report.discrepancies}) <= 1:
        return [(None, list(report.discrepancies))] if report.discrepancies else []
    stories = {story.id: story for story in report.stories}
    groups: dict[str | None, list[Discrepancy]] = {}
    for found in report.discrepancies:
        groups.setdefault(found.story, []).append(found)
    return [(stories.get(story_id) if story_id else None, found) for story_id, found in groups.items()]


def document_labels(report: Report) -> dict[str, str]:
    """Document id -> what a reader wants beside each piece of evidence: the outlet and the
    publication date, where the input gives them ('The Daily Example · 2024-06-26')."""
    labels = {}
    for document in report.documents:
        parts = [part for part in (document.source, document.date and document.date.isoformat()) if part]
        if parts:
            labels[document.id] = " · ".join(parts)
    return labels


def source_line(claim: Any, labels: Mapping[str, str]) -> str:
    """'path:line:column' ('path:line' in the page for text extracted from HTML), then the
    document's outlet and date where known, so a reader sees who said it and when."""
    file_line = getattr(claim, "file_line", None)
    where = f"{claim.path}:{file_line}" if file_line else f"{claim.path}:{claim.line}:{claim.column}"
    label = labels.get(claim.doc)
    return f"{where} · {label}" if label else where
