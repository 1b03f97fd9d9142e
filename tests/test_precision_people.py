"""Precision of the people rules: whose event a date is (FD501), whom a pronoun points at
(FD202), and when two names are two people (FD201). Each false alarm is rebuilt as a made-up
sentence of the same shape as the real one, next to the true finding that must still fire."""

from __future__ import annotations

import pytest
from conftest import claims_of

from factdiff.api import find_discrepancies
from factdiff.load import make_document


def found(*texts: str, code: str) -> list:
    """The findings of ``code`` on the texts, taken as one story."""
    documents = [make_document(text, f"t{number}.txt") for number, text in enumerate(texts)]
    return [d for d in find_discrepancies(documents, one_story=True) if d.code == code]


def owners(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(c.text, c.event, c.subject) for c in claims_of(text, "date")]


def referents(text: str) -> list[tuple[str, str]]:
    return [(c.pronoun, c.refers_to) for c in claims_of(text, "pronoun")]


# FD501: the date must be the person's own event.


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # the possessor owns a nominal event; an unrecognised possessor is nobody we know
        ("Ruth Kane was passed over after the J. R. Hale's death in 1972.", ("1972", "died", None)),
        ("After Ruth Kane's sudden death in 1972, the board met.", ("1972", "died", "Ruth Kane")),
        ("Since the 2019 arrest of former Mayor Ruth Kane, little has changed.", ("2019", "arrested", "Ruth Kane")),
        # a relative clause belongs to the noun before 'who'
        (
            "Ruth Kane hoped to succeed J. R. Hale, who had led the board for years and died in May 1972.",
            ("May 1972", "died", None),
        ),
        ("The board was led by Ruth Kane, who died in May 1972.", ("May 1972", "died", "Ruth Kane")),
        # an apposition restates its subject; a possessor's relative is someone else
        ("Her husband, Oscar Kane, died in 1984.", ("1984", "died", "Oscar Kane")),
        ("Ruth Kane's husband died in 1984.", ("1984", "died", None)),
        ("Ruth Kane, 61, a former judge, died in 1984.", ("1984", "died", "Ruth Kane")),
        # negation: a negated mention has no event
        ("In 1985 prosecutors indicted 12 men, but not Ruth Kane.", ("1985", "indicted", None)),
        ("Ruth Kane was never arrested in 1985.", ("1985", "arrested", None)),
        # an event noun that modifies another noun is not the event
        ("An arrest warrant for Ruth Kane was issued on June 10, 2005.", ("June 10, 2005", None, None)),
        # active voice: a transitive event is its object's, not its subject's
        ("Police arrested Ruth Kane on June 12, 2005.", ("June 12, 2005", "arrested", "Ruth Kane")),
        ("Ruth Kane shot and killed two men in 2005.", ("2005", "assassinated", None)),
        ("A friend of Ruth Kane was arrested in 2005.", ("2005", "arrested", None)),
        # a participle opening the sentence belongs to the main clause's subject
        ("Born in 1928 in Ohio, Ruth Kane became a judge.", ("1928", "born", "Ruth Kane")),
    ],
)
def test_an_event_date_belongs_to_the_events_grammatical_owner(sentence, expected):
    assert owners(sentence) == [expected]


def test_an_indictment_is_not_an_arrest():
    [claim] = claims_of("Ms Ruth Kane was indicted in 1990 with 14 others.", "date")
    assert (claim.event, claim.subject) == ("indicted", "Ruth Kane")
    assert found("Ruth Kane was indicted in 1990.", "Ruth Kane was arrested in 1988.", code="FD501") == []
    [both] = found("Ruth Kane was indicted in 1990.", "Ruth Kane was indicted in 1991.", code="FD501")
    assert both.severity == "high"


def test_someone_elses_death_is_not_compared_with_the_persons_own():
    assert (
        found(
            "Ruth Kane was passed over after the J. R. Hale's death in 1972.", "Ruth Kane died in 2008.", code="FD501"
        )
        == []
    )
    assert (
        found(
            "Ruth Kane hoped to succeed J. R. Hale, who had led the board for years and died in May 1972.",
            "Ruth Kane died in 2008.",
            code="FD501",
        )
        == []
    )
    # the true finding beside it: the person's own death, dated two ways
    [death] = found("After Ruth Kane's death in 1972, the board met.", "Ruth Kane died in 1973.", code="FD501")
    assert death.severity == "high" and {v.value for v in death.variants} == {"1972", "1973"}


def test_a_relative_with_the_same_surname_is_compared_by_full_name():
    assert found("Her husband, Oscar Kane, died in 1984.", "Ruth Kane died in 2008.", code="FD501") == []
    [death] = found(
        "Her husband, Oscar Kane, died in 1984 after a long illness.",
        "Oscar Kane died in 1986 after a long illness, his family said.",
        code="FD501",
    )
    assert death.subject == "Oscar Kane died"


def test_a_negated_mention_dates_no_event():
    negated = "In 1985 prosecutors indicted 12 men, but not Ruth Kane."
    assert found(negated, "Ms Ruth Kane was indicted in 1990 with 14 others.", code="FD501") == []
    [indicted] = found(
        "Ruth Kane was indicted in 1985.", "Ms Ruth Kane was indicted in 1990 with 14 others.", code="FD501"
    )
    assert indicted.severity == "high"


def test_a_warrant_is_not_the_arrest():
    warrant = "An arrest warrant for Ruth Kane was issued on June 10, 2005."
    assert found(warrant, "Ruth Kane was arrested on June 12, 2005.", code="FD501") == []
    assert found("Ruth Kane was arrested on June 10, 2005.", "Ruth Kane was arrested on June 12, 2005.", code="FD501")


def test_a_surname_alone_is_not_high_severity():
    [date] = found(
        "Ms Kane was arrested in 2004 at her home in Ohio, the police said.",
        "Ms Kane was arrested in 2005 at her home in Ohio, the police said.",
        code="FD501",
    )
    assert date.severity == "medium"


# FD202: whom a pronoun points at.


def test_a_pronoun_never_reaches_into_a_quotation():
    text = "Ms Ruth Kane defended the choice. “It was a fine pick by Mr Oscar Vale,” she told reporters."
    assert referents(text) == []
    assert found(text, code="FD202") == []
    single = "Ms Ruth Kane defended the choice. 'It was a fine pick by Mr Oscar Vale,' she told reporters."
    assert found(single, code="FD202") == []
    # a whole quotation between the name and the pronoun is no boundary crossed
    [gender] = found("Ms Ruth Kane, who called the plan “a good start”, said he was proud.", code="FD202")
    assert gender.subject == "gender of Ms Ruth Kane"


def test_an_unnamed_person_before_the_pronoun_may_be_its_referent():
    deputy = "Mr Oscar Vale was being taken to court when he overpowered a deputy and took her keys."
    assert referents(deputy) == [("he", "Oscar Vale")]
    assert found(deputy, code="FD202") == []
    assert found("Mr Oscar Vale was being taken to court when she escaped.", code="FD202")


def test_a_speech_pronoun_is_the_source_not_a_name_in_another_clause():
    text = "The authorities did not know whether Ms Ruth Kane's car was involved, he said."
    assert referents(text) == []
    spokesman = "Nobody knew whether Ms Ruth Kane's car was involved, he said."
    assert referents(spokesman) == []
    assert found("Ms Ruth Kane said he would stand again.", code="FD202")


def test_another_person_of_the_pronouns_gender_nearby_leaves_it_unresolved():
    text = "Ms Ruth Kane met Mr Oscar Vale on Monday. They talked for an hour. Ms Ruth Kane said he was kind."
    assert found(text, code="FD202") == []
    alone = "Ms Ruth Kane met the board on Monday. They talked for an hour. Ms Ruth Kane said he was tired."
    assert found(alone, code="FD202")
    # a pronoun that agrees with its antecedent is still resolved beside another person
    assert ("she", "Ruth Kane") in referents("Mr Oscar Vale left. Ms Ruth Kane said she would stay.")


def test_a_pronoun_where_the_grammar_needs_be_is_a_typo():
    typo = "Ms Ruth Kane sang, and her voice can he heard across the valley."
    assert [p for p, _ in referents(typo)] == ["her"]
    assert found(typo, code="FD202") == []
    assert found("Ms Ruth Kane said he could be heard across the valley.", code="FD202")


# FD201: relatives, namesakes and firms.


def test_a_relative_is_not_the_namesake_misspelt():
    stepson = "Deputy Harry Lund was shot on Friday. In court, his widow read a letter by her stepson, Harvey Lund."
    assert found(stepson, code="FD201") == []
    son = "“It is over,” said 17-year-old Harvey Lund, one of the deputy's sons."
    assert found("Deputy Harry Lund was shot on Friday.", son, code="FD201") == []
    wife = "His wife, Ruth Vale, died in 1984."
    assert found(wife, "Ruth Val said the family was grateful.", code="FD201") == []


def test_two_common_given_names_with_roles_of_their_own_are_two_people():
    mayor = "Harvey Lund, the town's mayor, said the town was shocked."
    assert found("Deputy Harry Lund was shot on Friday.", mayor, code="FD201") == []


def test_one_role_or_a_bare_later_mention_keeps_the_slip():
    [same_role] = found(
        "Captain Harry Lund led the patrol. Harvey Lund, the patrol's captain, said it went well.", code="FD201"
    )
    assert same_role.severity == "high"
    bare = "The team's coach, Harry Lund, praised the players. “We were ready,” Harvey Lund told reporters."
    [slip] = found(bare, code="FD201")
    assert {v.value for v in slip.variants} == {"Harry Lund", "Harvey Lund"}


@pytest.mark.parametrize(
    "first, second",
    [
        ("Betty", "Bettie"),  # one sound spelt two ways
        ("Steven", "Stephen"),
        ("Latonya", "Latoya"),  # one edit
        ("Philip", "Phillip"),
    ],
)
def test_spelling_variants_of_one_given_name_are_still_reported(first, second):
    assert found(
        f"Film star {first} Marsh has died, aged 85.", f"Her agent said {second} Marsh died in hospital.", code="FD201"
    )


def test_a_firm_named_after_a_person_is_not_a_person():
    assert claims_of("Gordon Advisors managed the fund, and Jones Capital lent the money.", "person") == []
    assert found("Gordon Advisors managed the fund.", "Gordon Advisers said the fund was sound.", code="FD201") == []
