"""Precision of FD101 quantity-mismatch and FD102 changed-between-reports: each false-alarm
class (made-up sentences of the shapes met in real coverage) is read at its mechanism, and
the true finding beside it still fires."""

from __future__ import annotations

import re

import pytest
from conftest import claims_of

from factdiff.api import find_discrepancies
from factdiff.load import front_matter, make_document
from factdiff.text.lexicon import quantity_data


def documents(*texts: str):
    """The texts as the documents of one story (a front matter dates a text)."""
    made = []
    for number, text in enumerate(texts):
        body, date = front_matter(text)
        made.append(make_document(body, f"doc{number}.md", date))
    return made


def quantity_findings(*texts: str):
    found = find_discrepancies(documents(*texts), one_story=True)
    return [finding for finding in found if finding.code in ("FD101", "FD102")]


def counted(text: str, number: str):
    """The claim read for the number written as ``number``."""
    [claim] = [claim for claim in claims_of(text, "quantity") if claim.text.endswith(number)]
    return claim


# 1. A count that counts something else.


def test_the_event_of_a_count_comes_from_its_own_clause_never_across_a_that_or_who():
    text = (
        "In the deliberation room, the two dissenters told the other ten jurors that they would never vote "
        "for death in any murder case. Smith escaped a death sentence thanks to two jurors who were convinced "
        "that he should die in prison, however many people he killed."
    )
    ten = counted(text, "ten")
    assert ten.event is None and ten.modality == "increment"
    jurors = [claim for claim in claims_of(text, "quantity") if claim.subject == "jurors"]
    assert all(claim.event is None for claim in jurors)
    assert quantity_findings(text) == []


def test_a_relative_clause_that_describes_the_counted_keeps_its_event():
    assert counted("Officials said 40 people who were trapped in the mine in Kenya died.", "40").event == "killed"
    assert counted("Officials in Kenya said 40 people who were killed in the raid were buried.", "40").event == "killed"


def test_an_event_word_before_the_number_counts_only_across_bridge_words():
    assert counted("The death toll from the crash in Kenya rose to 24 on Monday.", "24").subject_key is None
    assert counted("The attack in Kenya killed all 150 people on board.", "150").event == "killed"
    assert counted("The death penalty was sought by 12 prosecutors in Kenya.", "12").event is None


def test_also_another_and_other_mark_a_different_set():
    text = (
        "A strike hit a school in Kenya where hundreds of people were sheltering. At least 30 people were killed "
        "in the strike in Kenya. Three people also died in a strike on another school in Kenya."
    )
    assert counted(text, "Three").modality == "increment"
    assert quantity_findings(text) == []
    stamps = "Ten stamps were released in Kenya in May. Six further stamps were released in Kenya in May."
    assert counted(stamps, "Six").modality == "increment"
    assert quantity_findings(stamps) == []


def test_additions_in_one_article_are_batches_but_across_articles_they_are_compared():
    one = "Kenya sent another 200 police officers to Haiti in July. Kenya sent another 400 police officers to Haiti."
    assert quantity_findings(one) == []
    across = quantity_findings(
        "Kenya has sent an additional 200 police officers to Haiti.",
        "Kenya has sent an additional 400 police officers to Haiti.",
    )
    assert [finding.code for finding in across] == ["FD101"]


def test_a_count_pointing_back_to_an_earlier_event_takes_its_day():
    text = (
        "Wednesday's air raids hit the border town of Mandera in Kenya. 7 people died in those bombings in Kenya, "
        "officials said. 12 people died in Thursday's bombing of the market in Kenya."
    )
    assert counted(text, "7").scope == "on wednesday"
    assert counted(text, "12").scope == "on thursday"
    assert quantity_findings(text) == []
    unanchored = counted("Two raids hit Mandera. 7 people died in those raids in Kenya.", "7")
    assert unanchored.modality == "unknown"  # the raids' frame is not known: compared with nothing


def test_two_reports_of_one_days_toll_still_conflict():
    [found] = quantity_findings(
        "12 people died in Thursday's bombing of the market in Mandera, Kenya.",
        "15 people died in Thursday's bombing of the market in Mandera, Kenya.",
    )
    assert found.code == "FD101" and "on thursday" in found.explanation


def test_the_parts_of_a_listed_total_are_not_the_total():
    text = "Floods killed 24 people. 12 people died in the north, 10 in the south and 2 in the capital."
    assert counted(text, "12").modality == "unknown"
    assert counted(text, "24").modality == "actual"
    assert quantity_findings(text) == []
    assert quantity_findings("Floods in Kenya killed 24 people.", "Floods in Kenya killed 30 people.")


def test_a_listed_count_with_its_own_event_is_no_part():
    claim = counted("At least four people were killed in Kenya and 18 injured, police said.", "four")
    assert claim.modality == "actual" and claim.event == "killed"


def test_a_count_of_an_event_introduced_in_passing_belongs_to_that_event():
    text = (
        "An earthquake on a small island killed a total of 8 people, the governor said. "
        "The island was struck two years after the city of Kerman was flattened by a quake that killed "
        "thousands of people. In March 2005, the town of Zarand was destroyed by a 6.4 quake that left "
        "more than 500 people dead."
    )
    assert counted(text, "8").modality == "actual"
    assert counted(text, "thousands").modality == "unknown"
    five_hundred = counted(text, "500")
    assert five_hundred.modality == "unknown" and five_hundred.scope == "in march 2005"
    assert quantity_findings(text) == []


def test_a_definite_earlier_event_is_still_the_storys_frame():
    claim = counted("The earthquake, which killed 8 people in Iran, struck at dawn.", "8")
    assert claim.modality == "actual" and claim.event == "killed"


def test_a_sentence_opened_by_a_date_scopes_its_counts():
    claim = counted("In December 2003, a quake in Iran killed more than 26,000 people.", "26,000")
    assert claim.scope == "in december 2003"
    assert (
        quantity_findings("Floods in Kenya killed 30 people.", "In May 2019, floods in Kenya killed 12 people.") == []
    )


# 2. Time inside one article and between reports.


def test_counts_anchored_to_days_in_one_article_are_an_update():
    text = "Floods killed 12 people on Monday, officials said. By Wednesday the floods had killed 38 people."
    assert counted(text, "12").scope == "on monday"
    assert counted(text, "38").scope == "by wednesday"
    assert quantity_findings(text) == []


def test_a_day_named_in_another_clause_is_not_the_counts_day():
    claim = counted("Kenya has deployed 400 police officers to Haiti, the ministry said on Monday.", "400")
    assert claim.scope is None
    reported = counted("The ministry in Kenya on Saturday said 385 civilians have been killed.", "385")
    assert reported.scope is None and reported.event == "killed"


def test_a_when_clause_and_the_antecedent_of_a_relative_clause_date_the_count():
    dated = counted("At least 50 people were injured in Iran when a quake hit the island on Sunday.", "50")
    assert dated.scope == "on sunday"
    earlier = counted("Iran still recalls the disaster in December 2003, in which 26,000 people were killed.", "26,000")
    assert earlier.scope == "in december 2003"


def test_a_toll_a_day_apart_is_a_change_over_time():
    [found] = quantity_findings(
        "---\ndate: 2024-07-02\n---\nA bus crash in Kenya left 1 dead, police said.",
        "---\ndate: 2024-07-03\n---\nA bus crash in Kenya left 24 dead, police said.",
    )
    assert found.code == "FD102" and found.severity == "low"


def test_a_toll_that_falls_a_day_later_is_still_a_contradiction():
    [found] = quantity_findings(
        "---\ndate: 2024-07-02\n---\nA bus crash in Kenya left 24 dead, police said.",
        "---\ndate: 2024-07-03\n---\nA bus crash in Kenya left 1 dead, police said.",
    )
    assert found.code == "FD101"


def test_a_deployment_a_day_apart_is_not_yet_a_change_over_time():
    found = quantity_findings(
        "---\ndate: 2024-06-26\n---\nKenya has deployed 400 police officers to Haiti.",
        "---\ndate: 2024-06-27\n---\nKenya has deployed 800 police officers to Haiti.",
    )
    assert [finding.code for finding in found] == ["FD101"]


def test_a_toll_from_undated_reports_is_at_most_medium_but_inside_one_report_it_is_high():
    [across] = quantity_findings("Floods in Kenya killed 12 people.", "Floods in Kenya killed 40 people.")
    assert across.code == "FD101" and across.severity == "medium" and "earlier stage" in across.explanation
    [within] = quantity_findings("Floods in Kenya killed 12 people. The floods in Kenya killed 40 people, it said.")
    assert within.severity == "high" and "earlier stage" not in within.explanation


def test_days_in_reports_of_different_dates_are_different_days():
    found = quantity_findings(
        "---\ndate: 2024-07-02\n---\nFloods in Kenya killed 12 people on Monday, officials said.",
        "---\ndate: 2024-07-10\n---\nFloods in Kenya killed 30 people on Monday, officials said.",
    )
    assert found == []


# 3. Honest explanations.

TIME_WORDS = re.compile(r"\b(?:on|by|in|prior to)\s+(?:Monday|Wednesday|October 2013|the game)\b")


@pytest.mark.parametrize(
    "texts",
    [
        (
            "Kenya has deployed 400 police officers to Haiti, the ministry said on Monday.",
            "Kenya has deployed 800 police officers to Haiti.",
        ),
        (
            "Kenya deployed 400 police officers to Haiti in October 2013.",
            "Kenya deployed 800 police officers to Haiti.",
        ),
        ("Police in Kenya arrested 12 fans prior to the game.", "Police in Kenya arrested 20 fans."),
    ],
)
def test_an_explanation_never_says_no_time_frame_when_a_sentence_names_one(texts):
    for found in quantity_findings(*texts):
        assert "no time frame stated" not in found.explanation
        named = {match.group() for text in texts for match in TIME_WORDS.finditer(text)}
        assert found.variants[0].claims[0].scope or all(time in found.explanation for time in named)


def test_the_time_of_another_clause_is_named_in_the_explanation():
    [found] = quantity_findings(
        "Kenya has deployed 400 police officers to Haiti, the ministry said on Monday.",
        "Kenya has deployed 800 police officers to Haiti.",
    )
    assert "“on Monday”" in found.explanation and "no time frame stated" not in found.explanation


# 10. Numbers that count nothing.


@pytest.mark.parametrize(
    "sentence, number",
    [
        ("Ruby 2.0 was released in February.", "2.0"),
        ("Version 7 was released to the public.", "7"),
        ("After a long beta, Firefox 3.5 was released on Tuesday.", "3.5"),
        ("The long-awaited Windows 8 was released in Kenya.", "8"),
        ("Investigators are still searching for flight 370 off the coast.", "370"),
    ],
)
def test_versions_models_and_labels_are_not_counts(sentence, number):
    assert counted(sentence, number).subject_key is None


def test_bare_counts_of_released_people_are_still_people():
    claim = counted("Officials in Kenya said 30 were released from the camp.", "30")
    assert (claim.subject_key, claim.event) == ("people", "freed")


def test_scores_are_not_counts_and_contributed_is_not_deployed():
    text = "Smith contributed 14 points and six rebounds to the win. Jones contributed 12 points for Kenya."
    assert all(claim.subject_key is None for claim in claims_of(text, "quantity"))
    assert quantity_findings(text) == []
    assert "contributed" not in quantity_data().events["deployed"]


def test_two_articles_giving_two_deployments_still_conflict():
    [found] = quantity_findings(
        "Kenya has deployed 700 police officers to Haiti.",
        "Kenya has deployed 1,000 police officers to Haiti.",
    )
    assert found.code == "FD101" and found.severity == "high"
