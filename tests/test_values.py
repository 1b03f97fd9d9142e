"""Typed values and the lemmas two restatements of one fact share (text/values.py, text/lemmas.py)."""

from __future__ import annotations

import pytest

from factdiff.text.interval import Interval
from factdiff.text.lemmas import lemma
from factdiff.text.values import aligned_tokens, content_forms, rate_period, values


def read(sentence: str) -> list[tuple[str, str, Interval]]:
    return [(sentence[value.start : value.end], value.kind, value.interval) for value in values(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The film grossed over $36 million.", [("over $36 million", "number", Interval(36e6, None))]),
        ("The film took $35.6 million.", [("$35.6 million", "number", Interval(35.55e6, 35.65e6))]),
        (
            "The 27-year-old was found dead on Tuesday.",
            [("27-year-old", "age", Interval(27, 27)), ("Tuesday", "weekday", Interval(2, 2))],
        ),
        (
            "It was dated April 14, 1910.",
            [("April 14", "day", Interval(414, 414)), ("1910", "year", Interval(1910, 1910))],
        ),
        ("All twenty - five people came.", [("twenty - five", "number", Interval(25, 25))]),
        ("He served four and a half months.", [("four and a half", "number", Interval(4.5, 4.5))]),
        ("It marked the 70th anniversary.", [("70th", "ordinal", Interval(70, 70))]),
        ("an 85% chance of survival", [("85%", "number", Interval(85, 85))]),
    ],
)
def test_values_are_read_with_their_hedges_units_and_kinds(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Polls closed at 6:00 p.m. local time (1300 GMT).",  # clock times
        "Call 0845 125 222 with information.",  # a telephone number
        "He served 41 / 2 months.",  # a fraction
        "See http://articles.latimes.com/2007/apr/04/local/me-orozco4 for more.",  # a web address
        "The score was 3-1 at half time.",  # a score
    ],
)
def test_digits_that_state_no_count_are_not_values(sentence):
    assert read(sentence) == []


def test_an_amount_converted_in_brackets_is_not_a_second_amount():
    assert [text for text, _, _ in read("Damage was put at $2 million (£1.3 million) by the insurers.")] == [
        "$2 million"
    ]


def test_lower_case_text_reads_months_but_not_may_or_march():
    assert [kind for _, kind, _ in read("on june 3 the troops may march")] == ["day"]


def test_restatements_align_as_the_same_lemmas_and_slots():
    took = [token.form for token in aligned_tokens("The film took $35.6 million in North America.")]
    grossed = [token.form for token in aligned_tokens("The film grossed over $36 million in North America.")]
    assert took == grossed == ["film", "earn", "<number:USD>", "north", "america"]
    assert lemma("succumbed") == lemma("died") == "die"
    assert lemma("the") is None


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("The plan costs $185 a month for a family of four.", "month"),
        ("It costs $2,220 per year.", "year"),
        ("He earns $40/hour.", "hour"),
        ("Prices rose 5% annually.", "year"),
        ("Sales were $5 million a year ago.", None),  # a time that dates it, not a rate
        ("A 5% rise a year or two later.", None),
        ("It costs $185.", None),
    ],
)
def test_a_rates_period_is_read_after_its_number(sentence, period):
    assert rate_period(sentence, values(sentence)[0]) == period


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenya deployed 700 police personnel to Haiti in June 2024.",
        "More than 850 police officers, about 40% of them women, arrived on Tuesday.",
        "No figure was given by the mission's commander.",
        "Sales rose 5% to $1.2 billion in the third quarter, up from 3% a year earlier.",
    ],
)
def test_a_statement_s_words_are_the_aligned_words_without_their_values(sentence):
    tokens = aligned_tokens(sentence)
    assert content_forms(sentence) == [token.form for token in tokens if token.value is None]
    assert any(token.value is None for token in tokens)
