"""Stage 5: block claims into groups that a rule can compare.

Each rule names blocking keys for a claim (subject and frame for quantities, folded
surname for names); a key holds inside the claim's story. Claims are compared only inside a
block, never all pairs. This stage knows keys, not rules: the caller passes each rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from factdiff.models import PackedClaim, Texts, unpack

BlockKeys = Callable[[Any], Iterable[str]]
"""A rule's blocking keys for a claim (packed or whole)."""

MAX_SEEN_BITS = 1 << 27
"""At most 16 MB for the first pass's seen-before filter; about 32 bits per claim below that,
so a few per cent of first sightings look repeated, and only those are kept."""


def blocks(
    claims_by_kind: Mapping[str, Sequence[PackedClaim]],
    reads: Sequence[str],
    keys: BlockKeys,
    story_of: Mapping[str, str],
    texts: Texts,
) -> Iterator[tuple[str, Sequence[Any]]]:
    """(key, claims) for each block of two claims or more of the kinds ``reads``, in key order.

    Every key is prefixed with the story of the claim's document, so claims from two
    stories never meet. Most keys belong to one claim only (a sentence seen once), so a first
    pass marks keys in a bit filter and notes the ones seen twice; only those are gathered in
    the second pass. Keys are read from the packed claims; only claims in a block of two or
    more are unpacked, with their texts (from ``texts``), for the judge, ordered by document id
    (a hash of the text) and offset: whatever a rule takes from "the first claim" then depends
    on the texts only, never on the order or the names of the files.
    """
    claims = [(story_of[packed.doc], packed) for kind in reads for packed in claims_by_kind.get(kind, ())]
    bits = min(MAX_SEEN_BITS, 1 << max(10, (32 * len(claims)).bit_length()))
    seen = bytearray(bits >> 3)
    repeated: set[int] = set()
    for story, packed in claims:
        for key in keys(packed):
            bit = hash((story, key)) & (bits - 1)
            if seen[bit >> 3] & (1 << (bit & 7)):
                repeated.add(bit)
            else:
                seen[bit >> 3] |= 1 << (bit & 7)
    del seen
    buckets: dict[str, list[PackedClaim]] = {}
    for story, packed in claims:
        for key in keys(packed):
            if hash((story, key)) & (bits - 1) in repeated:
                buckets.setdefault(f"{story}|{key}", []).append(packed)
    for key in sorted(buckets):
        if len(buckets[key]) > 1:
            ordered = sorted(buckets[key], key=lambda packed: (packed.doc, packed.start, packed.end))
            yield key, [unpack(packed, texts) for packed in ordered]


def comparable(claim: Any, keys_by_kind: Mapping[str, Sequence[BlockKeys]]) -> bool:
    """Some rule can put the claim in a block: a claim no rule can block is never judged."""
    return any(next(iter(keys(claim)), None) is not None for keys in keys_by_kind.get(claim.kind, ()))
