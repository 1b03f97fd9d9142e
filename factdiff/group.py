"""Stage 4: block claims into groups that a rule can compare.

Each rule names a blocking key for a claim (subject and frame for quantities, folded
surname for names), inside the claim's story. Claims are compared only inside a block,
never all pairs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from factdiff.judge import Rule


def blocks(
    claims_by_kind: Mapping[str, Sequence[Any]], rule: Rule, story_of: Mapping[str, str]
) -> Iterator[tuple[str, Sequence[Any]]]:
    """(key, claims) for each block of two claims or more of the rule's kinds, in key order.

    Every key is prefixed with the story of the claim's document, so claims from two
    stories never meet. A block of one claim has nothing to compare and is not yielded.
    """
    buckets: dict[str, list[Any]] = {}
    keys = rule.keys
    for kind in rule.reads:
        for claim in claims_by_kind.get(kind, ()):
            story = story_of[claim.doc]
            for key in keys(claim):
                buckets.setdefault(f"{story}|{key}", []).append(claim)
    for key in sorted(buckets):
        if len(buckets[key]) > 1:
            yield key, buckets[key]
