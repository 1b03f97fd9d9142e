"""Stage 4: block claims into groups that a rule can compare.

Each rule names a blocking key for a claim (subject and frame for quantities, folded
surname for names). Claims are compared only inside a block, never all pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from factdiff.judge import Rule


def blocks(claims: Iterable[Any], rule: Rule) -> Iterator[tuple[str, Sequence[Any]]]:
    """(key, claims) for each block of the rule's claim kinds, in key order."""
    buckets: dict[str, list[Any]] = {}
    for claim in claims:
        if claim.kind in rule.reads:
            for key in rule.keys(claim):
                buckets.setdefault(key, []).append(claim)
    for key in sorted(buckets):
        yield key, buckets[key]
