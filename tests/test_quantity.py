"""Quantity claims read from real-looking sentences."""

from __future__ import annotations

import pytest

from conftest import claims_of
from factdiff.api import find_discrepancies
from factdiff.load import make_document


def only(text: str):
    [claim] = [c for c in claims_of(text, "quantity") if c.subject_key]
    return claim


def test_unhedged_round_number_allows_half_a_unit():
    claim = only("There are 700 police personnel from Kenya in the MSS, the largest contingent.")
    assert (claim.low, claim.high) == (665.0, 735.0)
    assert claim.subject == "police personnel" and claim.subject_key == "police"
    assert claim.event == "deployed" and claim.modality == "actual"
    assert claim.places[0] == "Kenya"


def test_over_is_open_above():
    claim = only("Kenya has deployed over 800 police officers to Haiti as part of the MSS mission.")
    assert claim.text == "over 800" and claim.hedge == "over"
    assert (claim.low, claim.high) == (800.0, None)
    assert claim.subject_key == "police" and claim.places[:2] == ("Kenya", "Haiti")


def test_at_least_and_exact_non_round_numbers():
    claim = only("At least 1500 people have died in the last four months.")
    assert (claim.low, claim.high) == (1500.0, None)
    assert claim.event == "killed" and claim.scope == "in the last four months"
    exact = only("The reported killing of 128 protesters in Kenya.")
    assert (exact.low, exact.high) == (128.0, 128.0)


def test_vague_plural_reads_as_a_range():
    claim = only("A team of hundreds of Kenyan police officers arrived in Haiti on June 25.")
    assert (claim.low, claim.high) == (200.0, None)  # "hundreds" is at least 200, never a ceiling
    assert claim.subject == "Kenyan police officers" and claim.event == "deployed"


@pytest.mark.parametrize(
    "sentence, modality",
    [
        ("Nairobi agreed to contribute 1,000 police officers last October.", "pledged"),
        ("Ruto confirmed Kenya's commitment to sending an additional 600 officers to Haiti.", "increment"),
        ("Even if the MSS reaches its full deployment of 2,500 personnel, it is insufficient.", "planned"),
        ("Kenya has deployed over 800 police officers to Haiti.", "actual"),
    ],
)
def test_modality(sentence, modality):
    assert only(sentence).modality == modality


def test_magnitudes_currency_and_percent():
    claims = claims_of("The US offered a reward of $5 million, and 90% of Port-au-Prince is under gang control.", "quantity")
    by_text = {c.text: c for c in claims}
    assert by_text["$5 million"].value == 5_000_000 and by_text["$5 million"].unit == "$"
    assert by_text["90%"].value == 90 and by_text["90%"].unit == "%"
    displaced = only("Since January, BINUH estimates that over 1.3 million people have been displaced.")
    assert displaced.low == 1_300_000 and displaced.scope == "since january" and displaced.event == "displaced"


def test_counts_with_no_noun_count_people_and_keep_their_scope():
    claims = [c for c in claims_of(
        "Gang attacks in Haiti killed around 2,500 people in the first quarter of this year alone, "
        "with 580,000 displaced.", "quantity") if c.subject_key]
    killed, displaced = claims
    assert killed.hedge == "around" and (killed.low, killed.high) == (2250.0, 2750.0)
    assert killed.scope == displaced.scope == "in the first quarter of this year"
    assert displaced.subject_key == "people" and displaced.event == "displaced"


def test_others_takes_the_subject_of_the_previous_number():
    claims = [c for c in claims_of(
        "Since June, two Kenyan police officers have been killed, and three others have sustained gunshot injuries.",
        "quantity") if c.subject_key]
    two, three = claims
    assert (two.value, two.event) == (2, "killed")
    assert (three.value, three.subject_key, three.event) == (3, "police", "injured")


def test_dates_years_and_durations_are_not_counts():
    text = ("Members hold a flag in Port-au-Prince, Haiti June 25, 2024. It was designated on 2 May 2025. "
            "Since 2021 the deployment has lasted for four months.")
    assert [c for c in claims_of(text, "quantity") if c.subject_key] == []


def test_compatible_hedges_are_not_a_discrepancy():
    first = make_document("Kenya has deployed more than 40 police officers to Haiti.", "a.txt")
    second = make_document("Kenya has deployed 45 police officers to Haiti.", "b.txt")
    assert find_discrepancies([first, second]) == []


def test_incompatible_counts_are_a_discrepancy_with_both_sides():
    first = make_document("Kenya has deployed 45 police officers to Haiti.", "a.txt")
    second = make_document("Kenya has deployed 47 police officers to Haiti.", "b.txt")
    [found] = find_discrepancies([first, second])
    assert found.code == "FD101" and {v.value for v in found.variants} == {"45", "47"}
    assert found.scope == "across"


def test_ages_times_and_labels_are_not_counts_of_people():
    text = ("Sean Collier, a 26-year-old police officer, was shot. He woke up about 3 a.m. after Scott was killed. "
            "The network released a teaser for season 2 of the show.")
    assert [c for c in claims_of(text, "quantity") if c.subject_key] == []


def test_vague_plural_is_a_lower_bound_not_a_ceiling():
    first = make_document("More than 100,000 Yemeni civilians have fled their homes.", "a.txt")
    second = make_document("Thousands of Yemeni civilians have fled their homes.", "b.txt")
    assert find_discrepancies([first, second]) == []


def test_one_sentence_does_not_contradict_itself():
    text = "The massacre in Kenya, with 147 dead, eclipsed the Nairobi attack in which 67 people were killed."
    assert find_discrepancies([make_document(text, "a.txt")]) == []
