"""FD203 office-holder-conflict: one office given two holders at once.

An article that calls both "US Secretary of State Marco Rubio" and "US Secretary of State
Antony Blinken" without any date or "former" to set them apart gives one office two holders
at once. It is judged inside one article only, because two articles may be years apart, and
only for offices whose owner is written ("US", "Kenya's"): a bare "President" may be any
country's. What dates a mention is in ``offices``, shared with FD204 role-conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factdiff.judge import Examples, Rule, discrepancy
from factdiff.judge.offices import grouped, held_at_once, holder
from factdiff.models import Discrepancy, PersonClaim
from factdiff.text.fold import fold


def block_keys(claim: PersonClaim) -> Iterable[str]:
    if claim.office and claim.office_of:
        yield f"{claim.doc}|{claim.office.casefold()}|{claim.office_of}"


def judge(claims: Sequence[PersonClaim]) -> Iterable[Discrepancy]:
    by_holder = grouped(claims, holder)
    if len(by_holder) < 2:
        return
    for component in held_at_once(by_holder):
        sample = by_holder[component[0]][0]
        office = f"{sample.office} ({sample.office_of})"
        names = [max((c.name for c in by_holder[h]), key=len) for h in component]
        listed = " and ".join(f"“{name}”" for name in names)
        yield discrepancy(
            RULE,
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


RULE = Rule(
    code="FD203",
    name="office-holder-conflict",
    kind="role",
    reads=("person",),
    summary="One office (with its owner written) given to two people in one article, with nothing dating either.",
    why="Naming the wrong office holder is a common and embarrassing correction.",
    keys=block_keys,
    judge=judge,
    examples=Examples(
        catch=(
            (
                "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night. "
                "Later, US Secretary of State Antony Blinken said the mission would continue.",
            ),
            (
                "Kenya’s Interior Minister Kithure Kindiki visited the camp. "
                "Kenya’s Interior Minister Kipchumba Murkomen said the officers would be paid.",
            ),
        ),
        miss=(
            (
                "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night. Officers chat as they await "
                "the arrival of US Secretary of State Antony Blinken at the MSS base, Haiti September 5, 2024.",
            ),
            (
                "US Secretary of State Marco Rubio spoke to Ruto. "
                "He replaced US Secretary of State Antony Blinken, who backed the mission.",
            ),
            (
                "US Secretary of State Marco Rubio spoke to Ruto on Tuesday night.",
                "US Secretary of State Antony Blinken said the mission would continue.",
            ),
        ),
    ),
)
