"""The grouping stage pairs restatements in other words through an index of their words (group.similar)."""

from __future__ import annotations

from factdiff.api import by_kind, extracted, group_stories
from factdiff.group import similar
from factdiff.judge.reworded import block_keys
from factdiff.load import MemoryTexts, make_document

TEXTS = (
    "The film took $35.6 million in North America over its opening weekend. Critics loved it.",
    "The film grossed over $36 million in North America in its opening weekend, studio figures show.",
    "Rain is forecast for 3 days in the north of Scotland next week, the Met Office said.",
)


def blocks_of(texts: tuple[str, ...]) -> list[list[str]]:
    documents = [make_document(text, f"{index}.txt") for index, text in enumerate(texts)]
    read = [extracted(document) for document in documents]
    story_of = {doc: story.id for story in group_stories(read, True) for doc in story.documents}
    found = similar(by_kind(read), ("statement",), block_keys, story_of, MemoryTexts(documents))
    return [[claim.sentence for claim in block] for _key, block in found]


def test_a_restatement_meets_its_original_and_nothing_else():
    blocks = blocks_of(TEXTS)
    assert len(blocks) == 2  # each side of the pair leads one block
    for block in blocks:
        assert len(block) == 2
        assert all("North America" in sentence for sentence in block)


def test_unrelated_sentences_are_never_paired():
    assert blocks_of((TEXTS[0], TEXTS[2])) == []
