"""Date claims and FD501: event dates at their written precision."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from conftest import claims_of

from factdiff.api import find_discrepancies, scan
from factdiff.extract import extract
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
    text = (
        "On July 7, 2021, President Jovenel Moïse was assassinated at his home. "
        "Gangs have grown since the 2021 assassination of Moïse. He was assassinated in July 2021."
    )
    assert [d for d in find_discrepancies([make_document(text, "a.txt")]) if d.code == "FD501"] == []


def test_seeds_have_no_date_discrepancy(seeds):
    from factdiff.api import scan

    assert [d for d in scan([seeds]).discrepancies if d.kind == "date"] == []


DATED = Path(__file__).parent / "data" / "dated"


@pytest.mark.parametrize(
    "phrase, reported, expected",
    [
        ("Aid arrived last October.", datetime.date(2024, 10, 15), (2023, 10, None)),
        ("Aid arrived last October.", datetime.date(2024, 12, 1), (2024, 10, None)),
        ("Aid arrived last October.", None, (None, 10, None)),
        ("The talks failed on Sunday.", datetime.date(2024, 10, 15), (2024, 10, 13)),
        ("Prices rose the previous year.", datetime.date(2024, 10, 15), (2023, None, None)),
        ("Prices rose this year.", datetime.date(2024, 10, 15), (2024, None, None)),
    ],
)
def test_relative_dates_are_resolved_from_the_report_date(phrase, reported, expected):
    [claim] = [c for c in extract(make_document(phrase, "a.txt", reported)) if c.kind == "date"]
    assert (claim.year, claim.month, claim.day) == expected and claim.relative


def test_relative_dates_are_never_guessed_without_a_report_date():
    text = "The talks failed on Sunday. Prices rose the previous year and this year."
    assert [c for c in extract(make_document(text, "a.txt")) if c.kind == "date"] == []


def test_dated_json_lines_articles(run):
    result = run("scan", str(DATED), "--format", "json")
    assert result.exit_code == 2  # a bad record is trouble, reported after everything else
    report = json.loads(result.stdout)
    assert [d["date"] for d in report["documents"]] == ["2024-06-26", "2024-10-15"]
    assert report["warnings"][0]["path"].endswith("haiti.jsonl#3")
    found = {d["code"]: d for d in report["discrepancies"]}
    assert {v["value"] for v in found["FD501"]["variants"]} == {"July 7, 2021", "July 17, 2021"}
    grown = found["FD102"]
    assert grown["severity"] == "low" and "changed between reports" in grown["explanation"]
    assert "FD101" not in found  # 400 in June and 800 in October is growth, not a contradiction


def test_date_option_dates_undated_articles(run, tmp_path):
    (tmp_path / "a.txt").write_text("Ruto said aid arrived last October, officials said.", encoding="utf-8")
    report = json.loads(run("claims", str(tmp_path), "--kind", "date", "--format", "json").output)
    assert report["claims"][0]["year"] is None
    result = run("scan", str(tmp_path), "--date", "2024-10-15", "--format", "json")
    assert json.loads(result.output)["documents"][0]["date"] == "2024-10-15"


def test_markdown_front_matter_dates_the_article_and_is_not_read_as_text(run, tmp_path):
    article = "---\ntitle: Kenya in Haiti\ndate: 2024-10-15\n---\nAid arrived last October, Ruto said.\n"
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    listing = json.loads(run("claims", str(tmp_path), "--kind", "date", "--format", "json").stdout)
    assert listing["documents"][0]["date"] == "2024-10-15"
    [claim] = listing["claims"]
    assert (claim["text"], claim["year"], claim["line"]) == ("last October", 2023, 5)


def test_the_seeds_agree_on_the_year_of_moises_assassination(seeds):
    [agreed] = [a for a in scan([seeds]).agreements if a.kind == "date"]
    assert agreed.subject == "Jovenel Moïse assassinated" and agreed.value == "2021"
    assert sorted(claim.text for claim in agreed.claims) == ["2021", "July 7, 2021"]
    assert len(agreed.corroborated_by) == 2 and agreed.independent == 2
