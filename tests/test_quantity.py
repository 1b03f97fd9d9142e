"""Quantity claims read from real-looking sentences."""

from __future__ import annotations

import pytest
from conftest import claims_of

from factdiff.api import analyse, find_discrepancies
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
    claims = claims_of(
        "The US offered a reward of $5 million, and 90% of Port-au-Prince is under gang control.", "quantity"
    )
    by_text = {c.text: c for c in claims}
    assert by_text["$5 million"].value == 5_000_000 and by_text["$5 million"].unit == "$"
    assert by_text["90%"].value == 90 and by_text["90%"].unit == "%"
    displaced = only("Since January, BINUH estimates that over 1.3 million people have been displaced.")
    assert displaced.low == 1_300_000 and displaced.scope == "since january" and displaced.event == "displaced"


def test_counts_with_no_noun_count_people_and_keep_their_scope():
    claims = [
        c
        for c in claims_of(
            "Gang attacks in Haiti killed around 2,500 people in the first quarter of this year alone, "
            "with 580,000 displaced.",
            "quantity",
        )
        if c.subject_key
    ]
    killed, displaced = claims
    assert killed.hedge == "around" and (killed.low, killed.high) == (2250.0, 2750.0)
    assert killed.scope == displaced.scope == "in the first quarter of this year"
    assert displaced.subject_key == "people" and displaced.event == "displaced"


def test_others_takes_the_subject_of_the_previous_number():
    claims = [
        c
        for c in claims_of(
            "Since June, two Kenyan police officers have been killed, and three others have sustained gunshot injuries.",
            "quantity",
        )
        if c.subject_key
    ]
    two, three = claims
    assert (two.value, two.event) == (2, "killed")
    assert (three.value, three.subject_key, three.event) == (3, "police", "injured")


def test_dates_years_and_durations_are_not_counts():
    text = (
        "Members hold a flag in Port-au-Prince, Haiti June 25, 2024. It was designated on 2 May 2025. "
        "Since 2021 the deployment has lasted for four months."
    )
    assert [c for c in claims_of(text, "quantity") if c.subject_key] == []


def test_compatible_hedges_are_not_a_discrepancy():
    first = make_document("Kenya has deployed more than 40 police officers to Haiti.", "a.txt")
    second = make_document("Kenya has deployed 45 police officers to Haiti.", "b.txt")
    assert find_discrepancies([first, second], one_story=True) == []


def test_incompatible_counts_are_a_discrepancy_with_both_sides():
    first = make_document("Kenya has deployed 45 police officers to Haiti.", "a.txt")
    second = make_document("Kenya has deployed 47 police officers to Haiti.", "b.txt")
    [found] = find_discrepancies([first, second], one_story=True)
    assert found.code == "FD101" and {v.value for v in found.variants} == {"45", "47"}
    assert found.scope == "across"


def test_ages_times_and_labels_are_not_counts_of_people():
    text = (
        "Sean Collier, a 26-year-old police officer, was shot. He woke up about 3 a.m. after Scott was killed. "
        "The network released a teaser for season 2 of the show."
    )
    assert [c for c in claims_of(text, "quantity") if c.subject_key] == []


def test_vague_plural_is_a_lower_bound_not_a_ceiling():
    first = make_document("More than 100,000 Yemeni civilians have fled their homes.", "a.txt")
    second = make_document("Thousands of Yemeni civilians have fled their homes.", "b.txt")
    assert find_discrepancies([first, second], one_story=True) == []


def test_one_sentence_does_not_contradict_itself():
    text = "The massacre in Kenya, with 147 dead, eclipsed the Nairobi attack in which 67 people were killed."
    assert find_discrepancies([make_document(text, "a.txt")]) == []


SURFACE_FORMS = [
    # sentence, claim text, (low, high), subject key, event
    (
        "Officials said 1,000 people were displaced by the floods in Kenya.",
        "1,000",
        (950.0, 1050.0),
        "people",
        "displaced",
    ),
    (
        "At least 1500 people have died in Haiti since the gangs took over.",
        "At least 1500",
        (1500.0, None),
        "people",
        "killed",
    ),
    (
        "Around 2,500 people were killed in Haiti in the first quarter.",
        "Around 2,500",
        (2250.0, 2750.0),
        "people",
        "killed",
    ),
    (
        "Nearly 1.3 million people have been displaced in Haiti.",
        "Nearly 1.3 million",
        (1170000.0, 1300000.0),
        "people",
        "displaced",
    ),
    ("Some 1\u00a0300 people were evacuated from Haiti.", "Some 1\u00a0300", (1170.0, 1430.0), "people", "evacuated"),
    ("Up to 2\u2009000 migrants were arrested in Mexico.", "Up to 2\u2009000", (0.0, 2000.0), "migrant", "arrested"),
    (
        "More than 1 300 000 people fled Sudan last year.",
        "More than 1 300 000",
        (1300000.0, None),
        "people",
        "displaced",
    ),
    ("Fewer than 40 officers were deployed to Haiti.", "Fewer than 40", (0.0, 40.0), "police", "deployed"),
    ("Two Kenyan officers were injured in Haiti.", "Two", (2.0, 2.0), "police", "injured"),
    ("A dozen police officers were deployed to the capital of Haiti.", "A dozen", (12.0, 12.0), "police", "deployed"),
    ("Kenya sent a nine-member advance team to Haiti.", "nine", (9.0, 9.0), "team", "members"),
    ("Hundreds of people were killed in Haiti.", "Hundreds", (200.0, None), "people", "killed"),
    ("Thousands of Haitians were displaced by the fighting.", "Thousands", (2000.0, None), "haitian", "displaced"),
    (
        "Tens of thousands of people were displaced in Sudan.",
        "Tens of thousands",
        (20000.0, None),
        "people",
        "displaced",
    ),
]


@pytest.mark.parametrize("sentence, text, bounds, key, event", SURFACE_FORMS, ids=[f[1] for f in SURFACE_FORMS])
def test_surface_forms_read_as_intervals(sentence, text, bounds, key, event):
    claim = only(sentence)
    assert claim.text == text
    assert (claim.low, claim.high) == pytest.approx(bounds)
    assert claim.subject_key == key and claim.event == event and claim.modality == "actual"


def test_money_and_percent_keep_their_unit():
    [money] = claims_of("The US pledged $5 million to the mission in Haiti.", "quantity")
    assert money.text == "$5 million" and money.unit == "$" and money.value == 5_000_000
    assert money.modality == "pledged"
    [share] = claims_of("About 90% of the mission's funding came from the US.", "quantity")
    assert share.unit == "%" and share.value == 90 and (share.low, share.high) == pytest.approx((81.0, 99.0))


@pytest.mark.parametrize(
    "sentence, scope",
    [
        ("Gangs killed more than 5,600 people in 2024 alone, the UN said.", "in 2024"),
        ("Around 2,500 people were killed in the first quarter of this year.", "in the first quarter of this year"),
        ("Over 1.3 million people have been displaced since January.", "since january"),
        ("At least 1500 people have died in the last four months.", "in the last four months"),
        ("So far 24 police officers have been injured in Haiti.", "so far"),
    ],
)
def test_time_scope(sentence, scope):
    assert only(sentence).scope == scope


def test_fraction_is_a_share_of_its_counted_subject():
    claim = only("Kenya has deployed less than a quarter of its planned contingent to Haiti.")
    assert claim.text == "less than a quarter" and claim.unit == "share"
    assert (claim.low, claim.high) == (0.0, 0.25)
    assert claim.subject == "planned contingent" and claim.subject_key == "police"
    assert claim.event == "deployed" and claim.modality == "actual" and claim.places[0] == "Kenya"


def test_fraction_of_whom_refers_back_and_parts_are_not_shares():
    text = "About 200 people were arrested, more than half of whom were later freed."
    share = next(c for c in claims_of(text, "quantity") if c.unit == "share")
    assert share.text == "more than half" and (share.low, share.high) == (0.5, 1.0)
    assert share.subject == "people" and share.event == "freed"
    assert all(c.unit != "share" for c in claims_of("The show ended in the first half of season 7.", "quantity"))


def test_ordinal_implies_a_count_as_of_the_report():
    claim = only("He was the first Kenyan officer to be killed since the MSS deployment in June.")
    assert claim.text == "first" and (claim.low, claim.high) == (1.0, 1.0)
    assert claim.subject == "Kenyan officer" and claim.subject_key == "police"
    assert claim.event == "killed" and claim.scope == "so far" and claim.places[0] == "Kenya"
    assert claims_of("The first batch of officers arrived in Haiti.", "quantity") == []


def test_counts_as_of_a_report_are_compared_only_inside_that_report():
    first = "A Kenyan officer died on Sunday, the first Kenyan officer to be killed in Haiti."
    later = "Three Kenyan officers have been killed in Haiti so far."
    across = [make_document(first, "a.txt"), make_document(later, "b.txt")]
    assert find_discrepancies(across, one_story=True) == []
    [found] = find_discrepancies([make_document(first + " Officials added detail. " + later, "a.txt")])
    assert found.scope == "within" and {v.value for v in found.variants} == {"first", "Three"}


def test_each_bracketed_count_belongs_to_its_own_country():
    text = "France sent 300 engineers to the mission, Italy (120) and Spain (45) smaller teams."
    france, italy, spain = claims_of(text, "quantity")
    assert [c.places[0] for c in (france, italy, spain)] == ["France", "Italy", "Spain"]
    assert italy.subject_key == spain.subject_key == "engineer"
    assert find_discrepancies([make_document(text, "a.txt")]) == []


def test_severity_drops_when_the_frame_is_partly_guessed():
    anchored = [
        make_document("Kenya has deployed 400 police officers to Haiti.", "a.txt"),
        make_document("Kenya has deployed 800 police officers to Haiti.", "b.txt"),
    ]
    [strong] = find_discrepancies(anchored, one_story=True)
    assert strong.severity == "high" and strong.confidence >= 0.75
    assert "for Kenya" in strong.explanation and "no time frame stated" in strong.explanation
    loose = make_document(
        "Officials said 400 troops were deployed to the border. A later report said 800 officers were deployed.",
        "c.txt",
    )
    [weak] = find_discrepancies([loose])
    assert weak.confidence < 0.75 and weak.severity == "medium"


def test_a_place_wrapped_across_lines_still_owns_the_count():
    claim = only("Officials said 300 police officers from the United\nStates were deployed to Haiti last week.")
    assert claim.places[0] == "United States"


def test_differently_qualified_groups_and_subsets_of_people_are_not_compared():
    council = (
        "Citizens on Tuesday elected two new black city council members in Ferguson. "
        "Three sitting city council members chose not to run for office again."
    )
    assert find_discrepancies([make_document(council, "a.txt")]) == []
    attacks = (
        "At least four people were killed and 18 injured, police said. "
        "A commander said three civilians were killed in a second blast."
    )
    assert find_discrepancies([make_document(attacks, "a.txt")]) == []


def test_each_value_says_which_sources_give_it():
    documents = [
        make_document("Kenya has deployed 700 police officers to Haiti, officials said.", "a.txt"),
        make_document("Kenya has deployed 700 police officers to Haiti, the ministry said.", "b.txt"),
        make_document("Kenya has deployed 900 police officers to Haiti, a senator claimed.", "c.txt"),
    ]
    [found] = find_discrepancies(documents, one_story=True)
    sources = {v.value: len(v.corroborated_by) for v in found.variants}
    assert sources == {"700": 2, "900": 1}
    assert "Sources: “700” in 2 articles, “900” in 1 article." in found.explanation


def test_copied_passages_are_one_source_in_the_tally():
    copied = "Kenya has deployed over 800 police officers to Haiti as part of the mission, officials said on Monday."
    texts = [
        copied,
        "In other news. " + copied,
        "There are 700 police officers from Kenya deployed in Haiti, the largest contingent of the mission.",
    ]
    documents = [make_document(text, f"doc{i}.txt") for i, text in enumerate(texts)]
    [found] = [d for d in find_discrepancies(documents, one_story=True) if d.code == "FD101"]
    counts = {variant.value: (len(variant.corroborated_by), variant.independent) for variant in found.variants}
    assert counts == {">800": (2, 1), "700": (1, 1)}
    assert "“>800” in 2 articles (1 independent)" in found.explanation


def test_one_source_against_three_reads_as_the_likelier_slip():
    agreeing = [
        "Kenya has deployed 800 police officers to Haiti, the interior ministry said on Monday.",
        "Officials in Nairobi confirmed that Kenya has deployed 800 police officers to Haiti for the mission.",
        "Kenya, which leads the mission, has deployed 800 police officers to Haiti according to the UN.",
    ]
    lone = "Kenya has deployed 400 police officers to Haiti, a spokesman for the mission told reporters."
    split = [make_document(text, f"doc{i}.txt") for i, text in enumerate([*agreeing[:1], lone])]
    lopsided = [make_document(text, f"doc{i}.txt") for i, text in enumerate([*agreeing, lone])]
    [even] = [d for d in find_discrepancies(split, one_story=True) if d.code == "FD101"]
    [against] = [d for d in find_discrepancies(lopsided, one_story=True) if d.code == "FD101"]
    assert "stands alone" not in even.explanation
    assert "“400” stands alone against 3 independent sources" in against.explanation
    assert against.confidence == even.confidence + 0.05


def test_counts_that_agree_across_documents_are_corroboration():
    texts = [
        "Kenya has deployed over 800 police officers to Haiti, the interior ministry said on Monday.",
        "Kenya has deployed about 850 police officers to Haiti, officials in Nairobi said.",
    ]
    documents = [make_document(text, f"doc{i}.txt") for i, text in enumerate(texts)]
    analysis = analyse(documents, one_story=True)
    [agreed] = [a for a in analysis.agreements if a.kind == "quantity"]
    assert agreed.value == ">800 / ~850" and len(agreed.corroborated_by) == 2 and agreed.independent == 2
    assert analysis.discrepancies == []


def test_a_scan_leaves_out_the_frame_only_of_counts_that_cannot_be_compared(seeds):
    """A scan keeps only comparable claims: they are the same whether or not every field of
    every count is read, and a count with no event keeps no frame when not all are."""
    from factdiff.api import KEYS_BY_KIND
    from factdiff.extract import extract
    from factdiff.group import comparable

    for path in sorted(seeds.glob("*.txt")):
        document = make_document(path.read_text(encoding="utf-8"), path.name)
        full = [c for c in extract(document, ["quantity"]) if comparable(c, KEYS_BY_KIND)]
        scanned = [c for c in extract(document, ["quantity"], every_claim=False) if comparable(c, KEYS_BY_KIND)]
        assert scanned == full and full
    text = "In 2024, 12 schools in Nairobi were closed on Monday."
    [listed] = [c for c in claims_of(text, "quantity") if c.value == 12]
    [scanned] = [c for c in extract(make_document(text, "t"), ["quantity"], every_claim=False) if c.value == 12]
    assert listed.event is None and listed.places == ("Kenya",)
    assert scanned.event is None and scanned.places == () and scanned.scope is None
