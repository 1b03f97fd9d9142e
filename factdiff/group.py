"""Stage 4: block claims into groups that a rule can compare.

Each rule names a blocking key for a claim (subject and frame for quantities, folded
surname for names), inside the claim's story. Claims are compared only inside a block,
never all pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from factdiff.judge import Rule


def blocks(claims: Iterable[Any], rule: Rule, story_of: Mapping[str, str]) -> Iterator[tuple[str, Sequence[Any]]]:
    """(key, claims) for each block of the rule's claim kinds, in key order.

    Every key is prefixed with the story of the claim's document, so claims from two
    stories never meet.
    """
    buckets: dict[str, list[Any]] = {}
    for claim in claims:
        if claim.kind in rule.reads:
            story = story_of[claim.doc]
            for key in rule.keys(claim):
                buckets.setdefault(f"{story}|{key}", []).append(claim)
    for key in sorted(buckets):
        yield key, buckets[key]
