"""Every rule's own examples: the texts it must catch, and the look-alikes it must not."""

from __future__ import annotations

import pytest

from factdiff.api import find_discrepancies
from factdiff.judge.registry import RULES
from factdiff.load import front_matter, make_document


def codes_found(texts: tuple[str, ...]) -> set[str]:
    """Rule codes reported on the texts taken as one story (a front matter dates a text)."""
    documents = []
    for number, text in enumerate(texts):
        body, date = front_matter(text)
        documents.append(make_document(body, f"example{number}.md", date))
    return {found.code for found in find_discrepancies(documents, one_story=True)}


CASES = [
    pytest.param(rule.code, texts, caught, id=f"{rule.code}-{'catch' if caught else 'miss'}{number}")
    for rule in RULES
    for caught, examples in ((True, rule.examples.catch), (False, rule.examples.miss))
    for number, texts in enumerate(examples)
]


@pytest.mark.parametrize("code, texts, caught", CASES)
def test_rule_example(code, texts, caught):
    assert (code in codes_found(texts)) is caught


def test_every_rule_has_a_unique_code_and_examples_both_ways():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(rule.examples.catch and rule.examples.miss for rule in RULES)
