"""FD203 office-holder-conflict and FD204 role-conflict: who holds a one-holder office.

An article that calls both "US Secretary of State Marco Rubio" and "US Secretary of State
Antony Blinken" without any date or "former" to set them apart gives one office two holders
at once (FD203); one that calls the same person "Kenya's President" and "Kenya's Deputy
President" gives one person two offices (FD204). Both are judged inside one article only,
because two articles may be years apart, and only for offices whose owner is written
("US", "Kenya's"): a bare "President" may be any country's. A sentence with a year, a month,
or a word such as "former", "then", "late" or "new" places its holder in time, and two
holders at different times are not a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from factdiff.judge import Examples, Rule, connected_components, discrepancy
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.calendar import MONTH_WORDS
from factdiff.text.fold import fold
from factdiff.text.lexicon import people_data, phrase_pattern

YEAR = r"(?<![\d,.])(?:1[89]|20)[0-9]{2}(?![\d,])"


@cache
def _time_marker() -> re.Pattern[str]:
    words = phrase_pattern(people_data().time_markers, flags=0).pattern
    return re.compile(rf"{words}|{YEAR}|\b(?:{MONTH_WORDS})\b")


def dated(claim: PersonClaim) -> bool:
    """The sentence places the holder in time ('September 5, 2024', 'former', 'then-President')."""
    return _time_marker().search(claim.sentence) is not None


def holder(claim: PersonClaim) -> str:
    """Who holds it: the folded surname, so 'Ruto' and 'William Ruto' are one holder."""
    return fold(claim.surname)


def _groups(claims: Sequence[PersonClaim], part: Callable[[PersonClaim], str]) -> dict[str, list[PersonClaim]]:
    groups: dict[str, list[PersonClaim]] = {}
    for claim in claims:
        groups.setdefault(part(claim), []).append(claim)
    return groups


def _at_once(first: Sequence[PersonClaim], second: Sequence[PersonClaim]) -> bool:
    """Some undated mention of each: nothing says they held the office at different times."""
    return any(not dated(c) for c in first) and any(not dated(c) for c in second)


def held_at_once(groups: dict[str, list[PersonClaim]]) -> list[list[str]]:
    """Groups of keys whose mentions nothing sets apart in time."""
    return connected_components(sorted(groups), lambda a, b: _at_once(groups[a], groups[b]))


def holder_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.office and claim.office_of:
        yield f"{claim.doc}|{claim.office.casefold()}|{claim.office_of}"


def judge_holders(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    by_holder = _groups(claims, holder)
    if len(by_holder) < 2:
        return
    for component in held_at_once(by_holder):
        sample = by_holder[component[0]][0]
        office = f"{sample.office} ({sample.office_of})"
        names = [max((c.name for c in by_holder[h]), key=len) for h in component]
        listed = " and ".join(f"“{name}”" for name in names)
        yield discrepancy(
            HOLDERS,
            subject=office,
            key=f"office:{fold(office)}",
            variants=[(name, by_holder[h]) for name, h in zip(names, component, strict=False)],
            severity="medium",
            confidence=0.6,
            explanation=(
                f"{listed} are each called {office} in one article, and no date or word such as "
                "“former” sets them apart: one office with two holders at once."
            ),
        )


def role_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.office and claim.office_of:
        yield f"{claim.doc}|{holder(claim)}|{claim.office_of}"


def judge_roles(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    by_office = _groups(claims, lambda claim: claim.office.casefold())  # type: ignore[union-attr]
    if len(by_office) < 2:
        return
    for component in held_at_once(by_office):
        sample = by_office[component[0]][0]
        offices = [f"{by_office[o][0].office} ({sample.office_of})" for o in component]
        name = max((c.name for o in component for c in by_office[o]), key=len)
        yield discrepancy(
            ROLES,
            subject=f"role of {name}",
            key=f"role:{holder(sample)}:{fold(sample.office_of or '')}",
            variants=[(office, by_office[o]) for office, o in zip(offices, component, strict=False)],
            severity="medium",
            confidence=0.6,
            explanation=(
                f"{name} is called {' and '.join(f'“{o}”' for o in offices)} in one article, "
                "with no date or word such as “former” between the two: one of the roles is likely wrong."
            ),
        )


HOLDERS = Rule(
    code="FD203",
    name="office-holder-conflict",
    kind="role",
    reads=("person",),
    summary="One office (with its owner written) given to two people in one article, with nothing dating either.",
    why="Naming the wrong office holder is a common and embarrassing correction.",
    keys=holder_keys,
    judge=judge_holders,
    examples=Examples(
        catch=(
            (
                "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night. "
                "Later, US Secretary of State Antony Blinken said the mission would continue.",
            ),
        ),
        miss=(
            (
                "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night. Officers chat as they await "
                "the arrival of US Secretary of State Antony Blinken at the MSS base, Haiti September 5, 2024.",
            ),
        ),
    ),
)
ROLES = Rule(
    code="FD204",
    name="role-conflict",
    kind="role",
    reads=("person",),
    summary="One person given two offices of the same owner in one article, with nothing dating either.",
    why="A wrong title ('Deputy President' for the President) misinforms as much as a wrong name.",
    keys=role_keys,
    judge=judge_roles,
    examples=Examples(
        catch=(
            (
                "Kenya’s President William Ruto met the envoy. "
                "Kenya’s Deputy President William Ruto said the force would stay.",
            ),
        ),
        miss=(("Kenya’s President William Ruto spoke on Monday. Kenya’s former President Uhuru Kenyatta agreed.",),),
    ),
)
RULES = (HOLDERS, ROLES)
