"""Stage 3b: stories. Which documents cover the same story, so facts are compared only within one.

A document is described by the names it is about: people named twice (by surname),
organisations (by folded name) and acronyms it defines or uses twice; news outlets are left
out, since they say who reported a story, not what it is. Two
documents are linked when they share at least ``MIN_SHARED`` of those names and the shared
names are a fair part of the smaller document's (``MIN_OVERLAP``); stories are the linked
groups. One shared famous name ("Ruto") does not make two stories one.

Pairs are found through an index from name to documents, never by comparing all pairs of
documents, and names carried by too many documents to tell stories apart ("Obama" across an
archive) are not used for linking: time stays linear in the number of documents in practice.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from factdiff.models import Story
from factdiff.text.fold import fold
from factdiff.text.lexicon import acronym_data, organisation_data
from factdiff.text.names import organisation_key
from factdiff.text.partition import Partition

MIN_SHARED = 2
"""Names two documents must share to be one story."""
MIN_OVERLAP = 0.15
"""...and the share of the smaller document's names they must make up."""
MIN_MENTIONS = 2
"""A person or acronym named only once in passing says little about the story."""
COMMON_NAME_SHARE = 0.05
"""Names in more than this share of a large corpus are too common to link stories..."""
COMMON_NAME_FLOOR = 10
"""...but any name in at most this many documents is always usable."""
MAX_POSTING = 200
"""Never pair up more documents than this through one name (keeps the pairing linear)."""
LABEL_NAMES = 3


def story_names(claims: Iterable[Any]) -> dict[str, str]:
    """The names a document is about: key -> the form shown in a label.

    A person counts when named at least twice (a byline or a passing mention is once), an
    acronym when defined or used twice unless it is a well-known one ("UN", "FBI"); news
    outlets ("CNN", "Reuters") never count.
    """
    names: dict[str, str] = {}
    mentions: Counter[str] = Counter()
    outlets = _outlets()
    generic = frozenset(acronym_data().well_known)
    for claim in claims:
        if claim.kind == "person":
            key = "person:" + fold(claim.surname)
            mentions[key] += 1
            if claim.given and not claim.alias_of:
                names.setdefault(key, f"{claim.given} {claim.surname}")
        elif claim.kind == "organisation" and claim.key not in outlets:
            names.setdefault("organisation:" + claim.key, claim.name)
        elif claim.kind == "acronym" and claim.acronym not in generic:
            key = "acronym:" + claim.acronym
            mentions[key] += MIN_MENTIONS if claim.expansion else 1
            names.setdefault(key, claim.acronym)
    return {
        key: label for key, label in names.items() if key.startswith("organisation:") or mentions[key] >= MIN_MENTIONS
    }


@cache
def _outlets() -> frozenset[str]:
    return frozenset(organisation_key(name.split()) for name in organisation_data().outlets)


def _usable(postings: Mapping[str, list[str]], documents: int) -> dict[str, list[str]]:
    limit = min(MAX_POSTING, max(COMMON_NAME_FLOOR, int(documents * COMMON_NAME_SHARE)))
    return {name: docs for name, docs in postings.items() if 1 < len(docs) <= limit}


def find_stories(names_by_doc: Mapping[str, Mapping[str, str]]) -> list[Story]:
    """Group documents (id -> names) into stories; every document is in exactly one."""
    postings: dict[str, list[str]] = {}
    for doc in sorted(names_by_doc):
        for name in names_by_doc[doc]:
            postings.setdefault(name, []).append(doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in _usable(postings, len(names_by_doc)).values():
        for index, first in enumerate(docs):
            for second in docs[index + 1 :]:
                shared[(first, second)] += 1
    partition = Partition(names_by_doc)
    for (first, second), count in sorted(shared.items()):
        smaller = min(len(names_by_doc[first]), len(names_by_doc[second]))
        if count >= MIN_SHARED and count / smaller >= MIN_OVERLAP:
            partition.join(first, second)
    return sorted((_story(group, names_by_doc) for group in partition.groups()), key=lambda story: story.documents)


def single_story(names_by_doc: Mapping[str, Mapping[str, str]]) -> list[Story]:
    """Everything given is one story (``--one-story``, and ``compare``)."""
    return [_story(sorted(names_by_doc), names_by_doc)] if names_by_doc else []


def _story(docs: Sequence[str], names_by_doc: Mapping[str, Mapping[str, str]]) -> Story:
    counts: Counter[str] = Counter(name for doc in docs for name in names_by_doc[doc])
    shown = {name: label for doc in docs for name, label in names_by_doc[doc].items()}
    ranked = sorted(counts, key=lambda name: (-counts[name], shown[name]))
    common = [shown[name] for name in ranked if counts[name] > 1]
    label_names = common[:LABEL_NAMES] or [shown[name] for name in ranked[:LABEL_NAMES]]
    digest = hashlib.sha1("\x1f".join(sorted(docs)).encode()).hexdigest()[:8]
    return Story.model_construct(
        id=f"S-{digest}",
        label=", ".join(label_names) or "(no names)",
        documents=tuple(sorted(docs)),
        shared=tuple(common[:10]),
    )
