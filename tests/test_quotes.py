"""Quotations: speakers, wording drift and misattribution."""

from __future__ import annotations

import pytest
from conftest import claims_of

from factdiff.api import analyse, find_discrepancies, scan
from factdiff.judge import quote_drift
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
        (
            'According to Antonio Guterres, "the mission needs far more money than it has".',
            "Antonio Guterres",
            "according to",
        ),
        ("“We will stay until the job is done,” the crowd chanted outside.", None, None),
        ("Mr Ruto wrote: “We will stay until the job is done and Haiti is safe.”", "Ruto", "wrote"),
        ("Mr Ruto posted on social media: “We will stay until the job is done.”", "Ruto", "posted"),
        ("“We will stay until the job is done,\nand Haiti is safe,” said Mr Ruto.", "Ruto", "said"),  # a wrapped line
        (
            "The US State Department issued a statement. “Kenya’s leadership will restore peace,” it added.",
            "US State Department",
            "added",
        ),
        ("“Kenya’s leadership will restore peace in the capital,” it added.", None, None),  # no organisation named
    ],
)
def test_quotations_and_their_speakers(text, speaker, verb):
    [quote] = claims_of(text, "quote")
    assert (quote.speaker, quote.verb) == (speaker, verb)
    assert text[quote.start : quote.end] == quote.text


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
    shared = [
        q
        for q in claims_of((seeds / "000_ee73806791a84dfe.txt").read_text(encoding="utf-8"), "quote")
        if q.words.startswith("we concurred")
    ]
    assert shared and shared[0].speaker == "William Ruto"


def test_excerpts_titles_and_short_common_phrases_are_not_discrepancies():
    full = "“Our preliminary results do show that there was a presence of methyl bromide,” Dr Ann Lee said."
    fragment = "Dr Ann Lee said tests “do show that there was a presence of methyl bromide” in the unit."
    assert [d for d in across(full, fragment) if d.kind == "quote"] == []
    titles = (
        "The film “Going Clear: Scientology and the Prison of Belief” aired on Sunday night. "
        "It is based on the book “Going Clear: Scientology, Hollywood, and the Prison of Belief” by Wright."
    )
    assert [d for d in find_discrepancies([make_document(titles, "a.txt")]) if d.kind == "quote"] == []
    assert (
        across(
            "“I thought I lost you,” the relieved father said. Louis Jordan smiled.",
            "“I thought I lost you,” Jose Salvador Alvarenga said after his rescue.",
        )
        == []
    )


def test_a_quotation_reopened_in_the_next_paragraph_is_one_quotation():
    text = (
        "A State Department statement welcomed “Kenya’s continued leadership and ongoing efforts to "
        "restore peace in Haiti.\n\n“They reaffirmed our strategic partnership and discussed commercial "
        "opportunities,” Mr Tammy Bruce said.\n\nThe call lasted an hour."
    )
    [quote] = claims_of(text, "quote")
    assert quote.text.startswith("Kenya’s continued") and quote.text.endswith("commercial opportunities,")
    assert "\n\n“They reaffirmed" in quote.text and text[quote.start : quote.end] == quote.text
    assert quote.words.startswith("kenya's continued leadership") and "haiti they reaffirmed" in quote.words
    assert quote.speaker == "Tammy Bruce"
    closed = "She said: “We are ready.”\n\n“Nobody else is,” he added."  # each paragraph closes its own quote
    assert [q.text for q in claims_of(closed, "quote")] == []  # both under four words
    two = "She said: “We are ready for the long mission ahead.”\n\n“Nobody else is ready for it yet,” he added."
    assert len(claims_of(two, "quote")) == 2


def test_the_seeds_shared_quotations_are_corroboration_from_one_copied_source(seeds):
    quotations = [a for a in scan([seeds]).agreements if a.kind == "quote"]
    assert {a.subject.split(":")[0] for a in quotations} == {
        "quotation of William Ruto",
        "quotation of US State Department",
    }
    for agreed in quotations:
        paths = sorted(claim.path.rsplit("/", 1)[-1][:3] for claim in agreed.claims)
        assert paths == ["000", "001"] and len(agreed.corroborated_by) == 2
        assert agreed.independent == 1  # seed 001 reuses seed 000's paragraphs word for word


def test_the_same_quotation_in_independently_written_sentences_counts_twice():
    quote = "“The mission has restored a measure of calm in the capital,”"
    first = f"{quote} President William Ruto said on Monday at State House in Nairobi."
    copied = f"{quote} President William Ruto said on Monday at State House, Nairobi."
    rewritten = f"Speaking in Nairobi, President William Ruto told reporters: {quote.replace(',”', '.”')}"
    documents = [make_document(text, f"doc{i}.txt") for i, text in enumerate((first, copied, rewritten))]
    [agreed] = analyse(documents, one_story=True).agreements
    assert len(agreed.corroborated_by) == 3 and agreed.independent == 2


def test_a_block_with_two_groups_of_wordings_explains_each_from_its_own_pairs():
    """A block (quotations sharing their first and last words) may hold two quotations, each
    worded two ways: each finding's changes come from its own pair of wordings; the other
    pair's wordings are not among its own (scanning 2,000 generated articles as one story
    raised KeyError here)."""
    found = {("they said no", "they said never"): [("no", "never")], ("we won", "we lost"): [("won", "lost")]}
    assert quote_drift._explained(found, ["they said never", "they said no"]) == [("never", "no")]
    assert quote_drift._explained(found, ["we won", "we lost"]) == [("won", "lost")]
