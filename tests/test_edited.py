"""FD401: the same sentence in two articles with one fact changed."""

from __future__ import annotations

import datetime

import pytest

from factdiff.api import compare, find_discrepancies
from factdiff.load import make_document

WIRE = (
    "Police said 45 people were taken to hospital after the crash on the M6 near Stafford, "
    "and the motorway stayed closed until Tuesday evening."
)


def across(first: str, second: str):
    found = find_discrepancies([make_document(first, "a.txt"), make_document(second, "b.txt")], one_story=True)
    return [d for d in found if d.scope == "across"]


@pytest.mark.parametrize(
    "edited, kind, values",
    [
        (WIRE.replace("45", "68"), "quantity", {"45", "68"}),
        (WIRE.replace("Stafford", "Stratford"), "name", {"Stafford", "Stratford"}),
        (WIRE.replace("Tuesday", "Wednesday"), "date", {"Tuesday", "Wednesday"}),
    ],
)
def test_one_changed_fact_is_reported_with_the_changed_words_as_evidence(edited, kind, values):
    [found] = across(WIRE, edited)
    assert found.code == "FD401" and found.kind == kind and found.severity == "high"
    assert {v.value for v in found.variants} == values
    for variant in found.variants:
        [claim] = variant.claims
        assert claim.text == variant.value and claim.column == claim.start + 1


def test_year_pronoun_acronym_and_quoted_word():
    sentence = (
        "The NHS trust said the new wing, which opened in 2014, was where she had worked "
        "as a nurse for most of her career."
    )
    [year] = across(sentence, sentence.replace("2014", "2013"))
    assert year.kind == "date"
    [pronoun] = across(sentence, sentence.replace("where she had", "where he had"))
    assert pronoun.kind == "pronoun" and pronoun.severity == "medium"
    [acronym] = across(sentence + " The NHS said so.", sentence.replace("NHS trust", "NSH trust") + " The NHS said so.")
    assert acronym.kind == "acronym" and {v.value for v in acronym.variants} == {"NHS", "NSH"}
    quoted = 'The minister said: "We will not raise taxes on working families this year, whatever happens."'
    [quote] = across(quoted, quoted.replace("working families", "working people"))
    assert quote.code == "FD601"  # the quotation rule reports it, with the whole quotation as evidence
    assert "“families” became “people”" in quote.explanation


def test_editing_that_keeps_the_facts_is_not_reported():
    assert across(WIRE, WIRE.replace("45 people", "more than 40 people")) == []  # a compatible hedge
    assert across(WIRE, WIRE.replace("stayed closed", "remained closed")) == []  # wording, not a fact
    assert across(WIRE.replace("crash", "driver's crash"), WIRE.replace("crash", "driver’s crash")) == []
    wrapped = WIRE[:60] + "\n" + WIRE[61:]
    assert across(WIRE, wrapped) == []


def test_patterned_sentences_in_both_articles_are_not_edits():
    article = (
        "Jim McAlister, 34, of Leeds, was fined 200 pounds for dropping litter in the park. "
        "Colin Daniel, 41, of Leeds, was fined 200 pounds for dropping litter in the park."
    )
    copy = article.replace("in the park. Colin", "in the park.\n\nColin")
    assert across(article, copy) == []


def test_credit_lines_differ_by_design():
    assert (
        across(
            "CNN's Kevin Conlon contributed to this report from New York City today.",
            "CNN's Andreas Preuss contributed to this report from New York City today.",
        )
        == []
    )


def test_a_change_the_typed_rules_already_report_is_not_repeated():
    first = "Kenya has deployed 400 police officers to Haiti as part of the security mission there."
    [found] = across(first, first.replace("400", "800"))
    assert found.code == "FD101"


def test_compare_command_reports_an_edited_copy(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(WIRE.replace("45", "68"), encoding="utf-8")
    report = compare(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [d.code for d in report.discrepancies] == ["FD401"]


def test_a_number_changed_between_reports_days_apart_reads_as_a_possible_update():
    edited = WIRE.replace("45", "68")
    same_day = find_discrepancies(
        [
            make_document(WIRE, "a.txt", datetime.date(2024, 6, 3)),
            make_document(edited, "b.txt", datetime.date(2024, 6, 3)),
        ],
        one_story=True,
    )
    later = find_discrepancies(
        [
            make_document(WIRE, "a.txt", datetime.date(2024, 6, 3)),
            make_document(edited, "b.txt", datetime.date(2024, 6, 12)),
        ],
        one_story=True,
    )
    [kept] = [d for d in same_day if d.code == "FD401"]
    [update] = [d for d in later if d.code == "FD401"]
    assert kept.severity != "low" and "update" not in kept.explanation
    assert update.severity == "low" and "The reports are 9 days apart" in update.explanation


def test_a_name_spelt_otherwise_is_high_and_an_unrelated_name_medium():
    """'Stafford' / 'Stratford' is one name spelt two ways: a slip. 'Jane' / 'Sarah' in one
    greeting may be a template used for two people (two sales calls), so it is not high."""
    greeting = "Sales Agent: Good morning, this is Jane from the Lakeside Insurance office in Leeds."
    [spelt] = across(WIRE, WIRE.replace("Stafford", "Stratford"))
    [unrelated] = across(greeting, greeting.replace("Jane", "Sarah"))
    assert (spelt.severity, spelt.confidence) == ("high", 0.9)
    assert (unrelated.severity, unrelated.confidence) == ("medium", 0.7)
    assert {variant.value for variant in unrelated.variants} == {"Jane", "Sarah"}
    assert "template used for two people" in unrelated.explanation
