"""Stage 5: conflict rules. Each rule module defines ``RULES``: what it reads, how it
blocks claims into comparable groups, and how it judges a group.

Adding a conflict rule means adding a module here (with its documentation and examples)
and listing it in ``RULE_MODULES``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from factdiff.models import Discrepancy, Variant
from factdiff.partition import Partition

BlockKeys = Callable[[Any], Iterable[str]]
Judge = Callable[[Sequence[Any]], Iterable[Discrepancy]]


@dataclass(frozen=True)
class Rule:
    """A conflict rule: stable code and name, the claim kinds it reads, and its two steps."""

    code: str
    name: str
    kind: str
    reads: tuple[str, ...]
    summary: str
    why: str
    keys: BlockKeys
    judge: Judge
    fallback: bool = False
    """Reports only what no earlier rule reported across documents with overlapping evidence."""


def discrepancy(
    rule: Rule,
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

    The id hashes the rule, the subject key and the sorted values, so it survives
    re-runs, added or removed unrelated articles and moved files.
    The scope is "within" when one document alone holds every value (its own slip, even if
    other documents repeat one side of it), and "across" only when no single document does.
    """
    ordered = sorted(
        ((value, sorted(claims, key=_claim_order)) for value, claims in variants),
        key=lambda item: (_claim_order(item[1][0]), item[0]),
    )
    values = "\x1f".join(sorted(value for value, _ in ordered))
    digest = hashlib.sha1(f"{rule.code}\x1e{key}\x1e{values}".encode()).hexdigest()[:12]
    values_by_document: dict[str, set[str]] = {}
    for value, claims in ordered:
        for claim in claims:
            values_by_document.setdefault(claim.doc, set()).add(value)
    every_value = {value for value, _ in ordered}
    one_document_shows_it_all = any(values == every_value for values in values_by_document.values())
    return Discrepancy.model_construct(
        id=f"{rule.code}-{digest}",
        code=rule.code,
        rule=rule.name,
        kind=kind or rule.kind,
        subject=subject,
        severity=severity,
        confidence=round(confidence, 2),
        explanation=explanation + (_tally(ordered) if not one_document_shows_it_all else ""),
        scope="within" if one_document_shows_it_all else "across",
        variants=tuple(
            Variant.model_construct(
                value=value, claims=tuple(claims), corroborated_by=tuple(sorted({claim.doc for claim in claims}))
            )
            for value, claims in ordered
        ),
    )


def _tally(ordered: Sequence[tuple[str, Sequence[Any]]]) -> str:
    """' Sources: “700” in 1 article, “>800” in 3.' — one value against many reads differently
    from an even split."""
    counts = [(value, len({claim.doc for claim in claims})) for value, claims in ordered]
    if all(count == 1 for _, count in counts):
        return ""
    parts = [f"“{value}” in {count} article{'s' if count != 1 else ''}" for value, count in counts]
    return " Sources: " + ", ".join(parts) + "."


def _claim_order(claim: Any) -> tuple[str, int, int]:
    return (claim.path, claim.start, claim.end)


def connected_components(items: Sequence[str], linked: Callable[[str, str], bool]) -> list[list[str]]:
    """Groups of two or more items joined by ``linked`` (pairs are checked within one small
    block only, and not at all once both items are in one group)."""
    partition = Partition(items)
    for index, first in enumerate(items):
        for second in items[index + 1:]:
            if partition.root(first) != partition.root(second) and linked(first, second):
                partition.join(first, second)
    order = {item: index for index, item in enumerate(items)}
    groups = [sorted(group, key=order.__getitem__) for group in partition.groups() if len(group) > 1]
    return sorted(groups, key=lambda group: order[group[0]])
