"""Stage 5: conflict rules. Each rule module defines one ``RULE``: its code, name and
documentation, the examples it must catch and miss, what it reads, how it blocks claims into
comparable groups, and how it judges a group. A rule that reports a second code (FD101 reports
FD102 when time explains a difference) declares it in ``Rule.emits``, with that code's own
documentation and examples. Modules that hold no rule (``offices``, ``quotations``) share
grouping between rules; a rule module never imports another rule module.

Adding a conflict rule means adding a module here (with its documentation and examples)
and listing it in ``registry.RULE_MODULES``.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from factdiff.models import Agreement, Discrepancy, Variant
from factdiff.text.partition import Partition
from factdiff.text.tokens import normal_token

REPORT_GAP = datetime.timedelta(days=7)
"""Reports at least this far apart may give a count at two stages: a change, not a slip."""

BlockKeys = Callable[[Any], Iterable[str]]
Judge = Callable[[Sequence[Any]], Iterable[Discrepancy]]
Agree = Callable[[Sequence[Any]], Iterable[Agreement]]


@dataclass(frozen=True)
class Examples:
    """What a rule must catch and the look-alikes it must not, as the texts of the documents
    of one run (one text: inside one article; a Markdown front matter may date a text).
    ``factdiff rules`` and ``explain`` show them, and one parametrised test runs them all."""

    catch: tuple[tuple[str, ...], ...]
    miss: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, kw_only=True)
class Code:
    """A code a finding may carry, as a reader selects it (``--kind``) and reads about it
    (``factdiff rules``, ``explain``): stable code and name, the kind of finding, what it
    reports and why, and its examples. A rule is one; a code a rule reports besides its own is
    one it declares in ``Rule.emits``."""

    code: str
    name: str
    kind: str
    summary: str
    why: str
    examples: Examples


@dataclass(frozen=True, kw_only=True)
class Rule(Code):
    """A conflict rule: a code (with its documentation and examples), the claim kinds it reads,
    and its two steps."""

    reads: tuple[str, ...]
    keys: BlockKeys
    judge: Judge
    fallback: bool = False
    """Reports only what no earlier rule reported across documents with overlapping evidence."""
    similar: bool = False
    """``keys`` gives words, not exact keys: the rule judges each claim with the claims that
    share most of its rare words (restatements in other words), found through an index."""
    agree: Agree | None = None
    """Finds, in the same blocks, the claims several documents make alike (corroboration)."""
    emits: tuple[Code, ...] = ()
    """The other codes its judge reports (FD101 reports FD102): a rule reports only its own
    code and these."""

    @property
    def codes(self) -> tuple[Code, ...]:
        """Every code it reports: its own, then those it declares."""
        return (self, *self.emits)


def discrepancy(
    rule: Code,
    *,
    subject: str,
    key: str,
    variants: Sequence[tuple[str, Sequence[Any]]],
    severity: str,
    confidence: float,
    explanation: str,
    kind: str | None = None,
) -> Discrepancy:
    """Build a Discrepancy with a stable id and deterministic order.

    ``rule`` is the rule reporting it, or a code that rule declares. The id hashes the code,
    the subject key and the sorted values, so it survives re-runs, added or removed unrelated
    articles and moved files.
    The scope is "within" when one document alone holds every value (its own slip, even if
    other documents repeat one side of it), and "across" only when no single document does.
    """
    ordered = sorted(
        ((value, sorted(claims, key=_claim_order)) for value, claims in variants),
        key=lambda item: (_claim_order(item[1][0]), item[0]),
    )
    values = "\x1f".join(sorted(value for value, _ in ordered))
    digest = hashlib.sha1(f"{rule.code}\x1e{key}\x1e{values}".encode()).hexdigest()[:12]
    independent = {value: independent_sources(claims) for value, claims in ordered}
    values_by_document: dict[str, set[str]] = {}
    for value, claims in ordered:
        for claim in claims:
            values_by_document.setdefault(claim.doc, set()).add(value)
    every_value = {value for value, _ in ordered}
    one_document_shows_it_all = any(values == every_value for values in values_by_document.values())
    outnumbered = "" if one_document_shows_it_all else _outnumbered(independent)
    if outnumbered:
        confidence = min(confidence + OUTNUMBERED_CONFIDENCE, MAX_CONFIDENCE)
    return Discrepancy.model_construct(
        id=f"{rule.code}-{digest}",
        code=rule.code,
        rule=rule.name,
        kind=kind or rule.kind,
        subject=subject,
        severity=severity,
        confidence=round(confidence, 2),
        explanation=explanation + (_tally(ordered, independent) if not one_document_shows_it_all else "") + outnumbered,
        scope="within" if one_document_shows_it_all else "across",
        variants=tuple(
            Variant.model_construct(
                value=value,
                claims=tuple(claims),
                corroborated_by=tuple(sorted({claim.doc for claim in claims})),
                independent=independent[value],
            )
            for value, claims in ordered
        ),
    )


def _tally(ordered: Sequence[tuple[str, Sequence[Any]]], independent: dict[str, int]) -> str:
    """' Sources: “700” in 1 article, “>800” in 3 (2 independent).' — one value against many
    reads differently from an even split, and copies of one passage are one source."""
    counts = [(value, len({claim.doc for claim in claims})) for value, claims in ordered]
    if all(count == 1 for _, count in counts):
        return ""
    parts = []
    for value, count in counts:
        copies = f" ({independent[value]} independent)" if independent[value] < count else ""
        parts.append(f"“{value}” in {count} article{'s' if count != 1 else ''}{copies}")
    return " Sources: " + ", ".join(parts) + "."


LOPSIDED = 3
"""One independent source against this many or more: the lone one is most likely the slip."""
OUTNUMBERED_CONFIDENCE = 0.05
MAX_CONFIDENCE = 0.95


def _outnumbered(independent: dict[str, int]) -> str:
    """' “700” stands alone against 3 independent sources.' when one value has a single source
    and another has at least LOPSIDED: not a split, but one source against the rest."""
    lone = [value for value, count in independent.items() if count == 1]
    strongest = max(independent.values())
    if len(independent) == 2 and len(lone) == 1 and strongest >= LOPSIDED:
        return f" “{lone[0]}” stands alone against {strongest} independent sources: it is the likelier slip."
    return ""


COPIED = 95.0
"""Two evidence sentences at least this alike (rapidfuzz ratio of their folded words) are one
passage copied, not two sources."""
COPY_MIN_CHARS = 40
"""Shorter sentences ('He said no.') are alike by chance, not by copying."""
FUZZY_COPY_DOCUMENTS = 50
"""Above this many documents behind one value, only word-for-word copies are found."""


def independent_sources(claims: Sequence[Any]) -> int:
    """How many independent documents state the claims: documents whose evidence sentences are
    copies of each other's (syndicated or reused paragraphs) count once."""
    sentences: dict[str, set[str]] = {}
    for claim in claims:
        folded = " ".join(normal_token(claim.sentence).split())
        if len(folded) >= COPY_MIN_CHARS:
            sentences.setdefault(claim.doc, set()).add(folded)
    documents = sorted({claim.doc for claim in claims})
    partition = Partition(documents)
    first_with: dict[str, str] = {}
    for document in sorted(sentences):
        for sentence in sentences[document]:
            partition.join(first_with.setdefault(sentence, document), document)
    if len(sentences) <= FUZZY_COPY_DOCUMENTS:
        named = sorted(sentences)
        for first, second in ((a, b) for index, a in enumerate(named) for b in named[index + 1 :]):
            if partition.root(first) != partition.root(second) and any(
                fuzz.ratio(x, y) >= COPIED for x in sentences[first] for y in sentences[second]
            ):
                partition.join(first, second)
    return len({partition.root(document) for document in documents})


def agreement(rule: Code, *, subject: str, key: str, value: str, claims: Sequence[Any]) -> Agreement:
    """Build an Agreement with a stable id and its claims in document order."""
    ordered = sorted(claims, key=_claim_order)
    digest = hashlib.sha1(f"{rule.code}\x1eagree\x1e{key}".encode()).hexdigest()[:12]
    return Agreement.model_construct(
        id=f"{rule.code}A-{digest}",
        kind=rule.kind,
        subject=subject,
        value=value,
        claims=tuple(ordered),
        corroborated_by=tuple(sorted({claim.doc for claim in ordered})),
        independent=independent_sources(ordered),
        story=None,
    )


def _claim_order(claim: Any) -> tuple[str, int, int]:
    return (claim.path, claim.start, claim.end)


def connected_components(items: Sequence[str], linked: Callable[[str, str], bool]) -> list[list[str]]:
    """Groups of two or more items joined by ``linked`` (pairs are checked within one small
    block only, and not at all once both items are in one group)."""
    partition = Partition(items)
    for index, first in enumerate(items):
        for second in items[index + 1 :]:
            if partition.root(first) != partition.root(second) and linked(first, second):
                partition.join(first, second)
    order = {item: index for index, item in enumerate(items)}
    groups = [sorted(group, key=order.__getitem__) for group in partition.groups() if len(group) > 1]
    return sorted(groups, key=lambda group: order[group[0]])
