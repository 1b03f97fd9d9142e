"""Stage 5: block claims into groups that a rule can compare.

Each rule names blocking keys for a claim (subject and frame for quantities, folded
surname for names); a key holds inside the claim's story. Claims are compared only inside a
block, never all pairs. A rule that compares restatements in other words names words
instead, and ``similar`` pairs the claims that share most of their rare words, through an
index. This stage knows keys, not rules: the caller passes each rule's.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from typing import Any, NamedTuple

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


MAX_POSTINGS = 30
"""A word in more claims than this in one story is too common to find a restatement by (it
still counts in the claim's own weight): the index's cost stays linear in the claims."""
MIN_SHARED = 0.5
"""The share of the lighter claim's word weight two claims must share to be paired."""
MIN_SHARED_WORDS = 2
CANDIDATES = 3
"""Each claim is paired with at most this many others, the most alike first."""


class WordCounts(NamedTuple):
    """A rule's word statistics over a whole run: how many claims it compares, and in how
    many of them each word is (a word listed twice in one claim counts twice). ``similar``
    weighs words by them; a run judged in parts (story by story, on a cluster) computes them
    first over every part, so each part weighs words as the whole run does."""

    claims: int
    words: Counter[str]


def word_counts(
    claims_by_kind: Mapping[str, Sequence[PackedClaim]], reads: Sequence[str], words: BlockKeys
) -> WordCounts:
    """The word statistics of the claims of the kinds ``reads``."""
    listed = [tuple(words(packed)) for kind in reads for packed in claims_by_kind.get(kind, ())]
    return WordCounts(len(listed), Counter(word for claim_words in listed for word in claim_words))


def similar(
    claims_by_kind: Mapping[str, Sequence[PackedClaim]],
    reads: Sequence[str],
    words: BlockKeys,
    story_of: Mapping[str, str],
    texts: Texts,
    counts: WordCounts | None = None,
) -> Iterator[tuple[str, Sequence[Any]]]:
    """(key, [claim, *alike]) for each claim that has claims alike inside its story: those that
    share most of its words, rare words weighing more (a word's weight: log(1 + claims /
    claims with it), and the claims most alike to those: what else the coverage says in
    those words (a summary's sentence may join two of the article's).

    Candidates come from an index of words, never from all pairs: a claim meets only the
    claims that share a word with it, through words held by at most MAX_POSTINGS claims of
    its story, and keeps the CANDIDATES best that share at least MIN_SHARED of the lighter
    one's weight. Claims are ordered by document id and offset, as ``blocks`` orders them.
    ``counts``: the run's word statistics, when these claims are only a part of it (default:
    these claims' own).
    """
    claims = [packed for kind in reads for packed in claims_by_kind.get(kind, ())]
    claims.sort(key=lambda packed: (packed.doc, packed.start, packed.end))
    claim_words = [tuple(words(packed)) for packed in claims]
    if counts is None:
        counts = WordCounts(len(claims), Counter(word for listed in claim_words for word in listed))
    weight = {word: math.log(1 + counts.claims / counts.words[word]) for word in set(chain.from_iterable(claim_words))}
    own = [sum(map(weight.__getitem__, listed)) for listed in claim_words]
    stories = [story_of[packed.doc] for packed in claims]
    alike = _most_alike(claim_words, stories, weight, own)
    unpacked: dict[int, Any] = {}

    def claim(index: int) -> Any:
        if index not in unpacked:
            unpacked[index] = unpack(claims[index], texts)
        return unpacked[index]

    for index, direct in enumerate(alike):
        if direct:
            around = sorted({*direct, *(far for near in direct for far in alike[near])} - {index})
            yield f"{stories[index]}|{claim(index).id}", [claim(index), *(claim(i) for i in around)]


def _most_alike(
    claim_words: Sequence[tuple[str, ...]], stories: Sequence[str], weight: Mapping[str, float], own: Sequence[float]
) -> list[list[int]]:
    """For each claim, the CANDIDATES claims of its story most alike to it (see ``similar``)."""
    # each story's own index, word -> the claims that have it, in order (keyed by the word alone)
    postings_in: defaultdict[str, defaultdict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, listed in enumerate(claim_words):
        postings = postings_in[stories[index]]
        for word in listed:
            postings[word].append(index)
    alike: list[list[int]] = []
    for index, listed in enumerate(claim_words):
        postings = postings_in[stories[index]]
        shared: dict[int, float] = {}
        count: dict[int, int] = {}
        for word in listed:
            posting = postings[word]
            if len(posting) == 1 or len(posting) > MAX_POSTINGS:
                continue  # the claim's own word only, or too common to find a restatement by
            word_weight = weight[word]
            for other in posting:
                if other != index:
                    shared[other] = shared.get(other, 0.0) + word_weight
                    count[other] = count.get(other, 0) + 1
        ranked = heapq.nsmallest(  # the most alike first: (-share, other), ties to the earlier claim
            CANDIDATES,
            [
                (-(score / min(own[index], own[other])), other)
                for other, score in shared.items()
                if count[other] >= MIN_SHARED_WORDS
            ],
        )
        alike.append([other for unshared, other in ranked if -unshared >= MIN_SHARED])
    return alike
