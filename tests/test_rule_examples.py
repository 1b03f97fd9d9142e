"""Every rule's own examples: the texts it must catch, and the look-alikes it must not; the
codes a rule declares (FD102 for FD101) have their own, and are run the same way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from factdiff.api import by_kind, extracted, find_discrepancies, rule_blocks
from factdiff.judge import Rule
from factdiff.judge.registry import CODES, RULES
from factdiff.load import MemoryTexts, front_matter, make_document
from factdiff.models import Document

MIN_EXAMPLES = 2
"""Each code shows at least this many texts it catches and this many look-alikes it must not."""


def documents_of(texts: tuple[str, ...]) -> list[Document]:
    """The texts as the documents of one run (a front matter dates a text)."""
    documents = []
    for number, text in enumerate(texts):
        body, date = front_matter(text)
        documents.append(make_document(body, f"example{number}.md", date))
    return documents


def codes_found(texts: tuple[str, ...]) -> set[str]:
    """Rule codes reported on the texts taken as one story."""
    return {found.code for found in find_discrepancies(documents_of(texts), one_story=True)}


def reported(texts: tuple[str, ...]) -> Iterator[tuple[Rule, str]]:
    """(rule, code) for everything each rule's judge reports on the texts taken as one story."""
    documents = documents_of(texts)
    read = [extracted(document) for document in documents]
    claims_by_kind = by_kind(read)
    story_of = {document.info.id: "example" for document in read}
    for rule in RULES:
        for _key, block in rule_blocks(rule, claims_by_kind, story_of, MemoryTexts(documents)):
            for found in rule.judge(block):
                yield rule, found.code


CASES = [
    pytest.param(code.code, texts, caught, id=f"{code.code}-{'catch' if caught else 'miss'}{number}")
    for code in CODES
    for caught, examples in ((True, code.examples.catch), (False, code.examples.miss))
    for number, texts in enumerate(examples)
]


@pytest.mark.parametrize("code, texts, caught", CASES)
def test_rule_example(code, texts, caught):
    assert (code in codes_found(texts)) is caught


@pytest.mark.parametrize("code, texts, caught", CASES)
def test_a_rule_reports_only_its_code_and_the_codes_it_declares(code, texts, caught):
    found = list(reported(texts))
    if caught:
        assert code in {reported_code for _rule, reported_code in found}
    for rule, reported_code in found:
        assert reported_code in {declared.code for declared in rule.codes}, f"{rule.code} reports {reported_code}"


def test_every_code_is_unique_and_has_examples_both_ways():
    codes = [code.code for code in CODES]
    names = [code.name for code in CODES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    assert not set(names) & {code.kind for code in CODES}, "a name that is also a kind selects two things"
    assert [code.code for code in CODES if code not in RULES] == ["FD102", "FD403"]
    for code in CODES:
        assert len(code.examples.catch) >= MIN_EXAMPLES, f"{code.code}: {len(code.examples.catch)} caught"
        assert len(code.examples.miss) >= MIN_EXAMPLES, f"{code.code}: {len(code.examples.miss)} missed"
