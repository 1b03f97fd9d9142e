"""Story links are counted one document at a time: the candidate pairs are exactly those of
the index (documents sharing a name, number or date carried by few documents), each once and
in order, near-copies found from prefixes are those every pair would give, and the stories
found do not depend on the order the documents come in."""

from __future__ import annotations

import datetime
import itertools
import math
import random

import pytest

from factdiff import story
from factdiff.story import find_stories
from factdiff.text.partition import Partition


def folder_of(seed: int, documents: int = 120) -> dict[str, dict[str, tuple[str, int]]]:
    """Evidence drawn from a few names, numbers and words, so that many documents share some,
    and one name carried by more documents than ``POSTING_LIMIT``."""
    rng = random.Random(seed)
    keys = [f"person:p{index}" for index in range(40)] + [f"number:{index}" for index in range(20)]
    keys += [f"word:w{index}" for index in range(30)]
    evidence = {}
    for index in range(documents + story.POSTING_LIMIT):
        chosen = rng.sample(keys, rng.randint(1, 6)) if index < documents else []
        evidence[f"d{index:04d}"] = {key: (key, rng.randint(1, 3)) for key in [*chosen, "name:everywhere"]}
    return evidence


def pairs_sharing_an_indexed_key(evidence: dict[str, dict[str, tuple[str, int]]]) -> list[tuple[str, str]]:
    """The candidate pairs by their definition: every pair of documents, one by one."""
    carriers = {key: sum(key in names for names in evidence.values()) for names in evidence.values() for key in names}
    return [
        (first, second)
        for first, second in itertools.combinations(sorted(evidence), 2)
        if any(
            story._kind(key) in story.INDEX_KINDS and carriers[key] <= story.POSTING_LIMIT
            for key in evidence[first].keys() & evidence[second].keys()
        )
    ]


def test_pairs_are_those_of_the_index_each_once_in_order():
    for seed in range(3):
        evidence = folder_of(seed)
        assert list(story._Folder(evidence).pairs()) == pairs_sharing_an_indexed_key(evidence)


def with_near_copies(seed: int) -> dict[str, dict[str, tuple[str, int]]]:
    """``folder_of``'s documents, each with up to three copies missing up to a quarter of its
    evidence or carrying a few more pieces: some near-copies, some not."""
    rng = random.Random(seed)
    evidence = folder_of(seed)
    pieces = sorted({key for names in evidence.values() for key in names})
    for doc, names in list(evidence.items()):
        for copy in range(rng.randint(0, 3)):
            kept = rng.sample(sorted(names), max(1, round(len(names) * rng.uniform(0.75, 1.0))))
            added = rng.sample(pieces, rng.randint(0, 2))
            evidence[f"{doc}-{copy}"] = {key: names.get(key, (key, 1)) for key in [*kept, *added]}
    return evidence


def near_copies_from_every_pair(evidence: dict[str, dict[str, tuple[str, int]]]) -> list[str]:
    """One document of each group of near-copies, by definition: every candidate pair whose
    evidence is COPY the same."""
    copies = Partition(evidence)
    for first, second in pairs_sharing_an_indexed_key(evidence):
        shared = len(evidence[first].keys() & evidence[second].keys())
        if shared >= story.COPY * (len(evidence[first]) + len(evidence[second]) - shared):
            copies.join(first, second)
    return [group[0] for group in copies.groups()]


@pytest.mark.parametrize("seed", range(8))
def test_near_copies_found_from_prefixes_are_those_of_every_pair(seed):
    evidence = with_near_copies(seed)
    folder = story._Folder(evidence)
    originals = [folder.docs[row] for row in folder._originals()]
    assert originals == near_copies_from_every_pair(evidence)
    assert len(originals) < len(evidence) - 20  # the folder holds near-copies to find


def test_stories_do_not_depend_on_the_order_of_the_documents():
    evidence = folder_of(7)
    backwards = dict(reversed(list(evidence.items())))
    assert find_stories(evidence) == find_stories(backwards)


def likeness(folder: story._Folder, first: str, second: str, dates: dict | None = None) -> float:
    """How alike two documents are, by its definition: the cosine of their weighted evidence,
    halved when their dates lie more than ``APART`` apart."""
    one, other = folder.vector(folder.docs.index(first)), folder.vector(folder.docs.index(second))
    norms = math.sqrt(sum(value * value for value in one.values()) * sum(value * value for value in other.values()))
    value = sum(one[key] * other[key] for key in one.keys() & other.keys()) / norms if norms else 0.0
    day, other_day = (dates or {}).get(first), (dates or {}).get(second)
    return value * story.APART_FACTOR if day and other_day and abs(day - other_day) > story.APART else value


@pytest.mark.parametrize("seed", range(4))
def test_likenesses_are_the_cosines_of_every_candidate_pair(seed):
    evidence = folder_of(seed)
    rng = random.Random(seed)
    dates = {doc: datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randint(0, 400)) for doc in evidence}
    dates.update({doc: None for doc in rng.sample(sorted(evidence), 30)})  # some dates unknown
    folder = story._Folder(evidence)
    found = {
        (folder.docs[first], folder.docs[second]): value
        for first, partners, alike in folder.likenesses(dates)
        for second, value in zip(partners.tolist(), alike.tolist(), strict=True)
    }
    assert list(found) == pairs_sharing_an_indexed_key(evidence)
    assert sum(value < likeness(folder, *pair) for pair, value in found.items()) > 0  # some halved by their dates
    assert all(found[pair] == pytest.approx(likeness(folder, *pair, dates), abs=1e-12) for pair in found)


def every_link(folder: story._Folder) -> dict[str, dict[str, float]]:
    """Each pair's likeness at or above the floor, whatever component it falls in."""
    links: dict[str, dict[str, float]] = {doc: {} for doc in folder.docs}
    for first, second in folder.pairs():
        value = likeness(folder, first, second)
        if value >= story.LINK_FLOOR:
            links[first][second] = links[second][first] = value
    return links


def two_events(seed: int) -> dict[str, dict[str, tuple[str, int]]]:
    """Two events of four documents each, every document naming its event's people and numbers
    with a few of its own; some also name one person of the other event in passing."""
    rng = random.Random(seed)
    evidence = {}
    for event in "ab":
        names = [f"person:{event}{index}" for index in range(5)] + [f"number:{event}{index}" for index in range(3)]
        for index in range(4):
            chosen = rng.sample(names, 5) + [f"name:{event}{index}x{other}" for other in range(4)]
            if rng.random() < 0.5:
                chosen.append(f"person:{'b' if event == 'a' else 'a'}0")
            evidence[f"{event}{index}"] = {key: (key, rng.randint(1, 2)) for key in chosen}
    return evidence


def test_weak_links_are_kept_only_inside_a_strong_component_and_group_alike():
    dropped = 0
    for seed in range(5):
        folder = story._Folder(two_events(seed))
        kept, full = story._links(folder, {}), every_link(folder)
        dropped += sum(len(full[doc]) - len(kept[doc]) for doc in folder.docs)
        assert all(kept[doc] == pytest.approx({other: full[doc][other] for other in kept[doc]}) for doc in folder.docs)
        assert story._average_linkage(kept) == story._average_linkage(full)
    assert dropped > 0  # weak links across the events were left out, or this proves nothing
