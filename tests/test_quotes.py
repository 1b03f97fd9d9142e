"""Quotations: speakers, wording drift and misattribution."""

from __future__ import annotations

import pytest

from conftest import claims_of
from factdiff.api import find_discrepancies, scan
from factdiff.load import make_document


def across(*texts: str):
    documents = [make_document(text, f"doc{i}.txt") for i, text in enumerate(texts)]
    return [d for d in find_discrepancies(documents, one_story=True) if d.scope == "across"]


@pytest.mark.parametrize(
    "text, speaker, verb",
    [
        ("“We will stay until the job is done,” President William Ruto said on Tuesday.", "William Ruto", "said"),
        ("“We will stay until the job is done,” said President William Ruto.", "William Ruto", "said"),
        ("President William Ruto told reporters: “We will stay until the job is done.”", "William Ruto", "told"),
        ("According to Antonio Guterres, \"the mission needs far more money than it has\".", "Antonio Guterres", "according to"),
        ("“We will stay until the job is done,” the crowd chanted outside.", None, None),
    ],
)
def test_quotations_and_their_speakers(text, speaker, verb):
    [quote] = claims_of(text, "quote")
    assert (quote.speaker, quote.verb) == (speaker, verb)
    assert text[quote.start:quote.end] == quote.text


def test_a_changed_word_is_drift_and_punctuation_is_not():
    original = "“We will not raise taxes on working families this year,” Finance Minister John Mbadi said."
    [drift] = across(original, original.replace("not raise", "never raise"))
    assert drift.code == "FD601" and "“not” became “never”" in drift.explanation
    assert across(original, original.replace("this year,”", "this year”").replace("“", '"').replace("”", '"')) == []


def test_the_same_quotation_given_to_two_speakers_is_misattribution():
    first = "“The mission has restored a measure of calm in the capital,” President William Ruto said on Monday."
    second = "“The mission has restored a measure of calm in the capital,” Secretary-General Antonio Guterres said."
    [found] = [d for d in across(first, second) if d.code == "FD602"]
    assert {v.value for v in found.variants} == {"William Ruto", "Antonio Guterres"} and found.severity == "high"


def test_identical_quotations_in_the_seeds_are_not_discrepancies(seeds):
    assert [d for d in scan([seeds]).discrepancies if d.kind == "quote"] == []
    shared = [q for q in claims_of((seeds / "000_ee73806791a84dfe.txt").read_text(encoding="utf-8"), "quote")
              if q.words.startswith("we concurred")]
    assert shared and shared[0].speaker == "William Ruto"


def test_excerpts_titles_and_short_common_phrases_are_not_discrepancies():
    full = "“Our preliminary results do show that there was a presence of methyl bromide,” Dr Ann Lee said."
    fragment = "Dr Ann Lee said tests “do show that there was a presence of methyl bromide” in the unit."
    assert [d for d in across(full, fragment) if d.kind == "quote"] == []
    titles = ("The film “Going Clear: Scientology and the Prison of Belief” aired on Sunday night. "
              "It is based on the book “Going Clear: Scientology, Hollywood, and the Prison of Belief” by Wright.")
    assert [d for d in find_discrepancies([make_document(titles, "a.txt")]) if d.kind == "quote"] == []
    assert across("“I thought I lost you,” the relieved father said. Louis Jordan smiled.",
                  "“I thought I lost you,” Jose Salvador Alvarenga said after his rescue.") == []
