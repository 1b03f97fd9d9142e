"""Date claims and FD501: event dates at their written precision."""

from __future__ import annotations

import pytest

from conftest import claims_of
from factdiff.api import find_discrepancies
from factdiff.load import make_document


def dates(text: str):
    return [(c.text, c.year, c.month, c.day, c.precision) for c in claims_of(text, "date")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("On July 7, 2021, the president was killed.", ("July 7, 2021", 2021, 7, 7, "day")),
        ("He was sworn in on 7 July 2021 in the capital.", ("7 July 2021", 2021, 7, 7, "day")),
        ("The force was deployed in June 2024 after delays.", ("June 2024", 2024, 6, None, "month")),
        ("The decree dated 2024-06-25 was published.", ("2024-06-25", 2024, 6, 25, "day")),
        ("Richardson was arrested on July 23 in Pasadena.", ("July 23", None, 7, 23, "day")),
        ("Haiti requested help in 2022 from its neighbours.", ("2022", 2022, None, None, "year")),
        ("Since the 2021 assassination of the president, gangs have grown.", ("2021", 2021, None, None, "year")),
    ],
)
def test_surface_forms_keep_their_precision(sentence, expected):
    assert dates(sentence) == [expected]


def test_may_as_a_verb_is_not_a_date():
    assert dates("Officials say the mission May well end, and talks may 5 times fail.") == []


def test_the_event_is_read_in_the_dates_own_clause():
    [arrest] = claims_of("Mr Bazile Richardson was arrested on July 23 in Pasadena, Texas.", "date")
    assert (arrest.event, arrest.subject) == ("arrested", "Bazile Richardson")
    [opening] = claims_of("On July 7, 2021, Haiti’s then-President Jovenel Moïse was assassinated at his home.", "date")
    assert (opening.event, opening.subject) == ("assassinated", "Jovenel Moïse")
    [request] = claims_of(
        "The island nation had requested assistance in 2022, following President Jovenel Moise’s "
        "assassination the previous year.",
        "date",
    )
    assert request.event is None  # 2022 dates the request, not the assassination


def test_two_dates_for_one_event_of_one_person_are_reported():
    first = make_document("President Jovenel Moïse was assassinated on July 7, 2021 at his home.", "a.txt")
    second = make_document("President Jovenel Moïse was assassinated on July 8, 2021 at his home.", "b.txt")
    found = [d for d in find_discrepancies([first, second], one_story=True) if d.code == "FD501"]
    [date] = found
    assert date.severity == "high" and {v.value for v in date.variants} == {"July 7, 2021", "July 8, 2021"}
    assert "Jovenel Moïse" in date.explanation


def test_the_same_date_at_two_precisions_is_not_reported():
    text = ("On July 7, 2021, President Jovenel Moïse was assassinated at his home. "
            "Gangs have grown since the 2021 assassination of Moïse. He was assassinated in July 2021.")
    assert [d for d in find_discrepancies([make_document(text, "a.txt")]) if d.code == "FD501"] == []


def test_seeds_have_no_date_discrepancy(seeds):
    from factdiff.api import scan

    assert [d for d in scan([seeds]).discrepancies if d.kind == "date"] == []
