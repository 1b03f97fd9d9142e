"""People, pronouns and acronyms read from real-looking sentences."""

from __future__ import annotations

import pytest
from conftest import claims_of

from factdiff.api import find_discrepancies
from factdiff.load import make_document


def report_of(*texts: str):
    """Discrepancies in hand-picked texts, taken as one story (as a user who curated them would)."""
    return find_discrepancies([make_document(t, f"doc{i}.txt") for i, t in enumerate(texts)], one_story=True)


def test_title_given_name_and_surname():
    [person] = claims_of("Haitian National Police Director-General Rameau Normil chat as they wait.", "person")
    assert (person.title, person.given, person.surname) == ("Director-General", "Rameau", "Normil")


def test_honorific_initial_and_a_name_broken_across_paragraphs():
    [person] = claims_of("revealed by US Deputy Chief of Mission Ms Kimberly J.\n\nPenland who spoke.", "person")
    assert person.name == "Kimberly J. Penland" and person.text == "Kimberly J.\n\nPenland"
    assert (person.gender, person.initials) == ("female", "J.")


def test_a_name_parted_only_by_a_no_break_space_after_an_initial_is_read_as_its_words():
    people = claims_of(
        "Ms Kimberly Penland arrived on Monday. Later, K.\u00a0Penland said the plan was good.", "person"
    )
    assert [(p.given, p.initials, p.surname) for p in people] == [
        ("Kimberly", None, "Penland"),
        (None, "K.", "Penland"),
    ]


def test_surname_and_possessive_mentions_point_to_the_full_name():
    people = claims_of("Secretary-General Antonio Guterres met them. Later, Guterres’ letter was read.", "person")
    assert [p.name for p in people] == ["Antonio Guterres", "Guterres"]
    assert people[1].full_name == "Antonio Guterres"


def test_places_organisations_and_bare_titles_are_not_people():
    text = (
        "Fans met at Goodison Park near the Infant School. Human Rights Watch and the Australian Prime "
        "Minister spoke in El Salvador."
    )
    assert claims_of(text, "person") == []


def test_misspelt_given_name_in_one_article():
    [found] = report_of("Commander Godfrey Otunge arrived. According to Geoffrey Otunge, more ambushes will come.")
    assert found.code == "FD201" and found.severity == "high"


def test_different_people_with_close_names_are_not_merged():
    assert report_of("President William Ruto called Marco Rubio. Ruto said Rubio agreed.") == []
    assert report_of("Secretary John Kerry met John Kelly, the chief of staff.") == []
    assert report_of("Michael O'Neill spoke.", "Michelle O'Neill spoke.") == []


def test_nicknames_and_typography_are_not_variants():
    assert report_of("Senator Bill Clinton spoke.", "Senator William Clinton spoke.") == []
    assert report_of("Expert William O’Neil noted it.", "Expert William O'Neil noted it.") == []


def test_dropped_accent_is_a_low_severity_variant():
    [found] = report_of("President Jovenel Moise was killed.", "President Jovenel Moïse was killed.")
    assert found.severity == "low" and found.scope == "across"


def test_honorific_and_pronoun_disagree():
    [found] = report_of("The plan was revealed by Ms Kimberly Penland, who said he would present it.")
    assert found.code == "FD202"


def test_pronoun_with_two_possible_referents_is_not_resolved():
    text = "Ms Ann Lee met Mr Tom Berry and he said the plan was ready."
    assert claims_of(text, "pronoun") == []
    assert report_of(text) == []


def test_pronoun_inside_a_quote_is_not_resolved():
    assert claims_of("Ms Ann Lee wrote: “He acknowledged our role,” in a post.", "pronoun") == []


def test_acronym_definitions_and_typo():
    acronyms = claims_of("The Multinational Security Support (MSS) mission, the MSS and the MSS base.", "acronym")
    assert acronyms[0].expansion == "Multinational Security Support" and acronyms[0].text.endswith("(MSS)")
    [found] = report_of(
        "The Multinational Security Support (MSS) mission. The MSS said the MSS was ready. "
        "He was the first officer killed since the MMS’ deployment."
    )
    assert found.code == "FD301" and {v.value for v in found.variants} == {"MSS", "MMS"}


def test_well_known_and_frequent_acronyms_are_not_typos():
    assert report_of("The US and the UN met. The US said the UN and the US agreed. NATO and NASA too.") == []


def test_organisation_spelt_two_ways():
    [found] = report_of(
        "The Multinational Security Support (MSS) mission.",
        "The Multi-National Security Support (MSS) Mission.",
    )
    assert found.code == "FD302" and found.severity == "low"
    assert report_of("Rapid Support Forces (RSF) fought.", "Reporters Sans Frontieres (RSF) said.") == []


def test_given_names_with_different_initials_are_different_people():
    assert (
        report_of("Brian Wright, 55, told the court he was blinded.", "Arsenal legend Ian Wright presented it.") == []
    )


def test_pronoun_beside_an_unnamed_person_is_not_resolved():
    text = "The judge said Ms Colleen O'Neill had an appalling record and that he could not jail her."
    assert claims_of(text, "pronoun") == []


def test_glued_sentences_are_split_so_people_do_not_merge():
    text = "Mrs Sylvia Blackburn was hurt last December.Brian Wright told the court he was blinded."
    assert [p.refers_to for p in claims_of(text, "pronoun")] == ["Brian Wright"]
    assert report_of(text) == []


def test_declared_alias_links_two_spellings_instead_of_reporting_them():
    slip = "Sergei Shoigu led the ministry. Sergey Shoigu later moved to the security council."
    assert [d.code for d in report_of(slip)] == ["FD201"]
    declared = "Sergei Shoigu, also known as Sergey Shoigu, led the ministry. Sergey Shoigu later moved on."
    people = claims_of(declared, "person")
    assert people[1].name == "Sergey Shoigu" and people[1].alias_of == "Sergei Shoigu"
    assert report_of(declared) == []


def test_office_and_whose_office_it_is_are_read_before_the_name():
    [ruto, rubio] = claims_of(
        "In a phone call, Kenya’s President William Ruto told US Secretary of State Marco Rubio that the UN should act.",
        "person",
    )
    assert (ruto.office, ruto.office_of) == ("President", "Kenya")
    assert (rubio.office, rubio.office_of) == ("Secretary of State", "United States")


def test_one_office_with_two_undated_holders_is_reported():
    text = (
        "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night. "
        "Later, US Secretary of State Antony Blinken said the mission would continue."
    )
    [found] = report_of(text)
    assert found.code == "FD203" and found.subject == "Secretary of State (United States)"
    assert {v.value for v in found.variants} == {"Marco Rubio", "Antony Blinken"}


def test_office_holders_at_different_dates_are_not_a_conflict():
    text = (
        "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night. Officers chat as they await "
        "the arrival of US Secretary of State Antony Blinken at the MSS base, Haiti September 5, 2024."
    )
    assert report_of(text) == []
    former = "Kenya’s President William Ruto spoke on Monday. Kenya’s former President Uhuru Kenyatta agreed."
    assert report_of(former) == []


def test_bare_office_without_its_owner_is_not_compared():
    text = (
        "President William Ruto told reporters the force would stay. "
        "President Leslie Voltaire wrote to the Secretary-General."
    )
    assert report_of(text) == []


def test_one_person_with_two_offices_of_one_owner_is_reported():
    text = (
        "Kenya’s President William Ruto met the envoy. Kenya’s Deputy President William Ruto said the force would stay."
    )
    [found] = report_of(text)
    assert found.code == "FD204" and "William Ruto" in found.subject
    assert {v.value for v in found.variants} == {"President (Kenya)", "Deputy President (Kenya)"}


def test_organisation_names_keep_their_of_phrase_and_drop_a_leading_owner():
    orgs = claims_of(
        "Kenya’s National Police Service works with the US Department of Homeland Security on Friday.",
        "organisation",
    )
    assert [o.name for o in orgs] == ["National Police Service", "US Department of Homeland Security"]
    assert orgs[1].key == "unitedstatesdepartmentofhomelandsecurity"


def test_organisation_place_form_and_hyphenation_variants_are_low_severity():
    [police] = report_of(
        "The Nigeria Police Force said the suspects were held.", "A spokesman for the Nigerian Police Force denied it."
    )
    assert police.code == "FD303" and police.severity == "low" and police.scope == "across"
    assert "place name" in police.explanation
    [oecd] = report_of(
        "The Organisation for Economic Co-operation said growth slowed. "
        "The Organisation for Economic Cooperation added detail."
    )
    assert "hyphenation" in oecd.explanation


def test_organisation_typography_and_outlet_spelling_are_not_reported():
    assert report_of("The US Department of State said. The U.S. Department of State added.") == []
    assert report_of("The World Trade Organisation said.", "The World Trade Organization said.") == []
    [mixed] = report_of("The World Trade Organisation said. The World Trade Organization added.")
    assert "British and American spelling" in mixed.explanation


def test_defined_organisations_are_left_to_the_acronym_rules():
    text = "The World Food Programme (WFP) said. The World Food Program later said WFP needs money."
    assert [o.name for o in claims_of(text, "organisation")] == ["World Food Program"]


def test_romanised_given_names_are_a_low_severity_variant():
    [found] = report_of("Sergei Lavrov spoke on Monday. Sergey Lavrov later added detail.")
    assert found.severity == "low" and "romanise" in found.explanation
    # two outlets romanising one name their own ways is house style, not a slip of either
    assert report_of("Mr Yevgeny Prigozhin led the group.", "Mr Evgeny Prigozhin died in a crash.") == []


@pytest.mark.parametrize(
    ("sentence", "ages"),
    [
        ("Police arrested John Maddox, 34, on Friday in Leeds.", {"John Maddox": 34}),
        ("The victims were Alice McMeekin, 58, and Kathryn Jenkin, 20.", {"Alice McMeekin": 58, "Kathryn Jenkin": 20}),
        (
            "35-year-old Gary Gomes was held, and the 16-year-old Kimani Gray was freed.",
            {"Gary Gomes": 35, "Kimani Gray": 16},
        ),
        ("Sergeant Ann Lee, aged 41, was not hurt.", {"Ann Lee": 41}),
        (
            "Police identified the victims as Tanya Renee Wilson, 47; LaTonya Sharon Brown, 36; and Bryant A. Dalton, 39.",
            {"Tanya Renee Wilson": 47, "LaTonya Sharon Brown": 36, "Bryant A. Dalton": 39},
        ),
        ("Ms Ann Lee lives at Flat 4, 34 High Street, Leeds.", {}),
        ("The scores were John Maddox, 34, 28 and 19, the judges said.", {}),
        ("Wayne Rooney (2) and Ryan Giggs scored for United.", {}),
        ("Ms Ann Lee, 34.5 miles away, heard the blast.", {}),
        ("Mr John Maddox, 2019 champion, said he was pleased.", {}),
        ("Mr John Maddox, 45th on the list, said he was pleased.", {}),
        ("When a 17-year-old Kyle Rittenhouse opened fire in Kenosha, three men were shot.", {}),
        ("The then-17-year-old Kyle Rittenhouse shot three men in Kenosha.", {}),
        ("Top scorers this season: Erling Haaland, 10; Harry Kane, 8.", {}),
        ("Joe Root, 82, and Ben Stokes, 45, put on 120 runs for the fourth wicket.", {}),
    ],
)
def test_an_age_written_with_a_name_is_read_with_it(sentence, ages):
    people = claims_of(sentence, "person")
    assert {p.name: p.age for p in people if p.age} == ages
